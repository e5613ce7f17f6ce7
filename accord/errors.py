"""Exceptions shared across accord's layers."""


class Rejected(Exception):
    """An input that cannot become a document; the message is the one-line reason."""


class SearchSyntaxError(ValueError):
    """A full-text query that SQLite FTS5 cannot parse."""


class ModelError(Exception):
    """A shipped model file that is missing or unreadable; the message names it and how to rebuild it."""
