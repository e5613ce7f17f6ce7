"""What the commands share: the options (with their checks and environment variables) and
opening the store. A read command on a store that does not exist is an error, not a new
empty file; only the commands that write create one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer

from accord.analysis import filters
from accord.cli.output import JSON_HELP, fail
from accord.store.db import Store, open_store

DEFAULT_DB = "accord.db"
PAIR_HELP = "Country pair as two ISO3 codes, in any order, e.g. VNM-LAO."
DB_HELP = "SQLite store to use (also accepted before the command; default: $ACCORD_DB, else ./accord.db)."


@dataclass
class Settings:
    """The root options every command sees (ctx.obj)."""

    db: str = DEFAULT_DB


def _checked(check: Callable[[str | None], object]) -> Callable[[Optional[str]], Optional[str]]:
    """An option callback running a library check: its ValueError becomes a usage error (exit 2)
    naming the option and what is valid. The value itself is passed on as given."""
    def callback(value: Optional[str]) -> Optional[str]:
        try:
            check(value)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None
        return value
    return callback


DbOption = Annotated[Optional[str], typer.Option("--db", help=DB_HELP, show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help=JSON_HELP)]
PairOption = Annotated[Optional[str], typer.Option("--pair", help=PAIR_HELP, callback=_checked(filters.check_pair))]
RequiredPair = Annotated[str, typer.Option("--pair", help=PAIR_HELP, callback=_checked(filters.check_pair))]
EventTypeOption = Annotated[Optional[str], typer.Option(
    "--type", help="Event type of the codebook, e.g. visit, agreement_signed.",
    callback=_checked(filters.check_event_type))]
QuantityOption = Annotated[Optional[str], typer.Option(
    "--quantity", help="Quantity kind, e.g. trade_turnover, investment, energy.",
    callback=_checked(filters.check_quantity))]
FromOption = Annotated[Optional[str], typer.Option(
    "--from", help="Earliest date, YYYY[-MM[-DD]].", callback=_checked(filters.check_date))]
ToOption = Annotated[Optional[str], typer.Option(
    "--to", help="Latest date, YYYY[-MM[-DD]].", callback=_checked(filters.check_date))]


def check_period(date_from: str | None, date_to: str | None) -> None:
    """A usage error when --to is before --from."""
    try:
        filters.check_period(date_from, date_to)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--from/--to") from None


def store_path(ctx: typer.Context, db: str | None) -> str:
    """The store of this command: its own --db, else the one given before the command (or
    $ACCORD_DB, or ./accord.db)."""
    settings = ctx.find_root().obj
    return db or (settings.db if isinstance(settings, Settings) else DEFAULT_DB)


def read_store(ctx: typer.Context, db: str | None) -> Store:
    """Open an existing store; exit 2 naming the path when there is none."""
    path = store_path(ctx, db)
    if path != ":memory:" and not Path(path).is_file():
        raise fail(f"no store at {path}: create it with `accord --db {path} ingest FILES...` "
                   "(or give --db / $ACCORD_DB for another one)")
    return open_store(path)


def write_store(ctx: typer.Context, db: str | None) -> Store:
    """Open the store, creating it when it does not exist yet."""
    return open_store(store_path(ctx, db))
