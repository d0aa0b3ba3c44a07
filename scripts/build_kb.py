#!/usr/bin/env python3
"""Build attache's actor knowledge base from ../shared/data/kb and the curated YAML lexicons.

    python scripts/build_kb.py [--shared ../shared] [--out src/attache/actors/data/kb.json.gz]

Inputs (read-only, never copied into the repo):
  kb/countries            states: ISO3, names, alternative spellings, demonyms, capitals (ODbL)
  kb/cia-factbook         heads of state and government 2015-10..2026-01 with "since" dates (CC0)
  kb/everypolitician-world foreign ministers in office 2022-12 (Wikidata CC0)
  kb/archigos, kb/reign   effective leaders 1945-2015 / 2015-2021 (citation requested)
  kb/cow-igo              names of international organisations (citation requested)
  kb/phoenix-dictionaries person aliases with dated roles, agent nouns, militant groups (MIT)
  src/attache/actors/data/lexicon/*.yaml  hand-curated lexicons (take precedence)

Output: one gzipped JSON file (see attache.actors.store for the layout) and a coverage
section appended to nothing: the figures are printed and written into
src/attache/actors/data/kb_stats.json, which KB_CARD.md quotes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import gzip
import html
import json
import re
import sys
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

from attache.actors.normalize import is_acronym, norm_key
from attache.actors.scan import CASE_FREE_WORDS

REPO = Path(__file__).resolve().parent.parent
LEXICON = REPO / "src" / "attache" / "actors" / "data" / "lexicon"

# Source ranks: lower wins when two sources give a holder of the same role on a date.
RANK = {"curated": 0, "factbook": 1, "everypolitician": 2, "archigos": 3, "reign": 3, "phoenix": 4}

# Names and surnames written surname-first in English news.
SURNAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "HKG", "MAC", "KHM"}

PHOENIX_SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "PTY",
    "OPP",
    "REB",
    "SPY",
    "UAF",
    "BUS",
    "CVL",
    "MED",
    "JRN",
    "EDU",
    "REL",
    "REF",
    "LAB",
    "AGR",
    "CRM",
    "ELI",
    "SOC",
    "IGO",
    "NGO",
}
# Phoenix/CAMEO sector codes that PLOVER folds into another sector.
PHOENIX_SECTOR_MAP = {
    "HLH": "MED",
    "MUS": "REL",
    "CHR": "REL",
    "BUD": "REL",
    "HIN": "REL",
    "JEW": "REL",
    "JAN": "REL",
    "SIK": "REL",
    "CTH": "REL",
    "DEV": "GOV",
    "ENV": "NGO",
    "HRI": "NGO",
    "INS": "REB",
    "SEP": "REB",
    "RAD": "REB",
    "MOD": "PTY",
    "IMG": "REB",
    "SET": "CVL",
}

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}

# Titles heading a Factbook "chief of state"/"head of government" entry, longest first.
FACTBOOK_TITLES = sorted(
    [
        "President of the Government",
        "Prime Minister",
        "Premier",
        "President",
        "Chancellor",
        "Federal Chancellor",
        "King",
        "Queen",
        "Emperor",
        "Emir",
        "Amir",
        "Sultan",
        "Supreme Leader",
        "Grand Duke",
        "Prince",
        "Co-prince",
        "Co-Prince",
        "Governor General",
        "Governor-General",
        "Captain Regent",
        "Captains Regent",
        "Chief Executive",
        "Chairman",
        "Chairwoman",
        "Pope",
        "Taoiseach",
        "Acting President",
        "Interim President",
        "Transitional President",
        "Acting Prime Minister",
        "Interim Prime Minister",
        "Transitional Prime Minister",
        "Caretaker Prime Minister",
        "State Counsellor",
        "Chief of State",
        "Council Chairman",
        "Chairman of the Presidential Council",
        "General Secretary",
        "Supreme Pontiff",
        "Transition President",
        "Federal President",
        "Head of State",
        "Sovereign Prince",
        "Crown Prince",
        "Interim Chief Executive",
        "Chair of the Council of Ministers",
        "Chairman of the Council of Ministers",
        "President of the Council of Ministers",
        "Premier of the State Council",
        "Vice President",
        "Head of Government",
        "Chairman of the State Administration Council",
        "Supreme Leader of the Islamic Emirate",
        "Acting Supreme Leader",
        "President, Presidential Council,",
        "GNU Interim Prime Minister",
        "Minister of State",
        "co-chiefs of state Captains Regent",
        "Sovereign Council Chair",
        "Secretary of State for Foreign and Political Affairs",
        "Sovereign Council Chair and Commander-in-Chief of the Sudanese Armed Forces General",
        "Overall Taliban Leader",
        "overall Taliban Leader",
        "Taliban Leader",
        "Prime Minister-designate",
        "President-elect",
    ],
    key=len,
    reverse=True,
)


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def parse_date(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text[:10])
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return None


def factbook_since(text: str) -> str | None:
    """'(since 19 March 2017)' or '(assumed office on 30 July 2024)' -> ISO date."""
    m = re.search(
        r"(?:since|assumed office on|took office on|sworn in on)\s+(?:(\d{1,2})\s+)?"
        r"([A-Za-z]+)\s+(\d{4})",
        text,
    )
    if not m:
        m2 = re.search(r"since\s+(\d{4})", text)
        return f"{m2[1]}-01-01" if m2 else None
    month = MONTHS.get(m[2].lower())
    if not month:
        return None
    day = int(m[1]) if m[1] else 1
    try:
        return dt.date(int(m[3]), month, day).isoformat()
    except ValueError:
        return None


# ----------------------------------------------------------------------------- states


def load_states(shared: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """ISO3 -> state record, and a name-key -> ISO3 index used to map other sources."""
    data = json.loads((shared / "data/kb/countries/countries.json").read_text())
    extra = yaml.safe_load((LEXICON / "states.yaml").read_text()) or {}
    states: dict[str, dict[str, Any]] = {}
    name_index: dict[str, str] = {}
    for c in data:
        iso = c["cca3"]
        if iso == "UNK":
            # Kosovo has no ISO 3166 code; the source's "UNK" is the coder's "unknown"
            # (CODING.md), which must never be a state. XKX is the code the EU and IMF use.
            iso = "XKX"
        names = [c["name"]["common"], c["name"]["official"]]
        for alt in c.get("altSpellings", []):
            # Two-letter ISO codes ("IN", "US") collide with English words; curated
            # names in states.yaml add the ones that are really used.
            if len(alt) <= 2 or alt.isupper() and len(alt) <= 3:
                continue
            names.append(alt)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = sorted({d for d in (dem.get("m"), dem.get("f")) if d})
        states[iso] = {
            "name": c["name"]["common"],
            "un": bool(c.get("unMember")),
            "independent": bool(c.get("independent")),
            "names": names,
            "demonyms": demonyms,
            "capitals": list(c.get("capital", [])),
            "seats": {},
        }
    for iso, e in extra.items():
        st = states.setdefault(
            iso,
            {
                "name": iso,
                "un": False,
                "independent": False,
                "names": [],
                "demonyms": [],
                "capitals": [],
                "seats": {},
            },
        )
        st["names"] = list(dict.fromkeys((e.get("names") or []) + st["names"]))
        st["demonyms"] = list(dict.fromkeys((e.get("demonyms") or []) + st["demonyms"]))
        st["seats"].update(e.get("seats") or {})
        for d in e.get("drop") or []:
            st["names"] = [n for n in st["names"] if n != d]
    for iso, st in states.items():
        for n in st["names"]:
            name_index.setdefault(norm_key(n), iso)
            if " " not in norm_key(n):
                STATE_WORDS.add(norm_key(n))
    # Names used by the Factbook, COW and Wikidata that the gazetteer spells otherwise.
    for n, iso in {
        "korea south": "KOR",
        "korea north": "PRK",
        "burma": "MMR",
        "drc": "COD",
        "congo brazzaville": "COG",
        "congo kinshasa": "COD",
        "cote d'ivoire": "CIV",
        "cote divoire": "CIV",
        "ivory coast": "CIV",
        "the bahamas": "BHS",
        "the gambia": "GMB",
        "the dominican": "DOM",
        "holy see vatican city": "VAT",
        "macedonia": "MKD",
        "swaziland": "SWZ",
        "czech republic": "CZE",
        "laos": "LAO",
        "turkey": "TUR",
        "united states of america": "USA",
        "united kingdom": "GBR",
        "russia": "RUS",
        "vietnam": "VNM",
        "east timor": "TLS",
        "timor leste": "TLS",
        "cabo verde": "CPV",
        "cape verde": "CPV",
        "micronesia": "FSM",
        "federated states of micronesia": "FSM",
        "kingdom of the netherlands": "NLD",
        "people's republic of china": "CHN",
        "republic of the congo": "COG",
        "democratic republic of the congo": "COD",
        "kosovo": "XKX",
        "virgin islands": "VIR",
        "curacao": "CUW",
        "saint martin": "MAF",
        "sint maarten": "SXM",
        "saint barthelemy": "BLM",
        "palestine": "PSE",
        "state of palestine": "PSE",
        "taiwan": "TWN",
        "eswatini": "SWZ",
    }.items():
        name_index[n] = iso
    if "XKX" in states:
        name_index["kosovo"] = "XKX"
    return states, name_index


def iso_for(name: str, name_index: dict[str, str]) -> str | None:
    key = norm_key(html.unescape(name))
    if key in name_index:
        return name_index[key]
    key2 = key.removeprefix("the ")
    return name_index.get(key2)


def cow_to_iso(shared: Path, name_index: dict[str, str]) -> dict[int, str]:
    out: dict[int, str] = {}
    manual = {
        2: "USA",
        200: "GBR",
        255: "DEU",
        260: "DEU",
        265: "DEU",
        365: "RUS",
        345: "SRB",
        315: "CZE",
        316: "CZE",
        678: "YEM",
        679: "YEM",
        680: "YEM",
        816: "VNM",
        817: "VNM",
        731: "PRK",
        732: "KOR",
        710: "CHN",
        713: "TWN",
        437: "CIV",
        490: "COD",
        484: "COG",
        775: "MMR",
        811: "KHM",
        812: "LAO",
        860: "TLS",
        402: "CPV",
        950: "FJI",
        511: "TZA",
        510: "TZA",
        347: "XKX",
        343: "MKD",
        572: "SWZ",
        364: "RUS",
        730: "KOR",
        300: "AUT",
        327: "VAT",
        221: "MCO",
        223: "LIE",
        331: "SMR",
        232: "AND",
        89: "UNK",
        99: "UNK",
        563: "ZAF",
        564: "ZAF",
        711: "CHN",
        712: "MNG",
        740: "JPN",
        337: "UNK",
        325: "ITA",
    }
    path = shared / "data/kb/cow-igo/states2016.csv"
    with path.open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            try:
                code = int(row["ccode"])
            except (KeyError, ValueError):
                continue
            iso = manual.get(code) or iso_for(row.get("statenme", ""), name_index)
            if iso:
                out[code] = iso
    out.update(manual)
    return out


# ----------------------------------------------------------------------------- persons


class People:
    """Persons with aliases and office spells, merged across sources."""

    def __init__(self) -> None:
        self.persons: list[dict[str, Any]] = []
        self.by_key: dict[tuple[str, str], int] = {}  # (country, name key) -> id
        self.by_sig: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)

    @staticmethod
    def surname_and_given(name: str, country: str | None) -> tuple[str, str]:
        toks = norm_key(re.sub(r"\(.*?\)", "", name)).split()
        toks = [
            t
            for t in toks
            if t
            not in {
                "jr",
                "sr",
                "ii",
                "iii",
                "sir",
                "dr",
                "lord",
                "king",
                "queen",
                "emperor",
                "prince",
                "sheikh",
            }
        ]
        if not toks:
            return "", ""
        if country in SURNAME_FIRST and len(toks) >= 2:
            return toks[0], " ".join(toks[1:])
        return toks[-1], toks[0]

    def add(
        self,
        name: str,
        country: str | None,
        source: str,
        aliases: list[str] | None = None,
        surname: str | None = None,
        merge: bool = True,
    ) -> int:
        name = re.sub(r"\s+", " ", name).strip()
        key = norm_key(name)
        ctry = country or ""
        pid = self.by_key.get((ctry, key))
        if pid is None:
            # An international official is the same person as the national politician
            # of that name (von der Leyen: DEU minister, then EU): one person, two codes.
            for other in self.by_name.get(key, []):
                if not ctry or not self.persons[other]["country"]:
                    pid = other
                    if ctry and not self.persons[other]["country"]:
                        self.persons[other]["country"] = country
                    break
        sur, given = self.surname_and_given(name, country)
        if pid is None and merge and sur:
            for cand in self.by_sig.get((ctry, sur, given), []):
                pid = cand
                break
        if pid is None:
            pid = len(self.persons)
            self.persons.append(
                {
                    "name": name,
                    "country": country,
                    "aliases": [],
                    "surnames": [],
                    "spells": [],
                    "sources": [source],
                }
            )
            self.by_key[(ctry, key)] = pid
            self.by_name[key].append(pid)
            if sur:
                self.by_sig[(ctry, sur, given)].append(pid)
        p = self.persons[pid]
        if source not in p["sources"]:
            p["sources"].append(source)
        for a in [name, *(aliases or [])]:
            if a and a not in p["aliases"]:
                p["aliases"].append(a)
                self.by_key.setdefault((ctry, norm_key(a)), pid)
        s = surname if surname is not None else sur
        if s and s not in p["surnames"]:
            p["surnames"].append(s)
        return pid

    def spell(
        self,
        pid: int,
        code: str,
        sector: str,
        office: str | None,
        roles: list[str],
        start: str | None,
        end: str | None,
        source: str,
        note: str = "",
    ) -> None:
        self.persons[pid]["spells"].append(
            [code, sector, office, "|".join(roles), start, end, source, RANK[source], note]
        )


def curated_offices(people: People) -> set[tuple[str, str]]:
    """Read offices.yaml; returns the (code, role) pairs it covers."""
    data = yaml.safe_load((LEXICON / "offices.yaml").read_text()) or {}
    extra = yaml.safe_load((LEXICON / "people.yaml").read_text()) or {}
    covered: set[tuple[str, str]] = set()
    pat = re.compile(
        r"^(.*?)\s*(\((?:acting|caretaker|interim)\))?\s+(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?$"
    )
    for code, offices in data.items():
        for off in offices:
            roles = off.get("roles") or []
            sector = off.get("sector", "GOV")
            for r in roles:
                covered.add((code, r))
            for h in off["holders"]:
                m = pat.match(h.strip())
                if not m:
                    raise SystemExit(f"offices.yaml: cannot read holder line {h!r} under {code}")
                name, acting, start, end = m[1], m[2], m[3], m[4]
                country = None if sector == "IGO" else code
                pid = people.add(name, country, "curated", aliases=extra.get(name))
                office = off["office"] + (f" {acting}" if acting else "")
                people.spell(pid, code, sector, office, roles, start, end, "curated")
    return covered


def apply_aliases(people: People) -> int:
    """people.yaml: aliases for everyone known under the name or a multi-word alias, and
    the entry's name as the display name of people only the data sources know (so the
    Factbook's "Alyaksandr Lukashenka" shows as "Alexander Lukashenko")."""
    extra = yaml.safe_load((LEXICON / "people.yaml").read_text()) or {}
    keys: dict[str, list[int]] = defaultdict(list)
    for (_ctry, key), pid in people.by_key.items():
        keys[key].append(pid)
    n = 0
    for name, aliases in extra.items():
        aliases = list(aliases or [])
        probe = [name] + [a for a in aliases if len(norm_key(a).split()) >= 2]
        pids = dict.fromkeys(pid for a in probe for pid in keys.get(norm_key(a), []))
        for pid in pids:
            p = people.persons[pid]
            if "curated" not in p["sources"] and p["name"] != name:
                p["aliases"].insert(0, name)
                p["name"] = name
            for a in aliases:
                if a not in p["aliases"]:
                    p["aliases"].append(a)
                    n += 1
    return n


