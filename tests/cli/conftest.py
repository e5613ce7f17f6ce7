"""Fixtures for the command-line tests: the seeds ingested once into a store the read-only
tests share, and a runner that keeps stdout and stderr apart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_helpers import invoke

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> str:
    """A store holding the five seed articles (read-only for the tests that use it)."""
    if not SEEDS.is_dir():
        pytest.skip(f"sample corpus not found at {SEEDS}")
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    result = invoke("--db", str(path), "ingest", "--quiet", str(SEEDS))
    assert result.exit_code == 0, result.output
    return str(path)


@pytest.fixture
def seeded_copy(seeded_db, tmp_path) -> str:
    """A copy of the seeded store a test may change."""
    target = tmp_path / "copy.db"
    shutil.copy(seeded_db, target)
    return str(target)
