"""``attache actors lookup``: what a name, title or phrase resolves to on a date, and why."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from attache.cli.options import ActorsOption, DateOption, check_actor_files, fail, parse_date

actors_app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="The actor knowledge base: states, organisations, groups and office holders.",
)


@actors_app.command("lookup")
def lookup(
    texts: Annotated[
        list[str], typer.Argument(help="Names or noun phrases, e.g. 'the Chinese foreign minister'.")
    ],
    date: DateOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per text per line.")] = False,
    actors: ActorsOption = None,
) -> None:
    """Resolve each TEXT to actor codes (for --date; default: the current holders)."""
    on = parse_date(date)
    files = check_actor_files(actors)
    from attache.actors import ActorKB
    from attache.actors.userfile import ActorFileError

    try:
        kb = ActorKB.load(extra_files=tuple(files))
    except ActorFileError as err:
        fail(str(err), code=2)
        return
    except OSError as err:
        fail(f"cannot load the actor knowledge base: {err}", code=2)
        return
    rows = []
    for text in texts:
        ents = kb.lookup(text, on)
        if as_json:
            if not ents:
                rows.append(
                    {
                        "text": text,
                        "code": None,
                        "sector": None,
                        "name": None,
                        "office": None,
                        "start": None,
                        "end": None,
                        "reason": "unresolved",
                        "entities": [],
                    }
                )
            else:
                first = _json_entity(ents[0])
                first["text"] = text
                first["entities"] = [_json_entity(e) for e in ents]
                rows.append(first)
        else:
            rows.append({"text": text, "entities": ents})
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("text", "code", "sector", "name", "office", "dates", "why", show_lines=False)
    for row in rows:
        if not row["entities"]:
            table.add_row(row["text"], "-", "", "", "", "", "unresolved")
        for e in row["entities"]:
            dates = f"{e.start or ''}..{e.end or ''}" if (e.start or e.end) else ""
            table.add_row(
                row["text"], e.code, e.sector or "", e.name or "", e.office or "", dates, e.reason or ""
            )
    Console(soft_wrap=False).print(table)


def _json_entity(e) -> dict:  # noqa: ANN001 - ActorEntity, imported lazily
    return {
        "text": e.text,
        "code": e.code,
        "sector": e.sector,
        "name": e.name,
        "office": e.office,
        "start": e.start.isoformat() if e.start else None,
        "end": e.end.isoformat() if e.end else None,
        "reason": e.reason,
    }


def register(app: typer.Typer) -> None:
    """Add the ``actors`` command group to ``app``."""
    app.add_typer(actors_app, name="actors")