ROMAN = re.compile(r"^(?=[IVXL]+$)X{0,3}(IX|IV|V?I{0,3})$")
RANKS = re.compile(
    r"^(?:(?:Gen|Maj|Lt|Col|Brig|Adm|Dr|Field Marshal|Marshal|General|Sheikh|Mullah)"
    r"\.?\s*)+",
    re.I,
)


def _titlecase_caps(text: str) -> str:
    """'Joseph R. BIDEN, Jr.' -> 'Joseph R. Biden Jr.'; CAPS surnames to title case."""
    words = []
    for i, w in enumerate(text.replace(",", " ").split()):
        if i and ROMAN.match(w):
            words.append(w)  # Charles III, Carl XVI Gustaf
            continue
        parts = []
        for part in w.split("-"):
            letters = [c for c in part if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                part = part[:1] + part[1:].lower()
                part = re.sub(r"^(Mc|O')(\w)", lambda m: m[1] + m[2].upper(), part)
            parts.append(part)
        words.append("-".join(parts))
    return " ".join(words)


def parse_factbook_holder(text: str) -> tuple[str, str, str | None, str] | None:
    """First office holder in a Factbook executive field: (title, name, since, surname)."""
    text = html.unescape(text).replace("\xa0", " ").strip().strip('"').strip()
    seg = re.split(r";|\bnote\b", text, maxsplit=1)[0].strip()
    title = ""
    for t in FACTBOOK_TITLES:
        if seg.startswith(t + " "):
            title = t
            break
    if not title:
        # "Transition Prime Minister X", "Sultan and Prime Minister X": a known title a
        # few words in, before the first CAPS name.
        for t in FACTBOOK_TITLES:
            at = seg.find(t + " ")
            if 0 < at and len(seg[:at].split()) <= 4:
                title = seg[: at + len(t)]
                break
    if not title and not re.match(r"^[A-Z][A-Z'\-]+\b", seg):
        return None  # no known title and no CAPS name first: a note, not a holder
    rest = seg[len(title) :].strip().lstrip(",").strip()
    since = factbook_since(seg)
    # "(Prime Minister-equivalent)", "(Labor)": asides that are not the date.
    rest = re.sub(r"\((?![^)]*\b(?:since|assumed|took)\b)[^)]*\)", " ", rest).strip()
    rest = (
        re.split(
            r"\(|\s-\s|\bsince\b|,\s*(?:who|previously)|\balso (?:spelled|known)\b|"
            r"\bserves\b|\bis\b",
            rest,
        )[0]
        .strip()
        .rstrip(",")
    )
    rest = rest.replace('"', " ").replace("“", " ").replace("”", " ")
    rest = RANKS.sub("", rest).strip()
    if not rest or not any(c.isupper() for c in rest):
        return None
    words = rest.replace(",", " ").split()

    def caps_word(w: str) -> bool:
        # "SASSOU-Nguesso": one all-caps part marks the surname
        return any(
            sum(c.isupper() for c in part) >= 2 and all(c.isupper() or not c.isalpha() for c in part)
            for part in w.split("-")
        )

    is_caps = [caps_word(w) for w in words]
    if not any(is_caps):
        return None
    first = is_caps.index(True)
    # Given names are the capitalised words right before the CAPS surname; anything
    # further left is the rest of a long title ("of the Swiss Confederation").
    lo = first
    while (
        lo > 0
        and first - lo < 3
        and words[lo - 1][:1].isupper()
        and words[lo - 1] not in NOT_GIVEN
        and norm_key(words[lo - 1]) not in STATE_WORDS
    ):
        lo -= 1
    words = words[lo:]
    caps = [w.strip(",.") for w, c in zip(words, is_caps[lo:], strict=True) if c]
    name = _titlecase_caps(" ".join(words))
    if len(name) < 3 or len(name) > 60:
        return None
    surname = norm_key(_titlecase_caps(" ".join(caps))) if caps else ""
    return title, name, since, surname


NOT_GIVEN = {
    "Confederation",
    "Government",
    "Council",
    "Ministers",
    "Republic",
    "Presidency",
    "Federation",
    "Union",
    "State",
    "Spain",
    "Kingdom",
    "Presidential",
    "Sovereign",
    "Administration",
    "Transitional",
    "Islamic",
    "Emirate",
    "Military",
    "Minister",
    "Prime",
    "Acting",
    "President",
    "Premier",
    "Chancellor",
    "Interim",
    "Caretaker",
}

# Single words of state names ("Afghanistan"), filled by load_states: never given names.
STATE_WORDS: set[str] = set()

FACTBOOK_ROLE = {"chief of state": "HOS", "head of government": "HOG"}


def factbook_spells(
    shared: Path,
    people: People,
    name_index: dict[str, str],
    covered: set[tuple[str, str]],
    states: dict[str, dict[str, Any]],
) -> dict[str, int]:
    path = shared / "data/kb/cia-factbook/factbook_executive_timeline.csv"
    gec_iso = factbook_gec_codes(shared, name_index)
    rows: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    unmapped: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            role = FACTBOOK_ROLE.get(row["field"])
            if not role:
                continue
            iso = gec_iso.get(row["gec"]) or iso_for(row["country"].strip(), name_index)
            if not iso:
                unmapped.add(row["country"])
                continue
            if (
                role == "HOS"
                and not states[iso]["independent"]
                and not states[iso]["un"]
                and iso not in {"TWN", "PSE", "ESH", "XKX"}
            ):
                # A territory's chief of state is its sovereign's (the US president for
                # Guam): coding him there would make a second Donald Trump.
                continue
            rows[(iso, role)].append(row)
    stats = {"rows": 0, "spells": 0, "unparsed": 0}
    both_note = set()
    for (iso, role), rs in sorted(rows.items()):
        rs.sort(key=lambda r: r["snapshot_date"])
        holders: list[list[Any]] = []  # [title, name, start, surname, last_seen]
        for r in rs:
            stats["rows"] += 1
            if "both chief of state and head of government" in r["text"]:
                both_note.add(iso)
            text = html.unescape(r["text"]).strip().strip('"')
            if re.match(r"(?i)^(?:\w+\s+)?\(?vacant\)?", text):
                # The office fell vacant (Afghanistan 2021, Syria 2024): close the spell.
                when = re.search(r"on (\d{1,2} [A-Z][a-z]+,? \d{4})", text)
                day = factbook_since("since " + when[1].replace(",", "")) if when else None
                if holders and holders[-1][1] is not None:
                    holders.append([None, None, day or r["snapshot_date"], "", r["snapshot_date"]])
                continue
            got = parse_factbook_holder(r["text"])
            if not got:
                stats["unparsed"] += 1
                continue
            title, name, since, surname = got
            if set(norm_key(name).split()) & ORG_WORDS - {"of", "the", "and", "for"}:
                stats["unparsed"] += 1
                continue  # "Executive Council", not a person
            start = since or r["snapshot_date"]
            if holders and holders[-1][1] is not None and _same_holder(holders[-1], name, surname):
                # Same holder re-described; keep the earliest start and the latest
                # spelling (the Factbook fixes its typos).
                if holders[-1][2] > start and since:
                    holders[-1][2] = start
                holders[-1][1], holders[-1][3] = name, surname or holders[-1][3]
                holders[-1][4] = r["snapshot_date"]
                continue
            if holders and start <= holders[-1][2]:
                # "since" before the previous holder's start: the change was only observed
                # at this snapshot.
                start = r["snapshot_date"]
            holders.append([title, name, start, surname, r["snapshot_date"]])
        for i, (title, name, start, surname, _seen) in enumerate(holders):
            end = holders[i + 1][2] if i + 1 < len(holders) else None
            if name is None:
                continue
            roles = [role]
            if iso in both_note and role == "HOS" and (iso, "HOG") not in covered:
                roles = ["HOS", "HOG"]
            short = None
            toks = name.split()
            if surname and len(toks) > 2 and iso not in SURNAME_FIRST:
                # "Justin Pierre James Trudeau" is "Justin Trudeau" in the news.
                short = toks[0] + " " + " ".join(w for w in toks if norm_key(w) in surname.split())
            aliases = [short] if short and short != name else None
            if (iso, role) in covered:
                # Curated spells win; still learn the person's name variants.
                pid = people.add(name, iso, "factbook", aliases=aliases, surname=surname or None)
                continue
            pid = people.add(name, iso, "factbook", aliases=aliases, surname=surname or None)
            default = {"HOS": "Head of State", "HOG": "Head of Government"}[role]
            office = title.replace("-elect", "") or default
            people.spell(pid, iso, "GOV", office, roles, start, end, "factbook")
            stats["spells"] += 1
    if unmapped:
        log(f"factbook: unmapped country names: {sorted(unmapped)[:20]}")
    return stats


def factbook_gec_codes(shared: Path, name_index: dict[str, str]) -> dict[str, str]:
    """Factbook GEC code -> ISO3, from each profile's conventional names."""
    out: dict[str, str] = {}
    for path in (shared / "data/kb/cia-factbook/head").glob("*/*.json"):
        try:
            gov = json.loads(path.read_text(encoding="utf-8")).get("Government", {})
        except (OSError, ValueError):
            continue
        names = gov.get("Country name", {})
        for field in ("conventional short form", "conventional long form", "abbreviation"):
            text = (names.get(field) or {}).get("text", "")
            iso = iso_for(text, name_index) if text and text.lower() != "none" else None
            if iso:
                out[path.stem] = iso
                break
    return out


def _same_holder(prev: list[Any], name: str, surname: str) -> bool:
    """The Factbook re-describes holders ("Joseph R. BIDEN Jr." / "Joseph R. BIDEN, Jr.");
    compare the CAPS surnames, which family names like "Al Thani" do not fool."""
    if surname and prev[3]:
        a, b = norm_key(prev[1]).split(), norm_key(name).split()
        return bool(set(surname.split()) & set(prev[3].split())) and (a[:1] == b[:1] or a[-1:] == b[-1:])
    return norm_key(prev[1]).split()[-1:] == norm_key(name).split()[-1:]


def everypolitician_fms(
    shared: Path, people: People, name_index: dict[str, str], covered: set[tuple[str, str]]
) -> int:
    path = shared / "data/kb/everypolitician-world/sources_foreign_wikidata.csv"
    n = 0
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            iso = iso_for(row.get("countryLabel", ""), name_index)
            if not name or not iso or re.fullmatch(r"Q\d+", name):
                continue
            pid = people.add(name, iso, "everypolitician")
            if (iso, "FM") in covered:
                continue
            start = parse_date(row.get("start")) or None
            people.spell(
                pid,
                iso,
                "GOV",
                row.get("positionLabel") or "Foreign Minister",
                ["FM"],
                start,
                None,
                "everypolitician",
                note="in office 2022-12-10",
            )
            n += 1
    return n


def leader_spells(
    shared: Path, people: People, cow: dict[int, str], covered: set[tuple[str, str]]
) -> dict[str, int]:
    """Effective leaders: Archigos (to 2015) then REIGN (to 2021-03), role LEADER."""
    stats = {"archigos": 0, "reign": 0}
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    path = shared / "data/kb/archigos/archigos_4.1_spells_derived.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            end = parse_date(row["enddate"])
            start = parse_date(row["startdate"])
            if not start or (end and end < "1945-01-01"):
                continue
            try:
                iso = cow.get(int(row["ccode"]))
            except ValueError:
                continue
            if not iso or iso == "UNK":
                continue
            uri = row.get("dbpedia.uri") or ""
            name = row["leader"]
            if uri.startswith("http"):
                full = urllib.parse.unquote(uri.rsplit("/", 1)[-1]).replace("_", " ")
                full = re.sub(r"\s*\(.*?\)\s*", " ", full).strip()
                if full and norm_key(row["leader"]).split()[-1:] == norm_key(full).split()[-1:]:
                    name = full
                elif full:
                    name = full
            if set(norm_key(name).split()) & (ORG_WORDS - {"of", "the", "and", "for"}):
                continue  # "Executive council": a collective, not a person
            pid = people.add(
                name, iso, "archigos", aliases=[row["leader"]] if name != row["leader"] else None
            )
            if end == "2015-12-31":
                end = None  # still in office when Archigos stops; REIGN may close it
            people.spell(pid, iso, "GOV", "Leader", ["LEADER"], start, end, "archigos")
            seen[(iso, norm_key(row["leader"]))].append(start)
            stats["archigos"] += 1
    path = shared / "data/kb/reign/leaderlist_3_21.csv"
    with path.open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            try:
                iso = cow.get(int(row["ccode"]))
                sy, sm, sd = int(row["syear"]), int(row["smonth"]), int(row["sdate"] or 1)
            except (ValueError, KeyError):
                continue
            if not iso or iso == "UNK":
                continue
            try:
                start = dt.date(sy, sm, min(sd, 28)).isoformat()
            except ValueError:
                continue
            end = None
            if row.get("eyear") and row.get("emonth"):
                try:
                    end = dt.date(int(row["eyear"]), int(row["emonth"]), 15).isoformat()
                except ValueError:
                    end = None
            key = (iso, norm_key(row["leader"]))
            pid = None
            if key in seen:
                # Same person as an Archigos spell: close its open end with REIGN's.
                for p_id in [people.by_key.get((iso, key[1]))]:
                    pid = p_id
                if pid is not None:
                    for sp in people.persons[pid]["spells"]:
                        if sp[6] == "archigos" and sp[5] is None and end:
                            sp[5] = end
                continue
            if end and end < "2015-01-01":
                continue
            pid = people.add(row["leader"], iso, "reign")
            people.spell(pid, iso, "GOV", "Leader", ["LEADER"], start, end, "reign")
            stats["reign"] += 1
    return stats


def _phoenix_date(text: str) -> str | None:
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    if len(text) != 8:
        return None
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def _phoenix_name(raw: str) -> str:
    raw = raw.strip().lstrip("+").strip().rstrip("_").replace("_", " ").strip()
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in raw.split())


