"""Helpers for the command-line tests: a runner that fails on a traceback, and output with
rich's boxes and wrapping removed."""

from __future__ import annotations

from typer.testing import CliRunner

from accord.cli import app


def invoke(*args: str, env: dict | None = None, input: str | None = None):
    """Run `accord ARGS`; a traceback or an unexpected exception fails the test."""
    result = CliRunner().invoke(app, list(args), env=env, input=input)
    assert "Traceback" not in result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def flat(text: str) -> str:
    """Output with rich's boxes and line wrapping removed, for matching whole messages."""
    for border in "│╭╮╰╯─":
        text = text.replace(border, " ")
    return " ".join(text.split())
