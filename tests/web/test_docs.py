"""/docs is Swagger UI served by the app itself: no CDN, no inline script, the app's CSP."""

import re


def test_docs_page_loads_only_the_apps_own_assets(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "<script>" not in response.text  # every script is a file from the app
    for source in sources:
        asset = client.get(source)
        assert asset.status_code == 200 and len(asset.content) > 100, source
    assert "SwaggerUIBundle" in client.get("/vendor/swagger/swagger-ui-bundle.js").text
    assert 'data-openapi-url="/openapi.json"' in response.text


def test_the_chart_library_is_served_by_the_app(client):
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200 and "javascript" in response.headers["content-type"]
    assert len(response.content) > 1_000_000 and b"Plotly" in response.content[:5000] + response.content[-5000:]