def parse_phoenix_actors(path: Path) -> list[dict[str, Any]]:
    """TABARI actor blocks: names (first line + synonyms) and [CODE range] # comment lines."""
    blocks: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    code_re = re.compile(r"\[([A-Z~]{3,15})\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\]\s*(#.*)?")
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            body = line.split("#", 1)[0] if not line.startswith(("\t", " ")) else line
            if line.startswith(("\t", " ")) and "[" in line:
                if cur is None:
                    continue
                for m in code_re.finditer(line):
                    cur["codes"].append((m[1], m[2] or "", (m[3] or "").lstrip("# ").strip()))
                continue
            name_part = body.split("[", 1)[0].strip()
            codes_inline = list(code_re.finditer(body))
            is_syn = line.startswith("+") or (cur is not None and not cur["codes"])
            if is_syn and cur is not None:
                if name_part:
                    cur["names"].append(_phoenix_name(name_part))
            else:
                cur = {"names": [_phoenix_name(name_part)] if name_part else [], "codes": []}
                blocks.append(cur)
            for m in codes_inline:
                cur["codes"].append((m[1], m[2] or "", (m[3] or "").lstrip("# ").strip()))
    return blocks


def _split_code(code: str, states: dict[str, dict[str, Any]]) -> tuple[str, str | None]:
    ctry, rest = code[:3], code[3:6]
    iso = ctry if ctry in states else "UNK"
    sector = rest if rest in PHOENIX_SECTORS else PHOENIX_SECTOR_MAP.get(rest)
    return iso, sector


