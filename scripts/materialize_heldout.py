#!/usr/bin/env python3
"""Materialise the held-out pool gold set (evaluation/pool_heldout.jsonl) into a gold JSONL.

The held-out annotations store every event's evidence as character offsets into
the article's ``text`` or ``title`` (the article texts are publishers' copyright
and are never committed). This script joins them with ``pool.jsonl`` and writes
a file in the format of ``shared/gold/dev.jsonl`` (``id``, ``title``, ``text``,
``date``, ``source``, ``url``, ``events`` with ``evidence`` strings), usable with
``shared/tools/score.py`` and ``attache eval``.

usage: python scripts/materialize_heldout.py -o /tmp/heldout.jsonl [--pool PATH] [--annotations PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_POOL = REPO.parent / "shared" / "data" / "news" / "pool.jsonl"
DEFAULT_ANNOTATIONS = REPO / "evaluation" / "pool_heldout.jsonl"
FIELDS = ("text", "title")


class HeldoutError(Exception):
    """A missing input or an annotation that does not fit its article."""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise HeldoutError(f"{path}:{n}: invalid JSON ({exc})") from exc
    return rows


def load_pool(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        raise HeldoutError(
            f"pool file not found: {path}\n"
            "The held-out set stores offsets only; it needs the article texts from "
            "shared/data/news/pool.jsonl. Pass its location with --pool PATH."
        )
    return {str(a["id"]): a for a in read_jsonl(path)}


def evidence(article: dict[str, Any], ev: dict[str, Any], where: str) -> str:
    field = ev.get("field", "text")
    if field not in FIELDS:
        raise HeldoutError(f"{where}: field must be one of {FIELDS}, got {field!r}")
    source = article.get(field) or ""
    start, end = ev.get("start"), ev.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(source):
        raise HeldoutError(
            f"{where}: offsets {start}:{end} do not fit the article's {field} ({len(source)} chars)"
        )
    return source[start:end]


def materialise_event(article: dict[str, Any], ev: dict[str, Any], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": ev["type"],
        "actor": list(ev.get("actor") or []),
        "recipient": list(ev.get("recipient") or []),
        "required": bool(ev.get("required", True)),
        "historical": bool(ev.get("historical", False)),
        "evidence": evidence(article, ev, where),
    }
    if ev.get("mode"):
        out["mode"] = ev["mode"]
    if ev.get("note"):
        out["note"] = ev["note"]
    return out


def materialise(annotations: list[dict[str, Any]], pool: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    gold: list[dict[str, Any]] = []
    for ann in annotations:
        aid = str(ann["id"])
        article = pool.get(aid)
        if article is None:
            raise HeldoutError(f"article {aid} is not in the pool file")
        events = [
            materialise_event(article, ev, f"{aid} event {i}") for i, ev in enumerate(ann.get("events", []))
        ]
        gold.append(
            {
                "id": aid,
                "title": article.get("title"),
                "text": article.get("text"),
                "date": article.get("date"),
                "source": article.get("source"),
                "url": article.get("url"),
                "events": events,
            }
        )
    return gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", required=True, type=Path, help="gold JSONL to write")
    ap.add_argument("--pool", type=Path, default=DEFAULT_POOL, help=f"pool.jsonl (default {DEFAULT_POOL})")
    ap.add_argument(
        "--annotations",
        type=Path,
        default=DEFAULT_ANNOTATIONS,
        help="offset annotations (default %(default)s)",
    )
    args = ap.parse_args(argv)
    try:
        if not args.annotations.is_file():
            raise HeldoutError(f"annotation file not found: {args.annotations}")
        pool = load_pool(args.pool)
        gold = materialise(read_jsonl(args.annotations), pool)
    except HeldoutError as exc:
        print(f"materialize_heldout: error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as f:
        for art in gold:
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    n_events = sum(len(a["events"]) for a in gold)
    n_req = sum(e["required"] for a in gold for e in a["events"])
    print(f"wrote {args.output}: {len(gold)} articles, {n_events} events ({n_req} required)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
