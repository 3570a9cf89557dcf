"""How `sspr serve` runs requests (docs/ARCHITECTURE.md, "Requests as fibers on the event
loop"): as fibers on the event-loop threads by default, on worker threads when switched off;
both serve a whole reset on SQLite and PostgreSQL. (The rest of the suite runs the default.)"""

import json

import pytest

import reset_client as rc
import sspr_harness as h


@pytest.mark.parametrize("switch, requests_run", [(None, "fibers"), ("false", "worker threads")])
def test_requests_run_as_fibers_unless_switched_off_and_a_reset_completes_either_way(
        backend, tmp_path, monkeypatch, switch, requests_run):
    """A request runs as a fiber on the event-loop thread that parsed it (server.request_fibers,
    the default); `false` is the operator's fallback to one worker thread per request. The
    `listening` line says which, and a whole reset works in both, on either store."""
    if switch is None:
        monkeypatch.delenv("SSPR_SERVER_REQUEST_FIBERS", raising=False)
    else:
        monkeypatch.setenv("SSPR_SERVER_REQUEST_FIBERS", switch)
    server, _, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=2)
    listening = [json.loads(line) for line in server.stderr().splitlines()
                 if '"msg":"listening"' in line]
    assert [line["requests"] for line in listening] == [requests_run], server.stderr()
    api = h.Api(server.base_url)
    flow = rc.started(api)
    rc.pass_email(api, flow, outbox)
    mobile = rc.method_of(flow, "mobile_phone")
    sent = rc.challenge(api, flow["id"], mobile, phone=rc.ALICE_MOBILE)
    assert sent.status_code == 200, h.describe_response(sent)
    verified = rc.verify(api, flow["id"], mobile, rc.last_code(outbox, "sms"))
    assert verified.status_code == 200, h.describe_response(verified)
    assert rc.set_password(api, flow["id"]).status_code == 200
    for password, status in ((rc.NEW_PASSWORD, 201), (rc.PASSWORD, 401)):
        response = h.Api(server.base_url).post(
            "/api/v1/session", json={"user_id": rc.ALICE, "password": password},
            headers={"Origin": server.base_url})
        assert response.status_code == status, h.describe_response(response)
