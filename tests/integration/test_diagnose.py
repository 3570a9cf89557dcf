"""Diagnose (SPEC §12) against the real binary on both backends: for each situation of SPEC §4
built in a test tenant, `sspr diagnose --user` names as its first failure exactly the error
that POST /api/v1/reset/flows returns for that user (code and name), exits 1 when the user is
blocked and 0 when they can reset; the admin API answers the same JSON as the CLI; throttling
shows up after the seven checks; `--tenant` reports the problems a tenant was built with."""

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token
from reset_situations import (DIFFICULTY, DISABLED, NEVER, SCOPED, build_situations, start,
                              user)

CLEAN = "clean.test"  # policy "all", every user licensed and registered: nothing to find
APP = "app.test"      # 2 methods among email, mobile phone and the app; users have email only

SITUATIONS = [
    ("user@" + DISABLED, "SSPR_0009", "TenantSsprEnabled"),
    ("synced@" + SCOPED, "SSPR_0010", "WritebackForSyncedUser"),
    ("user@" + NEVER, "SSPR_0011", "PolicyConfigured"),
    ("unlicensed@" + SCOPED, "SSPR_0012", "Licensed"),
    ("cloudonly-sku@" + SCOPED, "SSPR_0012", "Licensed"),
    ("outside@" + SCOPED, "SSPR_0013", "InScopedGroup"),
    ("outside-unlicensed@" + SCOPED, "SSPR_0013", "InScopedGroup"),
    ("unregistered@" + SCOPED, "SSPR_0014", "EnoughRegisteredMethods"),
    ("admin1@" + SCOPED, "SSPR_0014", "EnoughRegisteredMethods"),  # an admin with one method
    ("off@" + SCOPED, "AccountUnavailable", "AccountExists"),
]
ELIGIBLE = ["ok@" + SCOPED, "admin2@" + SCOPED]


@pytest.fixture
def env(backend, monkeypatch):
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    tokens = build_situations(backend)
    tokens[CLEAN] = create_tenant_with_token(backend, "Clean", CLEAN)[1]
    backend.cli_ok("policy", "set", "--tenant", CLEAN, "--enabled", "all")
    user(backend, "fine@" + CLEAN)
    backend.cli_ok("license", "assign", "--user", "fine@" + CLEAN, "--sku", "O365_PAID")
    create_tenant_with_token(backend, "App", APP)
    backend.cli_ok("policy", "set", "--tenant", APP, "--enabled", "all", "--methods-required",
                   "2", "--methods", "email,mobile_phone,app_code")
    for name in ("a", "b"):
        user(backend, f"{name}@{APP}")
        backend.cli_ok("license", "assign", "--user", f"{name}@{APP}", "--sku", "BASIC")
    server = backend.server()
    yield backend, server, tokens
    if server.running():
        server.stop_gracefully()


def diagnose(backend, *args):
    result = backend.cli("diagnose", *args)
    assert result.code in (0, 1), result.describe()
    return result.code, result.json()


@pytest.mark.parametrize("upn, code, check", SITUATIONS)
def test_diagnose_names_the_error_the_reset_flow_returns(env, upn, code, check):
    backend, server, _ = env
    exit_code, report = diagnose(backend, "--user", upn)
    response = start(server, upn)
    assert response.status_code >= 400, h.describe_response(response)
    error = response.json()["error"]
    first = report["first_failure"]
    assert (first["code"], first["name"]) == (error["code"], error["name"]), (report, error)
    assert first["code"] == code and first["check"] == check, report
    assert first["message"] == error["message"], (first, error)
    assert exit_code == 1 and report["can_reset"] is False
    failed = [c for c in report["checks"] if c["result"] == "failed"]
    assert failed[0]["check"] == check and failed[0]["fix"], report["checks"]
    assert [c["number"] for c in report["checks"]] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("upn", ELIGIBLE)
def test_diagnose_exits_0_for_a_user_who_can_reset(env, upn):
    backend, server, _ = env
    exit_code, report = diagnose(backend, "--user", upn)
    assert exit_code == 0 and report["can_reset"] is True and report["first_failure"] is None
    assert all(c["result"] in ("passed", "not_applicable") for c in report["checks"]), report
    assert start(server, upn).status_code == 201


def test_an_administrator_is_diagnosed_under_the_fixed_two_gate_policy(env):
    backend, _, _ = env
    _, report = diagnose(backend, "--user", "admin1@" + SCOPED)
    assert report["policy"]["applies"] == "administrators"
    assert report["policy"]["methods_required"] == 2
    results = {c["check"]: c for c in report["checks"]}
    for check in ("TenantSsprEnabled", "PolicyConfigured", "InScopedGroup", "Licensed"):
        assert results[check]["result"] == "not_applicable" and results[check]["reason"]
    fix = results["EnoughRegisteredMethods"]["fix"]
    assert "1 of 2" in fix and "security questions" not in fix.split("(")[0], fix


