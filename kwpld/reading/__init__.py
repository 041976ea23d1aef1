"""The model of an article being read, and what it is read with.

A read-only :class:`~kwpld.reading.document.Document` (text, blocks, sentences, words), the
entities and facts found in it (:mod:`.entities`, :mod:`.facts`), the state the passes share
(:mod:`.state`), and what they read with: the lexicons (``lexicon.yaml``, ``facts.yaml``,
``organs.yaml``), the index of every known name (:mod:`.index`) and what the data folder
already holds (:mod:`.known`).

Why its own package: the passes that find names, organs, events and facts
(:mod:`kwpld.extract`), the identity of people across articles and the drafting of
records (:mod:`kwpld.ingest`) all build on this model; it builds on nothing of theirs.
"""
