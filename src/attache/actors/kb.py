"""``ActorKB``: the entry point of the actor knowledge base."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from attache.actors.entity import ActorEntity
from attache.actors.normalize import tokenize
from attache.actors.resolve import Resolver, _primary
from attache.actors.scan import NOT_NAMES, scan
from attache.actors.store import DEFAULT_ARTIFACT, KBData, Offices

# Surnames that are also common words or first names are only found after an article
# has introduced the person (see ArticleActors), never by the gazetteer scan.
_MIN_SURNAME = 4


@dataclass(slots=True)
class Mention:
    """A known actor name in running text: character span and what it stands for."""

    start: int
    end: int
    text: str
    entities: list[ActorEntity] = field(default_factory=list)
    kind: str = ""


class ActorKB:
    """States, organisations, groups, agent nouns and office holders over time."""

    def __init__(self, data: KBData) -> None:
        self.data = data
        self.resolver = Resolver(data)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorKB:
        """The shipped KB plus user actor files (later files override earlier ones)."""
        if not extra_files:
            return _default_kb()
        from attache.actors.userfile import merge_user_file

        kb = cls(KBData.from_file(DEFAULT_ARTIFACT))
        for path in extra_files:
            merge_user_file(kb.data, Path(path))
        return kb

    @classmethod
    def load_file(cls, path: Path) -> ActorKB:
        return cls(KBData.from_file(path))

    @property
    def states(self) -> dict[str, dict]:
        return self.data.states

    @property
    def offices(self) -> Offices:
        return self.data.offices

    # ------------------------------------------------------------------ queries
    def lookup(self, text: str, on: dt.date | None = None) -> list[ActorEntity]:
        """Actors a noun phrase stands for on ``on`` (None: today's holders).

        Returns [] for phrases without a state, organisation, group or known person
        ("protesters", "countries", "the situation"): a sector without a country is left
        to the caller, which knows the sentence.
        """
        return self.resolver.lookup(text, _day(on))

    def find_mentions(self, text: str, on: dt.date | None = None) -> list[Mention]:
        """Known actor names in ``text``: longest, non-overlapping, left to right."""
        on = _day(on)
        toks = tokenize(text)
        items = scan(self.data, toks, names_only=True, need_capital=True)
        out: list[Mention] = []
        for k, it in enumerate(items):
            if it.kind != "gaz":
                continue
            kind, entries = _primary(it)
            if kind == "place":
                continue
            if kind in {"surname", "person"} and " " not in it.key:
                # A single word standing for a person: only when everyone it can be is of
                # one state, it is not also a given name or a person without an office,
                # and no unknown given name precedes it ("Francesca Albanese").
                people = [e for e in it.entries if e[0] in {"surname", "person"}]
                prev = items[k - 1] if k else None
                if (
                    len({e[2] for e in people}) != 1
                    or len(it.key) < _MIN_SURNAME
                    or len(people) != len(it.entries)
                    or all(len(e) > 5 and e[5] for e in people)
                    or (
                        prev is not None
                        and prev.kind == "word"
                        and prev.j == it.i
                        and toks[prev.i].surface[:1].isupper()
                        and prev.key not in NOT_NAMES
                        # "President Trump", "Chancellor Merkel": a title, not a given name
                        and prev.key not in self.data.titles
                        and prev.key not in self.data.agents
                    )
                ):
                    continue
            start, end = toks[it.i].start, toks[it.j - 1].end
            if text[end - 2 : end] in {"'s", "’s"}:
                end -= 2  # the possessive is not part of the name
            surface = text[start:end]
            ents = self.resolver.lookup(surface, on)
            if ents:
                out.append(Mention(start, end, surface, ents, kind))
        return out


def _day(on: dt.date | None) -> dt.date | None:
    """A datetime counts as its day (dates and datetimes do not compare)."""
    return on.date() if isinstance(on, dt.datetime) else on


@functools.lru_cache(maxsize=1)
def _default_kb() -> ActorKB:
    return ActorKB(KBData.from_file(DEFAULT_ARTIFACT))
