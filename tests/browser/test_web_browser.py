"""The web app in a real browser: timeline to highlighted document, search, ask, and an XSS
article that must render inert. Screenshots go to docs/screenshots/."""

import os
import tempfile
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from accord.engine import ingest_paths
from accord.store.db import open_store
from accord.web.app import WebSettings, create_app

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
# Screenshots are kept in docs/screenshots when ACCORD_UPDATE_SCREENSHOTS=1, else in a temp folder,
# so a test run does not rewrite tracked files.
SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
               if os.environ.get("ACCORD_UPDATE_SCREENSHOTS") else Path(tempfile.gettempdir()) / "accord-screenshots")
XSS_ARTICLE = (
    "Kenya and Uganda signed a border trade agreement in Nairobi on 3 May 2024, officials said. "
    "<script>window.__xss = 1; alert('xss')</script> The ministers met again the next day. "
    '<img src=x onerror="window.__xss = 2"> Their talks covered the railway. '
    '<a href="javascript:window.__xss=3">read more</a> Both sides praised the deal.\n'
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("webbrowser")
    (folder / "xss.txt").write_text(XSS_ARTICLE)
    db = folder / "store.db"
    with open_store(db) as store:
        ingest_paths([str(SEEDS), str(folder / "xss.txt")], store)
    port = _free_port()
    config = uvicorn.Config(create_app(WebSettings(db_path=str(db), token=None)), host="127.0.0.1",
                            port=port, log_level="error")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def _shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def test_overview_lists_the_pair(server, page):
    page.goto(server + "/")
    assert page.locator("a[href='/pairs/LAO-VNM']").count() == 1
    _shot(page, "overview.png")


def test_timeline_click_opens_the_document_at_the_highlighted_evidence(server, page):
    page.goto(server + "/pairs/LAO-VNM")
    assert page.locator("svg.chart").count() == 2
    _shot(page, "pair.png")
    page.locator("svg.chart a").first.click()
    page.wait_for_url("**/documents/**")
    mark = page.locator("mark#evidence")
    assert mark.count() == 1 and len(mark.inner_text()) > 20
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box and 0 <= box["y"] < 900  # scrolled into view
    _shot(page, "document.png")


def test_search_from_the_header(server, page):
    page.goto(server + "/")
    page.fill("header input[name=q]", "vung ang")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".hit").count() >= 1
    _shot(page, "search.png")


def test_ask_answers_with_citations(server, page):
    page.goto(server + "/ask")
    page.fill("main form[action='/ask'] input[name=q]", "What trade target did Vietnam and Laos set?")
    page.click("main form[action='/ask'] button[type=submit]")
    page.wait_for_selector("#answer")
    text = page.locator("#answer").inner_text()
    assert "5 billion" in text and "10 billion" in text
    cited = page.locator("ol.citations li").all_inner_texts()
    assert cited and len(cited) == len(set(cited))  # both targets stand in one sentence: cited once
    _shot(page, "ask.png")


def test_hostile_article_renders_inert(server, page):
    page.goto(server + "/search?q=border+trade+agreement+nairobi")
    link = page.locator(".hit a").first
    link.click()
    page.wait_for_url("**/documents/**")
    assert "<script>window.__xss" in page.locator(".text").inner_text()  # shown as text
    assert page.locator(".text a").count() == 0 and page.locator(".text img").count() == 0
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
