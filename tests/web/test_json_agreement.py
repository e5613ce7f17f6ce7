"""`accord X --json` and /api/X print the same JSON for every listing both have, on one store
of the seeds (issue 12: every JSON shape comes from analysis/views.py)."""

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from accord.store.db import connect
from accord.store.records import outlet_of
from accord.web.app import WebSettings, create_app
from cli_helpers import invoke

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

PAIR = "LAO-VNM"


def _cli(db: str):
    """`accord --db DB ARGS --json`, parsed."""
    def run(*args: str):
        result = invoke("--db", db, *args, "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
    return run


def _api(db: str):
    """GET /api/PATH on the app over the store DB, parsed."""
    client = TestClient(create_app(WebSettings(db_path=db, token=None)))

    def get(path: str, **params):
        response = client.get("/api" + path, params=params)
        assert response.status_code == 200, response.text
        return response.json()
    return get


@pytest.fixture(scope="module")
def cli(seeded_db):
    return _cli(seeded_db)


@pytest.fixture(scope="module")
def api(seeded_db):
    return _api(seeded_db)


# The seeds name no outlet: the outlet tests run on the same texts given one (two by URL host,
# three by a stated source), in a store of their own.
OUTLETS = ["https://www.vietnamplus.vn/a", "https://www.vietnamplus.vn/b", "Vientiane Times",
           "Vientiane Times", "Vientiane Times"]


@pytest.fixture(scope="module")
def outlet_db(tmp_path_factory) -> str:
    from accord.engine import ingest_paths
    from accord.store.db import open_store

    folder = tmp_path_factory.mktemp("outlets")
    lines = []
    for path, outlet in zip(sorted(SEEDS.glob("*.txt")), OUTLETS, strict=True):
        where = {"url": outlet} if outlet.startswith("http") else {"source": outlet}
        lines.append(json.dumps({"text": path.read_text(encoding="utf-8"), **where}))
    (folder / "seeds.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(folder / "outlets.db")
    with open_store(db) as store:
        ingest_paths([str(folder / "seeds.jsonl")], store)
    return db


RECORD_LISTINGS = [
    ("events", [], {}),
    ("events", ["--pair", PAIR], {"pair": PAIR}),
    ("events", ["--pair", "VNM-LAO", "--type", "visit"], {"pair": "VNM-LAO", "type": "visit"}),
    ("events", ["--from", "2025", "--to", "2026-03"], {"from": "2025", "to": "2026-03"}),
    ("facts", [], {}),
    ("facts", ["--pair", PAIR], {"pair": PAIR}),
    ("agreements", [], {}),
    ("agreements", ["--pair", PAIR, "--from", "1970"], {"pair": PAIR, "from": "1970"}),
    ("labels", [], {}),
    ("labels", ["--pair", PAIR], {"pair": PAIR}),
]


@pytest.mark.parametrize(("listing", "args", "params"), RECORD_LISTINGS)
def test_record_listings_agree(cli, api, listing, args, params):
    from_cli = cli(listing, *args, "--limit", "500")
    from_web = api(f"/{listing}", per_page=500, **params)["items"]
    assert from_cli, f"{listing} {args}: the seeds give no rows, so the test would prove nothing"
    assert from_cli == from_web


def test_a_second_page_is_the_cli_rows_after_the_first(cli, api):
    rows = cli("events", "--limit", "40")
    assert len(rows) == 40
    assert api("/events", page=2, per_page=20)["items"] == rows[20:40]


def test_evidence_gives_the_match_span_and_the_sentence_with_its_own_span(cli, seeded_db):
    conn = connect(seeded_db, read_only=True)
    try:
        for row in cli("events", "--limit", "200") + cli("facts", "--limit", "200"):
            ev = row["evidence"]
            text = conn.execute("SELECT clean_text FROM documents WHERE id = ?", (ev["doc_id"],)).fetchone()[0]
            assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["sentence"]
            assert ev["sentence_start"] <= ev["start"] < ev["end"] <= ev["sentence_end"]
    finally:
        conn.close()


@pytest.mark.parametrize("listing", ["events", "facts", "agreements", "labels"])
@pytest.mark.parametrize("outlet", ["vietnamplus.vn", "VIENTIANE TIMES"])
def test_an_outlet_filter_agrees_and_keeps_pages_full(outlet_db, listing, outlet):
    cli, api = _cli(outlet_db), _api(outlet_db)
    docs = {d["id"]: outlet_of(d["source"], d["url"]) for d in cli("docs", "--limit", "100")}
    expected = [r for r in cli(listing, "--limit", "100000") if docs[r["evidence"]["doc_id"]].lower() == outlet.lower()]
    assert expected, f"no {listing} from {outlet}: the test would prove nothing"
    assert cli(listing, "--outlet", outlet, "--limit", "100000") == expected
    size = max(1, len(expected) // 2)
    page = api(f"/{listing}", outlet=outlet, per_page=size)
    assert page["items"] == expected[:size]  # a full page, wherever the outlet's rows are
    assert page["has_next"] == (len(expected) > size)
    assert api(f"/{listing}", outlet=outlet, per_page=size, page=2)["items"] == expected[size:2 * size]


def test_actors_agree(cli, api):
    assert cli("actors", "--limit", "500") == api("/actors", per_page=500)["items"]
    by_pair = cli("actors", "--pair", PAIR, "--limit", "500")
    assert by_pair and by_pair == api("/actors", pair=PAIR, per_page=500)["items"]


def test_an_actor_profile_agrees(cli, api):
    name = cli("actors", "--limit", "1")[0]["name"]
    assert cli("actor", name) == api(f"/actors/{quote(name)}")


def test_documents_agree(cli, api):
    assert cli("docs", "--limit", "500") == api("/documents", per_page=500)["items"]
    assert cli("docs", "--limit", "3", "--offset", "3") == api("/documents", page=2, per_page=3)["items"]
    english = cli("docs", "--language", "en", "--limit", "500")
    assert english and english == api("/documents", language="en", per_page=500)["items"]


@pytest.mark.parametrize("query", ["Laos", "hydropower", "Tô Lâm"])
def test_search_agrees(cli, api, query):
    found = cli("search", query, "--limit", "20")
    assert found, f"no hit for {query!r}"
    assert found == api("/search", q=query, limit=20)["items"]


def test_stats_agree(cli, api):
    assert cli("stats") == api("/stats")["stats"]


@pytest.mark.parametrize("by", ["year", "quarter"])
def test_the_pair_views_agree(cli, api, by):
    page = api(f"/pairs/{PAIR}", by=by)
    assert page["timeline"] and page["timeline"] == cli("timeline", "--pair", PAIR)
    assert page["index"] and page["index"] == cli("index", "--pair", PAIR, "--by", by)
    assert page["commitments"] == cli("commitments", "--pair", PAIR)
    assert page["variants"] == cli("variants", "--pair", PAIR)


@pytest.mark.parametrize("question", ["What trade target did Vietnam and Laos set?",
                                      "When did Vietnam and Laos sign the Treaty of Amity and Cooperation?"])
def test_ask_agrees(cli, api, question):
    answer = cli("ask", question)
    assert answer["found"], answer
    assert answer == api("/ask", q=question)


def test_one_document_agrees_but_for_the_texts_and_the_web_extras(cli, api):
    """`accord show ID --json` has the texts; /api/documents/ID cuts the text around a span and
    lists the document's records (as `accord events --json` prints them)."""
    doc_id = cli("docs", "--limit", "1")[0]["id"]
    shown, web = cli("show", doc_id), api(f"/documents/{doc_id}")
    assert {k: v for k, v in shown.items() if k not in ("clean_text", "raw_text")} == \
           {k: v for k, v in web.items() if k not in ("segments", "records")}
    assert web["records"]["events"] == [r for r in cli("events", "--limit", "100000")
                                        if r["evidence"]["doc_id"] == doc_id][:1000]
