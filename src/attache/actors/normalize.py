"""Text normalisation shared by the KB builder and the runtime, so keys always agree.

A key is lower case, diacritics folded, curly quotes straightened, dots dropped from
abbreviations ("U.S." -> "us"), hyphens read as spaces ("Kim Jong-un" = "Kim Jong Un")
and a possessive "'s" removed ("Russia's" -> "russia").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that NFKD does not decompose into base letter + accent.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "\u00a0": " ",
    }
)

# A final dot belongs to the word only for abbreviations ("U.S.", "Jr.", "St."): a
# sentence-final "Washington." must end before the dot so spans stay clean.
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ.][^\W_]+)+\.?|[^\W_]{1,2}\.|[^\W_]+|[,;&/()]", re.UNICODE)


def fold(text: str) -> str:
    """Remove diacritics and typographic variants, keep case."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the input: its normalised form, surface form and character span."""

    key: str
    surface: str
    start: int
    end: int


def _token_key(surface: str) -> str:
    low = surface.lower()
    if low.endswith("'s") and len(low) > 2:
        low = low[:-2]
    elif low.endswith("s'") and len(low) > 2:
        low = low[:-1]
    return low.replace(".", "").replace("'", "")


@lru_cache(maxsize=1 << 16)
def _surface_key(surface: str) -> str:
    # News repeats its words: folding each surface once per process saves most of a scan.
    return _token_key(fold(surface))


def tokenize(text: str) -> list[Token]:
    """Split into word tokens with character offsets into ``text``.

    Folding never changes string length for the characters we map 1:1, but NFKD and
    multi-letter replacements can; so offsets are computed on the original text and
    each token is folded separately.
    """
    return list(_tokenize(text))


@lru_cache(maxsize=1 << 14)
def _tokenize(text: str) -> tuple[Token, ...]:
    # The same phrases and sentences are looked up many times per article.
    out: list[Token] = []
    # Hyphens separate words, so treat them as spaces; keep offsets by replacing 1:1.
    scan = text.replace("-", " ").replace("–", " ").replace("—", " ").replace("‐", " ")
    for m in _TOKEN.finditer(scan):
        surface = m.group(0)
        key = _surface_key(surface)
        if not key:
            continue
        out.append(Token(key, surface, m.start(), m.end()))
    return tuple(out)


def norm_key(text: str) -> str:
    """The lookup key of a name: normalised tokens joined by single spaces."""
    return " ".join(t.key for t in tokenize(text) if t.key not in {",", ";", "(", ")"})


def is_acronym(surface: str) -> bool:
    """All-capital short names ("US", "IS", "PA") must match case-sensitively."""
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and " " not in surface
