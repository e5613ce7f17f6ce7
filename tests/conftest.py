"""Shared fixtures: the sample corpus and a fresh store; hypothesis settings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from accord.store.db import open_store

# Tests import their small fixture texts and builders from tests/samples.py.
sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile(
    "accord", deadline=None, max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("accord")

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The shared sample corpus (five articles)."""
    if not SEEDS.is_dir():
        pytest.skip(f"sample corpus not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def store(tmp_path):
    """A fresh store in a temporary file."""
    with open_store(tmp_path / "accord.db") as opened:
        yield opened
