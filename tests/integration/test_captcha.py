"""The proof-of-work CAPTCHA (CONTRACT.md, issue 5): GET /api/v1/captcha hands out a signed
challenge, the client brute-forces the number, POST /api/v1/captcha/verify accepts a solution
once. Runs on both backends with `[captcha] difficulty` small (SSPR_CAPTCHA_DIFFICULTY).
Expiry (10 minutes) is covered by the unit tests with a fixed clock."""

import hashlib
import re

import pytest

import sspr_harness as h

DIFFICULTY = 1000


@pytest.fixture
def captcha_server(backend, monkeypatch):
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    server = backend.server()
    yield server
    if server.running():
        server.stop_gracefully()


def issue(server):
    response = h.Api(server.base_url).get("/api/v1/captcha")
    assert response.status_code == 200, h.describe_response(response)
    return response


def solve(challenge):
    """What the page's Web Worker does."""
    for number in range(challenge["maxnumber"] + 1):
        digest = hashlib.sha256((challenge["salt"] + str(number)).encode()).hexdigest()
        if digest == challenge["challenge"]:
            return {"algorithm": challenge["algorithm"], "challenge": challenge["challenge"],
                    "number": number, "salt": challenge["salt"],
                    "signature": challenge["signature"]}
    raise AssertionError(f"no solution up to maxnumber: {challenge}")


def verify(server, captcha):
    return h.Api(server.base_url).post("/api/v1/captcha/verify", json={"captcha": captcha})


def test_challenge_has_exactly_the_contract_shape(captcha_server):
    response = issue(captcha_server)
    assert response.headers["Cache-Control"] == "no-store"
    challenge = response.json()
    assert set(challenge) == {"algorithm", "challenge", "salt", "maxnumber", "signature"}
    assert challenge["algorithm"] == "SHA-256"
    assert challenge["maxnumber"] == DIFFICULTY
    assert re.fullmatch(r"[0-9a-f]{64}", challenge["challenge"])
    assert re.fullmatch(r"[0-9a-f]{64}", challenge["signature"])
    assert re.fullmatch(r"[0-9a-f]+\?expires=[0-9]+", challenge["salt"])
    # Public: no token, no session; and every challenge is new.
    assert issue(captcha_server).json()["challenge"] != challenge["challenge"]


def test_solution_is_accepted_once_then_replay_is_refused(captcha_server):
    captcha = solve(issue(captcha_server).json())
    response = verify(captcha_server, captcha)
    assert response.status_code == 204, h.describe_response(response)
    h.assert_api_error(verify(captcha_server, captcha), 400, "CaptchaReplayed")


def test_wrong_or_tampered_solutions_are_refused_without_using_it_up(captcha_server):
    captcha = solve(issue(captcha_server).json())
    wrong = dict(captcha, number=(captcha["number"] + 1) % (DIFFICULTY + 1))
    h.assert_api_error(verify(captcha_server, wrong), 400, "CaptchaInvalid")
    later = dict(captcha, salt=re.sub(r"expires=\d+", "expires=9999999999", captcha["salt"]))
    h.assert_api_error(verify(captcha_server, later), 400, "CaptchaInvalid")
    # A challenge the client made up: correct proof of work, but not signed by the server.
    salt = "00?expires=9999999999"
    forged = {"algorithm": "SHA-256", "number": 0, "salt": salt,
              "challenge": hashlib.sha256((salt + "0").encode()).hexdigest(),
              "signature": captcha["signature"]}
    h.assert_api_error(verify(captcha_server, forged), 400, "CaptchaInvalid")
    h.assert_api_error(verify(captcha_server, dict(captcha, algorithm="SHA-1")), 400,
                       "CaptchaInvalid")
    h.assert_api_error(verify(captcha_server, dict(captcha, number=DIFFICULTY + 1)), 400,
                       "CaptchaInvalid")
    h.assert_api_error(verify(captcha_server, None), 400, "CaptchaInvalid")
    assert verify(captcha_server, captcha).status_code == 204


def test_error_message_is_localised(captcha_server):
    captcha = solve(issue(captcha_server).json())
    response = h.Api(captcha_server.base_url).post(
        "/api/v1/captcha/verify", json={"captcha": dict(captcha, number=-1)},
        headers={"Accept-Language": "de"})
    error = h.assert_api_error(response, 400, "CaptchaInvalid")
    assert "Roboter" in response.json()["error"]["message"], error


def test_every_node_sharing_the_key_verifies_and_replay_is_refused_across_nodes(
        backend, captcha_server):
    other_node = backend.server(name="node-2")
    try:
        captcha = solve(issue(captcha_server).json())
        assert verify(other_node, captcha).status_code == 204
        h.assert_api_error(verify(captcha_server, captcha), 400, "CaptchaReplayed")
    finally:
        other_node.stop_gracefully()


def test_a_challenge_signed_by_another_servers_key_is_refused(
        backend, captcha_server, monkeypatch, tmp_path):
    monkeypatch.setenv("SSPR_SECURITY_SECRET_KEY_FILE", str(tmp_path / "other" / "secret.key"))
    stranger = backend.server(name="stranger")
    try:
        captcha = solve(issue(stranger).json())
        h.assert_api_error(verify(captcha_server, captcha), 400, "CaptchaInvalid")
        assert verify(stranger, captcha).status_code == 204
    finally:
        stranger.stop_gracefully()
