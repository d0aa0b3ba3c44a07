"""The ``attache`` command line: one module per command group, assembled here."""

from __future__ import annotations

import typer

from attache.cli import actors, code, evaluate, store

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="attache: political event data (PLOVER) from news articles, with evidence.",
)
for module in (code, actors, store, evaluate):
    module.register(app)


def main() -> None:
    app()
