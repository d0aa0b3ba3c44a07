"""Title Case headlines in sentence case, for the parser's eyes only.

"Obama Lauds Vietnam, Nudges It To Improve Its Human Rights Record": a parser
trained on ordinary sentences reads every capitalised word as a name and finds
no verb. Before parsing, the words of such a headline that the article itself
never capitalises mid-sentence, and that are no known names, are lower-cased ("Obama lauds Vietnam, nudges it
to improve its human rights record"). Names stay as they are. The change keeps
every character offset, so evidence and offsets still come from the text as
published.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_POSSESSIVE = re.compile(r"['’]s$")
# A headline is in Title Case when most of its longer words are capitalised.
_TITLE_CASE_SHARE = 0.75
_SENTENCE_END = {".", "!", "?", '"', "“", "”", ":"}


def _base(word: str) -> str:
    return _POSSESSIVE.sub("", word.rstrip(".,;:!?"))


def is_title_case(headline: str) -> bool:
    words = [w for w in _WORD.findall(headline) if len(w) > 3]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= _TITLE_CASE_SHARE


def names_in(body: str) -> set[str]:
    """Words the body capitalises where a sentence does not start: the article's names."""
    names: set[str] = set()
    for m in _WORD.finditer(body):
        word = m.group(0)
        if not word[0].isupper():
            continue
        before = body[: m.start()].rstrip()
        if before and before[-1] not in _SENTENCE_END and not before.endswith("\n"):
            names.add(_base(word))
    return names


def sentence_case(headline: str, body: str, is_name: Callable[[str], bool] | None = None) -> str:
    """The headline with the capitals of its ordinary words lowered, offsets unchanged.

    A word stays capitalised when the body capitalises it mid-sentence or when
    ``is_name`` (e.g. a knowledge-base lookup) knows it.
    """
    if not is_title_case(headline):
        return headline
    names = names_in(body)
    out = list(headline)
    for i, m in enumerate(_WORD.finditer(headline)):
        word = m.group(0)
        if i == 0 or not word[0].isupper() or word.isupper() or _base(word) in names:
            continue
        if is_name is not None and is_name(_base(word)):
            continue
        lowered = word.lower()
        if len(lowered) == len(word):
            out[m.start() : m.end()] = lowered
    return "".join(out)
