"""The curation stage: review files, and a curator's decisions on the drafts they hold.

``kwpld ingest`` proposes; nothing it proposes is a record until a curator accepts it. This
stage owns everything after the proposal: the review file's format
(``articles/<id>.review.yaml``, :mod:`kwpld.review.curate`), writing it as YAML that reads
like the hand-written record files (:mod:`kwpld.review.yamlio`), the decisions (accept,
reject, rename, merge into a record) and what ``kwpld review`` shows
(:mod:`kwpld.review.listing`)::

    from kwpld.review import accept, review_listing

    print(review_listing("data").render(markup=False))
    accept("data", ["kim-jong-su"], with_dependencies=True)

Why a stage of its own: the review files are read and written by ingest (which writes them),
``kwpld serve``'s workbench, ``kwpld merge`` and the scorers alike. Ingest imports this
package; this package never imports ingest, so a decision on a draft never runs the reader.
"""

from __future__ import annotations

from .curate import (
    DRAFT_KINDS,
    KIND_FILES,
    PARTICIPATION,
    REVIEW_VERSION,
    AcceptResult,
    DraftItem,
    ReviewFile,
    accept,
    commit_writes,
    list_drafts,
    list_problems,
    load_review,
    merge,
    pending_drafts,
    reject,
    rename,
    render_articles,
    render_review,
    review_files,
)
from .listing import STATUSES, ArticleReview, Evidence, ReviewListing, Span, review_listing

__all__ = [
    "DRAFT_KINDS",
    "KIND_FILES",
    "PARTICIPATION",
    "REVIEW_VERSION",
    "STATUSES",
    "AcceptResult",
    "ArticleReview",
    "DraftItem",
    "Evidence",
    "ReviewFile",
    "ReviewListing",
    "Span",
    "accept",
    "commit_writes",
    "list_drafts",
    "list_problems",
    "load_review",
    "merge",
    "pending_drafts",
    "reject",
    "rename",
    "render_articles",
    "render_review",
    "review_files",
    "review_listing",
]
