"""The `accord` command line: a thin layer over the library (Typer + rich). Each module of
this package is a Typer app holding one group of commands; this one joins them under one
`accord`, holds the root options and turns expected failures into one line and an exit code."""

from __future__ import annotations

import sqlite3
import sys
from typing import Optional

import typer

from accord import __version__
from accord.cli import analysis, documents, ingest, records, scale, summary, train, web
from accord.cli.extras import missing_extra_message
from accord.cli.options import DB_HELP, DEFAULT_DB, Settings
from accord.cli.output import err, fail
from accord.errors import ModelError

app = typer.Typer(
    help="accord: evidence-backed records of relations between countries, from news articles.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich")

for group in (ingest, documents, records, summary, analysis, web, scale, train):
    app.add_typer(group.app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="ACCORD_DB", help=DB_HELP, show_default=False),
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit."),
) -> None:
    """Global options."""
    ctx.obj = Settings(db=db)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except sqlite3.DatabaseError as error:
        _exit(f"store error: {error}")
    except ModelError as error:
        _exit(f"error: {error}")
    except ImportError as error:
        message = missing_extra_message(error)
        if message is None:
            raise
        _exit(message)
    except OSError as error:  # e.g. a --db folder that cannot be created
        _exit(f"error: {error}")


def _exit(message: str) -> None:
    fail(message, code=1)
    sys.exit(1)
