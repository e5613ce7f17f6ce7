"""Load while writing: `accord serve` answers a bounded load from concurrent clients while an
`accord ingest` process writes into the same store. No errors, no "database is locked";
the p95 latency is printed (and reported in docs/RELIABILITY.md), never asserted."""

import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn

from accord.engine import ingest_paths
from accord.store.db import open_store
from accord.web.app import WebSettings, create_app

from reliability.articles import make_articles

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
CLIENTS = 4
REQUESTS_PER_CLIENT = 40
PATHS = ["/", "/pairs/LAO-VNM", "/events?pair=LAO-VNM", "/api/events?per_page=20", "/api/stats",
         "/api/search?q=treaty", "/search?q=vung+ang", "/api/ask?q=What+trade+target+did+Vietnam+and+Laos+set%3F",
         "/api/pairs/VNM-LAO", "/documents"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_pages_and_api_answer_while_an_ingest_writes(tmp_path):
    db = tmp_path / "shared.db"
    with open_store(db) as store:
        ingest_paths([str(SEEDS)], store)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for number, article in enumerate(make_articles(60, seed=11)):
        (incoming / f"{number:03d}.txt").write_text(article.as_text())

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(WebSettings(db_path=str(db), token=None)),
                                           host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)

    accord = str(Path(sys.executable).parent / "accord")
    writer = subprocess.Popen([accord, "--db", str(db), "ingest", "--quiet",
                               "--json", str(incoming)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONWARNINGS": "ignore"})
    base = f"http://127.0.0.1:{port}"

    def client(number: int) -> list[tuple[int, float, str]]:
        results = []
        with httpx.Client(base_url=base, timeout=60) as http:
            for i in range(REQUESTS_PER_CLIENT):
                path = PATHS[(number + i) % len(PATHS)]
                started = time.perf_counter()
                writing = writer.poll() is None
                response = http.get(path)
                results.append((response.status_code, time.perf_counter() - started,
                                response.text[:200] if response.status_code >= 400 else "", writing))
        return results

    try:
        with ThreadPoolExecutor(CLIENTS) as pool:
            outcomes = [r for batch in pool.map(client, range(CLIENTS)) for r in batch]
        ingest_out, ingest_err = writer.communicate(timeout=600)
    finally:
        if writer.poll() is None:
            writer.kill()
        server.should_exit = True
        thread.join(timeout=10)

    errors = [(status, body) for status, _, body, _ in outcomes if status != 200]
    latencies = sorted(seconds for _, seconds, _, _ in outcomes)
    during = sum(1 for *_, writing in outcomes if writing)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"\nload while writing: {len(outcomes)} requests from {CLIENTS} clients, {len(errors)} errors, "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
          f"{during} served while the ingest was writing, ingest exit {writer.returncode}")
    assert len(outcomes) == CLIENTS * REQUESTS_PER_CLIENT
    assert during >= len(outcomes) // 2, "the load ran mostly after the ingest had finished"
    assert errors == []
    assert b"database is locked" not in ingest_err and writer.returncode == 0, ingest_err.decode()[-500:]
    with open_store(db) as store:
        assert store.stats()["documents"] >= 5 + 50
