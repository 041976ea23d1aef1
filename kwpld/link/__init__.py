"""Linking records to Wikidata (placeholder during development)."""
