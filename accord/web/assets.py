"""Browser code the app serves itself, from the PyPI packages that ship it: Swagger UI (from
fastapi-offline) for /docs and plotly.js (from plotly) for the charts. Nothing is fetched from
elsewhere, so the pages work offline and under `script-src 'self'`."""

from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def swagger_dir() -> Path:
    """The folder holding swagger-ui-bundle.js and swagger-ui.css."""
    return Path(find_spec("fastapi_offline").origin).parent / "static"


@cache
def plotly_js() -> Path:
    """plotly.min.js as the plotly package ships it."""
    return Path(find_spec("plotly").origin).parent / "package_data" / "plotly.min.js"
