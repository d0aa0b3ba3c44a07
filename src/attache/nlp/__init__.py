"""NLP stage: the spaCy pipeline attache parses with."""

from __future__ import annotations

from spacy.language import Language


def load_pipeline(name: str | None = None) -> Language:
    """Our shipped pipeline, or any installed spaCy pipeline by name or path."""
    import spacy

    if name:
        return spacy.load(name)
    return spacy.blank("en")
