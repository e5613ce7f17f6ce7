"""What the routes share: the read-only store connection, the query parameters of the listings,
and rendering a page."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from accord.extract.event_types import type_names
from accord.store.db import connect
from accord.store.records import normalise_pair
from accord.web import data

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
EVENT_TYPES = type_names()
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def conn(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the app's store, closed after the request."""
    connection = connect(request.app.state.settings.db_path, read_only=True)
    try:
        yield connection
    finally:
        connection.close()


def page_params(page: Annotated[int, Query(ge=1, le=data.MAX_PAGE)] = 1,
                per_page: Annotated[int, Query(ge=1, le=data.MAX_PER_PAGE)] = 50) -> data.Page:
    """Pagination of every listing."""
    return data.Page(page, per_page)


def record_params(pair: Annotated[str | None, Query(max_length=20)] = None,
                  type: Annotated[str | None, Query(max_length=60)] = None,
                  date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
                  date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
                  outlet: Annotated[str | None, Query(max_length=200)] = None) -> data.RecordQuery:
    """Filters of the record listings; a malformed pair is a 400 (ValueError)."""
    if pair:
        normalise_pair(pair)
    return data.RecordQuery(pair or None, type or None, date_from, date_to, outlet or None)


Conn = Annotated[sqlite3.Connection, Depends(conn)]
Paging = Annotated[data.Page, Depends(page_params)]
Records = Annotated[data.RecordQuery, Depends(record_params)]


def render(request: Request, template: str, context: dict) -> HTMLResponse:
    """A page from its template and the same data its JSON route returns."""
    return templates.TemplateResponse(request, template, {**context, "event_types": EVENT_TYPES})


def found(value, message: str):
    """The value, or a 404 with the message when there is none."""
    if value is None:
        raise HTTPException(404, message)
    return value


def pair_key(pair: str) -> str:
    """A pair from the path, normalised ("VNM-LAO" -> "LAO-VNM"); malformed is a 400."""
    return normalise_pair(pair[:20])
