"""The HTML report opens offline in headless Chromium and shows its charts."""

import os
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
# Screenshots are kept in docs/screenshots when ACCORD_UPDATE_SCREENSHOTS=1, else in a temp folder,
# so a test run does not rewrite tracked files.
SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
               if os.environ.get("ACCORD_UPDATE_SCREENSHOTS") else Path(tempfile.gettempdir()) / "accord-screenshots")


def test_report_renders_offline_with_charts(browser, tmp_path):
    db = tmp_path / "seeds.db"
    runner = CliRunner()
    assert runner.invoke(app, ["--db", str(db), "ingest", str(SEEDS), "-q"]).exit_code == 0
    report = tmp_path / "report.html"
    assert runner.invoke(app, ["--db", str(db), "report", "--pair", "VNM-LAO", "-o", str(report)]).exit_code == 0
    context = browser.new_context(offline=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri())
    charts = page.locator("svg.chart")
    assert charts.count() == 2
    assert page.locator("svg.chart circle").count() > 5
    assert page.locator("svg.chart rect").count() >= 3
    box = charts.first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 50
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1100, "height": 900})
    page.screenshot(path=str(SCREENSHOTS / "report.png"))
    # Clicking a timeline dot jumps to that event's row with its evidence.
    page.locator("svg.chart a").first.click()
    assert page.evaluate("location.hash").startswith("#event-")
    assert all(url.startswith("file://") for url in requests), requests
    context.close()
