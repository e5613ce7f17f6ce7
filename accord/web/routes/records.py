"""The record listings (events, facts, agreements, labels): one JSON route and one page each,
made in a loop over the listings."""

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

    path: str  # as the CLI names the listing: /api/labels is `accord labels`
    table: str
    summary: str


LISTINGS = (Listing("events", "events", "Events with their evidence, filtered and paginated."),
            Listing("facts", "facts", "Numeric facts with their evidence."),
            Listing("agreements", "agreements", "Named agreements with their evidence."),
            Listing("labels", "relation_labels", "Relationship labels as each source words them, with evidence."))


def _view(listing: Listing) -> Callable:
    def view(c: Conn, q: Records, p: Paging) -> dict:
        return data.records(c, listing.table, q, p)

    view.__name__ = listing.path
    view.__doc__ = listing.summary
    return view


for _listing in LISTINGS:
    twin(router, f"/{_listing.path}", "records.html",
         context=lambda result, table=_listing.path: {"table": table, **result})(_view(_listing))
