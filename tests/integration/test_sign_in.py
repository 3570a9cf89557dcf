"""Self-service sign-in (issue 4): sessions in an HttpOnly cookie, the lockout after wrong
passwords, CSRF rules, password change for the signed-in user, and the static pages.
Runs on both backends."""

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "fabrikam.test"
ALICE = "alice@" + DOMAIN
PASSWORD = "Kx7!morning-Tide"
NEW_PASSWORD = "Fresh!Quartz-42x"


@pytest.fixture
def site(backend, tmp_path):
    """Tenant Fabrikam with cloud user Alice (password PASSWORD), synced user Sam, an admin
    token, and a running server."""
    _, token = create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    backend.cli_ok("user", "create", "--upn", ALICE, "--display-name", "Alice Lindqvist",
                   "--given-name", "Alice", "--surname", "Lindqvist", "--password-file",
                   str(password_file))
    backend.cli_ok("user", "create", "--upn", "sam@" + DOMAIN, "--display-name", "Sam",
                   "--source", "synced")
    server = backend.server()
    yield server, token
    if server.running():
        server.stop_gracefully()


def browser(server):
    """A cookie-keeping client, like a browser on the server's own origin."""
    return h.Api(server.base_url)


def sign_in(client, user_id=ALICE, password=PASSWORD, **kwargs):
    return client.post("/api/v1/session", json={"user_id": user_id, "password": password},
                       **kwargs)


def signed_in(server):
    client = browser(server)
    response = sign_in(client)
    assert response.status_code == 201, h.describe_response(response)
    client.session.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    return client


def audit(server, token, activity):
    events = h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000")
    return [e for e in h.items_of(events, "events") if e["activity"] == activity]


def test_sign_in_session_and_sign_out(site):
    server, token = site
    client = browser(server)
    response = sign_in(client)
    assert response.status_code == 201, h.describe_response(response)
    body = response.json()
    assert body["user"] == {"upn": ALICE, "display_name": "Alice Lindqvist", "source": "cloud"}
    assert isinstance(body["csrf_token"], str) and len(body["csrf_token"]) == 64
    assert PASSWORD not in response.text
    assert response.headers["Cache-Control"] == "no-store"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("sspr_session=")
    for flag in ("HttpOnly", "SameSite=Strict", "Path=/"):
        assert flag in cookie, cookie
    assert "Secure" not in cookie  # no TLS in these tests ([session] secure_cookie = false)
    token_value = cookie.split(";")[0].split("=", 1)[1]
    assert len(token_value) == 64 and token_value != body["csrf_token"]

    current = client.get("/api/v1/session")
    assert current.status_code == 200, h.describe_response(current)
    assert current.json()["user"]["upn"] == ALICE
    assert current.json()["csrf_token"] == body["csrf_token"]

    # Sign-out is state-changing: it needs the CSRF token.
    h.assert_api_error(client.delete("/api/v1/session"), 403, "CsrfTokenMissing")
    assert client.get("/api/v1/session").status_code == 200
    out = client.delete("/api/v1/session", headers={"X-CSRF-Token": body["csrf_token"]})
    assert out.status_code == 204, h.describe_response(out)
    assert "Max-Age=0" in out.headers["Set-Cookie"]
    h.assert_api_error(client.get("/api/v1/session"), 401, "Unauthenticated")
    # The old token no longer works even if a client kept it.
    stale = h.Api(server.base_url)
    stale.session.cookies.set("sspr_session", token_value)
    h.assert_api_error(stale.get("/api/v1/session"), 401)

    results = [e["result"] for e in audit(server, token, "Sign in (self-service)")]
    assert results == ["success"]


def test_unknown_user_looks_like_a_wrong_password(site):
    server, _ = site
    wrong = sign_in(browser(server), password="Not-The-One-9")
    unknown = sign_in(browser(server), user_id="nobody@" + DOMAIN)
    for response in (wrong, unknown):
        error = h.assert_api_error(response, 401, "InvalidCredentials")
        assert "Set-Cookie" not in response.headers
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert set(wrong.json()["error"]) == set(unknown.json()["error"])
    assert wrong.json()["error"]["technical"] == unknown.json()["error"]["technical"]
    assert error["message"]


def test_synced_user_is_told_the_directory_is_not_connected(site):
    server, _ = site
    response = sign_in(browser(server), user_id="sam@" + DOMAIN, password="anything-1A")
    error = h.assert_api_error(response, 422, "OnPremisesDirectoryNotConnected")
    assert "directory" in error["message"]


def test_ten_wrong_passwords_lock_with_a_localised_message(site):
    server, token = site
    client = browser(server)
    for i in range(9):
        h.assert_api_error(sign_in(client, password=f"Wrong-{i}-x"), 401, "InvalidCredentials")
    h.assert_api_error(sign_in(client, password="Wrong-9-x"), 429, "SignInLocked")
    locked = sign_in(client, headers={"Accept-Language": "de-DE,de;q=0.9"})
    error = h.assert_api_error(locked, 429, "SignInLocked")
    assert "gesperrt" in error["message"]
    locked_da = sign_in(browser(server), password=PASSWORD,
                        params={"lang": "da"})
    assert "låst" in h.assert_api_error(locked_da, 429, "SignInLocked")["message"]
    reasons = [e["result_reason"] for e in audit(server, token, "Sign in (self-service)")]
    assert reasons.count("InvalidCredentials") == 10 and "SignInLocked" in reasons


