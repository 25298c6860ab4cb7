"""Ingest: files, HTML, JSONL and stdin become ``Article`` records (or ``Failure`` records)."""
