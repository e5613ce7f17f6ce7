"""FastAPI app: HTML pages (Jinja2, autoescaped) and the JSON API under /api, from the same data code.

Article text is untrusted: templates escape everything, the Content-Security-Policy
allows no inline script, and writes need `Authorization: Bearer $ACCORD_TOKEN`.
"""


import hmac
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from accord.analysis.charts import index_svg, timeline_svg
from accord.errors import SearchSyntaxError
from accord.engine import IngestOptions, ingest_items
from accord.ingest.sources import SourceOptions
from accord.extract.event_types import type_names
from accord.models import InputItem
from accord.store.db import connect, open_store
from accord.store.records import normalise_pair
from accord.web import data

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
EVENT_TYPES = type_names()


@dataclass(frozen=True)
class WebSettings:
    """How the app runs: the store, the write token (None: writes disabled), the upload limit."""

    db_path: str
    token: str | None = field(default_factory=lambda: os.environ.get("ACCORD_TOKEN") or None)
    max_upload_bytes: int = 20 * 1024 * 1024


def create_app(settings: WebSettings) -> FastAPI:
    """Build the app for one store."""
    open_store(settings.db_path).close()  # creates the store and applies migrations
    app = FastAPI(title="accord", version="0.1.0",
                  description="Evidence-backed records of relations between countries.")
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(SearchSyntaxError)
    async def bad_search(request: Request, error: SearchSyntaxError):
        return _error(request, templates, 400, str(error))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, error: ValueError):
        return _error(request, templates, 400, str(error))

    def conn() -> Iterator[sqlite3.Connection]:
        connection = connect(settings.db_path, read_only=True)
        try:
            yield connection
        finally:
            connection.close()

    Conn = Annotated[sqlite3.Connection, Depends(conn)]

    def page_params(page: Annotated[int, Query(ge=1, le=data.MAX_PAGE)] = 1,
                    per_page: Annotated[int, Query(ge=1, le=data.MAX_PER_PAGE)] = 50) -> data.Page:
        return data.Page(page, per_page)

    def record_params(pair: Annotated[str | None, Query(max_length=20)] = None,
                      type: Annotated[str | None, Query(max_length=60)] = None,
                      date_from: Annotated[str | None, Query(alias="from", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                      date_to: Annotated[str | None, Query(alias="to", pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
                      outlet: Annotated[str | None, Query(max_length=200)] = None) -> data.RecordQuery:
        if pair:
            normalise_pair(pair)
        return data.RecordQuery(pair or None, type or None, date_from, date_to, outlet or None)

    Paging = Annotated[data.Page, Depends(page_params)]
    Records = Annotated[data.RecordQuery, Depends(record_params)]

    def render(request: Request, template: str, context: dict) -> HTMLResponse:
        return templates.TemplateResponse(request, template, {**context, "event_types": EVENT_TYPES})

    # -- JSON API --------------------------------------------------------

    @app.get("/api/stats", tags=["api"])
    def api_stats(c: Conn) -> dict:
        """Counts of documents, duplicates, rejections and records, and the pairs in the store."""
        return data.overview(c)

    @app.get("/api/pairs/{pair}", tags=["api"])
    def api_pair(c: Conn, pair: str, by: Annotated[str, Query(pattern="^(month|quarter|year)$")] = "year",
                 limit: Annotated[int, Query(ge=1, le=100_000)] = data.PAIR_PAGE_LIMIT) -> dict:
        """Timeline, index, commitments and disagreements of one pair (the first `limit` timeline
        events and commitments)."""
        return data.pair_page(c, _pair(pair), by, limit)

    @app.get("/api/events", tags=["api"])
    def api_events(c: Conn, q: Records, p: Paging) -> dict:
        """Events with their evidence, filtered and paginated."""
        return data.records(c, "events", q, p)

    @app.get("/api/facts", tags=["api"])
    def api_facts(c: Conn, q: Records, p: Paging) -> dict:
        """Numeric facts with their evidence."""
        return data.records(c, "facts", q, p)

    @app.get("/api/agreements", tags=["api"])
    def api_agreements(c: Conn, q: Records, p: Paging) -> dict:
        """Named agreements with their evidence."""
        return data.records(c, "agreements", q, p)

    @app.get("/api/actors", tags=["api"])
    def api_actors(c: Conn, p: Paging, pair: Annotated[str | None, Query(max_length=20)] = None) -> dict:
        """People merged across documents."""
        return data.actors(c, pair or None, p)

    @app.get("/api/actors/{name}", tags=["api"])
    def api_actor(c: Conn, name: str) -> dict:
        """One actor's profile."""
        return _found(data.actor(c, name[:200]), "no actor with that name")

    @app.get("/api/documents", tags=["api"])
    def api_documents(c: Conn, p: Paging, language: Annotated[str | None, Query(max_length=8)] = None) -> dict:
        """Documents, newest ingested last."""
        return data.documents(c, p, language or None)

    @app.get("/api/documents/{doc_id}", tags=["api"])
    def api_document(c: Conn, doc_id: str, start: Annotated[int | None, Query(ge=0, le=10**9)] = None,
                     end: Annotated[int | None, Query(ge=0, le=10**9)] = None) -> dict:
        """One document with its records; `start`/`end` mark an evidence span."""
        return _found(data.document(c, doc_id[:64], start, end), "no such document")

    @app.get("/api/search", tags=["api"])
    def api_search(c: Conn, q: Annotated[str, Query(min_length=1, max_length=500)],
                   limit: Annotated[int, Query(ge=1, le=200)] = 20,
                   language: Annotated[str | None, Query(max_length=8)] = None,
                   mode: Annotated[str, Query(pattern="^(fts|semantic|hybrid)$")] = "fts") -> dict:
        """Search with snippets: full text (case- and diacritic-insensitive), semantic or hybrid."""
        return data.search(c, q, limit, language or None, mode)

    @app.get("/api/ask", tags=["api"])
    def api_ask(c: Conn, q: Annotated[str, Query(min_length=1, max_length=500)]) -> dict:
        """A question answered from the store, with citations; found = false when unsupported."""
        return data.ask(c, q)

    @app.post("/api/ingest", tags=["api"], status_code=200)
    async def api_ingest(files: Annotated[list[UploadFile], File(description="Article files")],
                         authorization: Annotated[str | None, Header()] = None) -> dict:
        """Upload articles (the same readers and rejection reasons as `accord ingest`).
        Needs `Authorization: Bearer $ACCORD_TOKEN`."""
        _authorise(settings, authorization)
        items = []
        for upload in files[:100]:
            content = await upload.read(settings.max_upload_bytes + 1)
            if len(content) > settings.max_upload_bytes:
                raise HTTPException(413, f"{upload.filename}: upload exceeds "
                                         f"{settings.max_upload_bytes // 2**20} MB")
            items.append(InputItem(f"upload:{Path(upload.filename or 'unnamed').name}", content))
        with open_store(settings.db_path) as store:
            report = ingest_items(items, store, IngestOptions(
                sources=SourceOptions(max_bytes=settings.max_upload_bytes)))
        return report.as_json()

    # -- pages -----------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_overview(request: Request, c: Conn):
        return render(request, "overview.html", data.overview(c))

    @app.get("/pairs/{pair}", response_class=HTMLResponse, include_in_schema=False)
    def page_pair(request: Request, c: Conn, pair: str):
        context = data.pair_page(c, _pair(pair))
        links = [_evidence_link(item) for item in context["timeline"]]
        context["timeline_svg"] = timeline_svg(context["timeline"], href=lambda i, item: links[i])
        context["index_svg"] = index_svg(context["index"])
        context["links"] = links
        return render(request, "pair.html", context)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def page_events(request: Request, c: Conn, q: Records, p: Paging):
        return render(request, "records.html", {"table": "events", **data.records(c, "events", q, p)})

    @app.get("/facts", response_class=HTMLResponse, include_in_schema=False)
    def page_facts(request: Request, c: Conn, q: Records, p: Paging):
        return render(request, "records.html", {"table": "facts", **data.records(c, "facts", q, p)})

    @app.get("/agreements", response_class=HTMLResponse, include_in_schema=False)
    def page_agreements(request: Request, c: Conn, q: Records, p: Paging):
        return render(request, "records.html", {"table": "agreements", **data.records(c, "agreements", q, p)})

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def page_actors(request: Request, c: Conn, p: Paging):
        return render(request, "actors.html", data.actors(c, None, p))

    @app.get("/actors/{name}", response_class=HTMLResponse, include_in_schema=False)
    def page_actor(request: Request, c: Conn, name: str):
        return render(request, "actor.html", {"actor": _found(data.actor(c, name[:200]), "no actor with that name")})

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def page_documents(request: Request, c: Conn, p: Paging, language: Annotated[str | None, Query(max_length=8)] = None):
        return render(request, "documents.html", data.documents(c, p, language or None))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_document(request: Request, c: Conn, doc_id: str,
                      start: Annotated[int | None, Query(ge=0, le=10**9)] = None,
                      end: Annotated[int | None, Query(ge=0, le=10**9)] = None):
        return render(request, "document.html", {"doc": _found(data.document(c, doc_id[:64], start, end),
                                                               "no such document")})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def page_search(request: Request, c: Conn, q: Annotated[str, Query(max_length=500)] = "",
                    language: Annotated[str | None, Query(max_length=8)] = None,
                    mode: Annotated[str, Query(pattern="^(fts|semantic|hybrid)$")] = "fts"):
        results = data.search(c, q, 50, language or None, mode) if q.strip() else {"query": "", "items": [], "mode": mode}
        return render(request, "search.html", results)

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def page_ask(request: Request, c: Conn, q: Annotated[str, Query(max_length=500)] = ""):
        return render(request, "ask.html", {"question": q, "answer": data.ask(c, q) if q.strip() else None})

    return app


def _pair(pair: str) -> str:
    return normalise_pair(pair[:20])


def _found(value, message: str):
    if value is None:
        raise HTTPException(404, message)
    return value


def _evidence_link(item: dict) -> str:
    span = item["evidence_spans"][0]
    return f"/documents/{span['doc_id']}?start={span['start']}&end={span['end']}#evidence"


def _authorise(settings: WebSettings, authorization: str | None) -> None:
    if not settings.token:
        raise HTTPException(403, "writes are disabled: start the server with ACCORD_TOKEN set")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings.token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})


def _error(request: Request, templates: Jinja2Templates, status: int, message: str):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)