ORG_WORDS = frozenset(
    """for of the and observatory council committee commission party front army ministry
    union movement organization organisation association league agency bureau office
    department court assembly parliament forces force company corporation bank group
    institute foundation network coalition alliance federation center centre service
    brigade brigades battalion police guard guards authority government administration
    radio television news times post journal press club society church mosque university
    school hospital fund airlines airways industries""".split()
)


def phoenix_persons(
    shared: Path,
    people: People,
    states: dict[str, dict[str, Any]],
    place_keys: set[str],
    orgs: list[tuple[list[str], str, str]],
) -> int:
    blocks = parse_phoenix_actors(shared / "data/kb/phoenix-dictionaries/Phoenix.Countries.actors.txt")
    n = 0
    for b in blocks:
        dated = [c for c in b["codes"] if c[1]]
        if not dated or not b["names"]:
            continue
        main = b["names"][0]
        if len(main.split()) < 2 or any(norm_key(n) in place_keys for n in b["names"]):
            continue
        country = None
        sector = None
        for code, _rng, _c in dated:
            iso, sec = _split_code(code, states)
            if iso != "UNK":
                country, sector = iso, sec
        if country is None:
            continue
        if set(norm_key(main).split()) & ORG_WORDS:
            # "Syrian Observatory for Human Rights" is an organisation, not a person
            # whose surname is "Rights".
            orgs.append((b["names"], country, sector or "GOV"))
            continue
        aliases = [a for a in b["names"][1:] if a]
        main_toks = norm_key(main).split()
        own = main_toks[0] if country in SURNAME_FIRST else main_toks[-1]
        # A one-word synonym is indexed as a surname only when it is the person's own
        # surname; Phoenix also lists words like "LED" or "STATE" as synonyms.
        surnames = [norm_key(a) for a in aliases if len(a.split()) == 1 and norm_key(a) == own]
        aliases = [a for a in aliases if len(a.split()) > 1]
        pid = people.add(main, country, "phoenix", aliases=aliases)
        for s in surnames:
            if s and s not in people.persons[pid]["surnames"]:
                people.persons[pid]["surnames"].append(s)
        has_curated = any(sp[6] == "curated" for sp in people.persons[pid]["spells"])
        for code, rng, comment in dated:
            iso, sector = _split_code(code, states)
            if iso == "UNK" or has_curated:
                continue
            start = end = None
            if rng.startswith(">"):
                start = _phoenix_date(rng[1:])
            elif rng.startswith("<"):
                end = _phoenix_date(rng[1:])
            elif "-" in rng:
                a, b2 = rng.split("-", 1)
                start, end = _phoenix_date(a), _phoenix_date(b2)
            office = (
                comment
                if re.search(
                    r"(?i)minister|president|premier|secretary|chancellor"
                    r"|king|ambassador|governor|general|leader|chief",
                    comment,
                )
                else None
            )
            people.spell(pid, iso, sector or "GOV", office, [], start, end, "phoenix")
        n += 1
    return n


