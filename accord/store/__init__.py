"""The embedded SQLite store: schema migrations, the single writer, and read queries."""

from accord.store.db import Store, open_store

__all__ = ["Store", "open_store"]
