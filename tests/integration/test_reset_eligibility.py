"""Who may reset (SPEC §4) through the first step of the reset flow, against the real binary
on both backends: each numbered error exactly when its condition holds, the first check in
SPEC order winning when several fail, one neutral answer for unknown and disabled accounts,
and administrators under the fixed two-gate policy of §6 (never security questions)."""

import hashlib

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token

SCOPED = "scoped.test"      # policy "selected" (group "SSPR Users"), has a synced user
DISABLED = "disabled.test"  # policy "none"
NEVER = "never.test"        # no policy ever saved
DIFFICULTY = 300


def user(backend, upn, *extra, email=True):
    backend.cli_ok("user", "create", "--upn", upn, "--display-name", upn.split("@")[0], *extra)
    if email:
        backend.cli_ok("methods", "set", "--user", upn, "--email",
                       upn.split("@")[0] + ".home@example.org")


@pytest.fixture
def server(backend, monkeypatch):
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    create_tenant_with_token(backend, "Scoped", SCOPED)
    create_tenant_with_token(backend, "Disabled", DISABLED)
    create_tenant_with_token(backend, "Never", NEVER)
    backend.cli_ok("group", "create", "--tenant", SCOPED, "--name", "SSPR Users")
    backend.cli_ok("group", "create", "--tenant", SCOPED, "--name", "Nested")
    backend.cli_ok("group", "add-member", "--tenant", SCOPED, "--group", "SSPR Users",
                   "--member-group", "Nested")
    backend.cli_ok("policy", "set", "--tenant", SCOPED, "--enabled", "selected", "--group",
                   "SSPR Users", "--methods", "email,mobile_phone,security_questions")
    backend.cli_ok("policy", "set", "--tenant", DISABLED, "--enabled", "none")

    def member(upn):
        backend.cli_ok("group", "add-member", "--tenant", SCOPED, "--group", "Nested",
                       "--user", upn)

    user(backend, "ok@" + SCOPED)
    member("ok@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "ok@" + SCOPED, "--sku", "BASIC")
    user(backend, "outside@" + SCOPED)  # licensed, registered, not in the group
    backend.cli_ok("license", "assign", "--user", "outside@" + SCOPED, "--sku", "BASIC")
    user(backend, "outside-unlicensed@" + SCOPED)  # two failures: the group check comes first
    user(backend, "unlicensed@" + SCOPED)
    member("unlicensed@" + SCOPED)
    user(backend, "cloudonly-sku@" + SCOPED, "--source", "synced")  # BASIC: cloud users only
    member("cloudonly-sku@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "cloudonly-sku@" + SCOPED, "--sku", "BASIC")
    user(backend, "synced@" + SCOPED, "--source", "synced")  # P1, but writeback is off
    member("synced@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "synced@" + SCOPED, "--sku", "PREMIUM_P1")
    user(backend, "unregistered@" + SCOPED, email=False)
    member("unregistered@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "unregistered@" + SCOPED, "--sku", "BASIC")
    user(backend, "off@" + SCOPED, "--disabled")
    member("off@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "off@" + SCOPED, "--sku", "BASIC")
    # Administrators: no licence, outside the group; the tenant has a synced user, so it is
    # not a trial and two gates are required.
    user(backend, "admin1@" + SCOPED)
    backend.cli_ok("role", "assign", "--user", "admin1@" + SCOPED, "--role",
                   "helpdesk-administrator")
    user(backend, "admin2@" + SCOPED)
    backend.cli_ok("methods", "set", "--user", "admin2@" + SCOPED, "--mobile-phone",
                   "+45 20 12 34 56")
    backend.cli_ok("role", "assign", "--user", "admin2@" + SCOPED, "--role",
                   "global-administrator")

    for domain in (DISABLED, NEVER):
        user(backend, "user@" + domain)
        backend.cli_ok("license", "assign", "--user", "user@" + domain, "--sku", "PREMIUM_P2")
    return backend.server()


def solved_captcha(api):
    challenge = api.get("/api/v1/captcha").json()
    for number in range(challenge["maxnumber"] + 1):
        digest = hashlib.sha256((challenge["salt"] + str(number)).encode()).hexdigest()
        if digest == challenge["challenge"]:
            return {"algorithm": challenge["algorithm"], "challenge": challenge["challenge"],
                    "number": number, "salt": challenge["salt"],
                    "signature": challenge["signature"]}
    raise AssertionError(f"no solution: {challenge}")


def start(server, upn):
    api = h.Api(server.base_url)
    return api.post("/api/v1/reset/flows", json={"user_id": upn, "captcha": solved_captcha(api)})


def error_code(server, upn):
    response = start(server, upn)
    assert response.status_code >= 400, h.describe_response(response)
    error = response.json()["error"]
    assert error["support_code"] and error["message"] and error["timestamp"], error
    return error["code"]


@pytest.mark.parametrize("upn, code", [
    ("user@" + DISABLED, "SSPR_0009"),
    ("synced@" + SCOPED, "SSPR_0010"),
    ("user@" + NEVER, "SSPR_0011"),
    ("unlicensed@" + SCOPED, "SSPR_0012"),
    ("cloudonly-sku@" + SCOPED, "SSPR_0012"),
    ("outside@" + SCOPED, "SSPR_0013"),
    ("outside-unlicensed@" + SCOPED, "SSPR_0013"),
    ("unregistered@" + SCOPED, "SSPR_0014"),
    ("admin1@" + SCOPED, "SSPR_0014"),
])
def test_each_check_gives_its_numbered_error(server, upn, code):
    assert error_code(server, upn) == code


def test_unknown_and_disabled_accounts_get_the_same_neutral_answer(server):
    unknown = start(server, "nobody@" + SCOPED)
    disabled = start(server, "off@" + SCOPED)
    assert unknown.status_code == disabled.status_code
    a, b = unknown.json()["error"], disabled.json()["error"]
    for field in ("code", "name", "message", "technical"):
        assert a[field] == b[field], (field, a, b)


def test_an_eligible_user_gets_a_flow_with_masked_methods(server):
    response = start(server, "ok@" + SCOPED)
    assert response.status_code == 201, h.describe_response(response)
    flow = response.json()
    assert flow["gates_required"] == 1 and flow["gates_passed"] == []
    assert [m["type"] for m in flow["methods"]] == ["email"]
    assert "ok.home@example.org" not in flow["methods"][0]["masked"]


def test_an_administrator_needs_two_gates_and_never_security_questions(server):
    response = start(server, "admin2@" + SCOPED)
    assert response.status_code == 201, h.describe_response(response)
    flow = response.json()
    assert flow["gates_required"] == 2
    types = sorted(m["type"] for m in flow["methods"])
    assert types == ["email", "mobile_phone"]