def merge_surname_only(people: People) -> int:
    """Archigos/REIGN often give a surname only ("Mubarak"); fold such a person into the
    one full-named person of the same state with that surname whose spells overlap."""
    by_sur: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pid, p in enumerate(people.persons):
        if len(norm_key(p["name"]).split()) >= 2:
            for s in p["surnames"]:
                # International officials (no country) can be anyone's former leader.
                by_sur[(p["country"] or "*", s)].append(pid)
    merged = 0
    for pid, p in enumerate(people.persons):
        key = norm_key(p["name"])
        if " " in key or not p["country"] or not p["spells"]:
            continue
        cands = by_sur.get((p["country"], key), []) + by_sur.get(("*", key), [])

        def overlaps(q: dict[str, Any], p: dict[str, Any] = p) -> bool:
            for a in p["spells"]:
                for b in q["spells"]:
                    a0, a1 = a[4] or "0000", a[5] or "9999"
                    b0, b1 = b[4] or "0000", b[5] or "9999"
                    if a0 <= b1 and b0 <= a1:
                        return True
            return False

        hits = [c for c in cands if c != pid and overlaps(people.persons[c])]
        others = [c for c in dict.fromkeys(cands) if c != pid]
        if not hits and len(others) == 1 and "curated" in people.persons[others[0]]["sources"]:
            hits = others  # e.g. Stoltenberg: Norway's leader, later NATO's (curated)
        if len(hits) != 1:
            continue
        target = people.persons[hits[0]]
        if not target["country"]:
            target["country"] = p["country"]  # Jens Stoltenberg: NATO, and Norway's PM before
        target["spells"].extend(p["spells"])
        for a in p["aliases"]:
            if a not in target["aliases"]:
                target["aliases"].append(a)
        target["sources"] = list(dict.fromkeys(target["sources"] + p["sources"]))
        p["spells"] = []
        p["aliases"] = []
        p["merged_into"] = hits[0]
        merged += 1
    return merged


# ----------------------------------------------------------------------------- lexicons


def plural(word: str) -> list[str]:
    last = word.split()[-1]
    if last.endswith(("s", "x", "ch", "sh")):
        return [word + "es"] if not last.endswith("s") else []
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if last.endswith("man"):
        return [word[:-3] + "men"]
    return [word + "s"]


def demonym_people(adj: str) -> list[str]:
    """'Russian' -> ['Russians']; 'Chinese', 'British', 'French' stay as they are."""
    if adj.endswith(("ese", "ish", "ch", "sh", "ss", "s")) or adj in {"Thai", "Swiss"}:
        return [adj]
    return [adj + "s"]


def load_agents(shared: Path) -> dict[str, str]:
    agents: dict[str, str] = {}
    path = shared / "data/kb/phoenix-dictionaries/Phoenix.agents.txt"
    if path.exists():
        rx = re.compile(r"^([A-Z][A-Z_!'\-]*[A-Z_!])\s*\[~([A-Z]{3})")
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                m = rx.match(line.strip())
                if not m or "!" in m[1]:
                    continue
                sector = m[2] if m[2] in PHOENIX_SECTORS else PHOENIX_SECTOR_MAP.get(m[2])
                if not sector:
                    continue
                word = m[1].strip("_").replace("_", " ").lower()
                for w in [word, *plural(word)]:
                    agents.setdefault(norm_key(w), sector)
    curated = yaml.safe_load((LEXICON / "agents.yaml").read_text()) or {}
    for sector, words in curated.items():
        for word in words:
            for w in [word, *plural(word)]:
                agents[norm_key(w)] = sector
    return agents


def load_titles() -> dict[str, str]:
    data = yaml.safe_load((LEXICON / "titles.yaml").read_text()) or {}
    out: dict[str, str] = {}
    implied = data.pop("IMPLIED", None) or {}
    for role, words in data.items():
        for w in words:
            out[norm_key(w)] = role
            for p in plural(w):
                out.setdefault(norm_key(p), role)
    for w, role in implied.items():
        out[norm_key(w)] = role
    return out


# ----------------------------------------------------------------------------- places

# Where a place name comes from, strongest first: a name given by several sources counts
# for the first (the figures in kb_stats.json "places").
PLACE_SOURCES = (
    "curated",
    "factbook-urban",
    "factbook-admin",
    "factbook-ports",
    "huggo-capitals",
    "territory-capitals",
    "phoenix",
)
_TAG = re.compile(r"<[^>]+>")
_PAREN = re.compile(r"\(([^()]*)\)")
# "(capital)", "(2023)", "(Arabic)", "(singular - ...)", "(see note ...)": notes, not names.
_NOTE_WORDS = frozenset(
    """capital singular plural see note arabic kurdish english french spanish portuguese
    russian local former formerly also includes including and or""".split()
)


def _paren_names(item: str) -> tuple[str, list[str]]:
    """'Hims (Homs)' -> ('Hims', ['Homs']); notes in parentheses are dropped."""
    alts: list[str] = []
    for m in _PAREN.finditer(item):
        inner = m[1].strip()
        first = inner.split()[0].lower() if inner.split() else ""
        if inner[:1].isupper() and first not in _NOTE_WORDS and not re.search(r"\d", inner):
            alts.extend(a.strip() for a in re.split(r",|/| or ", inner) if a.strip())
    return _PAREN.sub(" ", item).strip(), alts


def _place_name(text: str) -> str | None:
    """A clean name, or None for headers, counts and notes ("4 provinces", "and 1 city")."""
    text = html.unescape(text).replace("\xa0", " ").strip(" *'\".:;-")
    text = re.sub(r"\s+", " ", text)
    if not text or not text[:1].isupper() or re.search(r"\d", text):
        return None
    if len(text) > 40 or len(text.split()) > 5:
        return None
    if text.isupper():
        text = text.title()  # "DAMASCUS (capital)"
    return text


def _split_metro(name: str) -> list[str]:
    """'New York-Newark' -> both cities; 'Port-au-Prince' and 'Aix-en-Provence' stay whole."""
    parts: list[str] = []
    glue = False  # the previous bit was a particle ("au", "en"): the next one joins it
    for bit in name.split("-"):
        lower = not bit[:1].isupper()
        if parts and (lower or glue):
            parts[-1] += "-" + bit
        else:
            parts.append(bit)
        glue = lower
    return [p.strip() for p in parts if p.strip()]


def parse_factbook_list(text: str, metro: bool = False) -> list[str]:
    """Names in a Factbook list field: urban areas, administrative divisions, ports."""
    text = html.unescape(text)
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = _TAG.sub("", text)
    out: list[str] = []
    for line in text.split("\n"):
        line = re.split(r"(?i)\bnote\b\s*(?:\d+\s*)?[-:]", line)[0]
        if ":" in line:
            line = line.rsplit(":", 1)[1]  # "provinces: Anhui, Fujian, ..."
        if metro:
            # "2.585 million DAMASCUS (capital), 2.203 million Aleppo, 996,000 Hamah (2023)"
            line = re.sub(r"\(\d{4}\)", " ", line)
            items = re.split(r"(?:^|,)\s*\d[\d.,]*\s*(?:million|thousand)?\s+", line)
        else:
            # Sections that list their kind first: "14 provinces (muhafazat, ...); A, B"
            items = re.split(r"[;,]", line)
        for raw in items:
            # Parentheses may hold commas ("(muhafazat, singular - muhafazah)"), which
            # the split above cut; a fragment with an unbalanced bracket is a note.
            if raw.count("(") != raw.count(")"):
                raw = re.sub(r"\([^)]*$|^[^(]*\)", " ", raw)
            main, alts = _paren_names(raw)
            for cand in [*re.split(r" or |/", main), *alts]:
                name = _place_name(cand)
                if not name:
                    continue
                names = [name]
                if metro and "-" in name:
                    names += [n for n in _split_metro(name) if n != name]
                out.extend(names)
    return list(dict.fromkeys(out))


def factbook_places(shared: Path, name_index: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, ISO3, source) from the Factbook's urban areas, divisions and key ports."""
    gec_iso = factbook_gec_codes(shared, name_index)
    out: list[tuple[str, str, str]] = []
    for path in sorted((shared / "data/kb/cia-factbook/head").glob("*/*.json")):
        iso = gec_iso.get(path.stem)
        if not iso or iso == "UNK":
            continue
        try:
            prof = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        fields = (
            ("factbook-urban", prof.get("People and Society", {}).get("Major urban areas - population")),
            ("factbook-admin", prof.get("Government", {}).get("Administrative divisions")),
            ("factbook-ports", (prof.get("Transportation", {}).get("Ports") or {}).get("key ports")),
        )
        for source, field in fields:
            text = (field or {}).get("text", "") if isinstance(field, dict) else ""
            for name in parse_factbook_list(text, metro=source == "factbook-urban"):
                out.append((name, iso, source))
    return out


