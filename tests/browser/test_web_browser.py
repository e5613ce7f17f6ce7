"""The web app in a real browser: timeline to highlighted document, search, ask, and an XSS
article that must render inert. Screenshots go to docs/screenshots/."""

import os
import subprocess
import sys
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


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """`accord serve` itself, as a separate process, on a store made as `make demo` makes it."""
    from typer.testing import CliRunner

    from accord.cli import app

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert CliRunner().invoke(app, ["--db", str(db), "ingest", str(SEEDS), "-q"]).exit_code == 0
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "ACCORD_TOKEN"}
    process = subprocess.Popen([sys.executable, "-c", "from accord.cli import main; main()", "--db", str(db),
                                "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"accord serve did not start: {process.stderr.read().decode()[-500:]}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


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


def _plotted(page, chart="#timeline-chart"):
    page.wait_for_function(f"document.querySelector('{chart}') && "
                           f"document.querySelector('{chart}')._fullLayout !== undefined")


# The centre of the first dot drawn inside the timeline's plot area (dots outside the opening
# range are in the DOM but clipped).
_VISIBLE_DOT = """() => {
  const area = document.querySelector('#timeline-chart .nsewdrag').getBoundingClientRect();
  for (const dot of document.querySelectorAll('#timeline-chart .scatterlayer path.point')) {
    const box = dot.getBoundingClientRect();
    const x = box.x + box.width / 2, y = box.y + box.height / 2;
    if (x > area.left && x < area.right && y > area.top && y < area.bottom) return [x, y];
  }
  return null;
}"""


def _x_range(page, chart="#timeline-chart"):
    return page.evaluate(f"document.querySelector('{chart}')._fullLayout.xaxis.range.map(String)")


def test_timeline_click_opens_the_document_at_the_highlighted_evidence(server, page):
    page.goto(server + "/pairs/LAO-VNM")
    _plotted(page)
    assert page.locator(".js-plotly-plot").count() == 2  # both charts drawn by plotly.js
    _shot(page, "pair.png")
    page.mouse.click(*page.evaluate(_VISIBLE_DOT))
    page.wait_for_url("**/documents/**")
    mark = page.locator("mark#evidence")
    assert mark.count() == 1 and len(mark.inner_text()) > 20
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box and 0 <= box["y"] < 900  # scrolled into view
    _shot(page, "document.png")


def test_hovering_a_timeline_dot_shows_the_event_and_its_evidence(server, page):
    timeline = page.request.get(server + "/api/pairs/LAO-VNM").json()["timeline"]
    page.goto(server + "/pairs/LAO-VNM")
    _plotted(page)
    assert page.locator("#event-detail").is_hidden()
    page.mouse.move(*page.evaluate(_VISIBLE_DOT))
    panel = page.locator("#event-detail")
    panel.wait_for(state="visible")
    event = timeline[int(panel.get_attribute("data-event"))]
    assert event["date"] in panel.locator(".detail-title").inner_text()
    assert event["type"] in panel.locator(".detail-title").inner_text()
    assert panel.locator(".detail-evidence").inner_text().startswith(event["evidence"][0][:60])
    span = event["evidence_spans"][0]
    assert panel.locator(".detail-link").get_attribute("href").startswith(f"/documents/{span['doc_id']}")
    # Plotly's own hover label shows the sentence too, from the escaped hover text.
    label = page.locator("#timeline-chart .hoverlayer .hovertext")
    assert label.count() == 1 and event["evidence"][0].split()[0] in label.text_content()
    _shot(page, "pair-hover.png")


def test_the_timeline_opens_on_recent_years_and_zooms(server, page):
    page.goto(server + "/pairs/LAO-VNM")
    _plotted(page)
    opening = _x_range(page)
    assert opening[0] >= "2025"  # the recent run of events, not 1962-2026 squeezed
    ticks = page.locator("#timeline-chart .xtick text").all_inner_texts()
    assert len(ticks) >= 4
    # The range buttons: "all" shows the whole record, back to the 1962 event.
    page.locator("#timeline-chart .rangeselector .button", has_text="all").click()
    page.wait_for_function("document.querySelector('#timeline-chart')._fullLayout.xaxis.range[0] < '1963'")
    # Dragging across the plot zooms in on that stretch.
    area = page.locator("#timeline-chart .nsewdrag").bounding_box()
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + area["width"] * 0.2, y)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.4, y, steps=8)
    page.mouse.up()
    page.wait_for_function("document.querySelector('#timeline-chart')._fullLayout.xaxis.range[0] > '1963'")
    zoomed = _x_range(page)
    assert "1962" < zoomed[0] < zoomed[1] < "2026"
    # The index chart: bars and the Goldstein line, each with a ticked y axis and a legend.
    _plotted(page, "#index-chart")
    assert page.locator("#index-chart .yaxislayer-above .ytick").count() >= 3
    assert page.locator("#index-chart .legend .traces").count() == 2


def test_served_pages_fetch_nothing_off_the_machine(demo_server, browser):
    server = demo_server
    context = browser.new_context()
    requests, outside, violations = [], [], []

    def route(request_route):
        url = request_route.request.url
        requests.append(url)
        if url.startswith(server + "/"):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    context.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                            "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))")
    page = context.new_page()
    for path in ["/", "/pairs/LAO-VNM", "/docs", "/api/events"]:
        response = page.goto(server + path, wait_until="networkidle")
        assert response.status == 200, path
        violations += [v for v in page.evaluate("window.__csp || []") if v.startswith("script-src")]
        if path == "/docs":
            page.wait_for_selector(".opblock")  # Swagger UI rendered the schema
            assert page.locator(".opblock").count() >= 10
            _shot(page, "docs.png")
        if path == "/pairs/LAO-VNM":
            _plotted(page)
    assert outside == [] and violations == []
    assert any(url.endswith("/vendor/plotly.min.js") for url in requests)
    assert any("/vendor/swagger/" in url for url in requests)
    context.close()


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
