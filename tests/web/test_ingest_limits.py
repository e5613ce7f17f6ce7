"""POST /api/ingest reads nothing of a body it will refuse: the token is checked first, a
declared Content-Length over the limit is a 413 before the first byte, and a body that does
not declare its length is cut off with a 413 as soon as the count passes the limit.

The app is called as a bare ASGI app, so the test sees exactly which body chunks it pulled.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from accord.web.app import WebSettings, create_app

LIMIT = 200_000
BOUNDARY = "accordtestboundary"
ARTICLE = b"Kenya and Uganda signed a trade agreement in Nairobi on 3 May 2024."


def _multipart(content: bytes, name: str = "a.txt") -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            f"Content-Type: text/plain\r\n\r\n").encode() + content + f"\r\n--{BOUNDARY}--\r\n".encode()


def _post(app, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, int]:
    """POST the chunks to /api/ingest; the status and how many chunks the app pulled."""
    pending, pulled, sent = list(chunks), [], []

    async def receive():
        if pending:
            pulled.append(pending.pop(0))
            return {"type": "http.request", "body": pulled[-1], "more_body": bool(pending)}
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/ingest", "raw_path": b"/api/ingest", "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 5000), "server": ("127.0.0.1", 8000),
             "headers": [(k.lower().encode(), v.encode()) for k, v in
                         {"content-type": f"multipart/form-data; boundary={BOUNDARY}", **headers}.items()]}
    # In a thread of its own: the browser tests' Playwright may hold this thread's event loop.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    return next(m["status"] for m in sent if m["type"] == "http.response.start"), len(pulled)


@pytest.fixture
def app(tmp_path):
    return create_app(WebSettings(db_path=str(tmp_path / "w.db"), token="right", max_upload_bytes=LIMIT))


def _chunks(body: bytes, size: int = 10_000) -> list[bytes]:
    return [body[i:i + size] for i in range(0, len(body), size)]


def test_a_wrong_token_is_refused_before_the_body_is_read(app):
    body = _multipart(ARTICLE * 100)
    status, pulled = _post(app, {"authorization": "Bearer wrong", "content-length": str(len(body))},
                           _chunks(body, 1000))
    assert status == 401 and pulled == 0


def test_writes_off_is_refused_before_the_body_is_read(tmp_path):
    closed = create_app(WebSettings(db_path=str(tmp_path / "r.db"), token=None))
    body = _multipart(ARTICLE)
    assert _post(closed, {"content-length": str(len(body))}, [body]) == (403, 0)


def test_a_declared_length_over_the_limit_is_413_before_the_body_is_read(app):
    body = _multipart(b"a" * (LIMIT + 1))
    status, pulled = _post(app, {"authorization": "Bearer right", "content-length": str(len(body))},
                           _chunks(body))
    assert status == 413 and pulled == 0


def test_an_undeclared_body_is_cut_off_once_it_passes_the_limit(app):
    chunks = _chunks(_multipart(b"a" * (10 * LIMIT)))
    status, pulled = _post(app, {"authorization": "Bearer right"}, chunks)
    assert status == 413
    assert pulled <= LIMIT // 10_000 + 1 < len(chunks)  # stopped at the limit, not at the end


def test_a_body_within_the_limit_is_ingested(app):
    body = _multipart(ARTICLE)
    status, pulled = _post(app, {"authorization": "Bearer right", "content-length": str(len(body))},
                           _chunks(body, 20))
    assert status == 200 and pulled == len(_chunks(body, 20))


def test_a_malformed_content_length_is_400(app):
    assert _post(app, {"authorization": "Bearer right", "content-length": "lots"}, [b""])[0] == 400
