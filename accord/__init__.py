"""accord: evidence-backed records of relations between countries from news articles.

In a notebook: `accord.open(path)` reads a store, `accord.extract(text, published=...)` reads
one article without a store (see accord/api.py).
"""

__version__ = "0.1.0"


def open(path):  # noqa: A001 - `accord.open` is the API's name; the builtin is untouched elsewhere
    """The store at `path` (see `accord.api.AccordStore`); FileNotFoundError when there is none."""
    from accord.api import open_accord

    return open_accord(path)


def __getattr__(name: str):
    # `accord.extract` is the extraction package, made callable (accord/extract/__init__.py);
    # it is imported on first use so that `import accord` stays light.
    if name == "extract":
        import importlib

        return importlib.import_module("accord.extract")
    raise AttributeError(f"module 'accord' has no attribute {name!r}")
