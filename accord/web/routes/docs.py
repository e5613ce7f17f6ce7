"""The API's interactive documentation at /docs, and the vendored browser code, from the app."""

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from accord.web.assets import plotly_js, swagger_dir
from accord.web.deps import HERE, render

router = APIRouter()
CACHE = {"Cache-Control": "public, max-age=86400"}


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def swagger(request: Request):
    """Swagger UI over the app's OpenAPI schema."""
    # Swagger UI is started by static/docs.js: an inline script would break the CSP.
    return render(request, "docs.html", {"openapi_url": request.app.openapi_url})


@router.get("/vendor/plotly.min.js", include_in_schema=False)
def plotly() -> FileResponse:
    """plotly.js, from the plotly package."""
    return FileResponse(plotly_js(), media_type="text/javascript", headers=CACHE)


def mount_static(app: FastAPI) -> None:
    """The app's own CSS and scripts at /static, Swagger UI's at /vendor/swagger."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.mount("/vendor/swagger", StaticFiles(directory=str(swagger_dir())), name="swagger")
