"""The reset flow's integrity (SPEC §5; issue 5 acceptance) against the real binary on both
backends, codes read from the file outbox: a gate cannot be skipped, a code cannot be replayed
nor carried to another gate or another flow, a finished flow accepts nothing, an account
disabled mid-flow ends it, and an unknown flow id is refused. Each refusal is the flow's error
AND a failure audit record under the flow's correlation id. (Expiry after 15 idle minutes
needs a clock the server does not let a test move: tests/unit/flows/reset_flow_expiry_test.cc
covers it.)"""

import pytest

import reset_client as rc
import sspr_harness as h

@pytest.fixture
def one_gate(backend, tmp_path, monkeypatch):
    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    yield server, token, outbox


@pytest.fixture
def two_gates(backend, tmp_path, monkeypatch):
    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=2)
    yield server, token, outbox


def test_password_before_any_gate_is_refused_and_audited(one_gate):
    server, token, _ = one_gate
    api = h.Api(server.base_url)
    flow = rc.started(api)
    error = h.assert_api_error(rc.set_password(api, flow["id"]), 409, "GatesNotPassed")
    assert api.get(f"/api/v1/reset/flows/{flow['id']}").json()["state"] == "verifying"
    rc.assert_refusal_audited(server, token, flow["id"], "GatesNotPassed",
        support_code=error["support_code"])


def test_second_gate_cannot_be_skipped_under_a_two_gate_policy(two_gates):
    server, token, outbox = two_gates
    api = h.Api(server.base_url)
    flow = rc.started(api)
    assert flow["gates_required"] == 2
    after_one, _ = rc.pass_email(api, flow, outbox)
    assert after_one["state"] == "verifying" and after_one["gates_passed"] == ["email"]
    error = h.assert_api_error(rc.set_password(api, flow["id"]), 409, "GatesNotPassed")
    rc.assert_refusal_audited(server, token, flow["id"], "GatesNotPassed",
        support_code=error["support_code"])
    # Nor can the passed gate count twice: the same method is not offered again.
    assert [m["type"] for m in after_one["methods"]] == ["mobile_phone"]
    again = rc.challenge(api, flow["id"], rc.method_of(flow, "email"))
    error = h.assert_api_error(again, 409, "GateAlreadyPassed")


def test_the_same_code_cannot_be_used_twice(two_gates):
    server, token, outbox = two_gates
    api = h.Api(server.base_url)
    flow = rc.started(api)
    _, code = rc.pass_email(api, flow, outbox)
    replay = rc.verify(api, flow["id"], rc.method_of(flow, "email"), code)
    assert 400 <= replay.status_code < 500, h.describe_response(replay)
    error = h.assert_api_error(replay, replay.status_code)
    assert error["name"] in ("GateAlreadyPassed", "NoChallengePending", "VerificationCodeUsed")
    rc.assert_refusal_audited(server, token, flow["id"], error["name"],
        support_code=error["support_code"])
    assert api.get(f"/api/v1/reset/flows/{flow['id']}").json()["gates_passed"] == ["email"]


def test_a_code_of_gate_one_does_not_pass_gate_two(two_gates):
    server, token, outbox = two_gates
    api = h.Api(server.base_url)
    flow = rc.started(api)
    _, email_code = rc.pass_email(api, flow, outbox)
    mobile = rc.method_of(flow, "mobile_phone")
    sent = rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE)
    assert sent.status_code == 200, h.describe_response(sent)
    sms_code = rc.last_code(outbox, "sms")
    # The email code, whole and cut to the SMS length: neither is the SMS challenge's code.
    for reused in (email_code, email_code[:6]):
        if reused == sms_code:
            continue
        error = h.assert_api_error(rc.verify(api, flow["id"], mobile, reused), 400)
        assert error["name"] in ("InvalidVerificationCode", "VerificationCodeLocked")
        rc.assert_refusal_audited(server, token, flow["id"], error["name"],
            support_code=error["support_code"])
    state = api.get(f"/api/v1/reset/flows/{flow['id']}").json()
    assert state["state"] == "verifying" and state["gates_passed"] == ["email"]


def test_a_gate_passed_in_one_flow_does_not_pass_it_in_another(two_gates):
    server, token, outbox = two_gates
    api = h.Api(server.base_url)
    first = rc.started(api)
    _, code = rc.pass_email(api, first, outbox)
    second = rc.started(api)
    assert second["gates_passed"] == [] and second["id"] != first["id"]
    email = rc.method_of(second, "email")
    # Without a challenge of its own, the second flow has nothing to verify.
    no_challenge = rc.verify(api, second["id"], email, code)
    error = h.assert_api_error(no_challenge, no_challenge.status_code, "NoChallengePending")
    # With its own challenge, the first flow's code is not its code.
    assert rc.challenge(api, second["id"], email).status_code == 200
    fresh = rc.last_code(outbox, "email")
    if fresh != code:
        error = h.assert_api_error(rc.verify(api, second["id"], email, code), 400,
                                   "InvalidVerificationCode")
        rc.assert_refusal_audited(server, token, second["id"], "InvalidVerificationCode",
            support_code=error["support_code"])
    assert api.get(f"/api/v1/reset/flows/{second['id']}").json()["gates_passed"] == []


