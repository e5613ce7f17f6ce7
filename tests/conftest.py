"""Shared fixtures: the sample corpus and a fresh store; hypothesis settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from accord.store.db import open_store

# Tests import their small fixture texts and builders from tests/samples.py.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# No deadlines (no timing assertions); HYPOTHESIS_PROFILE=deep runs the properties much longer.
settings.register_profile(
    "accord", deadline=None, max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("deep", settings.get_profile("accord"), max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "accord"))

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
