"""Longest-match scan of a token sequence against the gazetteer, titles and agent nouns.

The gazetteer keys are normalised token strings; ``first_len`` bounds how many tokens a
key starting with a given token can span, so each position costs at most a handful of
dict lookups and a whole article is scanned in a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from attache.actors.normalize import Token, is_acronym
from attache.actors.store import KBData

# Words that carry no identity in a noun phrase; skipped when composing a reading.
FUNCTION_WORDS = frozenset(
    """the a an his her its their our my your this that these those other others another
    both all some several many most each every any two three four five six seven eight
    nine ten dozens of from in for to at on by with between among fellow top senior
    former ex then new current acting incumbent outgoing visiting said also who which
    including such as well s 's mr mrs ms miss dr sir dame lord lady sheikh shaikh
    prince princess gen lt col maj adm rev imam ayatollah mullah comrade""".split()
)
CONJUNCTIONS = frozenset({"and", "&", "or", ",", ";", "nor", "plus"})


def _not_names() -> frozenset[str]:
    # Capitalised at the start of a sentence, "While", "After" or "Despite" are not names.
    from spacy.lang.en.stop_words import STOP_WORDS

    return (
        FUNCTION_WORDS
        | frozenset(w.lower() for w in STOP_WORDS)
        | frozenset(
            "despite after amid following according meanwhile earlier later yesterday today "
            "however although though since while when where until unless".split()
        )
    )


NOT_NAMES = _not_names()


@dataclass(slots=True)
class Item:
    """A matched span: tokens [i, j), what it is, and the gazetteer entries behind it."""

    i: int
    j: int
    kind: str  # gaz | title | agent | word | conj
    key: str
    entries: list[list[Any]]
    role: str = ""
    sector: str = ""

    def kinds(self) -> set[str]:
        return {e[0] for e in self.entries}


def _acronym_ok(entry: list[Any], toks: list[Token], i: int, j: int) -> bool:
    """Acronym names ("US", "IS") only match upper-case text, so "us" and "is" do not."""
    if not entry[4]:
        return True
    surface = "".join(t.surface for t in toks[i:j]).replace(".", "")
    if surface[-2:] in {"'s", "’s"}:
        surface = surface[:-2]  # "the EU's"
    return is_acronym(surface)


# Words that may stay in lower case inside a capitalised-only name ("the States").
CASE_FREE_WORDS = frozenset({"the", "of", "and", "for", "a", "an", "to", "in", "on", "de", "without", "with"})


def _case_ok(entry: list[Any], toks: list[Token], i: int, length: int) -> bool:
    """A one-word name of a person must be capitalised: "send", "major" and "rice" in
    running text are words, not Mr Send, John Major or Condoleezza Rice. So must a state,
    organisation or group name that is also an English word (marked at build time, see
    lexicon/name_case.yaml): "turkey", "chad" and "the island" are words, "Turkey" is
    the state."""
    if entry[0] in {"person", "surname"}:
        return length > 1 or toks[i].surface[:1].isupper()
    if len(entry) > 5 and entry[5]:
        return all(
            t.surface[:1].isupper() or t.surface[:1].isdigit() or t.key in CASE_FREE_WORDS
            for t in toks[i : i + length]
        )
    return True


def scan(
    kb: KBData,
    toks: list[Token],
    *,
    names_only: bool = False,
    need_capital: bool = False,
) -> list[Item]:
    """Cover ``toks`` left to right with the longest known spans.

    ``names_only`` restricts matches to the gazetteer (for mention finding in running
    text); ``need_capital`` requires the first token of a name to be capitalised there.
    """
    items: list[Item] = []
    n = len(toks)
    i = 0
    gaz, titles, agents = kb.gazetteer, kb.titles, kb.agents
    while i < n:
        first = toks[i].key
        if first in CONJUNCTIONS:
            items.append(Item(i, i + 1, "conj", first, []))
            i += 1
            continue
        maxlen = min(kb.first_len.get(first, 0), n - i)
        found: Item | None = None
        if not (need_capital and not toks[i].surface[:1].isupper()):
            for length in range(maxlen, 0, -1):
                key = " ".join(t.key for t in toks[i : i + length])
                entries = kb.entries(key) if key in gaz else None
                if entries:
                    ok = [
                        e
                        for e in entries
                        if _acronym_ok(e, toks, i, i + length) and _case_ok(e, toks, i, length)
                    ]
                    if ok:
                        found = Item(i, i + length, "gaz", key, ok)
                        break
                if names_only:
                    continue
                role = titles.get(key)
                if role:
                    found = Item(i, i + length, "title", key, [], role=role)
                    break
                sector = agents.get(key)
                if sector:
                    found = Item(i, i + length, "agent", key, [], sector=sector)
                    break
        if found is None:
            items.append(Item(i, i + 1, "word", first, []))
            i += 1
        else:
            items.append(found)
            i = found.j
    return items
