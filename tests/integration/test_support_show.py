"""Support codes (SPEC §4, §12; CONTRACT.md `sspr support show CODE`) against the real binary
on both backends: the code of an error answer is the one in the server's log line and on the
failure audit record, and `sspr support show` and GET /api/v1/support/{code} tell the whole
story behind it; unknown codes exit 1, malformed ones 2, and another tenant's token gets 404."""

import json
import time
import types
import uuid

import pytest

import reset_client as rc
import sspr_harness as h
from conftest import create_tenant_with_token, token_for

BOB = "bob@" + rc.DOMAIN  # registered, not licensed: SSPR_0012


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    """Fabrikam (rc.make_site) plus Bob, registered but unlicensed; a Fabrikam token without
    the audit permission; and another tenant's global token."""
    tokens = {}

    def before_start(backend):
        backend.cli_ok("user", "create", "--upn", BOB, "--display-name", "Bob")
        backend.cli_ok("methods", "set", "--user", BOB, "--email", "bob.home@example.org")
        tokens["no_audit"] = token_for(backend, rc.DOMAIN, "exchange-administrator", "mail")
        tokens["other"] = create_tenant_with_token(backend, "Northwind", "northwind.test")[1]

    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch,
                                         before_start=before_start)
    yield types.SimpleNamespace(server=server, token=token, outbox=outbox, backend=backend,
                                **tokens)


def unlicensed_start(server):
    response = rc.start(h.Api(server.base_url), BOB)
    return h.assert_api_error(response, 403, "UserNotLicensed")


def log_lines(server):
    lines = []
    for line in (server.stdout() + "\n" + server.stderr()).splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            continue
    return lines


def test_the_code_shown_is_the_one_logged_and_audited(site):
    server, token = site.server, site.token
    error = unlicensed_start(server)
    assert error["code"] == "SSPR_0012"
    code = error["support_code"]
    failures = [e for e in rc.audit(server, token) if e["support_code"] == code]
    assert len(failures) == 1, rc.audit(server, token)
    assert failures[0]["result"] == "failure"
    assert failures[0]["result_reason"] == "UserNotLicensed"
    assert failures[0]["target"] == BOB
    # The request's log line is written after its response is sent: wait for it.
    deadline = time.monotonic() + 10
    while not [line for line in log_lines(server) if code in json.dumps(line)]:
        assert time.monotonic() < deadline, server.logs()
        time.sleep(0.05)
    # Successes carry no code: the start of a flow is audited without one.
    rc.started(h.Api(server.base_url))
    successes = [e for e in rc.audit(server, token) if e["result"] == "success"]
    assert successes and all(e["support_code"] == "" for e in successes)


def test_support_show_tells_the_story_on_the_command_line(site):
    server, backend = site.server, site.backend
    error = unlicensed_start(server)
    code = error["support_code"]
    shown = backend.cli_ok("support", "show", code)
    assert shown["support_code"] == code
    assert shown["tenant"]["name"] == "Fabrikam"
    assert shown["user"] == BOB
    assert shown["error"]["code"] == "SSPR_0012"
    assert shown["error"]["name"] == "UserNotLicensed"
    assert "licen" in shown["error"]["message"].lower()
    assert "licence" in shown["error"]["fix"].lower()
    assert shown["error"]["technical"] == error["technical"]  # the line the user was shown
    [event] = shown["events"]
    assert event["activity"] == rc.PROGRESS
    assert event["step"] == "start"
    assert event["result"] == "failure" and event["result_reason"] == "UserNotLicensed"
    assert event["client_ip"] == "127.0.0.1"
    assert event["support_code"] == code

    text = backend.cli("support", "show", code.upper(), json_output=False)
    assert text.code == 0, text.describe()
    for expected in ("Fabrikam", BOB, "SSPR_0012", "UserNotLicensed", "Assign the user a licence",
                     "start", "127.0.0.1", "Technical:      " + error["technical"]):
        assert expected in text.stdout, text.describe()


