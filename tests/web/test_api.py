"""The JSON API and pages over the sample corpus, through FastAPI's test client."""

import pytest


def test_stats_and_pairs(client):
    body = client.get("/api/stats").json()
    assert body["stats"]["documents"] == 5
    assert body["pairs"][0]["pair_key"] == "LAO-VNM"


def test_pair_view_holds_timeline_commitments_and_variants(client):
    body = client.get("/api/pairs/VNM-LAO").json()
    assert any(e["date"] == "1977-07-18" for e in body["timeline"])
    assert {c["target_value"] for c in body["commitments"]} >= {5e9, 10e9}
    assert any(v["kind"] == "relationship_label" for v in body["variants"])


def test_pair_view_shows_the_first_events_of_a_long_timeline(client):
    whole = client.get("/api/pairs/VNM-LAO").json()["timeline"]
    first = client.get("/api/pairs/VNM-LAO", params={"limit": 3}).json()
    assert first["limit"] == 3 and first["timeline"] == whole[:3] and len(whole) > 3
    page = client.get("/pairs/VNM-LAO")
    assert "lists the rest" not in page.text  # the sample pair fits on one page


def test_events_filter_and_paginate_with_evidence(client):
    first = client.get("/api/events", params={"pair": "LAO-VNM", "type": "visit", "per_page": 3}).json()
    assert len(first["items"]) == 3 and first["has_next"]
    assert all(e["type"] == "visit" and e["evidence"]["sentence"] for e in first["items"])
    second = client.get("/api/events", params={"pair": "LAO-VNM", "type": "visit", "per_page": 3, "page": 2}).json()
    assert {e["id"] for e in first["items"]}.isdisjoint({e["id"] for e in second["items"]})
    dated = client.get("/api/events", params={"from": "2025-01-01", "to": "2025-12-31"}).json()["items"]
    assert dated and all(e["date"].startswith("2025") for e in dated)


def test_the_page_and_its_json_show_the_same_records(client):
    api = client.get("/api/facts", params={"pair": "VNM-LAO"}).json()["items"]
    page = client.get("/facts", params={"pair": "VNM-LAO"}).text
    for fact in api:
        assert fact["evidence"]["doc_id"][:8] in page


def test_document_view_highlights_the_evidence_span(client):
    event = client.get("/api/events", params={"type": "agreement_signed"}).json()["items"][0]
    ev = event["evidence"]
    sentence = {"start": ev["sentence_start"], "end": ev["sentence_end"]}
    html = client.get(f"/documents/{ev['doc_id']}", params=sentence).text
    assert '<mark id="evidence">' in html
    doc = client.get(f"/api/documents/{ev['doc_id']}", params=sentence).json()
    assert doc["segments"]["evidence"] == ev["sentence"]
    # `start`/`end` are the match inside it ("signing"), as in `accord events --json`.
    match = client.get(f"/api/documents/{ev['doc_id']}", params={"start": ev["start"], "end": ev["end"]}).json()
    assert match["segments"]["evidence"] and match["segments"]["evidence"] in ev["sentence"]


def test_search_is_diacritic_insensitive_and_bad_syntax_is_400(client):
    hits = client.get("/api/search", params={"q": "vung ang"}).json()["items"]
    assert hits and any("Vũng Áng" in h["snippet"] or "Vung Ang" in h["snippet"] for h in hits)
    bad = client.get("/api/search", params={"q": '"unclosed'})
    assert bad.status_code == 400 and "search" in bad.json()["detail"]
    assert client.get("/search", params={"q": '"unclosed'}).status_code == 400


def test_ask_returns_the_trade_targets_with_documents(client):
    body = client.get("/api/ask", params={"q": "What trade target did Vietnam and Laos set?"}).json()
    assert body["found"]
    values = {f["value"] for f in body["facts"]}
    assert {5e9, 10e9} <= values
    assert all(f["document"] for f in body["facts"]) and body["citations"]


def test_ask_says_not_found_without_support(client):
    body = client.get("/api/ask", params={"q": "What did Peru and Norway sign about salmon?"}).json()
    assert body["found"] is False and body["citations"] == []


@pytest.mark.parametrize("path", ["/", "/pairs/VNM-LAO", "/events", "/facts", "/agreements", "/actors",
                                  "/actors/To%20Lam", "/documents", "/search?q=treaty", "/ask?q=trade+target"])
def test_pages_render_with_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path,params", [
    ("/api/events", {"pair": "VIETNAM"}), ("/api/events", {"page": 10**9}), ("/api/events", {"page": 0}),
    ("/api/events", {"per_page": 100000}), ("/api/events", {"from": "yesterday"}),
    ("/api/pairs/XX", {}), ("/api/pairs/VNM-LAO", {"by": "week"}), ("/api/search", {"q": ""}),
    ("/api/documents/not-a-hash", {}), ("/api/actors/Nobody%20Known", {}),
])
def test_bad_requests_are_4xx_with_a_message(client, path, params):
    response = client.get(path, params=params)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_no_path_traversal(client):
    for path in ["/static/../app.py", "/static/..%2fapp.py", "/documents/..%2f..%2fetc%2fpasswd"]:
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert "import" not in response.text


def test_writes_are_refused_without_a_configured_token(client):
    response = client.post("/api/ingest", files={"files": ("a.txt", b"Kenya and Uganda met.", "text/plain")})
    assert response.status_code == 403


def test_writes_need_the_right_bearer_token(writable, token):
    files = {"files": ("a.txt", b"Kenya and Uganda signed a trade agreement in Nairobi on 3 May 2024.", "text/plain")}
    assert writable.post("/api/ingest", files=files).status_code == 401
    assert writable.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = writable.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json()["documents_added"] == 1


def test_upload_rejections_match_the_cli_reasons(writable, token):
    files = [("files", ("empty.txt", b"", "text/plain")), ("files", ("junk.bin", bytes(range(256)) * 8, "application/octet-stream"))]
    body = writable.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {token}"}).json()
    reasons = {r["origin"]: r["reason"] for r in body["rejected"]}
    assert reasons == {"upload:empty.txt": "empty file", "upload:junk.bin": "binary content, not text"}


def test_upload_size_limit(writable, token):
    files = {"files": ("big.txt", b"a" * 300_000, "text/plain")}
    response = writable.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413


def test_openapi_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/search", "/api/ask", "/api/ingest"} <= set(paths)


def test_the_labels_page_shows_its_json_rows(client):
    api = client.get("/api/labels", params={"pair": "VNM-LAO"}).json()["items"]
    page = client.get("/labels", params={"pair": "VNM-LAO"}).text
    assert api
    for label in api:
        assert label["evidence"]["doc_id"][:8] in page
