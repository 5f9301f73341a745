"""/health up and down, and 503 (not a stack trace) from any route when Neo4j is unreachable."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from duikou.settings import Settings


def test_health_up(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"]["ok"] is True
    assert body["database"]["version"].startswith("5.")
    assert (body["nodes"], body["edges"]) == (28, 59)


def test_health_down_is_503_with_retry_after(unreachable_settings: Settings) -> None:
    with TestClient(create_app(unreachable_settings)) as down:
        response = down.get("/health")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "10"
    body = response.json()
    assert body["status"] == "unavailable" and body["database"]["ok"] is False
    assert "不可用" in body["database"]["message"]


def test_data_routes_answer_503_json_when_down(unreachable_settings: Settings) -> None:
    with TestClient(create_app(unreachable_settings), raise_server_exceptions=False) as down:
        for url in ("/people/person:x", "/search?q=沈阳", "/queries/top_brokers", "/stats", "/export"):
            response = down.get(url)
            assert response.status_code == 503, url
            assert response.headers["retry-after"] == "10"
            body = response.json()
            assert body["error"] == "database_unavailable"
            assert "Traceback" not in response.text
