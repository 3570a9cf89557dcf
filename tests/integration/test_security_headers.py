"""Security headers on every response (issue 9): every page of web/ and every API answer -
each route of the route table (`sspr routes`), successes and errors alike - carries a
Content-Security-Policy without 'unsafe-inline' for scripts and styles and with
frame-ancestors 'none', X-Content-Type-Options nosniff and a Referrer-Policy; API answers and
the pages (reset, sign-in, security info, console) are Cache-Control no-store. HSTS is sent
only over TLS: its presence with TLS is shown by test_operations.py
(test_tls_serves_the_certificate_and_reloads_it_on_sighup), its absence over plain HTTP here
and in test_plain_http_sends_no_hsts."""

import re

import pytest
import requests

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "adatum.test"
WEB = h.REPO_ROOT / "web"


@pytest.fixture
def site(backend):
    _, token = create_tenant_with_token(backend, "Adatum", DOMAIN)
    server = backend.server()
    yield server, token
    if server.running():
        server.stop_gracefully()


def routes(backend):
    listing = backend.cli_ok("routes")
    assert any(r["path"] == "/api/v1/reset/flows" for r in listing), listing
    return listing


def concrete(path):
    """A route pattern with every parameter filled in (":id" -> "x")."""
    return re.sub(r":[A-Za-z_]+(\([^)]*\))?", "x", path)


def directives(csp):
    out = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def assert_common(response, what):
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    found = directives(csp)
    assert found.get("frame-ancestors") == ["'none'"], f"{what}: CSP {csp!r}"
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, f"{what}: CSP {csp!r}"
    # Scripts and styles: only from this server (or nothing at all).
    for directive in ("script-src", "style-src"):
        sources = found.get(directive, found.get("default-src"))
        assert sources is not None and set(sources) <= {"'self'", "'none'"}, (
            f"{what}: {directive} {sources} in {csp!r}")
    assert headers.get("X-Content-Type-Options") == "nosniff", what
    assert headers.get("Referrer-Policy") in ("no-referrer", "same-origin",
                                              "strict-origin-when-cross-origin"), what
    assert "Strict-Transport-Security" not in headers, f"{what}: HSTS over plain HTTP"


def assert_no_store(response, what):
    cache = [part.strip() for part in response.headers.get("Cache-Control", "").split(",")]
    assert "no-store" in cache, f"{what}: Cache-Control {response.headers.get('Cache-Control')}"


def test_every_page_and_asset_has_the_page_headers(site):
    server, _ = site
    files = sorted(p.relative_to(WEB).as_posix() for p in WEB.rglob("*") if p.is_file())
    assert "reset.html" in files and "signin.html" in files and "admin/index.html" in files
    for name in ["", "admin/", *files]:
        response = requests.get(f"{server.base_url}/{name}", timeout=10)
        assert response.status_code == 200, h.describe_response(response)
        assert_common(response, "/" + name)
        if name.endswith(".html") or name.endswith("/") or name == "":
            # Pages (reset, sign-in, security info, the console) are never stored.
            assert_no_store(response, "/" + name)


def test_every_api_route_answers_with_the_api_headers(backend, site):
    server, token = site
    anonymous = h.Api(server.base_url)
    admin = h.Api(server.base_url, token)
    checked = 0
    for route in routes(backend):
        path = concrete(route["path"])
        for client in (anonymous, admin):
            response = client.request(route["method"], path, json={},
                                      headers={"Origin": server.base_url})
            what = f"{route['method']} {path} -> {response.status_code}"
            assert response.status_code < 500 or path == "/readyz", what
            assert_common(response, what)
            assert_no_store(response, what)
            checked += 1
    assert checked >= 100


def test_errors_outside_the_route_table_have_the_api_headers(site):
    server, token = site
    api = h.Api(server.base_url)
    answers = {
        "unknown route": api.get("/api/v1/no-such-thing"),
        "unknown page": api.get("/no-such-page.html"),
        "wrong method": api.request("PUT", "/api/v1/reset/flows"),
        "too large": api.post("/api/v1/reset/flows", data=b"{" + b" " * (1 << 20) + b"}",
                              headers={"Content-Type": "application/json"}),
        "bad path": api.get("/api/v1/users/%zz"),
        "health": api.get("/healthz"),
        "metrics": api.get("/metrics"),
    }
    admin = h.Api(server.base_url, token)
    answers["streamed export"] = admin.get("/api/v1/audit/export?format=csv")
    assert answers["streamed export"].status_code == 200
    answers["not authenticated"] = api.get("/api/v1/users")
    for what, response in answers.items():
        assert_common(response, what)
        assert_no_store(response, what)