def huggo_places(shared: Path, name_index: dict[str, str]) -> list[tuple[str, str, str]]:
    """Capitals (current, alternative and former) of states that exist today: "Bonn",
    "Lagos", "Karachi". Historical states ("Bavaria") have no modern code here."""
    out: list[tuple[str, str, str]] = []
    base = shared / "data/kb/huggo-states"
    rows: list[tuple[str, str, str]] = []
    with (base / "HUGGO_states_clean.csv").open(encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh):
            rows.append((r["stateID"], r["StateName"], r["Capital"]))
            rows.append((r["stateID"], r["StateName"], r.get("CapitalAlt") or ""))
    with (base / "extra_capitals.csv").open(encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh):
            rows.append((r["StatID"], r["Label"], r["Capital"]))
    isos = set(name_index.values())
    for sid, name, capital in rows:
        iso = sid if sid in isos else iso_for(name, name_index)
        if not iso or iso == "UNK" or capital.strip() in {"", "NA"}:
            continue
        for cap in re.split(r"[;/]| and ", capital):
            got = _place_name(cap)
            if got:
                out.append((got, iso, "huggo-capitals"))
    return out


def territory_capitals(states: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Capitals of territories without a seat of power in the gazetteer ("Nuuk")."""
    return [
        (cap, iso, "territory-capitals")
        for iso, st in states.items()
        if not (st["un"] or st["independent"])
        for cap in st["capitals"]
    ]


def _country_names_all_languages(shared: Path) -> set[str]:
    """Every name of every country in every language the countries data has."""
    keys: set[str] = set()
    for c in json.loads((shared / "data/kb/countries/countries.json").read_text()):
        names = [c["name"]["common"], c["name"]["official"], *c.get("altSpellings", [])]
        for v in (c["name"].get("native") or {}).values():
            names += [v.get("common", ""), v.get("official", "")]
        for v in (c.get("translations") or {}).values():
            names += [v.get("common", ""), v.get("official", "")]
        keys.update(norm_key(n) for n in names if n)
    return keys


def _similar(a: str, b: str) -> bool:
    import difflib

    m = difflib.SequenceMatcher(None, a, b)
    return m.real_quick_ratio() >= 0.6 and m.quick_ratio() >= 0.6 and m.ratio() >= 0.6


def phoenix_places(shared: Path, states: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Cities and regions that Phoenix lists as synonyms of a country ("+PESHAWAR_" under
    PAKISTAN_), less spellings of the country's name in any language ("Pakistano",
    "Deutschland"), people ("Scotsman", "Northern Irish") and nicknames ("Heart Of Dixie")."""
    foreign = _country_names_all_languages(shared)
    out: list[tuple[str, str, str]] = []
    path = shared / "data/kb/phoenix-dictionaries/Phoenix.Countries.actors.txt"
    for b in parse_phoenix_actors(path):
        codes = b["codes"]
        if not codes or any(c[1] for c in codes) or len(codes[0][0]) != 3 or len(b["names"]) < 2:
            continue
        iso = codes[0][0]
        if iso not in states:
            continue
        own = [norm_key(n) for n in [b["names"][0], *states[iso]["names"], *states[iso]["demonyms"]]]
        for raw in b["names"][1:]:
            # "Moscow [Moskva]": both spellings.
            for name in [re.sub(r"\s*\[.*?\]", "", raw).strip(), *re.findall(r"\[(.*?)\]", raw)]:
                key = norm_key(name)
                toks = key.split()
                if (
                    not key
                    or "\ufffd" in name
                    or key in foreign
                    or {"of", "on", "the"} & set(toks)
                    or re.search(r"(?:man|woman|men|women|ish|ese)$", key)
                    or any(_similar(key, o) for o in own)
                ):
                    continue
                out.append((name, iso, "phoenix"))
    return out


def curated_places() -> list[tuple[str, str, str]]:
    data = yaml.safe_load((LEXICON / "place_names.yaml").read_text()) or {}
    return [(n, iso, "curated") for iso, names in data.items() for n in names or []]


@functools.lru_cache(maxsize=2)
def english_words(shared: Path) -> frozenset[str]:
    """Words that English text writes in lower case more often than capitalised inside a
    sentence (UD English EWT): "mobile", "reading", "delta", "nice". Such a word is
    not taken as a place name."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for path in sorted((shared / "data/nlp/ud-ewt").glob("*.conllu")):
        with path.open(encoding="utf-8") as fh:
            first = True
            for line in fh:
                if not line.strip():
                    first = True
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t", 2)
                if len(cols) < 2 or not cols[0].isdigit():
                    continue
                form = cols[1]
                if form[:1].islower():
                    lower[form.lower()] += 1
                elif form[:1].isupper() and not first:
                    upper[form.lower()] += 1
                first = False
    return frozenset(norm_key(w) for w, n in lower.items() if n >= 2 and n >= upper[w])


def _plural_of(token: str, words: set[str]) -> bool:
    """'rivers', 'lakes': the plural of an English word (not 'hims' or 'fars')."""
    return len(token) > 4 and token.endswith("s") and token[:-1] in words


def build_places(
    shared: Path,
    gaz: Gazetteer,
    states: dict[str, dict[str, Any]],
    name_index: dict[str, str],
    people: People,
    agents: dict[str, str],
    titles: dict[str, str],
) -> dict[str, Any]:
    """Add cities, provinces and ports as "place" entries [place, name, ISO3, None, 0, 0].

    A place never takes a name the gazetteer already has (states, capitals, seats,
    organisations, groups and people win), nor a stop-listed or plain English word, a
    person's surname or a common given name; a name placed in two countries is kept only
    as an ambiguous, code-less place (like "New Jersey" in places.yaml).
    """
    cands: list[tuple[str, str, str]] = []
    cands += curated_places()
    cands += factbook_places(shared, name_index)
    cands += huggo_places(shared, name_index)
    cands += territory_capitals(states)
    n_phoenix_raw = len(cands)
    cands += phoenix_places(shared, states)
    n_phoenix_raw = len(cands) - n_phoenix_raw
    stop_data = yaml.safe_load((LEXICON / "place_stoplist.yaml").read_text()) or {}
    stop_words = {norm_key(w) for w in stop_data.get("words") or []}
    stop = {norm_key(n) for n in stop_data.get("names") or []} | stop_words
    words = english_words(shared)
    common = common_words(agents, titles)
    surnames = {s for p in people.persons for s in p["surnames"]}
    given = Counter(norm_key(p["name"]).split()[0] for p in people.persons if " " in p["name"].strip())

    # Every country a name is a place of (and from which sources), capitals of all states
    # and territories included.
    where: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for iso, st in states.items():
        for cap in st["capitals"]:
            where[norm_key(cap)][iso].add("capital")
    names: dict[tuple[str, str], tuple[str, str]] = {}  # (key, ISO3) -> first (name, source)
    for name, iso, source in cands:
        key = norm_key(name)
        if key:
            where[key][iso].add(source)
            names.setdefault((key, iso), (name, source))

    added: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)

    def drop(reason: str, name: str) -> None:
        dropped[reason] += 1
        examples[reason].append(name)

    strong_sources = {"curated", "factbook-urban", "capital"}
    upgraded = 0
    for key, by_iso in where.items():
        if all((key, iso) not in names for iso in by_iso):
            continue  # a capital no source lists as a place: nothing to add
        # A name placed in several countries belongs to the one where it is a major city,
        # a capital or a curated name, if there is exactly one such ("Lagos": NGA, not
        # the Portuguese town); otherwise it is ambiguous.
        strong = [iso for iso, srcs in by_iso.items() if srcs & strong_sources]
        isos = list(by_iso) if len(by_iso) == 1 else strong if len(strong) == 1 else []
        iso = isos[0] if isos else None
        name, source = names.get((key, iso or ""), next(names[(key, i)] for i in by_iso if (key, i) in names))
        sources = by_iso[iso] if iso else {source}
        toks = key.split()
        existing = gaz.entries.get(key) or []
        if any(e[0] != "place" or e[2] for e in existing):
            if iso and any(e[0] in {"state", "seat"} and e[2] == iso for e in existing):
                drop("already a state name or seat of the same state", name)
            else:
                drop("collides with an actor name (person, group, organisation, other state)", name)
            continue
        if key in stop:
            drop("stop list", name)
            continue
        trusted = "curated" in sources
        if not trusted and (
            len(key) < 4
            or is_acronym(name.replace(".", ""))
            or (len(toks) == 1 and (key in common or key in words or _plural_of(key, words)))
            # "North Side", "South-East", "Of the": only words that name no place.
            or all(t in common or t in stop_words for t in toks)
        ):
            drop("English word", name)
            continue
        if (
            not trusted
            and len(toks) == 1
            and (key in surnames or given[key] >= 2 and "factbook-urban" not in sources)
        ):
            drop("surname or given name", name)
            continue
        if iso is None:
            drop("in two countries (kept code-less)", name)
            if not existing:
                gaz.add(name, "place", name, None, None)
            continue
        if existing:
            # A code-less curated place ("New York") gets its country.
            existing.clear()
            upgraded += 1
        gaz.add(name, "place", name, iso, None)
        added[next(s for s in PLACE_SOURCES if s in sources)] += 1
    return {
        "added": sum(added.values()),
        "added_by_source": {s: added[s] for s in PLACE_SOURCES},
        "candidate_names": len(where),
        "phoenix_synonyms_read": n_phoenix_raw,
        "dropped": dict(sorted(dropped.items())),
        "dropped_examples": {r: sorted(v)[:: max(1, len(v) // 15)][:15] for r, v in sorted(examples.items())},
        "_report": [(r, n) for r, v in sorted(examples.items()) for n in sorted(v)],
        "codeless_places_given_a_country": upgraded,
    }


# ----------------------------------------------------------------------------- gazetteer


# Kinds of names that can be marked "capitalised only" (see lexicon/name_case.yaml);
# people have their own rule (a one-word person name must be capitalised, scan.py).
CASED_KINDS = frozenset({"state", "demonym", "people", "seat", "igo", "members", "body", "group", "bloc"})


class Gazetteer:
    """Normalised name -> entries [kind, ref, code, sector, acronym(, capitalised)].

    ``capitalised`` (actor names only) is 1 for a name that is also an ordinary English
    word ("Turkey", "Chad", "island"): it matches only when written as a name.
    """

    def __init__(self, english: set[str] | None = None, cased: set[str] | None = None) -> None:
        self.entries: dict[str, list[list[Any]]] = defaultdict(list)
        self.english = english or set()
        self.cased = cased or set()

    def capitalised_only(self, surface: str, key: str) -> int:
        """1 if the name is (made of) English words and is written as a name here."""
        if surface == surface.lower() or is_acronym(surface.replace(".", "")):
            return 0  # a curated lower-case description ("the world body"), or an acronym
        if key in self.cased:
            return 1
        words = [w for w in key.split() if w not in CASE_FREE_WORDS]
        return int(bool(words) and all(w in self.english for w in words))

    def add(self, surface: str, kind: str, ref: Any, code: str | None, sector: str | None) -> None:
        key = norm_key(surface)
        if not key:
            return
        acr = 1 if is_acronym(surface.replace(".", "")) else 0
        entry = [kind, ref, code, sector, acr]
        cap = self.capitalised_only(surface, key) if kind in CASED_KINDS else 0
        if kind in CASED_KINDS:
            entry.append(cap)
        lst = self.entries[key]
        for e in lst:
            if e[0] == kind and e[1] == ref and (kind != "bloc" or e[2] == code):
                if not acr:
                    e[4] = 0  # a lower-case spelling exists, so no case restriction
                if len(e) > 5 and kind in CASED_KINDS and not cap:
                    e[5] = 0
                return
        lst.append(entry)


def build(shared: Path, out: Path) -> dict[str, Any]:
    states, name_index = load_states(shared)
    cow = cow_to_iso(shared, name_index)
    people = People()
    covered = curated_offices(people)
    fb = factbook_spells(shared, people, name_index, covered, states)
    ep = everypolitician_fms(shared, people, name_index, covered)
    ld = leader_spells(shared, people, cow, covered)
    # REIGN stops in March 2021: an incumbent then is not known to be one later, so
    # "the Japanese leader" in 2024 comes from the head-of-government lists instead.
    for p in people.persons:
        for sp in p["spells"]:
            if sp[6] in {"archigos", "reign"} and sp[5] is None:
                sp[5] = "2021-04-01"
    place_keys = set(name_index)
    for st in states.values():
        place_keys.update(norm_key(c) for c in st["capitals"])
        place_keys.update(norm_key(d) for d in st["demonyms"])
    phoenix_orgs: list[tuple[list[str], str, str]] = []
    ph = phoenix_persons(shared, people, states, place_keys, phoenix_orgs)
    merged = merge_surname_only(people)
    apply_aliases(people)
    log(
        f"factbook {fb}, everypolitician FMs {ep}, leaders {ld}, phoenix persons {ph}, "
        f"surname-only leaders merged {merged}"
    )

    english = english_words(shared)
    case_data = yaml.safe_load((LEXICON / "name_case.yaml").read_text()) or {}
    gaz = Gazetteer(set(english), {norm_key(n) for n in case_data.get("capitalised") or []})
    for iso, st in states.items():
        for n in st["names"]:
            gaz.add(n, "state", iso, iso, "GOV")
        for d in st["demonyms"]:
            gaz.add(d, "demonym", iso, iso, None)
            if is_acronym(d.replace(".", "")):
                continue  # "US troops", but no "USs"
            for p in demonym_people(d):
                gaz.add(p, "people", iso, iso, None)
        if st["un"] or st["independent"]:
            for cap in st["capitals"]:
                # Capitals that are English words or common names ("Malé" folds to "male").
                if norm_key(cap) not in {"male", "victoria", "hamilton", "kingston", "georgetown"}:
                    gaz.add(cap, "seat", iso, iso, "GOV")
        for seat, sector in st["seats"].items():
            gaz.add(seat, "seat", iso, iso, sector)
    # Epithets ("the Jewish state", "the Hermit Kingdom") read as the state's name.
    epithets = yaml.safe_load((LEXICON / "epithets.yaml").read_text()) or {}
    for iso, phrases in epithets.items():
        for n in phrases or []:
            gaz.add(n, "state", iso, iso, "GOV")
    # A capital that is also another state's name or a curated seat elsewhere: keep the
    # state reading only. Names shared by a UN member and territories ("French") go to
    # the member.
    extra_states = yaml.safe_load((LEXICON / "states.yaml").read_text()) or {}
    curated_keys: dict[str, set[str]] = defaultdict(set)
    for iso, e in extra_states.items():
        for n in (e.get("names") or []) + (e.get("demonyms") or []) + list(e.get("seats") or {}):
            curated_keys[iso].add(norm_key(n))
            for p in demonym_people(n):
                curated_keys[iso].add(norm_key(p))
    for key, lst in gaz.entries.items():
        for kind in ("state", "demonym", "people", "seat"):
            same = [e for e in lst if e[0] == kind]
            if len(same) > 1 and any(states.get(e[2], {}).get("un") for e in same):
                lst[:] = [e for e in lst if e[0] != kind or states.get(e[2], {}).get("un")]
            same = [e for e in lst if e[0] == kind]
            cur = [e for e in same if key in curated_keys.get(e[2], ())]
            if len(same) > 1 and cur:
                # "Dominican", "Congolese": the state listed in states.yaml wins.
                lst[:] = [e for e in lst if e[0] != kind or e in cur]
        kinds = {e[0] for e in lst}
        if "state" in kinds and "seat" in kinds:
            lst[:] = [e for e in lst if e[0] != "seat"]

    # Non-actor places: a longer match that resolves to nothing ("New Jersey").
    for place in yaml.safe_load((LEXICON / "places.yaml").read_text()) or []:
        key = norm_key(place)
        if key not in gaz.entries:
            gaz.add(place, "place", place, None, None)

    igos = yaml.safe_load((LEXICON / "igos.yaml").read_text()) or {}
    igo_meta: dict[str, dict[str, Any]] = {}
    for code, e in igos.items():
        names = e.get("names") or [code]
        igo_meta[code] = {"name": next((n for n in names if " " in n), names[0])}
        for n in e.get("names") or []:
            gaz.add(n, "igo", code, code, "IGO")
        for n in e.get("members") or []:
            gaz.add(n, "members", code, code, "IGO")
        for n in e.get("bodies") or []:
            gaz.add(n, "body", code, code, "IGO")
    igo_meta["OTHER_IGO"]["name"] = "other international organisation"
    # Groups of states ("the Baltic states", "the two Koreas"): one entry per member.
    n_blocs = 0
    for grp in yaml.safe_load((LEXICON / "state_groups.yaml").read_text()) or []:
        for n in grp.get("phrases") or []:
            for iso in grp["members"]:
                if iso not in states:
                    raise SystemExit(f"state_groups.yaml: unknown state {iso} in {grp['name']}")
                gaz.add(str(n), "bloc", grp["name"], iso, "GOV")
        n_blocs += 1
    cow_igo = shared / "data/kb/cow-igo/cow_igo_v3_list_derived.csv"
    n_cow = 0
    with cow_igo.open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            if str(row.get("dead", "0")).strip() in {"1", "TRUE", "True"}:
                continue
            long = (row.get("longorgname") or "").strip()
            if len(long.split()) >= 3 and norm_key(long) not in gaz.entries:
                gaz.add(long, "igo", "OTHER_IGO", "OTHER_IGO", "IGO")
                n_cow += 1

    groups = yaml.safe_load((LEXICON / "groups.yaml").read_text()) or []
    for g in groups:
        for n in [g["name"], *(g.get("aliases") or [])]:
            gaz.add(n, "group", g["name"], g["code"], g["sector"])
    group_names = {g["name"]: g for g in groups}
    n_mil = 0
    for b in parse_phoenix_actors(shared / "data/kb/phoenix-dictionaries/Phoenix.MilNonState.actors.txt"):
        if not b["names"] or not b["codes"]:
            continue
        iso, sector = _split_code(b["codes"][0][0], states)
        main = b["names"][0].replace("(", " (").strip()
        main = re.sub(r"\s*\(.*?\)\s*", " ", main).strip()
        if not main or norm_key(main) in gaz.entries:
            continue
        group_names.setdefault(main, {"name": main, "code": iso, "sector": sector or "REB"})
        for n in b["names"]:
            n = re.sub(r"\s*\(.*?\)\s*", " ", n).strip()
            key = norm_key(n)
            if len(n) > 3 and key not in gaz.entries and not (" " not in key and key in english):
                # (one-word names that are English words, "Organization", "Youth": noise)
                gaz.add(n, "group", main, iso, sector or "REB")
        n_mil += 1

    # People: full names and aliases always; surnames of people with roles.
    agents = load_agents(shared)
    titles = load_titles()
    stop = surname_stoplist(agents, titles)
    for names, iso, sector in phoenix_orgs:
        main = names[0]
        group_names.setdefault(main, {"name": main, "code": iso, "sector": sector})
        for n in names:
            if len(n.split()) >= 2 and norm_key(n) not in gaz.entries:
                gaz.add(n, "group", main, iso, sector)

    # Given names ("Chris", "Abdel") are not surnames in running text.
    given = Counter(norm_key(p["name"]).split()[0] for p in people.persons if " " in p["name"].strip())
    for pid, p in enumerate(people.persons):
        if not p["spells"]:
            continue
        role = people_has_role(p)
        umlauts = [u for u in p["aliases"] if any(c in u for c in "äöüÄÖÜ")]
        for u in umlauts:
            # "Schröder" is also written "Schroeder" (folding alone gives "Schroder").
            for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
                u = u.replace(a, b)
            if u not in p["aliases"]:
                p["aliases"].append(u)
        for a in p["aliases"]:
            k = norm_key(a)
            if len(k.split()) >= 2 or (role and k not in stop and given[k] < 2):
                gaz.add(a, "person", pid, p["country"], None)
        curated = "curated" in p["sources"]
        if role or "phoenix" in p["sources"]:
            for s in p["surnames"]:
                # A surname that is also a common given name ("Scott", "Donald") would
                # catch the wrong person; only curated office holders keep theirs.
                if s not in stop and len(s) >= 2 and given[s] < (5 if curated else 2):
                    gaz.add(s.title(), "surname", pid, p["country"], None)
                    # Mark surnames that running-text scanning must not trust: people
                    # without an office role, and words that are also given names.
                    if not role or given[s] >= 2:
                        for e in gaz.entries[norm_key(s)]:
                            if e[0] == "surname" and e[1] == pid:
                                e.append(1)

    # Places last: every actor name above wins over a place of the same name.
    place_stats = build_places(shared, gaz, states, name_index, people, agents, titles)

    # The flag says whether the person holds a spell reachable by title (indexed at load).
    persons_out = [
        [
            p["name"],
            p["country"],
            encode_spells(p["spells"]),
            int(any(sp[3] or sp[6] == "curated" for sp in p["spells"])),
        ]
        for p in people.persons
    ]
    first_len: dict[str, int] = {}
    for key in list(gaz.entries) + list(agents) + list(titles):
        toks = key.split(" ")
        first_len[toks[0]] = max(first_len.get(toks[0], 0), len(toks))
    kb = {
        "version": 1,
        "built": dt.date.today().isoformat(),
        "states": {
            iso: {"name": st["name"], "un": st["un"], "capitals": st["capitals"]}
            for iso, st in states.items()
        },
        "igos": igo_meta,
        "groups": {n: [g["code"], g["sector"]] for n, g in group_names.items()},
        "persons": persons_out,
        "gazetteer": {k: encode_entries(v) for k, v in gaz.entries.items()},
        "agents": agents,
        "titles": titles,
        "first_len": first_len,
        # "the North" (PRK) in an article about the Koreas: read by ArticleActors only.
        "context_epithets": yaml.safe_load((LEXICON / "context_epithets.yaml").read_text()) or [],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(kb, ensure_ascii=False, separators=(",", ":")).encode()
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(raw)
    n_spells = sum(len(p["spells"]) for p in people.persons)
    stats = {
        "states": len(states),
        "un_member_states": sum(1 for s in states.values() if s["un"]),
        "organisations_coded": len(igos) - 1,
        "state_groups": n_blocs,
        "capitalised_only_names": sum(
            1 for lst in gaz.entries.values() for e in lst if e[0] in CASED_KINDS and len(e) > 5 and e[5]
        ),
        "other_igo_names_from_cow": n_cow,
        "groups": len(group_names),
        "persons": len(people.persons),
        "office_spells": n_spells,
        "role_spells": sum(1 for p in people.persons for sp in p["spells"] if sp[3]),
        "gazetteer_keys": len(gaz.entries),
        "agent_nouns": len(agents),
        "factbook": fb,
        "everypolitician_fm_spells": ep,
        "leader_spells": ld,
        "phoenix_persons": ph,
        "phoenix_militant_groups": n_mil,
        "places": place_stats,
        "artifact_bytes": out.stat().st_size,
    }
    return stats


def common_words(agents: dict[str, str], titles: dict[str, str]) -> set[str]:
    """English stop words, function words, agent nouns and titles: never a name on their own."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from attache.actors.scan import FUNCTION_WORDS

    return {w.lower() for w in STOP_WORDS} | set(FUNCTION_WORDS) | set(agents) | set(titles)


def surname_stoplist(agents: dict[str, str], titles: dict[str, str]) -> set[str]:
    """Words never read as a surname on their own (lexicon/surname_stoplist.yaml)."""
    data = yaml.safe_load((LEXICON / "surname_stoplist.yaml").read_text()) or {}
    return common_words(agents, titles) | {str(w) for w in data.get("words") or []}


def encode_entries(entries: list[list[Any]]) -> str:
    """Gazetteer entries as one string (tab between fields, newline between entries):
    decoded per name on first use, which keeps loading the artifact fast."""
    return "\n".join(
        "\t".join("" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in e)
        for e in entries
    )


def encode_spells(spells: list[list[Any]]) -> str:
    """Spells as one string ("~" between fields, "^" between spells): the artifact loads
    several times faster than with nested JSON lists, and most are never decoded."""
    rows = []
    for sp in spells:
        fields = ["" if v is None else str(v).replace("~", "-").replace("^", "-") for v in sp]
        rows.append("~".join(fields))
    return "^".join(rows)


def people_has_role(p: dict[str, Any]) -> bool:
    """Prominent enough to be named by surname alone: a curated office, a head of state
    or government, a foreign minister, or a national leader (Archigos/REIGN)."""
    full_name = " " in p["name"].strip()
    return any(
        sp[6] == "curated"
        or (sp[3] and sp[6] in {"factbook", "everypolitician"})
        or (sp[3] and sp[6] in {"archigos", "reign"} and full_name)
        for sp in p["spells"]
    )


def coverage(out: Path, stats: dict[str, Any]) -> dict[str, Any]:
    """Share of UN members whose head of state and of government are known on 2026-01-01."""
    from attache.actors.kb import ActorKB

    kb = ActorKB.load_file(out)
    day = dt.date(2026, 1, 1)
    un = [iso for iso, s in kb.states.items() if s["un"]]

    # Strict: an explicit head-of-state / head-of-government spell, no fallback to the
    # effective-leader lists.
    def known(iso: str, role: str) -> bool:
        return kb.offices._pick(kb.offices.by_role.get((iso, role), []), day) is not None

    hos = [iso for iso in un if known(iso, "HOS")]
    hog = [iso for iso in un if known(iso, "HOG")]
    both = [iso for iso in un if iso in set(hos) and iso in set(hog)]
    stats["coverage_2026_01_01"] = {
        "un_members": len(un),
        "head_of_state_known": len(hos),
        "head_of_government_known": len(hog),
        "both_known": len(both),
        "share_both": round(len(both) / len(un), 4) if un else 0.0,
        "missing": sorted(set(un) - set(both)),
    }
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=REPO / "src/attache/actors/data/kb.json.gz")
    ap.add_argument("--places-report", type=Path, help="write every place name left out, with why (TSV)")
    args = ap.parse_args()
    if not (args.shared / "data/kb").is_dir():
        raise SystemExit(f"build_kb: {args.shared / 'data/kb'} not found (use --shared)")
    stats = build(args.shared, args.out)
    report = stats["places"].pop("_report")
    if args.places_report:
        args.places_report.write_text("".join(f"{r}\t{n}\n" for r, n in report))
    stats = coverage(args.out, stats)
    (args.out.parent / "kb_stats.json").write_text(json.dumps(stats, indent=1) + "\n")
    print(json.dumps(stats, indent=1))


if __name__ == "__main__":
    main()
