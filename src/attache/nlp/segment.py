"""News sentence rules around the parser.

The parser learns sentence boundaries from UD EWT (web text). News has
patterns EWT barely shows, so this component pins some token boundaries
before parsing. spaCy's parser treats a preset `is_sent_start` as a
constraint (True: must start a sentence, False: must not); a second
component after the parser mends the parses that still start a sentence at
a pinned token (an unattached word becomes a root whatever the constraint).

- A paragraph break ("\\n\\n") always starts a sentence, so no sentence ever
  crosses paragraphs and headlines without a full stop end at their break.
- A dateline ("SEOUL (Reuters) -", "UNITED NATIONS --", "KYIV, Ukraine —")
  belongs to the first sentence of its paragraph.
- After an abbreviation ("U.S.", "Feb.", "Gen.") a lower-case word or a digit
  continues the sentence; after a title ("Gen.", "Lt.") anything does; after
  initials ("U.S.", "U.N.") a capitalised word does unless it is a typical
  sentence opener ("The", "But", "He").
- A closing quotation mark stays with the sentence it closes.
- Within a paragraph, no sentence starts with a lower-case word or with
  closing punctuation (",", ")", ";"...): edited news never does, while the
  web text the parser learnt from often does.
- Within a line, a sentence starts only after something that can end one: a
  full stop, "?", "!", an abbreviation, a closing quote or bracket, a colon
  or a dash. Edited news ends its sentences with punctuation; the parser,
  trained on web text that often does not, otherwise breaks before names it
  has not seen ("... spoke to his counterpart, | Kim Kwan-jin").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT = "attache_news_sentences"
REPAIR_COMPONENT = "attache_news_sentences_repair"
# Doc.user_data key for the pinned boundaries, read again after parsing.
PINNED_KEY = "attache.pinned_sent_starts"
DATELINE_KEY = "attache.datelines"

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S., U.N., a.m.
_DASHES = {"-", "--", "—", "–", "---"}
_CLOSING_QUOTES = {"”", "’", "»"}
_STRAIGHT_QUOTES = {'"', "'", "''"}
_FINAL_PUNCT = {".", "!", "?", "...", "…"}
_NEVER_START = {",", ";", ":", ")", "]", "}", "%", "'s", "’s", "n't"}
# What a sentence can end with inside a line (besides a token ending in ".").
_MAY_END = _FINAL_PUNCT | _CLOSING_QUOTES | _STRAIGHT_QUOTES | _DASHES | {")", "]", ":", "“", "|"}
# Titles are followed by a name, never by a new sentence.
_TITLES = {
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Brig.",
    "Sgt.",
    "Capt.",
    "Cmdr.",
    "Adm.",
    "Pvt.",
    "Cpl.",
    "Sen.",
    "Sens.",
    "Rep.",
    "Reps.",
    "Gov.",
    "Pres.",
    "Amb.",
    "Rev.",
    "Msgr.",
    "Fr.",
    "St.",
    "Gens.",
    "Lt.-Gen.",
    "Maj.-Gen.",
    "Brig.-Gen.",
    "Lt.-Col.",
    "Rt.",
    "Hon.",
    "Supt.",
    "Insp.",
    "Det.",
    "No.",
    "Nos.",
}
# Capitalised words that usually open a sentence. After "U.S." any OTHER
# capitalised word ("U.S. Embassy", "U.S. President Biden") continues the
# sentence; these may start a new one ("... in the U.S. The talks ...").
_SENTENCE_OPENERS = {
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "His",
    "Her",
    "They",
    "Their",
    "We",
    "Our",
    "I",
    "You",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "However",
    "Meanwhile",
    "In",
    "On",
    "At",
    "For",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Since",
    "Although",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "Both",
}
# Longest plausible dateline, in tokens: "WASHINGTON, D.C. (Reuters) --" is 7.
_DATELINE_MAX = 12


def _paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the first non-space token of each paragraph after the first."""
    starts: list[int] = []
    prev: Token | None = None
    text = doc.text  # built on every access: once per doc, not per token
    for tok in doc:
        if tok.is_space:
            continue
        if prev is not None:
            gap = text[prev.idx + len(prev.text) : tok.idx]
            if _PARAGRAPH.search(gap):
                starts.append(tok.i)
        prev = tok
    return starts


def _first_word(doc: Doc, start: int) -> int | None:
    for tok in doc[start:]:
        if not tok.is_space:
            return tok.i
    return None


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash closing a dateline that begins at `start`, if any."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    depth = 0
    for tok in doc[start : min(len(doc), start + _DATELINE_MAX)]:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif depth == 0 and tok.text in _DASHES and tok.i > start:
            return tok.i
        elif depth == 0 and not (
            tok.is_upper or tok.is_title or tok.is_punct or tok.is_space or _INITIALS.match(tok.text)
        ):
            # A lower-case word before any dash: ordinary prose, not a dateline.
            return None
    return None


