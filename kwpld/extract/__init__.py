"""Extraction: the passes that read an article, in the order :mod:`kwpld.ingest.read` runs
them. A stage of its own below ingest: the passes read a :class:`~kwpld.reading.document.Document`
and what earlier passes found, and never import ingest, which runs them, merges what they find
and drafts records from it.

Each pass is a function ``(Context) -> Found`` (:mod:`kwpld.reading.state`): it reads the
document and what earlier passes found, and returns what it finds; the pipeline merges that in.
Modules are named for what their passes find:

* :mod:`.dates` — dates, and the article's date when nobody gives it;
* :mod:`.known_names` — names of records and pending drafts;
* :mod:`.organs`, :mod:`.abbreviations`, :mod:`.media`, :mod:`.people`, :mod:`.events` —
  discovery of entities the data folder does not know;
* :mod:`.mentions` — one matching pass over every name, known or new;
* :mod:`.honorifics`, :mod:`.documents`, :mod:`.quotes`, :mod:`.posts`,
  :mod:`.event_relations`, :mod:`.memberships`, :mod:`.article` — relations between what the
  text names.
"""