def test_the_same_wrong_password_twenty_times_does_not_lock(site):
    server, _ = site
    client = browser(server)
    for _ in range(20):
        h.assert_api_error(sign_in(client, password="Same-Wrong-1"), 401, "InvalidCredentials")
    assert sign_in(client).status_code == 201


def test_csrf_less_and_cross_origin_requests_are_refused(site):
    server, token = site
    client = signed_in(server)
    csrf = client.session.headers.pop("X-CSRF-Token")
    change = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    h.assert_api_error(client.post("/api/v1/me/password", json=change), 403, "CsrfTokenMissing")
    h.assert_api_error(client.post("/api/v1/me/password", json=change,
                                   headers={"X-CSRF-Token": "0" * 64}), 403, "CsrfTokenMissing")
    h.assert_api_error(client.post("/api/v1/me/password", json=change,
                                   headers={"X-CSRF-Token": csrf,
                                            "Origin": "http://evil.example"}),
                       403, "CrossOriginRequest")
    # Nothing changed: the old password still signs in, and no change was audited.
    assert sign_in(browser(server)).status_code == 201
    assert audit(server, token, "Change password (self-service)") == []
    # Same-origin with the token works.
    same = client.post("/api/v1/me/password", json=change,
                       headers={"X-CSRF-Token": csrf, "Origin": server.base_url})
    assert same.status_code == 204, h.describe_response(same)

    # Sign-in itself: refused from another origin, and without a JSON content type.
    h.assert_api_error(sign_in(browser(server), password=NEW_PASSWORD,
                               headers={"Origin": "http://evil.example"}),
                       403, "CrossOriginRequest")
    form = browser(server).post("/api/v1/session",
                                data={"user_id": ALICE, "password": NEW_PASSWORD})
    h.assert_api_error(form, 400, "UnsupportedContentType")
    # Bearer-token (admin API) requests are not cookie-authenticated: no CSRF token needed.
    admin = h.Api(server.base_url, token)
    assert admin.post("/api/v1/password/evaluate", json={"password": "Quiet-Meadow-Lamp-42"}
                      ).status_code == 200


def test_password_change_rules_and_audit(site):
    server, token = site
    client = signed_in(server)
    other = signed_in(server)

    banned = client.post("/api/v1/me/password",
                         json={"current_password": PASSWORD, "new_password": "Password123!"},
                         params={"lang": "sv"})
    error = h.assert_api_error(banned, 422, "FuzzyPolicyViolationInvalidPassword")
    assert "BannedPassword" in error["reasons"]
    assert error["messages"] and all(isinstance(m, str) and m for m in error["messages"])
    assert "Password123!" not in banned.text

    reused = client.post("/api/v1/me/password",
                         json={"current_password": PASSWORD, "new_password": PASSWORD})
    assert "ReusedPassword" in h.assert_api_error(reused, 422)["reasons"]

    wrong_current = client.post("/api/v1/me/password",
                                json={"current_password": "nope", "new_password": NEW_PASSWORD})
    h.assert_api_error(wrong_current, 422, "CurrentPasswordIncorrect")

    done = client.post("/api/v1/me/password",
                       json={"current_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert done.status_code == 204, h.describe_response(done)
    h.assert_api_error(sign_in(browser(server)), 401, "InvalidCredentials")
    assert sign_in(browser(server), password=NEW_PASSWORD).status_code == 201
    assert client.get("/api/v1/session").status_code == 200
    h.assert_api_error(other.get("/api/v1/session"), 401)  # other sessions ended

    events = audit(server, token, "Change password (self-service)")
    assert sorted((e["result"], e["result_reason"]) for e in events) == [
        ("failure", "CurrentPasswordIncorrect"),
        ("failure", "FuzzyPolicyViolationInvalidPassword"),
        ("failure", "PasswordPolicyViolation"),
        ("success", ""),
    ]
    assert all(e["category"] == "Self-service password management" for e in events)
    assert all(e["actor"] == ALICE and e["target"] == ALICE for e in events)
    assert not any(NEW_PASSWORD in str(e) or PASSWORD in str(e) for e in events)


def test_password_evaluate_in_a_session_knows_the_users_names(site):
    server, _ = site
    client = signed_in(server)
    named = client.post("/api/v1/password/evaluate", json={"password": "Lindqvist#Rocks2024"})
    assert named.status_code == 200, h.describe_response(named)
    assert "ContainsUserName" in named.json()["reasons"]
    h.assert_api_error(browser(server).post("/api/v1/password/evaluate",
                                            json={"password": "x"}), 401)


def test_static_pages_are_served_with_a_strict_csp(site):
    server, _ = site
    client = browser(server)
    index = client.get("/")
    assert index.status_code == 200
    assert index.headers["Content-Type"].startswith("text/html")
    csp = index.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<html" in index.text
    page = client.get("/signin.html")
    assert page.status_code == 200 and 'src="/signin.js"' in page.text
    assert client.get("/signin.js").headers["Content-Type"].startswith("text/javascript")
    assert client.get("/app.css").headers["Content-Type"].startswith("text/css")
    h.assert_api_error(client.get("/no-such-page.html"), 404)

    texts = client.get("/api/v1/i18n", params={"prefix": "page.", "lang": "de"})
    assert texts.status_code == 200
    assert texts.json()["language"] == "de"
    assert texts.json()["messages"]["page.signin.submit"] == "Anmelden"
    assert all(key.startswith("page.") for key in texts.json()["messages"])
