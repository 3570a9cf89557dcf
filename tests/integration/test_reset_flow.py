"""The self-service password reset flow's API (issue 5, CONTRACT.md "Reset flow") against the
real binary on both backends: a licensed cloud user with an alternate email resets through a
solved CAPTCHA, the emailed code (to a real SMTP sink) and a new password, then signs in with
it; an unlicensed user gets SSPR_0012; an unknown user the neutral AccountUnavailable."""

import hashlib
import re

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token
from message_sinks import SmtpSink

DOMAIN = "wingtip.test"
ALICE = "alice@" + DOMAIN
BOB = "bob@" + DOMAIN
OLD_PASSWORD = "Kx7!morning-Tide"
NEW_PASSWORD = "Quartz-Violin-8-Tundra"
DIFFICULTY = 500


def toml_string(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    """Tenant Wingtip: Alice (licensed, alternate email on file) and Bob (no licence), a
    policy for everyone offering email, and a server whose email goes to an SMTP sink."""
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    _, token = create_tenant_with_token(backend, "Wingtip", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(OLD_PASSWORD + "\n")
    for upn in (ALICE, BOB):
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", upn.split("@")[0],
                       "--password-file", str(password_file))
        backend.cli_ok("methods", "set", "--user", upn, "--email",
                       upn.split("@")[0] + ".private@example.org")
    backend.cli_ok("license", "assign", "--user", ALICE, "--sku", "SPE")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods", "email")
    with SmtpSink() as smtp:
        config = tmp_path / "sspr.toml"
        config.write_text("[notify]\n"
                          'email = "smtp"\n'
                          f"smtp_url = {toml_string(smtp.url)}\n"
                          'smtp_from = "Wingtip <noreply@wingtip.test>"\n'
                          "smtp_starttls = false\n")
        server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                          backend.work_dir / "logs", name="reset-flow")
        backend.servers.append(server)
        server.start()
        yield server, token, smtp
        if server.running():
            server.stop_gracefully()


def solved_captcha(api):
    """What the page's Web Worker does."""
    challenge = api.get("/api/v1/captcha").json()
    for number in range(challenge["maxnumber"] + 1):
        digest = hashlib.sha256((challenge["salt"] + str(number)).encode()).hexdigest()
        if digest == challenge["challenge"]:
            return {"algorithm": challenge["algorithm"], "challenge": challenge["challenge"],
                    "number": number, "salt": challenge["salt"],
                    "signature": challenge["signature"]}
    raise AssertionError(f"no solution up to maxnumber: {challenge}")


def start(api, upn):
    return api.post("/api/v1/reset/flows", json={"user_id": upn, "captcha": solved_captcha(api)})


def last_email_code(smtp):
    body = smtp.messages[-1].get_content()
    codes = re.findall(r"(?<!\d)\d{8}(?!\d)", body)
    assert len(codes) == 1, body
    return codes[0]


def sign_in(server, password):
    return h.Api(server.base_url).post("/api/v1/session",
                                       json={"user_id": ALICE, "password": password},
                                       headers={"Origin": server.base_url})


def test_cloud_user_resets_by_email_and_signs_in_with_the_new_password(site):
    server, token, smtp = site
    api = h.Api(server.base_url)
    response = start(api, ALICE)
    assert response.status_code == 201, h.describe_response(response)
    flow = response.json()
    assert flow["state"] == "verifying"
    assert flow["gates_required"] == 1 and flow["gates_passed"] == []
    assert flow["can_unlock"] is False
    [method] = flow["methods"]
    assert method["type"] == "email" and method["channels"] == ["email"]
    assert "alice.private" not in method["masked"] and method["masked"].endswith("@example.org")
    base = f"/api/v1/reset/flows/{flow['id']}"

    # No skipping the gate.
    h.assert_api_error(api.post(base + "/password", json={"password": NEW_PASSWORD}), 409,
                       "GatesNotPassed")

    response = api.post(base + "/challenge", json={"method_id": method["id"]})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["sent_to"] == method["masked"]
    assert smtp.messages[-1]["To"].endswith("alice.private@example.org")
    response = api.post(base + "/verify", json={"method_id": method["id"],
                                                "code": last_email_code(smtp)})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "verified"
    assert response.json()["gates_passed"] == ["email"]
    assert api.get(base).json()["state"] == "verified"

    rejected = api.post(base + "/password", json={"password": "Wingtip!1"})
    error = h.assert_api_error(rejected, 422, "FuzzyPolicyViolationInvalidPassword")
    assert rejected.json()["error"]["reasons"], h.describe_response(rejected)

    response = api.post(base + "/password", json={"password": NEW_PASSWORD})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert error["support_code"]

    assert sign_in(server, NEW_PASSWORD).status_code == 201
    h.assert_api_error(sign_in(server, OLD_PASSWORD), 401, "InvalidCredentials")
    # A finished flow accepts nothing.
    h.assert_api_error(api.post(base + "/password", json={"password": NEW_PASSWORD + "x"}),
                       422, "ResetFlowFinished")

    events = h.items_of(h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000"),
                        "events")
    resets = [e for e in events if e["activity"] == "Reset password (self-service)"]
    assert len(resets) == 1 and resets[0]["result"] == "success"
    for event in events:
        assert NEW_PASSWORD not in str(event)


def test_unlicensed_user_gets_sspr_0012(site):
    server, _, _ = site
    error = h.assert_api_error(start(h.Api(server.base_url), BOB), 403, "UserNotLicensed")
    assert error["code"] == "SSPR_0012"


def test_unknown_user_gets_the_neutral_answer(site):
    server, _, _ = site
    error = h.assert_api_error(start(h.Api(server.base_url), "nobody@" + DOMAIN), 403,
                               "AccountUnavailable")
    assert "nobody" not in error["technical"]
    # The CAPTCHA comes first: without one nothing is looked up.
    h.assert_api_error(h.Api(server.base_url).post("/api/v1/reset/flows",
                                                   json={"user_id": ALICE}), 400,
                       "CaptchaInvalid")
