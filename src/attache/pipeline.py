"""The coder: clean -> NLP -> actors -> events.

Load once (the spaCy pipeline, the knowledge base and the lexicon are read
here), then code many articles. ``code_many`` parses articles in batches and
turns an article that fails into an ``InputError`` so one broken article never
kills a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from attache.actors import ActorKB, ArticleActors
from attache.clean import clean_article, load_patterns
from attache.events.extract import ArticleContext, EventExtractor
from attache.events.filter import EventFilter
from attache.nlp.headline import sentence_case
from attache.records import Article, ArticleResult, CleanArticle, InputError

BATCH_SIZE = 16


def parse_text(cleaned: CleanArticle, is_name: Callable[[str], bool] | None = None) -> str:
    """The text the parser reads: the cleaned text with a Title Case headline in sentence
    case (same length, so every offset holds for the cleaned text too)."""
    if not cleaned.article.title or "\n\n" not in cleaned.text:
        return cleaned.text
    headline, body = cleaned.text.split("\n\n", 1)
    return sentence_case(headline, body, is_name) + "\n\n" + body


class Coder:
    """Turns articles into event records."""

    def __init__(
        self,
        spacy_model: str | None = None,
        actors_files: Iterable[Path] = (),
        nlp: Language | None = None,
        keep_modal: bool = False,
        use_filter: bool = True,
        min_confidence: float = 0.0,
    ) -> None:
        from attache.nlp import load_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline(spacy_model)
        if not self.nlp.has_pipe("parser") and not self.nlp.has_pipe("senter"):
            raise ValueError(f"spaCy pipeline {spacy_model or 'attache'!r} has no parser: attache needs one")
        # Data files are read and checked here, so a broken one fails once, not per article.
        load_patterns()
        self.kb = ActorKB.load(extra_files=tuple(Path(p) for p in actors_files))
        self.extractor = EventExtractor()
        # The learned check on the rules' events (events/filter.json); off to train it.
        self.filter = EventFilter.load(igo_codes=self.kb.data.igos) if use_filter else None
        self.min_confidence = min_confidence
        # Negated and hypothetical events are kept in the records only on request:
        # CODING.md says they are not events.
        self.keep_modal = keep_modal

    def code(self, article: Article) -> ArticleResult:
        cleaned = clean_article(article)
        return self._events(cleaned, self.nlp(parse_text(cleaned, self._is_name)))

    def code_many(self, articles: Iterable[Article | InputError]) -> Iterator[ArticleResult | InputError]:
        """Code every article; bad input and failures come back as ``InputError`` in the stream."""
        items = iter(articles)
        while batch := list(islice(items, BATCH_SIZE)):
            good = [a for a in batch if isinstance(a, Article)]
            cleaned = [clean_article(a) for a in good]
            try:
                docs: list[Doc | None] = list(self.nlp.pipe(parse_text(c, self._is_name) for c in cleaned))
            except Exception:  # a batch that fails is parsed again one article at a time
                docs = [None] * len(cleaned)
            parsed = iter(zip(cleaned, docs, strict=True))
            for item in batch:
                if isinstance(item, InputError):
                    yield item
                    continue
                clean, doc = next(parsed)
                if not clean.text.strip():
                    yield InputError(origin=item.origin or item.id, message="article is all boilerplate")
                    continue
                try:
                    yield self._events(
                        clean, doc if doc is not None else self.nlp(parse_text(clean, self._is_name))
                    )
                except Exception as err:  # one broken article must not stop the batch
                    yield InputError(
                        origin=item.origin or item.id,
                        message=f"could not code article {item.id!r}: {type(err).__name__}: {err}",
                    )

    def _is_name(self, word: str) -> bool:
        """Whether the knowledge base knows a headline word as a name ("Argentina")."""
        return bool(self.kb.lookup(word))

    def _events(self, cleaned: CleanArticle, doc: Doc) -> ArticleResult:
        article = cleaned.article
        memory = ArticleActors(self.kb, on=article.date)
        context = ArticleContext(
            article_id=article.id, date=article.date, source=article.source, url=article.url
        )
        events = self.extractor.extract(doc, memory, context, cleaned.text)
        if self.filter is not None:
            events = self.filter.apply(events, self.min_confidence)
        if not self.keep_modal:
            events = [e for e in events if not (e.negated or e.hypothetical)]
        return ArticleResult(article=cleaned, events=events)
