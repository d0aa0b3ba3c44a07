"""Options and helpers shared by the commands that code articles."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

stderr = Console(stderr=True, highlight=False)

DateOption = Annotated[
    str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for articles that carry none.")
]
SpacyModelOption = Annotated[
    str | None,
    typer.Option("--spacy-model", help="Any installed spaCy pipeline (name or path) instead of ours."),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="YAML or CSV file of extra or overriding actors (repeatable)."),
]


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error and exit 2."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date (YYYY-MM-DD)", code=2)


def fail(message: str, code: int = 1) -> NoReturn:
    stderr.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    stderr.print(f"[yellow]skipped:[/] {message}", soft_wrap=True)


def check_actor_files(paths: list[Path] | None) -> list[Path]:
    for path in paths or []:
        if not path.is_file():
            fail(f"{path}: actors file not found", code=2)
    return list(paths or [])


def interactive() -> bool:
    return sys.stderr.isatty()
