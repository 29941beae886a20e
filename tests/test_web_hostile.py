"""Hostile requests against `sitrep serve` (issue 16): SQL injection through every filter,
FTS syntax in search, stored and reflected XSS, path traversal, oversized bodies, malformed
JSON, missing or wrong tokens. Injection runs on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from webapp import auth, client_for
from webkit import HOSTILE_TEXT, HOSTILE_TITLE, HOSTILE_URL

INJECTIONS = [
    "' OR '1'='1",
    "IND' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" OR ""="',
    "%",
    "_",
    "IND%' UNION SELECT id, text FROM documents --",
    "1) OR (1=1",
    "\\",
    "IND;RUS",
]
# Every filter the event API takes a free text value in, and the other listings' filters.
EVENT_FILTERS = ["actor", "recipient", "country", "mode", "text", "source", "location"]
OTHER_FILTERS = [
    ("/api/documents", "q"),
    ("/api/entities", "q"),
    ("/api/entities", "kind"),
    ("/api/entities", "country"),
    ("/api/deals", "supplier"),
    ("/api/deals", "recipient"),
    ("/api/deals", "system"),
    ("/api/stories", "actor"),
    ("/api/stories", "recipient"),
    ("/api/stories", "country"),
    ("/api/stories", "text"),
]


@pytest.fixture
def client(store_url: str):  # type: ignore[no-untyped-def]
    with client_for(store_url) as c:
        yield c


def counts(client) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    home = client.get("/index.json").json()["counts"]
    return home["documents"], home["events"]


def test_sql_injection_through_every_filter_finds_nothing_and_breaks_nothing(client) -> None:  # type: ignore[no-untyped-def]
    before = counts(client)
    for value in INJECTIONS:
        for name in EVENT_FILTERS:
            response = client.get("/api/events", params={name: value})
            assert response.status_code == 200, (name, value, response.text)
            assert response.json()["items"] == [], (name, value)
        dyad = client.get("/api/events", params={"dyad": [value, "RUS"]})
        assert dyad.status_code == 200 and dyad.json()["items"] == [], value
        page = client.get(f"/api/dyads/{value.replace('/', '')}/RUS")
        assert page.status_code in (200, 404), value
        for path, name in OTHER_FILTERS:
            response = client.get(path, params={name: value})
            assert response.status_code == 200, (path, name, value, response.text)
            assert response.json()["items"] == [], (path, name, value)
        for path in ("/api/aggregates/counts", "/api/aggregates/index", "/api/map"):
            assert client.get(path, params={"actor": value}).status_code == 200
    assert counts(client) == before  # nothing dropped, nothing added


def test_fts_query_syntax_in_search_is_plain_text(client) -> None:  # type: ignore[no-untyped-def]
    for query in [
        '"',
        '"S-400',
        "S-400 OR",
        "NEAR(India Russia)",
        "title:Singh",
        "India*",
        "(",
        "AND",
        "-India",
        "^India",
        "India NOT Russia",
        "{title}: x",
    ]:
        response = client.get("/api/documents", params={"q": query})
        assert response.status_code == 200, (query, response.text)
    # Operators are words to find: no document contains the phrase "India NOT Russia".
    assert client.get("/api/documents", params={"q": "India NOT Russia"}).json()["items"] == []
    assert client.get("/api/documents", params={"q": "Singh OR China"}).json()["items"] == []
    found = client.get("/api/documents", params={"q": "spare parts"}).json()["items"]
    assert [d["title"] for d in found] == ["Singh in Moscow"]
    assert client.get("/search", params={"q": '"unbalanced'}).status_code == 200


def _no_live_markup(html: str) -> None:
    """No tag, handler or script from the hostile article survives as markup."""
    for live in (
        "<script>alert",
        "<img src=x",
        "<svg onload",
        "<b onmouseover",
        'href="javascript:',
    ):
        assert live not in html, live
    assert not re.search(r"<[^>]+\son\w+=", html), "an event handler attribute got through"


def test_stored_xss_in_text_title_and_url_is_escaped(client) -> None:  # type: ignore[no-untyped-def]
    hostile = client.get("/api/documents", params={"q": "Officials met in Delhi"}).json()["items"]
    doc_id = hostile[0]["id"]
    event_id = client.get(f"/api/documents/{doc_id}").json()["events"][0]["id"]
    for page in [
        "/",
        "/documents",
        "/search?q=Delhi",
        f"/documents/{doc_id}",
        f"/documents/{doc_id}?event={event_id}",
        "/events",
        "/dyads/IND/RUS",
        "/map",
        "/entities/country:RUS",
        "/stories",
        f"/stories/{client.get(f'/api/documents/{doc_id}').json()['events'][0]['story_id']}",
    ]:
        html = client.get(page).text
        _no_live_markup(html)
    article = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in article  # shown, inert
    assert "&lt;img src=x onerror=alert(&#34;text&#34;)&gt;" in article
    assert 'href="javascript' not in article and HOSTILE_URL in article.replace("&#34;", '"')
    # The records' JSON for the page script cannot close its <script> element.
    data_block = article.split('id="records">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block
    # The JSON twin and the API return the text as data, exactly.
    assert client.get(f"/documents/{doc_id}.json").json()["document"]["title"] == HOSTILE_TITLE
    assert client.get(f"/api/documents/{doc_id}").json()["document"]["text"] == HOSTILE_TEXT


def test_reflected_xss_in_parameters_and_paths_is_escaped(client) -> None:  # type: ignore[no-untyped-def]
    payload = '"><script>alert(1)</script>'
    for page in [
        f"/search?q={payload}",
        f"/events?actor={payload}&text={payload}",
        f"/dyads/{payload.replace('/', '')}/RUS",
        f"/entities?q={payload}",
        f"/deals?system={payload}",
        f"/no-such-page/{payload.replace('/', '')}",
        f"/documents/{payload.replace('/', '')}",
        f"/events?since={payload}",
        f"/stories?actor={payload}&text={payload}",
        f"/stories/{payload.replace('/', '')}",
    ]:
        response = client.get(page)
        assert "<script>alert(1)" not in response.text, page
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert response.headers["x-content-type-options"] == "nosniff"


def test_path_traversal_on_static_files_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/static/style.css").status_code == 200
    for path in [
        "/static/../../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/static/....//....//etc/passwd",
        "/static/..\\..\\pyproject.toml",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert "root:" not in response.text and "[project]" not in response.text, path


def test_oversized_bodies_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with client_for(f"sqlite:///{tmp_path / 'w.db'}", max_body=4096) as client:
        big = {"articles": [{"text": "x" * 10_000, "date": "2020-01-01"}]}
        response = client.post("/api/ingest", json=big, headers=auth())
        assert response.status_code == 413 and response.json()["error"]["code"] == "E303"

        def chunks():  # no Content-Length: the limit counts what is streamed
            for _ in range(10):
                yield b"x" * 1000

        streamed = client.post(
            "/api/watches", content=chunks(), headers={**auth(), "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413 and streamed.json()["error"]["code"] == "E303"
        assert client.get("/index.json").json()["counts"]["documents"] == 4


def test_malformed_json_gets_a_clear_error(client) -> None:  # type: ignore[no-untyped-def]
    for body in [b"{", b'{"name": "x", "query": ', b"\xff\xfe", b"[1, 2", b'{"name": "x"}}']:
        response = client.post(
            "/api/watches", content=body, headers={**auth(), "Content-Type": "application/json"}
        )
        assert response.status_code == 400, (body, response.text)
        assert response.json()["error"]["code"] == "E302", body
    wrong_shape = client.post("/api/watches", json=["a", "list"], headers=auth())
    assert wrong_shape.status_code == 422 and wrong_shape.json()["error"]["code"] == "E301"
    bad_article = client.post("/api/ingest", json={"articles": [{"text": ""}]}, headers=auth())
    assert bad_article.status_code == 422 and bad_article.json()["error"]["code"] == "E301"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic Y29ycmVjdA=="},
        {"Authorization": "Bearer correct horse battery stapl"},  # a prefix is not the token
        {"Authorization": "Bearer correct horse battery staples"},  # longer is not it either
        {"X-Sitrep-Token": "correct horse battery staple"},
    ],
)
def test_writes_without_the_right_token_are_refused(client, headers) -> None:  # type: ignore[no-untyped-def]
    watch = {"name": "w", "query": {"text": "S-400"}}
    article = {"articles": [{"text": "India and Russia met.", "date": "2020-01-01"}]}
    for method, path, body in [
        ("POST", "/api/watches", watch),
        ("POST", "/api/ingest", article),
        ("DELETE", "/api/watches/1", None),
    ]:
        response = client.request(method, path, json=body, headers=headers)
        assert response.status_code in (401, 403), (method, path, headers, response.text)
        assert response.json()["error"]["code"] in ("E304", "E305"), response.text
    assert client.get("/api/watches").json()["items"] == []
    assert client.get("/index.json").json()["counts"]["documents"] == 4


def test_the_token_is_compared_in_constant_time() -> None:
    """The check uses hmac.compare_digest (timing is not measured in a test: too noisy)."""
    import inspect

    from sitrep.web import security

    source = inspect.getsource(security.require_token)
    assert "hmac.compare_digest" in source and "==" not in source
