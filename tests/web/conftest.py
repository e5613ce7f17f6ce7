"""A store with the sample corpus and the app over it."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from accord.engine import ingest_paths
from accord.store.db import open_store
from accord.web.app import WebSettings, create_app

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
TOKEN = "test-token-123"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    with open_store(path) as store:
        ingest_paths([str(SEEDS)], store)
    return str(path)


@pytest.fixture
def client(seeded_db) -> TestClient:
    return TestClient(create_app(WebSettings(db_path=seeded_db, token=None)))


@pytest.fixture
def writable(tmp_path) -> TestClient:
    return TestClient(create_app(WebSettings(db_path=str(tmp_path / "w.db"), token=TOKEN,
                                             max_upload_bytes=200_000)))


@pytest.fixture
def token() -> str:
    return TOKEN
