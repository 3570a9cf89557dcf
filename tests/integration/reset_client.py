"""A reset-flow client for the acceptance tests of the flow's integrity, its throttling and
support codes: a tenant whose messages go to a file outbox (CONTRACT.md), the CAPTCHA solved
as the page's worker does, codes read from the outbox, and the audit log read by flow."""

import hashlib
import json
import re

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "fabrikam.test"
ALICE = "alice@" + DOMAIN
ALICE_MOBILE = "+4520123456"
PASSWORD = "Kx7!morning-Tide"
NEW_PASSWORD = "Quartz-Violin-8-Tundra"
DIFFICULTY = 200
PROGRESS = "Self-service password reset flow activity progress"
BLOCKED = "Blocked from self-service password reset"


def make_site(backend, tmp_path, monkeypatch, gates=1, methods="email,mobile_phone",
              before_start=None):
    """Tenant Fabrikam with Alice (licensed; alternate email and mobile phone on file), a
    policy offering `methods` with `gates` required, and a server writing to a file outbox.
    `before_start(backend)` adds more with the CLI before the server starts (so SQLite never
    sees a CLI writer next to the server). Returns (server, admin token, outbox path)."""
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    _, token = create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    backend.cli_ok("user", "create", "--upn", ALICE, "--display-name", "Alice Holm",
                   "--password-file", str(password_file))
    backend.cli_ok("methods", "set", "--user", ALICE, "--email", "alice.home@example.org",
                   "--mobile-phone", ALICE_MOBILE)
    backend.cli_ok("license", "assign", "--user", ALICE, "--sku", "SPE")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods",
                   methods, "--methods-required", str(gates))
    if before_start:
        before_start(backend)
    outbox = tmp_path / "outbox.jsonl"
    config = tmp_path / "sspr.toml"
    config.write_text("[notify]\n"
                      'email = "file"\n'
                      'sms = "file"\n'
                      f"outbox_path = {json.dumps(str(outbox))}\n")
    server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                      backend.work_dir / "logs", name="reset")
    backend.servers.append(server)
    server.start()
    return server, token, outbox


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


def start(api, upn=ALICE, captcha=None):
    return api.post("/api/v1/reset/flows",
                    json={"user_id": upn, "captcha": captcha or solved_captcha(api)})


def started(api, upn=ALICE):
    response = start(api, upn)
    assert response.status_code == 201, h.describe_response(response)
    return response.json()


def method_of(flow, kind):
    [method] = [m for m in flow["methods"] if m["type"] == kind]
    return method


def outbox_messages(outbox):
    if not outbox.exists():
        return []
    return [json.loads(line) for line in outbox.read_text().splitlines() if line.strip()]


def last_code(outbox, channel):
    """The code of the newest message of `channel`: 8 digits by email, 6 by SMS or voice."""
    messages = [m for m in outbox_messages(outbox) if m["channel"] == channel]
    assert messages, f"no {channel} message in the outbox"
    digits = 8 if channel == "email" else 6
    codes = re.findall(r"(?<!\d)\d{%d}(?!\d)" % digits, messages[-1]["body"])
    assert len(codes) == 1, messages[-1]
    return codes[0]


def challenge(api, flow_id, method, phone=None):
    body = {"method_id": method["id"]}
    if phone is not None:
        body["phone"] = phone
    return api.post(f"/api/v1/reset/flows/{flow_id}/challenge", json=body)


def verify(api, flow_id, method, code):
    return api.post(f"/api/v1/reset/flows/{flow_id}/verify",
                    json={"method_id": method["id"], "code": code})


def pass_email(api, flow, outbox):
    method = method_of(flow, "email")
    response = challenge(api, flow["id"], method)
    assert response.status_code == 200, h.describe_response(response)
    code = last_code(outbox, "email")
    response = verify(api, flow["id"], method, code)
    assert response.status_code == 200, h.describe_response(response)
    return response.json(), code


def set_password(api, flow_id, password=NEW_PASSWORD):
    return api.post(f"/api/v1/reset/flows/{flow_id}/password", json={"password": password})


def audit(server, token):
    """Every audit record of the tenant, oldest first."""
    events = h.items_of(h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000"),
                        "events")
    return list(reversed(events))


def flow_correlation_id(server, token, flow_id):
    """The correlation id the flow's start was audited with."""
    starts = [e for e in audit(server, token)
              if e["activity"] == PROGRESS and e["details"].get("flow_id") == flow_id
              and e["details"].get("step") == "start"]
    assert len(starts) == 1, starts
    return starts[0]["correlation_id"]


def assert_refusal_audited(server, token, flow_id, name, support_code=None):
    """A failure record of the flow (its correlation id) with `name` as the reason."""
    correlation = flow_correlation_id(server, token, flow_id)
    failures = [e for e in audit(server, token)
                if e["correlation_id"] == correlation and e["result"] == "failure"
                and e["result_reason"] == name]
    assert failures, (f"no failure '{name}' audited under the flow's correlation id "
                      f"{correlation}: {audit(server, token)}")
    if support_code is not None:
        assert any(e["support_code"] == support_code for e in failures), failures
    return failures
