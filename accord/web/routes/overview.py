"""The overview and the pair pages: counts, pairs, and one pair's timeline, index, commitments
and disagreements (with interactive charts)."""

from typing import Annotated

from fastapi import APIRouter, Query

from accord.web import charts, data
from accord.web.deps import Conn, pair_key
from accord.web.twin import twin

router = APIRouter()


@twin(router, "/stats", "overview.html", page_path="/")
def stats(c: Conn) -> dict:
    """Counts of documents, duplicates, rejections and records, and the pairs in the store."""
    return data.overview(c)


@twin(router, "/pairs/{pair}", "pair.html", context=charts.pair_context)
def pair(c: Conn, pair: str, by: Annotated[str, Query(pattern="^(month|quarter|year)$")] = "year",
         limit: Annotated[int, Query(ge=1, le=100_000)] = data.PAIR_PAGE_LIMIT) -> dict:
    """Timeline, index, commitments and disagreements of one pair (the first `limit` timeline
    events and commitments)."""
    return data.pair_page(c, pair_key(pair), by, limit)
