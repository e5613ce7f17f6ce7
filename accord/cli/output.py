"""Printing for the command line: JSON, tables that fit the terminal, human numbers.

JSON is the full record (whole sentences, raw numbers); tables are for reading: one line a
row, evidence cut to the width left, numbers as an analyst writes them (USD 5 bn, 3,000 MW),
flags as yes/no."""

from __future__ import annotations

import json

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

out = Console()
err = Console(stderr=True)

JSON_HELP = "Print JSON instead of a table."
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"))


def print_json(value: object) -> None:
    """Print `value` as indented JSON on stdout."""
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one red line on stderr (the message is text, not markup) and give the Exit to raise."""
    err.print(f"[red]{escape(message)}[/]", soft_wrap=True, highlight=False)
    return typer.Exit(code)


def plain(value: float) -> str:
    """5000.0 -> '5,000', 5.5 -> '5.5', 1.25 -> '1.25' (at most two decimals)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def is_currency(unit: str | None) -> bool:
    """Currencies are ISO 4217 codes: three capital letters (USD, VND, LAK)."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()


def human_amount(value: float | None, unit: str | None, value_max: float | None = None) -> str:
    """A figure as a person writes it: 'USD 5 bn', 'USD 1.2-1.5 bn', '3,000 MW', '45%'."""
    if value is None:
        return "-"
    if unit in ("percent", "%"):
        return f"{_span(value, value_max, plain)}%"
    if unit == "percentage_points":
        return f"{_span(value, value_max, plain)} pp"
    if is_currency(unit):
        top = max(abs(value), abs(value_max or 0))
        for size, word in _SCALES:
            if top >= size:
                return f"{unit} {_span(value / size, value_max / size if value_max else None, plain)} {word}"
        return f"{unit} {_span(value, value_max, plain)}"
    words = (unit or "").replace("_", " ")
    return f"{_span(value, value_max, plain)} {words}".strip()


def _span(low: float, high: float | None, fmt) -> str:
    return fmt(low) if high is None or high == low else f"{fmt(low)}-{fmt(high)}"


def cut(text: str, width: int) -> str:
    """`text` on one line, at most `width` characters, ending in an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def plural(count: int, noun: str) -> str:
    """'1 event', '3 events', '1,200 events'."""
    return f"{count:,} {noun if count == 1 else noun + 's'}"


def yes_no(flag: object) -> str:
    """True/1 -> 'yes', False/0 -> 'no', None -> '-'."""
    return "-" if flag is None else ("yes" if flag else "no")


def counted(shown: int, total: int | None, noun: str, offset: int = 0) -> str:
    """'27 events', or 'showing 20 of 27 events' when a limit (or a page) cut the list. A
    total of None means the list was cut but not counted (paged views that never load it all)."""
    if total is None:
        return f"showing {noun} {offset + 1:,}-{offset + shown:,} of more (next: --offset {offset + shown})"
    if shown >= total and not offset:
        return f"{total:,} {noun}"
    if offset:
        return f"showing {noun} {offset + 1:,}-{offset + shown:,} of {total:,}"
    return f"showing {shown:,} of {total:,} {noun}"


def page(rows: list, limit: int | None) -> tuple[list, bool]:
    """Rows fetched with limit + 1, cut to the limit, and whether more were there."""
    if limit is None or len(rows) <= limit:
        return rows, False
    return rows[:limit], True


EVIDENCE_MIN = 20  # narrowest evidence column: below this the terminal is too narrow anyway


def print_table(title: str, columns: list[str], rows: list[list[str]], evidence: bool = True) -> None:
    """A table of one line a row. Cells are plain text (never markup). The last column, the
    evidence (or the longest free text), takes the width the others leave and ends in an
    ellipsis where it is longer; the full sentence is in --json and `show`."""
    view = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, show_edge=False)
    fixed = columns[:-1] if not evidence else columns
    widths = [max([len(column)] + [len(row[i]) for row in rows]) for i, column in enumerate(fixed)]
    for column in fixed:
        view.add_column(column, no_wrap=True)
    left = out.width - sum(widths) - 3 * len(widths)  # each column: a separator and two of padding
    # Past the terminal's width the last column alone is cut (rich would narrow every column).
    view.add_column("evidence" if evidence else columns[-1], no_wrap=True, overflow="ellipsis",
                    max_width=max(EVIDENCE_MIN if evidence else 10, left))
    for row in rows:
        view.add_row(*(Text(cell) for cell in row))
    out.print(view)


def evidence_cell(doc_id: str, sentence: str) -> str:
    """The evidence column: document id prefix and the sentence on one line."""
    return f"{doc_id[:8]}: {' '.join(sentence.split())}"