def test_support_show_gives_the_user_text_in_the_language_the_user_read_it(site):
    server, backend = site.server, site.backend
    german = h.Api(server.base_url)
    german.session.headers["Accept-Language"] = "de-DE,de;q=0.9"
    error = h.assert_api_error(rc.start(german, BOB), 403, "UserNotLicensed")
    shown = backend.cli_ok("support", "show", error["support_code"])
    assert shown["error"]["user_language"] == "de"
    assert shown["error"]["user_message"] == error["message"]
    assert shown["error"]["message"] != error["message"]  # the administrator's (English) text
    text = backend.cli("support", "show", error["support_code"], json_output=False)
    assert text.code == 0, text.describe()
    assert f"User was told:  (de) {error['message']}\n" in text.stdout, text.describe()
    assert f"In English:     {shown['error']['message']}" in text.stdout, text.describe()
    # Read in English, it is told once.
    english = h.assert_api_error(rc.start(h.Api(server.base_url), BOB), 403, "UserNotLicensed")
    shown = backend.cli_ok("support", "show", english["support_code"])
    assert shown["error"]["user_language"] == "en"
    assert shown["error"]["user_message"] == shown["error"]["message"] == english["message"]
    text = backend.cli("support", "show", english["support_code"], json_output=False)
    assert f"User was told:  {english['message']}\n" in text.stdout, text.describe()
    assert "In English:" not in text.stdout, text.describe()


def test_support_show_follows_the_whole_flow(site):
    server, token, backend = site.server, site.token, site.backend
    api = h.Api(server.base_url)
    flow = rc.started(api)
    method = rc.method_of(flow, "email")
    assert rc.challenge(api, flow["id"], method).status_code == 200
    right = rc.last_code(site.outbox, "email")
    wrong = "0" * 8 if right != "0" * 8 else "1" * 8
    error = h.assert_api_error(rc.verify(api, flow["id"], method, wrong), 400,
                               "InvalidVerificationCode")
    shown = backend.cli_ok("support", "show", error["support_code"])
    steps = [(e["step"], e["result"]) for e in shown["events"]]
    assert steps == [("start", "success"), ("challenge", "success"), ("gate failed", "failure")]
    assert [e["method"] for e in shown["events"]] == ["", "email", "email"]
    assert shown["error"]["name"] == "InvalidVerificationCode"
    assert shown["error"]["fix"] is None
    assert shown["events"][-1]["support_code"] == error["support_code"]
    assert right not in json.dumps(shown) and right not in json.dumps(rc.audit(server, token))


def test_unknown_code_exits_1_and_malformed_code_exits_2(site):
    server, backend = site.server, site.backend
    unknown = backend.cli("support", "show", str(uuid.uuid4()), json_output=False)
    assert unknown.code == 1, unknown.describe()
    assert "no record under this support code" in unknown.stderr
    assert "server log" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1, unknown.describe()
    # A request that changed nothing: its code is only in the log.
    missing = h.assert_api_error(h.Api(server.base_url).get("/api/v1/reset/flows/" +
                                                            str(uuid.uuid4())), 404)
    assert backend.cli("support", "show", missing["support_code"]).code == 1
    for malformed in ("not-a-code", "1234", "' OR 1=1 --"):
        h.assert_cli_bad_input(backend.cli("support", "show", malformed))


def test_api_shows_the_story_to_the_tenant_only(site):
    server, token = site.server, site.token
    code = unlicensed_start(server)["support_code"]
    shown = h.Api(server.base_url, token).ok("GET", "/api/v1/support/" + code)
    assert shown["support_code"] == code
    assert shown["user"] == BOB and shown["error"]["code"] == "SSPR_0012"
    assert shown["events"][0]["result_reason"] == "UserNotLicensed"
    # In the caller's language.
    danish = h.Api(server.base_url, token).ok("GET", "/api/v1/support/" + code + "?lang=da")
    assert danish["error"]["message"] != shown["error"]["message"]
    # Another tenant learns nothing; no token, no story; a malformed code is bad input.
    h.assert_api_error(h.Api(server.base_url, site.other).get("/api/v1/support/" + code), 404)
    h.assert_api_error(h.Api(server.base_url, site.no_audit).get("/api/v1/support/" + code), 403)
    h.assert_api_error(h.Api(server.base_url).get("/api/v1/support/" + code), 401)
    h.assert_api_error(h.Api(server.base_url, token).get("/api/v1/support/nope"), 400)
    h.assert_api_error(h.Api(server.base_url, token).get("/api/v1/support/" + str(uuid.uuid4())),
                       404, "UnknownSupportCode")
