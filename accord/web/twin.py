"""One view, two routes: the JSON at /api/PATH and the HTML page at /PATH, datasette-style.

The view is a plain FastAPI endpoint that returns JSON-ready data; the page route takes the
same parameters (so the same validation), calls the view and renders a template with its
result. A page therefore cannot show something its JSON does not have.
"""

import inspect
from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from accord.web.deps import render


def twin(router: APIRouter, path: str, template: str, context: Callable[[dict], dict] | None = None,
         page_path: str | None = None, **api_options) -> Callable:
    """Register the decorated view at /api{path} (JSON, in the OpenAPI schema) and at
    `page_path` (default {path}: HTML from `template`, given `context(result)` or the result)."""

    def register(view: Callable) -> Callable:
        router.add_api_route("/api" + path, view, methods=["GET"], tags=["api"], **api_options)
        router.add_api_route(page_path or path, _page(view, template, context), methods=["GET"],
                             response_class=HTMLResponse, include_in_schema=False)
        return view

    return register


def _page(view: Callable, template: str, context: Callable[[dict], dict] | None) -> Callable:
    def page(request: Request, **params) -> HTMLResponse:
        result = view(**params)
        return render(request, template, context(result) if context else result)

    # The page's signature is the view's plus the request, all keyword-only so that defaults
    # may come in any order; FastAPI reads parameters and dependencies from it.
    parameters = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
                  for p in inspect.signature(view, eval_str=True).parameters.values()]
    request = inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)
    page.__signature__ = inspect.Signature([request, *parameters])
    page.__name__ = f"page_{view.__name__}"
    page.__doc__ = view.__doc__
    return page
