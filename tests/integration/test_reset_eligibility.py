"""Who may reset (SPEC §4) through the first step of the reset flow, against the real binary
on both backends: each numbered error exactly when its condition holds, the first check in
SPEC order winning when several fail, one neutral answer for unknown and disabled accounts,
and administrators under the fixed two-gate policy of §6 (never security questions)."""

import pytest

import sspr_harness as h
from reset_situations import DIFFICULTY, DISABLED, NEVER, SCOPED, build_situations, start


@pytest.fixture
def server(backend, monkeypatch):
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    build_situations(backend)
    return backend.server()


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
