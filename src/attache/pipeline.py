"""The coder: clean -> NLP -> actors -> events, one article at a time.

Load once (the spaCy pipeline, the knowledge base and the lexicon are read
here), then code many articles. ``code_many`` turns an article that fails
into an ``InputError`` and goes on, so one broken article never kills a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from attache.clean import clean_article
from attache.events.extract import ArticleContext, EventExtractor
from attache.records import Article, ArticleResult, InputError


class Coder:
    """Turns articles into event records."""

    def __init__(
        self,
        spacy_model: str | None = None,
        actors_files: Iterable[Path] = (),
        nlp: Language | None = None,
        keep_modal: bool = False,
    ) -> None:
        from attache.actors import ActorKB
        from attache.nlp import load_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline(spacy_model)
        self.kb = ActorKB.load(extra_files=tuple(Path(p) for p in actors_files))
        self.extractor = EventExtractor(find_mentions=self.kb.find_mentions)
        # Negated and hypothetical events are kept in the records only on request:
        # CODING.md says they are not events.
        self.keep_modal = keep_modal

    def code(self, article: Article) -> ArticleResult:
        from attache.actors import ArticleActors

        cleaned = clean_article(article)
        doc = self.nlp(cleaned.text)
        memory = ArticleActors(self.kb, on=article.date)
        context = ArticleContext(
            article_id=article.id, date=article.date, source=article.source, url=article.url
        )
        events = self.extractor.extract(doc, memory, context)
        if not self.keep_modal:
            events = [e for e in events if not (e.negated or e.hypothetical)]
        return ArticleResult(article=cleaned, events=events)

    def code_many(self, articles: Iterable[Article | InputError]) -> Iterator[ArticleResult | InputError]:
        """Code every article; bad input and failures come back as ``InputError`` in the stream."""
        for article in articles:
            if isinstance(article, InputError):
                yield article
                continue
            try:
                yield self.code(article)
            except Exception as err:  # one broken article must not stop the batch
                yield InputError(
                    origin=article.origin or article.id,
                    message=f"could not code article {article.id!r}: {type(err).__name__}: {err}",
                )
