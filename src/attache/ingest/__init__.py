"""Ingest stage: read articles as publishers put them online.

``read_articles`` yields an ``Article`` for every good article and an
``InputError`` (file and line) for every bad one; it never raises for bad
input, so one broken file never stops a batch.
"""

from __future__ import annotations

from attache.ingest.readers import SUFFIXES, read_articles

__all__ = ["SUFFIXES", "read_articles"]
