"""Cross-site request forgery (issue 9, http/csrf.h): every state-changing route of the route
table - listed by `sspr routes`, so a new route is covered without touching this file - is

- refused without the X-CSRF-Token header (or with a wrong one) when the session cookie
  authenticates it;
- refused when the browser says the request comes from elsewhere (an Origin naming another
  server, "null", or Sec-Fetch-Site: cross-site / same-site), with or without a session, which
  covers the cookieless reset-flow, CAPTCHA and sign-in endpoints;

and nothing is changed by any refused request; the same requests from the server's own origin
still work, and bearer-token calls (not cookie-authenticated) are exempt."""

import re

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token
from reset_client import solved_captcha

DOMAIN = "litware.test"
ALICE = "alice@" + DOMAIN
PASSWORD = "Kx7!morning-Tide"
EVIL = "http://evil.example"


@pytest.fixture
def site(backend, tmp_path):
    """Tenant Litware with Alice (cloud, global administrator, may reset by email)."""
    _, token = create_tenant_with_token(backend, "Litware", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    backend.cli_ok("user", "create", "--upn", ALICE, "--display-name", "Alice",
                   "--password-file", str(password_file))
    backend.cli_ok("role", "assign", "--user", ALICE, "--role", "global-administrator")
    backend.cli_ok("methods", "set", "--user", ALICE, "--email", "alice.home@example.org")
    backend.cli_ok("license", "assign", "--user", ALICE, "--sku", "SPE")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods", "email")
    routes = backend.cli_ok("routes")
    server = backend.server(env={"SSPR_CAPTCHA_DIFFICULTY": "20"})
    yield server, token, routes
    if server.running():
        server.stop_gracefully()


def concrete(path):
    return re.sub(r":[A-Za-z_]+(\([^)]*\))?", "x", path)


def signed_in(server):
    client = h.Api(server.base_url)
    response = client.post("/api/v1/session", json={"user_id": ALICE, "password": PASSWORD},
                           headers={"Origin": server.base_url})
    assert response.status_code == 201, h.describe_response(response)
    return client, response.json()["csrf_token"]


def audit_count(server, token):
    events = h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000")
    return len(h.items_of(events, "events"))


def state_changing(routes):
    found = [r for r in routes if r["state_changing"]]
    paths = {(r["method"], r["path"]) for r in found}
    # The listing is the real table: the families this test must cover are in it.
    for expected in [("POST", "/api/v1/reset/flows"), ("POST", "/api/v1/reset/flows/:id/verify"),
                     ("POST", "/api/v1/session"), ("DELETE", "/api/v1/session"),
                     ("POST", "/api/v1/me/password"), ("POST", "/api/v1/users"),
                     ("POST", "/api/v1/captcha/verify")]:
        assert expected in paths, expected
    return found


def test_cookie_authenticated_state_changes_need_the_csrf_token(site):
    server, token, routes = site
    client, csrf = signed_in(server)
    before = audit_count(server, token)
    checked = []
    for route in state_changing(routes):
        if route["authentication"] == "public":
            continue  # no session is looked up: see the cross-site test
        path = concrete(route["path"])
        for headers in ({"Origin": server.base_url}, {"X-CSRF-Token": "0" * len(csrf)},
                        {"X-CSRF-Token": csrf[:-1]}):
            response = client.request(route["method"], path, json={}, headers=headers)
            h.assert_api_error(response, 403, "CsrfTokenMissing")
        checked.append((route["method"], path))
    assert ("DELETE", "/api/v1/session") in checked and ("POST", "/api/v1/users") in checked
    assert len(checked) >= 30, checked
    # Nothing happened: no record, and the session was not ended by the refused sign-out.
    assert audit_count(server, token) == before
    assert client.get("/api/v1/session").status_code == 200


@pytest.mark.parametrize("foreign", [
    {"Origin": EVIL},
    {"Origin": "null"},
    {"Origin": "http://127.0.0.1:1"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},
])
def test_cross_site_state_changes_are_refused_on_every_route(site, foreign):
    server, token, routes = site
    client, csrf = signed_in(server)
    anonymous = h.Api(server.base_url)
    before = audit_count(server, token)
    flow_start = {"user_id": ALICE, "captcha": solved_captcha(anonymous)}
    for route in state_changing(routes):
        path = concrete(route["path"])
        body = flow_start if path == "/api/v1/reset/flows" else {}
        # With the session and its token (a forged request that somehow has both) ...
        response = client.request(route["method"], path, json=body,
                                  headers={"X-CSRF-Token": csrf, **foreign})
        h.assert_api_error(response, 403, "CrossOriginRequest")
        # ... and without any session: the cookieless reset flow, CAPTCHA and sign-in.
        response = anonymous.request(route["method"], path, json=body, headers=foreign)
        h.assert_api_error(response, 403, "CrossOriginRequest")
    # Nothing happened: no flow started (no audit record), the CAPTCHA is still unused, the
    # session still open.
    assert audit_count(server, token) == before
    started = anonymous.post("/api/v1/reset/flows", json=flow_start,
                             headers={"Origin": server.base_url})
    assert started.status_code == 201, h.describe_response(started)
    assert client.get("/api/v1/session").status_code == 200


def test_same_origin_requests_still_work(site):
    server, token, _ = site
    client, csrf = signed_in(server)
    same = {"Origin": server.base_url, "Sec-Fetch-Site": "same-origin", "X-CSRF-Token": csrf}
    evaluated = client.post("/api/v1/password/evaluate", json={"password": "Quiet-Meadow-Lamp-42"},
                            headers=same)
    assert evaluated.status_code == 200, h.describe_response(evaluated)
    added = client.post("/api/v1/banned-passwords", json={"terms": ["litwarez"]}, headers=same)
    assert added.status_code in (200, 201, 204), h.describe_response(added)
    anonymous = h.Api(server.base_url)
    for headers in ({"Origin": server.base_url, "Sec-Fetch-Site": "same-origin"},
                    {"Sec-Fetch-Site": "none"}, {}):
        started = anonymous.post("/api/v1/reset/flows",
                                 json={"user_id": ALICE, "captcha": solved_captcha(anonymous)},
                                 headers=headers)
        assert started.status_code == 201, h.describe_response(started)
    signed_out = client.delete("/api/v1/session", headers=same)
    assert signed_out.status_code == 204, h.describe_response(signed_out)
    # Bearer-token calls are not cookie-authenticated: a script's Origin does not matter.
    admin = h.Api(server.base_url, token)
    assert admin.post("/api/v1/password/evaluate", json={"password": "Quiet-Meadow-Lamp-42"},
                      headers={"Origin": EVIL}).status_code == 200
