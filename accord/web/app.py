"""FastAPI app: HTML pages (Jinja2, autoescaped) and the JSON API under /api, each page and its
JSON from the same view (web/twin.py), one router per concern (web/routes/).

Article text is untrusted: templates escape everything, the Content-Security-Policy
allows no inline script, and writes need `Authorization: Bearer $ACCORD_TOKEN`.
"""

from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from accord.errors import SearchSyntaxError
from accord.store.db import open_store
from accord.web.deps import templates
from accord.web.routes import docs, documents, ingest, overview, people, records, search

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
ROUTERS = (overview.router, records.router, people.router, documents.router, search.router,
           ingest.router, docs.router)


@dataclass(frozen=True)
class WebSettings:
    """How the app runs: the store, the write token (None: writes disabled), and the upload
    limit (bytes in one POST /api/ingest body)."""

    db_path: str
    token: str | None = None  # the command line reads $ACCORD_TOKEN (serve --token) and passes it in
    max_upload_bytes: int = 20 * 1024 * 1024


def create_app(settings: WebSettings) -> FastAPI:
    """Build the app for one store."""
    open_store(settings.db_path).close()  # creates the store and applies migrations
    app = FastAPI(title="accord", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Evidence-backed records of relations between countries.")
    app.state.settings = settings
    docs.mount_static(app)
    for router in ROUTERS:
        app.include_router(router)
    app.middleware("http")(security_headers)
    app.add_exception_handler(SearchSyntaxError, bad_request)
    app.add_exception_handler(ValueError, bad_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    return app


async def security_headers(request: Request, call_next):
    """Every response: the CSP and the usual hardening headers."""
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


async def bad_request(request: Request, error: Exception):
    """A malformed query (bad pair, search syntax) is a 400 with its message."""
    return _error(request, 400, str(error))


async def http_error(request: Request, error: StarletteHTTPException):
    """HTTP errors: JSON under /api (and for non-page paths), an error page elsewhere."""
    return _error(request, error.status_code, str(error.detail), error.headers)


def _error(request: Request, status: int, message: str, headers: dict | None = None):
    if request.url.path.startswith(("/api/", "/static/", "/vendor/")) or request.method != "GET":
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status, headers=headers)
