"""The admin API with a signed-in session instead of a bearer token (the console, issue 7):
the user's administrator roles decide through the same permission checks; a non-admin's
session is refused with 403; a cookie-authenticated state change needs the CSRF token and
the same origin. Runs on both backends."""

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "northwind.test"
ADMIN = "ada@" + DOMAIN
HELPDESK = "hal@" + DOMAIN
ALICE = "alice@" + DOMAIN
PASSWORD = "Kx7!morning-Tide"
NEW_PASSWORD = "Quartz-Violin-8-Tundra"


@pytest.fixture
def site(backend, tmp_path):
    """Tenant Northwind: Ada (global administrator), Hal (helpdesk administrator) and Alice
    (no role), all with PASSWORD; a running server."""
    _, token = create_tenant_with_token(backend, "Northwind", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    for upn, given, surname in ((ADMIN, "Ada", "Admin"), (HELPDESK, "Hal", "Help"),
                                (ALICE, "Alice", "Lind")):
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", given + " " + surname,
                       "--given-name", given, "--surname", surname,
                       "--password-file", str(password_file))
    backend.cli_ok("role", "assign", "--user", ADMIN, "--role", "global-administrator")
    backend.cli_ok("role", "assign", "--user", HELPDESK, "--role", "helpdesk-administrator")
    server = backend.server()
    yield server, token
    if server.running():
        server.stop_gracefully()


def audit_events(payload):
    """The events of an audit listing ({"value": [...]} or the older {"events": [...]})."""
    return payload.get("value", payload.get("events"))


def signed_in(server, upn):
    """A cookie-keeping client signed in as `upn`, and the session's CSRF token."""
    client = h.Api(server.base_url)
    response = client.post("/api/v1/session", json={"user_id": upn, "password": PASSWORD})
    assert response.status_code == 201, h.describe_response(response)
    return client, response.json()["csrf_token"]


def test_an_administrators_session_reads_the_admin_api(site):
    server, _ = site
    client, _ = signed_in(server, ADMIN)
    tenant = client.get("/api/v1/tenant")
    assert tenant.status_code == 200, h.describe_response(tenant)
    assert DOMAIN in tenant.json()["domains"]
    users = client.get("/api/v1/users")
    assert users.status_code == 200, h.describe_response(users)
    assert {u["upn"] for u in users.json()["users"]} == {ADMIN, HELPDESK, ALICE}


def test_a_non_administrators_session_is_forbidden(site):
    server, _ = site
    client, csrf = signed_in(server, ALICE)
    for method, path, body in (
        ("GET", "/api/v1/tenant", None),
        ("GET", "/api/v1/users", None),
        ("GET", "/api/v1/policy", None),
        ("PATCH", "/api/v1/policy", {"enabled": "all"}),
        ("POST", "/api/v1/users/" + ADMIN + "/password", {"password": NEW_PASSWORD}),
    ):
        response = client.request(method, path, json=body,
                                  headers={"X-CSRF-Token": csrf, "Origin": server.base_url})
        h.assert_api_error(response, 403, "Forbidden")
    # Without a session or token the admin API still answers 401.
    h.assert_api_error(h.Api(server.base_url).get("/api/v1/users"), 401, "Unauthenticated")


def test_a_state_change_needs_the_csrf_token(site):
    server, token = site
    client, csrf = signed_in(server, ADMIN)
    change = {"enabled": "all"}
    h.assert_api_error(client.patch("/api/v1/policy", json=change), 403, "CsrfTokenMissing")
    h.assert_api_error(client.patch("/api/v1/policy", json=change,
                                    headers={"X-CSRF-Token": "0" * 64}), 403, "CsrfTokenMissing")
    h.assert_api_error(client.patch("/api/v1/policy", json=change,
                                    headers={"X-CSRF-Token": csrf,
                                             "Origin": "http://evil.example"}),
                       403, "CrossOriginRequest")
    admin = h.Api(server.base_url, token)
    assert admin.ok("GET", "/api/v1/policy")["configured"] is False
    done = client.patch("/api/v1/policy", json=change,
                        headers={"X-CSRF-Token": csrf, "Origin": server.base_url})
    assert done.status_code == 200, h.describe_response(done)
    assert admin.ok("GET", "/api/v1/policy")["enabled"] == "all"
    # Audited with the administrator's UPN as the actor.
    events = audit_events(admin.ok("GET", "/api/v1/audit?limit=1000"))
    assert any(e["actor"] == ADMIN and e["category"] == "Policy" for e in events), events


def test_roles_limit_a_session_like_a_token(site):
    server, _ = site
    client, csrf = signed_in(server, HELPDESK)
    headers = {"X-CSRF-Token": csrf}
    # A helpdesk administrator resets a non-administrator's password ...
    reset = client.post("/api/v1/users/" + ALICE + "/password", json={"password": NEW_PASSWORD},
                        headers=headers)
    assert reset.status_code == 204, h.describe_response(reset)
    alice = h.Api(server.base_url).post("/api/v1/session",
                                        json={"user_id": ALICE, "password": NEW_PASSWORD})
    assert alice.status_code == 201, h.describe_response(alice)
    # ... but not a global administrator's, and may not change the policy.
    h.assert_api_error(client.post("/api/v1/users/" + ADMIN + "/password",
                                   json={"password": NEW_PASSWORD}, headers=headers),
                       403, "Forbidden")
    h.assert_api_error(client.patch("/api/v1/policy", json={"enabled": "all"}, headers=headers),
                       403, "Forbidden")


def test_an_administrator_evaluates_a_candidate_for_another_user(site):
    server, _ = site
    client, csrf = signed_in(server, ADMIN)
    # Alice's own surname is refused for her whatever the score; for the admin it is not hers.
    candidate = {"password": "Lind-Quartz-Violin-8", "user": ALICE}
    for_alice = client.post("/api/v1/password/evaluate", json=candidate,
                            headers={"X-CSRF-Token": csrf})
    assert for_alice.status_code == 200, h.describe_response(for_alice)
    assert for_alice.json()["accepted"] is False, for_alice.json()
    own = client.post("/api/v1/password/evaluate", json={"password": candidate["password"]},
                      headers={"X-CSRF-Token": csrf})
    assert own.status_code == 200 and own.json()["accepted"] is True, own.json()
