"""Documents to records: actors, dates, events, numeric facts, agreements, relationship labels.

Every function here is pure: it takes text (or parsed sentences) and returns
records; nothing reads or writes the store.
"""

EXTRACTOR_VERSION = "0.2.0"  # the trained event coder, codebook dates, facts, agreements and people


import sys as _sys
import types as _types


class _CallableModule(_types.ModuleType):
    """This package, callable: `accord.extract(text, published=...)` is the notebook API's way to
    read one article without a store, while `accord.extract.pipeline` and the other modules stay
    where they are (a function named `extract` in accord/__init__.py would hide them)."""

    def __call__(self, text: str, published=None, title: str | None = None, url: str | None = None):
        """The records of one article (see `accord.api.extract_article`)."""
        from accord.api import extract_article

        return extract_article(text, published=published, title=title, url=url)


_sys.modules[__name__].__class__ = _CallableModule
