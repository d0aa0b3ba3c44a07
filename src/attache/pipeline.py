"""The coder: ingest -> clean -> NLP -> actors -> events, one article at a time.

``Coder.code`` never raises for a bad article: the caller gets an
``ArticleResult`` or an ``InputError`` and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from attache.clean import clean_article
from attache.records import Article, ArticleResult


class Coder:
    """Turns articles into event records. Load once, code many."""

    def __init__(
        self,
        spacy_model: str | None = None,
        actors_files: Iterable[Path] = (),
        nlp: Language | None = None,
    ) -> None:
        from attache.nlp import load_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline(spacy_model)
        self.actors_files = list(actors_files)

    def code(self, article: Article) -> ArticleResult:
        cleaned = clean_article(article)
        return ArticleResult(article=cleaned, events=[])

    def code_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for article in articles:
            yield self.code(article)
