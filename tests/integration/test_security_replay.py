"""Replay (issue 9, SPEC §3 "single use", §5): a CAPTCHA solution, a one-time code and a TOTP
code are each accepted once, on both backends.

Already shown elsewhere, and not repeated here:
- a CAPTCHA solution replayed at POST /api/v1/captcha/verify, on one node and across nodes:
  test_captcha.py (test_solution_is_accepted_once_then_replay_is_refused,
  test_every_node_sharing_the_key_verifies_and_replay_is_refused_across_nodes);
- an email code replayed in the same reset flow: test_flow_integrity.py
  (test_the_same_code_cannot_be_used_twice), and a gate passed in one flow replayed in another
  (test_a_gate_passed_in_one_flow_does_not_pass_it_in_another);
- an email code replayed at registration: test_security_info.py
  (test_email_code_of_eight_digits_saves_once), and the TOTP code that registered the app
  refused for the next registration (test_authenticator_app_first_code_must_verify_once).

Here: the CAPTCHA replayed where it matters, at the start of a reset (after a flow started, and
after a refused start); an SMS code replayed in the same flow and in another flow and at
registration; a TOTP code replayed in the same 30-second window in a second flow, and the
registration's own code refused at reset. (Sign-in verifies a password only, no TOTP.)"""

import time
import urllib.parse

import pyotp
import pytest

import reset_client as rc
import sspr_harness as h


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    """Fabrikam (reset_client.make_site): two gates among email, mobile phone and the
    authenticator app, messages to a file outbox."""
    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=2,
                                         methods="email,mobile_phone,app_code")
    yield server, token, outbox
    if server.running():
        server.stop_gracefully()


def signed_in(server):
    client = h.Api(server.base_url)
    response = client.post("/api/v1/session", json={"user_id": rc.ALICE, "password": rc.PASSWORD},
                           headers={"Origin": server.base_url})
    assert response.status_code == 201, h.describe_response(response)
    client.session.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    client.session.headers["Origin"] = server.base_url
    return client


def refused(response):
    """A 4xx error envelope (which one depends on where the replay is caught)."""
    assert 400 <= response.status_code < 500, h.describe_response(response)
    return h.assert_api_error(response, response.status_code)


def pass_sms(api, flow, outbox):
    mobile = rc.method_of(flow, "mobile_phone")
    sent = rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE)
    assert sent.status_code == 200, h.describe_response(sent)
    code = rc.last_code(outbox, "sms")
    passed = rc.verify(api, flow["id"], mobile, code)
    assert passed.status_code == 200, h.describe_response(passed)
    return code


def test_a_captcha_solution_starts_one_reset_only(site):
    server, _, _ = site
    api = h.Api(server.base_url)
    captcha = rc.solved_captcha(api)
    assert rc.start(api, captcha=captcha).status_code == 201
    h.assert_api_error(rc.start(api, captcha=captcha), 400, "CaptchaReplayed")
    # A solution spent on a refused start (unknown user) is spent as well.
    spent = rc.solved_captcha(api)
    h.assert_api_error(rc.start(api, upn="nobody@" + rc.DOMAIN, captcha=spent), 403,
                       "AccountUnavailable")
    h.assert_api_error(rc.start(api, captcha=spent), 400, "CaptchaReplayed")


def test_an_sms_code_is_accepted_once_in_a_reset(site):
    server, token, outbox = site
    api = h.Api(server.base_url)
    flow = rc.started(api)
    code = pass_sms(api, flow, outbox)
    mobile = rc.method_of(flow, "mobile_phone")
    error = refused(rc.verify(api, flow["id"], mobile, code))
    assert code not in error["technical"] and code not in error["message"]
    # In another flow of the same user the code opens nothing either.
    other = rc.started(api)
    refused(rc.verify(api, other["id"], rc.method_of(other, "mobile_phone"), code))
    view = api.get(f"/api/v1/reset/flows/{other['id']}").json()
    assert view["gates_passed"] == []
    assert api.get(f"/api/v1/reset/flows/{flow['id']}").json()["gates_passed"] == [
        "mobile_phone"]
    rc.assert_refusal_audited(server, token, flow["id"], error["name"])


def test_an_sms_code_is_accepted_once_at_registration(site):
    server, _, outbox = site
    client = signed_in(server)
    started = client.post("/api/v1/me/methods",
                          json={"type": "mobile_phone", "phone": "+45 31 12 34 56",
                                "channel": "sms"})
    assert started.status_code == 202, h.describe_response(started)
    pending = started.json()["pending_id"]
    code = rc.last_code(outbox, "sms")
    verify = f"/api/v1/me/methods/pending/{pending}/verify"
    assert client.post(verify, json={"code": code}).status_code == 201
    again = client.post(verify, json={"code": code})
    assert again.status_code in (400, 404), h.describe_response(again)
    mobiles = [m for m in client.get("/api/v1/me/security-info").json()["methods"]
               if m["type"] == "mobile_phone"]
    assert len(mobiles) == 1, mobiles


def register_app(server):
    """Alice registers the authenticator app; returns (TOTP, the time step it was proved at)."""
    client = signed_in(server)
    started = client.post("/api/v1/me/methods", json={"type": "app_code"})
    assert started.status_code == 202, h.describe_response(started)
    body = started.json()
    secret = urllib.parse.parse_qs(urllib.parse.urlsplit(body["otpauth_uri"]).query)["secret"][0]
    totp = pyotp.TOTP(secret)
    now = time.time()
    saved = client.post(f"/api/v1/me/methods/pending/{body['pending_id']}/verify",
                        json={"code": totp.at(now)})
    assert saved.status_code == 201, h.describe_response(saved)
    return totp, now


def pass_app(api, flow, code):
    app = rc.method_of(flow, "app_code")
    sent = rc.challenge(api, flow["id"], app)
    assert sent.status_code == 200, h.describe_response(sent)
    return rc.verify(api, flow["id"], app, code)


def test_a_totp_code_is_accepted_once_in_its_window(site):
    server, token, _ = site
    totp, registered_at = register_app(server)
    api = h.Api(server.base_url)
    # The code the registration used is spent: refused at reset although still in its window.
    flow = rc.started(api)
    refused(pass_app(api, flow, totp.at(registered_at)))
    # The next step's code (within the ±1 step the app is allowed) passes once ...
    code = totp.at(registered_at + 30)
    passed = pass_app(api, flow, code)
    assert passed.status_code == 200, h.describe_response(passed)
    assert passed.json()["gates_passed"] == ["app_code"]
    # ... and is refused in a second flow, in the same window.
    other = rc.started(api)
    error = refused(pass_app(api, other, code))
    assert code not in error["technical"]
    assert api.get(f"/api/v1/reset/flows/{other['id']}").json()["gates_passed"] == []
    rc.assert_refusal_audited(server, token, other["id"], error["name"])
