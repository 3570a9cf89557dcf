"""Throttling of self-service password reset (SPEC §7; issue 5 acceptance) against the real
binary on both backends: per account and rolling hour, 5 reset starts, 5 phone verifications
and 5 security-question attempts, then the account is blocked ("Blocked from self-service
password reset" audited once); 20 concurrent starts admit exactly 5. (The block's end, 24 hours
after the last attempt, needs a movable clock: tests/unit/flows/reset_throttle_clock_test.cc.)"""

import concurrent.futures
import threading

import pytest

import reset_client as rc
import sspr_harness as h

QUESTIONS = [("childhood_best_friend", "Ingrid Nilsson"), ("first_pet", "Rasmus the cat"),
             ("birth_city", "Aarhus on the coast")]


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1,
                                         methods="email,mobile_phone,security_questions")
    yield server, token, outbox


def blocked_events(server, token):
    return [e for e in rc.audit(server, token) if e["activity"] == rc.BLOCKED]


def assert_blocked_once(server, token, action):
    [event] = blocked_events(server, token)
    assert event["target"] == rc.ALICE
    assert event["result"] == "failure" and event["result_reason"] == "ThrottledBlocked"
    assert event["details"].get("action") == action, event


def test_five_starts_then_the_account_is_blocked(site):
    server, token, _ = site
    api = h.Api(server.base_url)
    for _ in range(5):
        rc.started(api)
    h.assert_api_error(rc.start(api), 429, "ThrottledBlocked")
    assert_blocked_once(server, token, "ResetAttempt")
    # Still blocked, and the block is audited only when it starts.
    h.assert_api_error(rc.start(api), 429, "ThrottledBlocked")
    assert_blocked_once(server, token, "ResetAttempt")


def test_twenty_concurrent_starts_admit_exactly_five(site):
    server, token, _ = site
    solver = h.Api(server.base_url)
    captchas = [rc.solved_captcha(solver) for _ in range(20)]
    barrier = threading.Barrier(20)

    def attempt(captcha):
        api = h.Api(server.base_url)  # one connection per client
        barrier.wait()
        return rc.start(api, captcha=captcha)

    with concurrent.futures.ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(attempt, captchas))
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(201) == 5, [h.describe_response(r) for r in responses]
    for response in responses:
        if response.status_code != 201:
            h.assert_api_error(response, 429, "ThrottledBlocked")
    assert_blocked_once(server, token, "ResetAttempt")
    starts = [e for e in rc.audit(server, token)
              if e["activity"] == rc.PROGRESS and e["details"].get("step") == "start"
              and e["result"] == "success"]
    assert len(starts) == 5


def test_five_phone_verifications_then_blocked(site):
    server, token, outbox = site
    api = h.Api(server.base_url)
    flow = rc.started(api)
    mobile = rc.method_of(flow, "mobile_phone")
    for _ in range(5):
        sent = rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE)
        assert sent.status_code == 200, h.describe_response(sent)
    sms = [m for m in rc.outbox_messages(outbox) if m["channel"] == "sms"]
    assert len(sms) == 5
    h.assert_api_error(rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE), 429,
                       "ThrottledBlocked")
    assert len([m for m in rc.outbox_messages(outbox) if m["channel"] == "sms"]) == 5
    assert_blocked_once(server, token, "PhoneVerification")
    # The block covers the whole account: a new start is refused too.
    h.assert_api_error(rc.start(api), 429, "ThrottledBlocked")
    assert_blocked_once(server, token, "PhoneVerification")


def test_wrong_typed_numbers_count_as_phone_verifications(site):
    server, token, outbox = site
    api = h.Api(server.base_url)
    flow = rc.started(api)
    mobile = rc.method_of(flow, "mobile_phone")
    for _ in range(5):
        h.assert_api_error(rc.challenge(api, flow["id"], mobile, phone="+4520999999"), 400)
    h.assert_api_error(rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE), 429,
                       "ThrottledBlocked")
    assert not [m for m in rc.outbox_messages(outbox) if m["channel"] == "sms"]
    assert_blocked_once(server, token, "PhoneVerification")


def register_questions(server):
    client = h.Api(server.base_url)
    signed = client.post("/api/v1/session", json={"user_id": rc.ALICE, "password": rc.PASSWORD},
                         headers={"Origin": server.base_url})
    assert signed.status_code == 201, h.describe_response(signed)
    client.session.headers["X-CSRF-Token"] = signed.json()["csrf_token"]
    client.session.headers["Origin"] = server.base_url
    saved = client.request("PUT", "/api/v1/me/security-questions",
                           json={"answers": [{"question_id": q, "answer": a}
                                             for q, a in QUESTIONS]})
    assert saved.status_code == 200, h.describe_response(saved)


def test_five_security_question_attempts_then_blocked(site):
    server, token, _ = site
    register_questions(server)
    api = h.Api(server.base_url)
    flow = rc.started(api)
    base = f"/api/v1/reset/flows/{flow['id']}"
    shown = api.post(base + "/challenge", json={"method_id": "security_questions"})
    assert shown.status_code == 200, h.describe_response(shown)
    asked = [q["id"] for q in shown.json()["questions"]]
    assert len(asked) == 3
    wrong = {"answers": [{"question_id": q, "answer": "not the answer"} for q in asked]}
    for _ in range(5):
        response = api.post(base + "/verify", json={"method_id": "security_questions", **wrong})
        assert 400 <= response.status_code < 500, h.describe_response(response)
        assert response.json()["error"]["name"] == "IncorrectSecurityAnswers"
    right = {"answers": [{"question_id": q, "answer": dict(QUESTIONS)[q]} for q in asked]}
    # Blocked: even the right answers are refused now.
    h.assert_api_error(api.post(base + "/verify", json={"method_id": "security_questions",
                                                        **right}), 429, "ThrottledBlocked")
    assert_blocked_once(server, token, "SecurityQuestionAttempt")
    assert api.get(base).json()["gates_passed"] == []
    for event in rc.audit(server, token):
        assert "Ingrid" not in str(event) and "not the answer" not in str(event)
