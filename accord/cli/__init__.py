"""The `accord` command line (see main.py); `app` and `main` are its entry points."""

from accord.cli.main import app, main

__all__ = ["app", "main"]
