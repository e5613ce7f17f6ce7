"""accord: evidence-backed records of relations between countries from news articles.

In a notebook: `accord.open(path)` reads a store, `accord.extract(text, published=...)` reads
one article without a store (see accord/api.py).
"""

__version__ = "0.1.0"

import importlib as _importlib
import types as _types


def open(path):  # noqa: A001 - `accord.open` is the API's name; the builtin is untouched elsewhere
    """The store at `path` (see `accord.api.AccordStore`); FileNotFoundError when there is none."""
    from accord.api import open_accord

    return open_accord(path)


class _ExtractPackage(_types.ModuleType):
    """The package accord.extract, made callable: `accord.extract(text, published=...)` is the
    notebook API's way to read one article without a store, while `accord.extract.pipeline` and
    the other modules stay where they are (a function named `extract` here would be replaced
    by the package as soon as any of its modules is imported). Set here rather than in
    extract/, which imports nothing above it."""

    def __call__(self, text: str, published=None, title: str | None = None, url: str | None = None):
        """The records of one article (see `accord.api.extract_article`)."""
        from accord.api import extract_article

        return extract_article(text, published=published, title=title, url=url)


# Only the package's __init__ (one constant) is imported: `import accord` stays light.
_extract_package = _importlib.import_module("accord.extract")
_extract_package.__class__ = _ExtractPackage
