"""Event store commands: ingest, events, dyads, export (docs/store.md, docs/export.md)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from attache.cli.options import (
    ActorsOption,
    DateOption,
    SpacyModelOption,
    check_actor_files,
    parse_date,
)
from attache.store import Store, StoreError, merge

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB event store file.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor code, e.g. CHN.")]
RecipientOpt = Annotated[str | None, typer.Option("--recipient", help="Recipient code, e.g. IND.")]


def _fail(message: str, code: int = 2) -> NoReturn:
    # One line on stderr, no traceback: these are the user's mistakes, not ours. Plain
    # print, not options.fail: messages quote user input, which must not be read as Rich markup.
    print("error: " + " ".join(message.split()), file=sys.stderr)
    raise typer.Exit(code)


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        rate = task.completed / elapsed if elapsed else 0.0
        return Text(f"{rate:.1f} articles/s")


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - (stdin).")],
    db: DbOption,
    actors: ActorsOption = None,
    spacy_model: SpacyModelOption = None,
    date: DateOption = None,
    merge_window: Annotated[
        int, typer.Option("--merge-window", min=0, help="Days apart two reports may be and still merge.")
    ] = merge.DEFAULT_WINDOW_DAYS,
) -> None:
    """Code articles and store them, their evidence, events and mentions (duplicates merged)."""
    from attache.ingest import read_articles
    from attache.pipeline import Coder
    from attache.store.ingest import ingest as run_ingest

    default_date = parse_date(date)
    actor_files = check_actor_files(actors)
    try:
        store = Store(db, write=True, window_days=merge_window)
    except StoreError as e:
        _fail(str(e))
    assert store.writer is not None
    try:
        coder = Coder(spacy_model=spacy_model, actors_files=actor_files)
    except OSError as e:  # spaCy's "can't find model", an unreadable actors file
        _fail(f"cannot load the coder: {e}")
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} articles"),
        RateColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
    ) as progress:
        task = progress.add_task("ingesting", total=None)
        summary = run_ingest(
            read_articles(paths, default_date=default_date),
            coder.code,
            store.writer,
            on_error=lambda msg: progress.console.print(
                f"skipped {msg}",
                markup=False,
                highlight=False,
                soft_wrap=True,  # greppable: one line
            ),
            on_article=lambda: progress.advance(task),
        )
    store.close()
    print(summary.line())
    if summary.errors:
        raise typer.Exit(1)


def _open(db: Path) -> Store:
    try:
        return Store(db)
    except StoreError as e:
        _fail(str(e))


def _emit(rows: list[dict], fmt: str, title: str, columns: list[tuple[str, str]]) -> None:
    """Rows as a Rich table (``columns``: key, header), JSON Lines or CSV on stdout."""
    if fmt == "jsonl":
        for r in rows:
            print(json.dumps(r, default=str, ensure_ascii=False))
    elif fmt == "csv":
        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            w.writeheader()
            for r in rows:
                w.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in r.items()})
    else:
        table = Table(title=title)
        for i, (_, header) in enumerate(columns):
            # Short fields stay on one line; only the last (evidence) column wraps.
            table.add_column(header, no_wrap=i < len(columns) - 1)
        for r in rows:
            table.add_row(*("" if r.get(k) is None else str(r.get(k)) for k, _ in columns))
        console = Console()
        if not console.is_terminal:
            console = Console(width=200)  # piped: no terminal width to respect
        console.print(table)


FormatOpt = Annotated[str, typer.Option("--format", help="table, jsonl or csv.")]


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "jsonl", "csv"):
        _fail(f"unknown format {fmt!r} (table, jsonl or csv)")


def events(
    db: DbOption,
    actor: ActorOpt = None,
    recipient: RecipientOpt = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    quad: Annotated[str | None, typer.Option("--quad", help="Quad class name or 1-4.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Words that sentences reporting the event must contain.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most N events.")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """List stored events with their mention, article and source counts."""
    _check_format(fmt)
    with _open(db) as store:
        try:
            table = store.events(
                as_arrow=True,
                actor=actor,
                recipient=recipient,
                type=event_type,
                quad=quad,
                since=since,
                until=until,
                text=text,
                limit=limit,
            )
        except StoreError as e:
            _fail(str(e))
    rows = table.to_pylist()
    for r in rows:
        r["dyad"] = ",".join(r["actor_codes"]) + (
            " -> " + ",".join(r["recipient_codes"]) if r["recipient_codes"] else ""
        )
    if fmt != "table":
        for r in rows:
            del r["dyad"]
    _emit(
        rows,
        fmt,
        f"{len(rows)} events",
        [
            ("date", "date"),
            ("event_type", "type"),
            ("dyad", "actor -> recipient"),
            ("intensity", "intensity"),
            ("num_mentions", "mentions"),
            ("num_articles", "articles"),
            ("num_sources", "sources"),
            ("evidence", "evidence"),
        ],
    )


def dyads(
    db: DbOption,
    by: Annotated[str, typer.Option("--by", help="day, week, month or year.")] = "month",
    actor: ActorOpt = None,
    recipient: RecipientOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Per dyad and period: events per quad class and summed intensity."""
    _check_format(fmt)
    with _open(db) as store:
        try:
            table = store.dyads(by=by, actor=actor, recipient=recipient, as_arrow=True)
        except StoreError as e:
            _fail(str(e))
    rows = table.to_pylist()
    _emit(
        rows,
        fmt,
        f"dyads by {by}",
        [
            ("actor", "actor"),
            ("recipient", "recipient"),
            ("directed", "directed"),
            ("period", by),
            ("events", "events"),
            ("verbal_cooperation", "VC"),
            ("material_cooperation", "MC"),
            ("verbal_conflict", "VK"),
            ("material_conflict", "MK"),
            ("intensity", "intensity"),
        ],
    )


def export(
    db: DbOption,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, plover or gdelt.")],
    out: Annotated[Path, typer.Option("-o", "--output", help="Output file.")],
) -> None:
    """Write all events as JSONL, CSV, Parquet, PLOVER records or GDELT-style CSV."""
    from attache.store.export import export as run_export

    with _open(db) as store:
        try:
            n = run_export(store.con, fmt, out)
        except StoreError as e:
            _fail(str(e))
        except OSError as e:
            _fail(f"cannot write {out}: {e.strerror or e}")
    print(f"wrote {n} rows to {out}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(ingest)
    app.command()(events)
    app.command()(dyads)
    app.command()(export)
