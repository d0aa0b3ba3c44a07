"""attache: political event data (PLOVER) from news articles, with evidence."""

from __future__ import annotations

__version__ = "0.1.0"
