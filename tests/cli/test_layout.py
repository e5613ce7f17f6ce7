"""The command line is a layer on top: no module of accord imports it, and no module of it
imports another module's private (underscored) names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "accord"


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []


def test_cli_modules_import_no_private_names():
    offenders = [(path.name, module, name) for path in (PACKAGE / "cli").glob("*.py")
                 for module, names in _imports(path) if module.startswith("accord")
                 for name in names if name.startswith("_") and not name.endswith("__")]
    assert offenders == []


def test_nothing_in_the_library_imports_the_cli():
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if "cli" not in path.relative_to(PACKAGE).parts
                 for module, _ in _imports(path) if module == "accord.cli" or module.startswith("accord.cli.")]
    assert offenders == []


def test_the_old_command_modules_are_gone():
    assert not (PACKAGE / "cli.py").exists() and not (PACKAGE / "commands").exists()


def test_the_library_does_not_read_the_cli_environment_variables_for_the_cli():
    """The CLI passes --db and --workers to the library explicitly (envvar= on its options)."""
    sources = "".join(path.read_text("utf-8") for path in (PACKAGE / "cli").glob("*.py"))
    assert 'envvar="ACCORD_DB"' in sources and 'envvar="ACCORD_WORKERS"' in sources
    assert "os.environ" not in sources and "getenv" not in sources and "default_db_path" not in sources
