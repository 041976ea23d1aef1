"""Ingest articles: raw text to records, mentions and evidence (see docs/ingest.md)."""
