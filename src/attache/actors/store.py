"""The built knowledge base in memory: states, organisations, people and their office spells.

The artifact (``data/kb.json.gz``, written by ``scripts/build_kb.py``) holds::

    states     ISO3 -> {name, un, capitals}
    igos       code -> {name}
    groups     name -> [code, sector]
    persons    [{name, country, spells: [[code, sector, office, "HOS|HOG", start, end,
                                            source, rank, note], ...]}, ...]
    gazetteer  normalised name -> entries [[kind, ref, code, sector, acronym(, weak)], ...],
               stored as one tab/newline-separated string per name and decoded on use
               kind: state demonym people seat igo members body group person surname
               place (cities, provinces, ports: code = their state, or none when the
               name is ambiguous or a curated non-actor place such as "Red Sea")
    agents     normalised agent noun -> sector
    titles     normalised office title -> role (HOS HOG FM DM VP LEADER)
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attache.actors.normalize import norm_key

DEFAULT_ARTIFACT = Path(__file__).resolve().parent / "data" / "kb.json.gz"

# When several roles are held at once, the most senior one names the person's office.
ROLE_ORDER = {"HOS": 0, "HOG": 1, "LEADER": 2, "VP": 3, "FM": 4, "DM": 5}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(slots=True)
class Spell:
    """One person in one office (or with one code/sector) over a date range."""

    pid: int
    code: str
    sector: str | None
    office: str | None
    roles: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    source: str
    rank: int
    note: str = ""

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def seniority(self) -> int:
        return min((ROLE_ORDER.get(r, 9) for r in self.roles), default=9)

    def span(self) -> str:
        a = self.start.isoformat() if self.start else "?"
        b = self.end.isoformat() if self.end else ""
        return f"{a}..{b}"


class Person:
    """A person; their spells are built from the raw rows on first use (most of the
    twenty thousand people are never looked up in a given run)."""

    __slots__ = ("pid", "name", "country", "_raw", "_spells")

    def __init__(self, pid: int, name: str, country: str | None, raw: str | list[list[Any]]) -> None:
        self.pid = pid
        self.name = name
        self.country = country
        self._raw = raw
        self._spells: list[Spell] | None = None

    @property
    def spells(self) -> list[Spell]:
        if self._spells is None:
            rows = decode_spells(self._raw) if isinstance(self._raw, str) else self._raw
            self._spells = [_spell(self.pid, row) for row in rows]
        return self._spells


_INT_REFS = frozenset({"person", "surname"})


def _entry(line: str) -> list[Any]:
    f: list[Any] = line.split("\t")
    if f[0] in _INT_REFS:
        f[1] = int(f[1])
    f[2] = f[2] or None
    f[3] = f[3] or None
    for i in range(4, len(f)):
        f[i] = int(f[i] or 0)
    return f


def decode_spells(text: str) -> list[list[Any]]:
    """Inverse of ``encode_spells`` in scripts/build_kb.py: rows of strings, '' = None."""
    if not text:
        return []
    rows: list[list[Any]] = []
    for chunk in text.split("^"):
        f: list[Any] = [v or None for v in chunk.split("~")]
        f[3] = f[3] or ""
        f[7] = int(f[7])
        rows.append(f)
    return rows


def _spell(pid: int, row: list[Any]) -> Spell:
    code, sector, office, roles, start, end, source, rank, *rest = row
    return Spell(
        pid,
        code,
        sector,
        office,
        tuple(r for r in roles.split("|") if r),
        _date(start),
        _date(end),
        source,
        rank,
        (rest[0] or "") if rest else "",
    )


class Offices:
    """Index of role spells: who held role R in state C on day D."""

    def __init__(self) -> None:
        self.by_role: dict[tuple[str, str], list[Spell]] = defaultdict(list)
        self.by_title: dict[tuple[str, str], list[Spell]] = defaultdict(list)
        self._leader_role: dict[str, str] = {}
        self._title_keys: dict[str, str] = {}

    def add(self, spell: Spell) -> None:
        for r in spell.roles:
            self.by_role[(spell.code, r)].append(spell)
        if spell.office and (spell.roles or spell.source == "curated"):
            key = self._title_keys.get(spell.office)
            if key is None:
                # "President (acting)" holds the office "President".
                base = re.sub(r"\(.*?\)", " ", spell.office)
                key = self._title_keys[spell.office] = norm_key(base)
            self.by_title[(spell.code, key)].append(spell)

    @staticmethod
    def _pick(spells: list[Spell], day: dt.date) -> Spell | None:
        best: Spell | None = None
        for s in spells:
            if not s.covers(day):
                continue
            if best is None or (s.rank, -(s.start or dt.date.min).toordinal()) < (
                best.rank,
                -(best.start or dt.date.min).toordinal(),
            ):
                best = s
        return best

    def holder(self, code: str, role: str, day: dt.date | None) -> Spell | None:
        """The holder of ``role`` in ``code`` on ``day`` (today when None)."""
        day = day or dt.date.today()
        got = self._pick(self.by_role.get((code, role), []), day)
        if got is None and role in {"HOS", "HOG"}:
            got = self._pick(self.by_role.get((code, "LEADER"), []), day)
        if got is None and role == "LEADER":
            pref = self.leader_role(code)
            got = self._pick(self.by_role.get((code, pref), []), day) or self._pick(
                self.by_role.get((code, "HOS" if pref == "HOG" else "HOG"), []), day
            )
        return got

    def by_office_title(self, code: str, title_key: str, day: dt.date | None) -> Spell | None:
        return self._pick(self.by_title.get((code, title_key), []), day or dt.date.today())

    def has_title(self, code: str, title_key: str) -> bool:
        return (code, title_key) in self.by_title

    def title_role(self, code: str, title_key: str) -> str | None:
        """The role the office of that title has in that state (Iran's President: HOG)."""
        for s in self.by_title.get((code, title_key), []):
            if s.roles:
                return s.roles[0]
        return None

    def leader_role(self, code: str) -> str:
        """Which of HOS/HOG runs the country: the role the last recorded effective
        leader (REIGN/Archigos) held, so "the Russian leader" is the president and
        "the British leader" the prime minister."""
        if code in self._leader_role:
            return self._leader_role[code]
        # Vote over the last few effective-leader spells: which of HOS/HOG did that
        # person hold in the middle of their time as leader?
        votes = {"HOS": 0, "HOG": 0}
        leaders = sorted(self.by_role.get((code, "LEADER"), []), key=lambda s: s.start or dt.date.min)
        for last in leaders[-3:]:
            a = last.start or dt.date(1945, 1, 1)
            b = min(last.end or dt.date.today(), dt.date.today())
            mid = a + (b - a) / 2
            for r in ("HOS", "HOG"):
                if any(s.pid == last.pid and s.covers(mid) for s in self.by_role.get((code, r), [])):
                    votes[r] += 1
        role = "HOG" if votes["HOG"] > votes["HOS"] else "HOS"
        self._leader_role[code] = role
        return role


class KBData:
    """Everything loaded from one artifact plus any user files merged into it."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.states: dict[str, dict[str, Any]] = raw["states"]
        self.igos: dict[str, dict[str, Any]] = raw["igos"]
        self.groups: dict[str, list[str]] = raw["groups"]
        # Values stay encoded strings until a name is first matched (see entries()).
        self.gazetteer: dict[str, str | list[list[Any]]] = raw["gazetteer"]
        self.agents: dict[str, str] = raw["agents"]
        self.titles: dict[str, str] = raw["titles"]
        self.persons: list[Person] = []
        self.offices = Offices()
        for name, country, spells, indexed in raw["persons"]:
            self.add_person(name, country, spells, index=bool(indexed))
        self.first_len: dict[str, int] = raw["first_len"]
        # phrase (as written) -> (state code, codes one of which the article must name,
        # sector, whether the state must be the one the article named most)
        self.context_epithets: dict[str, tuple[str, frozenset[str], str, bool]] = {
            phrase: (e["code"], frozenset(e["when"]), e.get("sector", "GOV"), bool(e.get("salient")))
            for e in raw.get("context_epithets", [])
            for phrase in e["phrases"]
        }

    def _index_key(self, key: str) -> None:
        toks = key.split(" ")
        if len(toks) > self.first_len.get(toks[0], 0):
            self.first_len[toks[0]] = len(toks)

    def add_person(
        self, name: str, country: str | None, spells: str | list[list[Any]], index: bool = True
    ) -> int:
        """Add a person; ``spells`` is the artifact's encoded string or a list of rows."""
        pid = len(self.persons)
        person = Person(pid, name, country, spells)
        self.persons.append(person)
        # Only spells with a role (or a curated office title) are reachable by title,
        # so only those are indexed now; the person's own list is built on demand.
        if index:
            for sp in person.spells:
                self.offices.add(sp)
        return pid

    def add_name(self, surface: str, entry: list[Any], front: bool = True) -> None:
        key = norm_key(surface)
        if not key:
            return
        lst = self.entries(key) or []
        self.gazetteer[key] = lst
        if front:
            lst.insert(0, entry)
        else:
            lst.append(entry)
        self._index_key(key)

    def entries(self, key: str) -> list[list[Any]] | None:
        """Gazetteer entries [kind, ref, code, sector, acronym(, weak)] for a name key."""
        got = self.gazetteer.get(key)
        if got is None or isinstance(got, list):
            return got
        decoded = [_entry(line) for line in got.split("\n")]
        self.gazetteer[key] = decoded
        return decoded

    @classmethod
    def from_file(cls, path: Path) -> KBData:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls(json.load(fh))
