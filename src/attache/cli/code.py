"""``attache code``: articles in, PLOVER event records out."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from attache.cli.options import (
    ActorsOption,
    DateOption,
    SpacyModelOption,
    check_actor_files,
    fail,
    interactive,
    parse_date,
    stderr,
    warn,
)
from attache.records import Entity, EventRecord, InputError

FORMATS = ("table", "jsonl", "csv")
CSV_COLUMNS = [
    "event_id",
    "article_id",
    "date",
    "event_type",
    "mode",
    "actor",
    "recipient",
    "historical",
    "future",
    "hypothetical",
    "negated",
    "location",
    "quad",
    "intensity",
    "cameo_root",
    "confidence",
    "trigger",
    "sentence",
    "start",
    "end",
    "reason",
]


def code(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt, .jsonl, .html), directories, or - for stdin.")
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write records here.")] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="table, jsonl or csv (default: from -o, else table on a terminal)"),
    ] = None,
    date: DateOption = None,
    spacy_model: SpacyModelOption = None,
    actors: ActorsOption = None,
    include_modal: Annotated[
        bool, typer.Option("--include-modal", help="Also write negated and hypothetical events, flagged.")
    ] = False,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            help="Drop events whose confidence (the share of such events that are right) is lower.",
        ),
    ] = 0.0,
) -> None:
    """Code news articles into PLOVER event records, each with its evidence."""
    default_date = parse_date(date)
    actor_files = check_actor_files(actors)
    fmt = output_format or _format_for(output)
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", code=2)
    if not 0.0 <= min_confidence <= 1.0:
        fail(f"--min-confidence must be between 0 and 1, not {min_confidence}", code=2)

    # The output is opened before the slow model load, so a bad -o path fails at once.
    try:
        sink = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as err:
        fail(f"{output}: cannot write: {err.strerror or err}", code=2)

    from attache.ingest import read_articles
    from attache.pipeline import Coder

    try:
        coder = Coder(
            spacy_model=spacy_model,
            actors_files=actor_files,
            keep_modal=include_modal,
            min_confidence=min_confidence,
        )
    except (OSError, ValueError) as err:
        if output:
            sink.close()
        fail(f"cannot load the coder: {err}", code=2)
    # Read up front so the progress bar knows the total; articles are small next to their parses.
    articles = list(read_articles(paths, default_date))
    n_events = 0
    skipped = 0
    writer = _Writer(fmt, sink)
    try:
        with Progress(
            TextColumn("coding"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} articles"),
            TimeElapsedColumn(),
            console=stderr,
            disable=not interactive() or len(articles) < 2,
        ) as progress:
            task = progress.add_task("code", total=len(articles))
            for result in coder.code_many(articles):
                progress.advance(task)
                if isinstance(result, InputError):
                    skipped += 1
                    warn(str(result))
                    continue
                writer.write(result.events)
                n_events += len(result.events)
        writer.close()
    finally:
        if output:
            sink.close()
    coded = len(articles) - skipped
    stderr.print(f"{coded} articles coded, {n_events} events" + (f", {skipped} skipped" if skipped else ""))
    if coded and not n_events:
        stderr.print(
            "[yellow]note:[/] no events found: the articles report no political events that the "
            "lexicon knows, or their actors could not be resolved"
        )
    if skipped:
        raise typer.Exit(1)


def _format_for(output: Path | None) -> str:
    if output is not None:
        return "csv" if output.suffix.lower() == ".csv" else "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


class _Writer:
    """Streams records as they come (jsonl, csv) or collects them for one table."""

    def __init__(self, fmt: str, sink: TextIO) -> None:
        self.fmt, self.sink = fmt, sink
        self.rows: list[EventRecord] = []
        self.csv = csv.writer(sink) if fmt == "csv" else None
        if self.csv:
            self.csv.writerow(CSV_COLUMNS)

    def write(self, records: list[EventRecord]) -> None:
        for record in records:
            if self.fmt == "jsonl":
                self.sink.write(record.model_dump_json() + "\n")
            elif self.csv:
                self.csv.writerow(_csv_row(record))
            else:
                self.rows.append(record)

    def close(self) -> None:
        if self.fmt == "table":
            _print_table(self.rows, self.sink)


def _entities(entities: list[Entity]) -> str:
    return ";".join(f"{e.code}({e.sector})" if e.sector else e.code for e in entities)


def _csv_row(r: EventRecord) -> list[object]:
    return [
        r.event_id,
        r.article_id,
        r.date or "",
        r.event_type,
        ";".join(r.mode),
        _entities(r.actor),
        _entities(r.recipient),
        r.historical,
        r.future,
        r.hypothetical,
        r.negated,
        r.location.code or r.location.text if r.location else "",
        r.quad,
        r.intensity,
        r.cameo_root,
        r.confidence,
        r.evidence.trigger,
        r.evidence.sentence,
        r.evidence.start,
        r.evidence.end,
        r.reason,
    ]


def _print_table(records: list[EventRecord], sink: TextIO) -> None:
    console = Console(file=sink, highlight=False, width=None if sink.isatty() else 160)
    table = Table(show_lines=True)
    for column in ("article", "type", "actor", "recipient", "trigger", "evidence", "conf"):
        table.add_column(column, overflow="fold")
    for r in records:
        flags = " ".join(f for f in ("historical", "future", "negated", "hypothetical") if getattr(r, f))
        table.add_row(
            escape(r.article_id),
            r.event_type
            + (f" ({', '.join(r.mode)})" if r.mode else "")
            + (f"\n[dim]{flags}[/]" if flags else ""),
            escape(_entities(r.actor)),
            escape(_entities(r.recipient)) or "-",
            escape(r.evidence.trigger),
            # Article text is not Rich markup: "[/i]" in a sentence must print as it is.
            escape(r.evidence.sentence) + f"\n[dim]{escape(r.reason)}[/]",
            f"{r.confidence:.2f}",
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("code")(code)