def test_methods_are_masked_and_texts_follow_the_language(env):
    backend, _, _ = env
    _, report = diagnose(backend, "--user", "admin2@" + SCOPED, "--lang", "de")
    shown = str(report)
    assert "admin2.home@example.org" not in shown and "20123456" not in shown
    assert {m["type"] for m in report["methods"]} == {"email", "mobile_phone"}
    _, blocked = diagnose(backend, "--user", "unlicensed@" + SCOPED, "--lang", "de")
    assert "lizenz" in blocked["first_failure"]["message"].lower()


def test_an_unknown_user_is_named_plainly_with_exit_2(env):
    backend, _, _ = env
    result = backend.cli("diagnose", "--user", "nobody@" + SCOPED)
    assert result.code == 2 and "nobody@" + SCOPED in result.stderr, result.describe()
    assert backend.cli("diagnose").code == 2  # neither --user nor --tenant


def test_the_api_answers_the_same_as_the_cli(env):
    backend, server, tokens = env
    api = h.Api(server.base_url, tokens[SCOPED])
    for upn in ("unlicensed@" + SCOPED, "ok@" + SCOPED, "admin1@" + SCOPED):
        _, cli_report = diagnose(backend, "--user", upn)
        assert api.ok("GET", "/api/v1/diagnose/users/" + h.quote(upn)) == cli_report
    _, cli_tenant = diagnose(backend, "--tenant", SCOPED)
    assert api.ok("GET", "/api/v1/diagnose/tenant") == cli_tenant
    # Another tenant's user is not found; a token without the permission is refused.
    h.assert_api_error(api.get("/api/v1/diagnose/users/" + h.quote("user@" + NEVER)), 404)
    h.assert_api_error(h.Api(server.base_url).get("/api/v1/diagnose/tenant"), 401)


def test_a_throttled_user_is_blocked_after_the_seven_checks(env):
    backend, server, _ = env
    upn = "ok@" + SCOPED
    responses = [start(server, upn) for _ in range(6)]  # 5 allowed, the 6th starts the block
    assert [r.status_code for r in responses[:5]] == [201] * 5
    exit_code, report = diagnose(backend, "--user", upn)
    assert exit_code == 1 and report["can_reset"] is False
    assert all(c["result"] != "failed" for c in report["checks"])
    assert report["throttling"]["result"] == "failed" and report["throttling"]["blocked_until"]
    error = start(server, upn).json()["error"]
    assert (report["first_failure"]["code"], report["first_failure"]["name"]) == \
        (error["code"], error["name"]) == ("ThrottledBlocked", "ThrottledBlocked")
    _, tenant = diagnose(backend, "--tenant", SCOPED)
    blocked = [f for f in tenant["findings"] if f["id"] == "UsersBlocked"]
    assert blocked and blocked[0]["examples"] == [upn], tenant["findings"]


def finding_ids(report):
    return {f["id"]: f for f in report["findings"]}


def test_tenant_findings_name_the_problems_the_tenant_was_built_with(env):
    backend, _, _ = env
    exit_code, report = diagnose(backend, "--tenant", SCOPED)
    assert exit_code == 1 and report["blocks_users"] is True
    found = finding_ids(report)
    assert sorted(found["UsersUnlicensed"]["examples"]) == \
        ["cloudonly-sku@" + SCOPED, "unlicensed@" + SCOPED]
    assert sorted(found["SyncedWithoutWriteback"]["examples"]) == \
        ["cloudonly-sku@" + SCOPED, "synced@" + SCOPED]
    assert found["UsersNotRegistered"]["examples"] == ["unregistered@" + SCOPED]
    assert found["AdminsNotRegistered"]["examples"] == ["admin1@" + SCOPED]
    assert found["UsersUnlicensed"]["error"]["code"] == "SSPR_0012"
    assert all(f["fix"] and f["text"] for f in report["findings"])
    # outside@ and outside-unlicensed@ are not in the group's scope; off@ is disabled.
    assert report["users_in_scope"] == 5 and report["users_can_reset"] == 1

    assert set(finding_ids(diagnose(backend, "--tenant", DISABLED)[1])) == {"SsprDisabled"}
    assert set(finding_ids(diagnose(backend, "--tenant", NEVER)[1])) == {"PolicyNeverConfigured"}
    app_code, app = diagnose(backend, "--tenant", APP)
    unsatisfiable = finding_ids(app)["PolicyUnsatisfiable"]
    assert app_code == 1 and unsatisfiable["affected"] == 2, app
    clean_code, clean = diagnose(backend, "--tenant", CLEAN)
    assert clean_code == 0 and clean["findings"] == [] and clean["users_can_reset"] == 1