def _is_abbreviation(tok: Token) -> bool:
    text = tok.text
    return (
        len(text) > 1
        and text.endswith(".")
        and (text in _TITLES or bool(_INITIALS.match(text)) or (text[:-1].isalpha() and len(text) <= 6))
    )


def set_news_boundaries(doc: Doc) -> Doc:
    """Pin sentence boundaries the parser must respect (see module docstring)."""
    if len(doc) == 0:
        return doc
    pinned: dict[int, bool] = {}
    para_starts = _paragraph_starts(doc)
    for i in para_starts:
        pinned[i] = True
    first = _first_word(doc, 0)
    datelines: list[tuple[int, int]] = []
    for start in ([first] if first is not None else []) + para_starts:
        end = _dateline_end(doc, start)
        if end is not None:
            datelines.append((start, end))
            for i in range(start + 1, min(end + 2, len(doc))):
                pinned.setdefault(i, False)
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if nxt.i in pinned:
            continue
        if nxt.text in _NEVER_START or nxt.text[:1].islower():
            pinned[nxt.i] = False
        elif "\n" in tok.whitespace_:
            continue
        elif tok.text in _TITLES:
            pinned[nxt.i] = False
        elif _is_abbreviation(tok) and (nxt.is_lower or nxt.is_digit):
            pinned[nxt.i] = False
        elif _INITIALS.match(tok.text) and nxt.is_title and nxt.text not in _SENTENCE_OPENERS:
            pinned[nxt.i] = False
        elif nxt.text in _CLOSING_QUOTES and not tok.whitespace_:
            pinned[nxt.i] = False
        elif (
            nxt.text in _STRAIGHT_QUOTES
            and tok.text in _FINAL_PUNCT
            and not tok.whitespace_
            and (nxt.whitespace_ or nxt.i + 1 == len(doc) or doc[nxt.i + 1].is_space)
        ):
            # `said."` : a straight quote glued to the full stop and followed by
            # a space closes the quotation rather than opening a new one.
            pinned[nxt.i] = False
        elif not (tok.text in _MAY_END or tok.text.endswith(".") or tok.is_space):
            pinned[nxt.i] = False
    for i, value in pinned.items():
        if i > 0:
            doc[i].is_sent_start = value
    doc[0].is_sent_start = True
    doc.user_data[PINNED_KEY] = sorted(i for i, v in pinned.items() if not v)
    doc.user_data[DATELINE_KEY] = datelines
    return doc


def _root(sent: Span) -> Token:
    return sent.root


def repair_sentences(doc: Doc) -> Doc:
    """Merge sentences that start at a token pinned as non-initial.

    The parser treats "must not start a sentence" as a constraint on its Break
    transition only; an immature or unsure model can still leave the token
    unattached, which makes it a new root. Here the two sentences are joined:
    the root of the smaller part hangs from the root of the larger one
    (`punct` for punctuation, else `parataxis`), so the main clause keeps
    the root.
    """
    pinned = doc.user_data.get(PINNED_KEY) or []
    if not doc.has_annotation("DEP"):
        return doc
    for _ in range(len(pinned)):
        bad = next((i for i in pinned if i > 0 and doc[i].is_sent_start), None)
        if bad is None:
            break
        after = doc[bad].sent
        before = doc[bad - 1].sent
        big, small = (before, after) if len(before) >= len(after) else (after, before)
        head, dep = _root(big), _root(small)
        dep.head = head
        dep.dep_ = "punct" if dep.is_punct else "parataxis"
    for start, end in doc.user_data.get(DATELINE_KEY) or []:
        _reroot_dateline(doc, start, end)
    return doc


def _reroot_dateline(doc: Doc, start: int, end: int) -> None:
    """Make the clause after a dateline the root of its sentence.

    Web text has no datelines, so the parser often roots the sentence in
    "SEOUL" and hangs the real clause from it; event extraction looks for the
    main predicate at the root. The dateline's head becomes a `parataxis`
    dependent of the clause instead.
    """
    sent = doc[start].sent
    old_root = sent.root
    if not start <= old_root.i <= end:
        return
    hanging = [t for t in doc[end + 1 : sent.end] if start <= t.head.i <= end]
    content = [t for t in hanging if not t.is_punct]
    if not content:
        return
    new_root = max(content, key=lambda t: t.right_edge.i - t.left_edge.i)
    new_root.head = new_root
    new_root.dep_ = "ROOT"
    old_root.head = new_root
    old_root.dep_ = "parataxis"
    for tok in hanging:
        if tok is not new_root:
            tok.head = new_root


@Language.component(COMPONENT)
def news_sentences(doc: Doc) -> Doc:
    return set_news_boundaries(doc)


@Language.component(REPAIR_COMPONENT)
def news_sentences_repair(doc: Doc) -> Doc:
    return repair_sentences(doc)
