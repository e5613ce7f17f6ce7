"""Small modules and functions (docs/ARCHITECTURE.md): no module in accord/ over 400 lines and no
function over 60, unless the line above its `def` (or the module's first line) carries a
comment with `size:` saying why."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "accord"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _excused(lines: list[str], line_number: int) -> bool:
    """Whether the line before `line_number` (1-based) is a `# size: why` comment."""
    return line_number >= 2 and "# size:" in lines[line_number - 2]


def test_no_module_is_over_400_lines():
    long = []
    for path in sorted(ROOT.rglob("*.py")):
        lines = path.read_text("utf-8").splitlines()
        if len(lines) > MAX_MODULE_LINES and "# size:" not in lines[0]:
            long.append(f"{path.relative_to(ROOT.parent)}: {len(lines)} lines")
    assert long == []


def test_no_function_is_over_60_lines():
    long = []
    for path in sorted(ROOT.rglob("*.py")):
        text = path.read_text("utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES and not _excused(lines, first):
                    long.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} {node.name}: {size} lines")
    assert long == []
