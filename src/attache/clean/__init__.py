"""Clean stage: publisher boilerplate out, before anything else sees the text.

The patterns live in ``boilerplate.yaml``; what was removed travels with the
article as metadata so nothing is lost, but it is never used as evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from attache.records import Article, CleanArticle, RemovedText

BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.yaml")


class BoilerplateError(ValueError):
    """The boilerplate file is malformed."""


@lru_cache(maxsize=4)
def load_patterns(path: Path = BOILERPLATE_FILE) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (kind, compiled pattern) pairs of a boilerplate file, checked once."""
    try:
        kinds = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as err:
        line = f":{err.problem_mark.line + 1}" if err.problem_mark is not None else ""
        raise BoilerplateError(f"{path}{line}: {err.problem}") from None
    except (OSError, yaml.YAMLError) as err:
        raise BoilerplateError(f"{path}: {err}") from None
    compiled = []
    for kind, patterns in kinds.items():
        for pattern in patterns or []:
            try:
                compiled.append((str(kind), re.compile(str(pattern), re.IGNORECASE)))
            except re.error as err:
                raise BoilerplateError(f"{path}: {kind}: pattern {pattern!r}: {err}") from None
    return tuple(compiled)


def clean_article(article: Article) -> CleanArticle:
    """The article with boilerplate lines removed, paragraphs kept apart by blank lines.

    The headline, when there is one, is the first paragraph of the cleaned text.
    """
    patterns = load_patterns()
    removed: list[RemovedText] = []
    kept: list[str] = []
    title = _normalise(article.title or "")
    for line in article.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        text = line.strip()
        if not text:
            continue
        if title and _normalise(text) == title:
            removed.append(RemovedText(kind="repeated_headline", text=text))
            continue
        kind = next((k for k, pattern in patterns if pattern.match(text)), None)
        if kind is None:
            kept.append(re.sub(r"[ \t\u00a0]+", " ", text))
        else:
            removed.append(RemovedText(kind=kind, text=text))
    # The article's own headline reports its main event: it is coded as the first paragraph.
    if article.title and article.title.strip() and kept:
        kept.insert(0, re.sub(r"\s+", " ", article.title.strip()))
    return CleanArticle(article=article, text="\n\n".join(kept), removed=removed)


def _normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