def test_a_gate_passed_in_one_flow_without_a_challenge_in_another_is_audited(two_gates):
    server, token, outbox = two_gates
    api = h.Api(server.base_url)
    first = rc.started(api)
    _, code = rc.pass_email(api, first, outbox)
    second = rc.started(api)
    response = rc.verify(api, second["id"], rc.method_of(second, "email"), code)
    error = h.assert_api_error(response, response.status_code, "NoChallengePending")
    rc.assert_refusal_audited(server, token, second["id"], "NoChallengePending",
        support_code=error["support_code"])


def test_a_finished_flow_accepts_nothing(one_gate):
    server, token, outbox = one_gate
    api = h.Api(server.base_url)
    flow = rc.started(api)
    _, code = rc.pass_email(api, flow, outbox)
    done = rc.set_password(api, flow["id"])
    assert done.status_code == 200 and done.json()["state"] == "done", h.describe_response(done)
    email = rc.method_of(flow, "email")
    mobile = rc.method_of(flow, "mobile_phone")
    attempts = [
        rc.set_password(api, flow["id"], rc.NEW_PASSWORD + "-again"),
        rc.challenge(api, flow["id"], email),
        rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE),
        rc.verify(api, flow["id"], email, code),
    ]
    codes = [h.assert_api_error(response, 422, "ResetFlowFinished")["support_code"]
             for response in attempts]
    failures = rc.assert_refusal_audited(server, token, flow["id"], "ResetFlowFinished")
    assert len(failures) >= len(codes)
    # Nothing was sent after the end, and the password set is the one of the flow.
    assert len([m for m in rc.outbox_messages(outbox) if m["channel"] == "sms"]) == 0


def test_a_finished_flow_is_refused(one_gate):
    """The refusal itself (its audit is the test above)."""
    server, _, outbox = one_gate
    api = h.Api(server.base_url)
    flow = rc.started(api)
    _, code = rc.pass_email(api, flow, outbox)
    assert rc.set_password(api, flow["id"]).status_code == 200
    h.assert_api_error(rc.set_password(api, flow["id"], rc.NEW_PASSWORD + "-2"), 422,
                       "ResetFlowFinished")
    h.assert_api_error(rc.challenge(api, flow["id"], rc.method_of(flow, "email")), 422,
                       "ResetFlowFinished")
    h.assert_api_error(rc.verify(api, flow["id"], rc.method_of(flow, "email"), code), 422,
                       "ResetFlowFinished")
    assert not [m for m in rc.outbox_messages(outbox) if m["channel"] == "sms"]
    before = len(rc.outbox_messages(outbox))
    h.assert_api_error(rc.challenge(api, flow["id"], rc.method_of(flow, "mobile_phone"),
                                    phone=rc.ALICE_MOBILE), 422, "ResetFlowFinished")
    assert len(rc.outbox_messages(outbox)) == before


def test_an_account_disabled_mid_flow_ends_it_refused_and_audited(two_gates):
    server, token, outbox = two_gates
    api = h.Api(server.base_url)
    flow = rc.started(api)
    rc.pass_email(api, flow, outbox)
    h.Api(server.base_url, token).ok("PATCH", f"/api/v1/users/{rc.ALICE}",
                                     json={"enabled": False})
    sent_before = len(rc.outbox_messages(outbox))
    attempts = [
        rc.challenge(api, flow["id"], rc.method_of(flow, "mobile_phone"), phone=rc.ALICE_MOBILE),
        rc.set_password(api, flow["id"]),
    ]
    codes = [h.assert_api_error(response, 422, "ResetFlowFinished")["support_code"]
             for response in attempts]
    for code in codes:
        rc.assert_refusal_audited(server, token, flow["id"], "ResetFlowFinished",
                                  support_code=code)
    assert len(rc.outbox_messages(outbox)) == sent_before  # no code, no notice


def test_an_unknown_flow_id_is_refused_and_changes_nothing(one_gate):
    server, token, _ = one_gate
    api = h.Api(server.base_url)
    before = rc.audit(server, token)
    unknown = "00000000-0000-4000-8000-000000000000"
    responses = [
        api.get(f"/api/v1/reset/flows/{unknown}"),
        rc.challenge(api, unknown, {"id": "1"}),
        rc.verify(api, unknown, {"id": "1"}, "12345678"),
        rc.set_password(api, unknown),
    ]
    for response in responses:
        h.assert_api_error(response, 404)
    # No flow, no tenant to record it in: the refusals are in the server log only, under
    # their support codes (sspr support show explains that).
    assert rc.audit(server, token) == before
