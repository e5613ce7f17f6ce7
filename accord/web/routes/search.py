"""Search and ask. Their pages accept an empty form (the API does not), so each has its own
page route over the same data function."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from accord.web import data
from accord.web.deps import Conn, render

router = APIRouter()
Mode = Annotated[str, Query(pattern="^(fts|semantic|hybrid)$")]
Language = Annotated[str | None, Query(max_length=8)]


@router.get("/api/search", tags=["api"])
def api_search(c: Conn, q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20, language: Language = None,
               mode: Mode = "fts") -> dict:
    """Search with snippets: full text (case- and diacritic-insensitive), semantic or hybrid."""
    return data.search(c, q, limit, language or None, mode)


@router.get("/api/ask", tags=["api"])
def api_ask(c: Conn, q: Annotated[str, Query(min_length=1, max_length=500)]) -> dict:
    """A question answered from the store, with citations; found = false when unsupported."""
    return data.ask(c, q)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def page_search(request: Request, c: Conn, q: Annotated[str, Query(max_length=500)] = "",
                language: Language = None, mode: Mode = "fts"):
    """The search page; an empty query shows the form alone."""
    results = (data.search(c, q, 50, language or None, mode) if q.strip()
               else {"query": "", "items": [], "mode": mode})
    return render(request, "search.html", results)


@router.get("/ask", response_class=HTMLResponse, include_in_schema=False)
def page_ask(request: Request, c: Conn, q: Annotated[str, Query(max_length=500)] = ""):
    """The ask page; an empty question shows the form alone."""
    return render(request, "ask.html", {"question": q, "answer": data.ask(c, q) if q.strip() else None})
