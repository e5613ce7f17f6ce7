"""The record listings (events, facts, agreements): one JSON route and one page each, made in
a loop over the listings."""

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import APIRouter

from accord.web import data
from accord.web.deps import Conn, Paging, Records
from accord.web.twin import twin

router = APIRouter()


@dataclass(frozen=True)
class Listing:
    """One record table as the web lists it."""

    table: str
    summary: str


LISTINGS = (Listing("events", "Events with their evidence, filtered and paginated."),
            Listing("facts", "Numeric facts with their evidence."),
            Listing("agreements", "Named agreements with their evidence."))


def _view(listing: Listing) -> Callable:
    def view(c: Conn, q: Records, p: Paging) -> dict:
        return data.records(c, listing.table, q, p)

    view.__name__ = listing.table
    view.__doc__ = listing.summary
    return view


for _listing in LISTINGS:
    twin(router, f"/{_listing.table}", "records.html",
         context=lambda result, table=_listing.table: {"table": table, **result})(_view(_listing))
