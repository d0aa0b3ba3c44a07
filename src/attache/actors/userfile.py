"""User actor files (``--actors FILE``): add or override actors without rebuilding.

YAML (a list, or a mapping with an ``actors:`` list) or CSV with a header. Fields:

    name     required: the name as it appears in text
    code     required: ISO3 state code, an organisation code from CODING.md, or UNK
    sector   PLOVER sector (default GOV)
    aliases  other spellings (YAML list, or "|"-separated in CSV)
    office   the person's office ("Foreign Minister"); makes the entry a person
    role     HOS, HOG, FM, DM, VP or LEADER: lets "the <demonym> <title>" find them
    start    YYYY-MM-DD the office began (empty: always)
    end      YYYY-MM-DD the office ended (empty: still held)

Entries with an office, role or dates are people; the rest are names of groups or
organisations. User entries come first, so they override the shipped KB for the same
name, and their role spells outrank every built-in source.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from attache.actors.store import KBData

SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY OPP REB SPY UAF BUS CVL MED JRN EDU REL REF LAB AGR CRM ELI "
    "SOC IGO NGO UNK".split()
)
ROLES = frozenset({"HOS", "HOG", "FM", "DM", "VP", "LEADER", ""})
USER_RANK = -1


class ActorFileError(ValueError):
    """A problem in a user actor file, with the file and line it is on."""


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader that remembers the line of every mapping."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings so that a bad one is reported with its line, not as a crash.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _read_rows(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise ActorFileError(f"{path}: actors file not found")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in {".csv", ".tsv"}:
        delim = "\t" if path.suffix.lower() == ".tsv" else ","
        rows = []
        reader = csv.DictReader(text.splitlines(), delimiter=delim)
        if not reader.fieldnames or "name" not in reader.fieldnames or "code" not in reader.fieldnames:
            raise ActorFileError(f"{path}:1: header must have at least 'name' and 'code'")
        for i, row in enumerate(reader, start=2):
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            row["aliases"] = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
            row["__line__"] = i
            rows.append(row)
        return rows
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ActorFileError(f"{path}:{line}: bad YAML: {problem}") from None
    except ValueError as exc:
        raise ActorFileError(f"{path}: bad YAML: {exc}") from None
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise ActorFileError(f"{path}:1: expected a list of actors (or 'actors:' with a list)")
    for item in data:
        if not isinstance(item, dict):
            raise ActorFileError(f"{path}: each actor must be a mapping with name and code, got {item!r}")
    return data


def _date(value: Any, path: Path, line: int, field: str) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ActorFileError(f"{path}:{line}: {field} {value!r} is not a YYYY-MM-DD date") from None


def merge_user_file(kb: KBData, path: Path) -> int:
    """Add the actors of ``path`` to ``kb``; returns how many were read."""
    rows = _read_rows(path)
    for row in rows:
        line = row.get("__line__", 0)
        name = str(row.get("name") or "").strip()
        code = str(row.get("code") or "").strip().upper()
        if not name or not code:
            raise ActorFileError(f"{path}:{line}: each actor needs a name and a code")
        sector = str(row.get("sector") or "GOV").strip().upper()
        if sector not in SECTORS:
            raise ActorFileError(f"{path}:{line}: unknown sector {sector!r}")
        role = str(row.get("role") or "").strip().upper()
        if role not in ROLES:
            raise ActorFileError(f"{path}:{line}: unknown role {role!r} (HOS HOG FM DM VP LEADER)")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        office = str(row.get("office") or "").strip() or None
        start = _date(row.get("start"), path, line, "start")
        end = _date(row.get("end"), path, line, "end")
        names = [name, *[str(a) for a in aliases]]
        if office or role or start or end:
            country = None if code in kb.igos else code
            spell = [code, sector, office, role, start, end, f"user:{path.name}", USER_RANK, ""]
            pid = kb.add_person(name, country, [spell])
            for n in names:
                kb.add_name(n, ["person", pid, code, sector, 0])
            toks = name.split()
            if len(toks) > 1:
                kb.add_name(toks[-1], ["surname", pid, code, sector, 0], front=False)
        else:
            kb.groups[name] = [code, sector]
            for n in names:
                kb.add_name(n, ["group", name, code, sector, 0])
    return len(rows)
