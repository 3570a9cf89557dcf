"""The reports of issue 7 (SPEC §11) over the API and the CLI, on a small tenant whose
numbers are known: registration (per user and totals) and usage (resets per day, by method
combination, failures by reason, administrators resetting)."""

import csv
import io
import re

import pytest

import reset_client as rc
import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "report.test"


@pytest.fixture
def registration_site(backend):
    """Policy `selected` (group Helpdesk-SSPR, email or mobile phone, 1 required), group
    licensed with PREMIUM_P1:
      alice  - in the group, email on file           -> in scope, registered, capable
      bob    - in the group, nothing on file          -> in scope, not registered
      carol  - not in the group, mobile phone on file -> out of scope, registered
      dave   - in the group, email, disabled          -> out of scope, registered"""
    _, token = create_tenant_with_token(backend, "Report", DOMAIN)
    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Helpdesk-SSPR")
    backend.cli_ok("license", "add", "--tenant", DOMAIN, "--sku", "PREMIUM_P1")
    backend.cli_ok("license", "assign", "--tenant", DOMAIN, "--group", "Helpdesk-SSPR",
                   "--sku", "PREMIUM_P1")
    for name in ("alice", "bob", "carol", "dave"):
        backend.cli_ok("user", "create", "--upn", f"{name}@{DOMAIN}", "--display-name",
                       name.title())
    for name in ("alice", "bob", "dave"):
        backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", "Helpdesk-SSPR",
                       "--user", f"{name}@{DOMAIN}")
    backend.cli_ok("methods", "set", "--user", f"alice@{DOMAIN}", "--email", "a@example.org")
    backend.cli_ok("methods", "set", "--user", f"carol@{DOMAIN}", "--mobile-phone",
                   "+4520123456")
    backend.cli_ok("methods", "set", "--user", f"dave@{DOMAIN}", "--email", "d@example.org")
    backend.cli_ok("user", "update", "--upn", f"dave@{DOMAIN}", "--disable")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "selected", "--group",
                   "Helpdesk-SSPR", "--methods", "email,mobile_phone", "--methods-required", "1")
    server = backend.server()
    yield backend, server, token
    if server.running():
        server.stop_gracefully()


EXPECTED_USERS = {
    # upn: (methods, registered, capable, in_scope)
    "alice": (["email"], True, True, True),
    "bob": ([], False, False, True),
    "carol": (["mobile_phone"], True, False, False),
    "dave": (["email"], True, False, False),
}


def test_registration_report_json_csv_and_cli(registration_site):
    backend, server, token = registration_site
    api = h.Api(server.base_url, token)
    report = api.ok("GET", "/api/v1/reports/registration")
    assert report["totals"] == {"users": 4, "in_scope": 2, "registered": 1, "capable": 1,
                                "registered_percent": 50.0, "capable_percent": 50.0}
    got = {u["upn"].split("@")[0]: (u["methods_registered"], u["registered"], u["capable"],
                                    u["in_scope"]) for u in report["users"]}
    assert got == EXPECTED_USERS
    assert [u["display_name"] for u in report["users"]] == ["Alice", "Bob", "Carol", "Dave"]
    # Methods an administrator put on file count as the last update; nothing on file, none.
    last_updated = {u["upn"].split("@")[0]: u["last_updated"] for u in report["users"]}
    assert last_updated["bob"] is None
    for name in ("alice", "carol", "dave"):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", last_updated[name])

    response = api.get("/api/v1/reports/registration", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="registration-')
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert [r["upn"] for r in rows] == [u["upn"] for u in report["users"]]
    assert rows[0]["registered"] == "true" and rows[1]["registered"] == "false"
    assert rows[2]["methods_registered"] == "mobile_phone"

    h.assert_api_error(api.get("/api/v1/reports/registration", params={"format": "xml"}), 400,
                       "InvalidInput")
    server.stop_gracefully()
    from_cli = backend.cli("report", "registration", "--tenant", DOMAIN, "--format", "json",
                           json_output=False)
    assert from_cli.code == 0, from_cli.describe()
    import json
    assert json.loads(from_cli.stdout) == report
    as_csv = backend.cli("report", "registration", "--tenant", DOMAIN, "--format", "csv",
                         json_output=False)
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == \
        list(csv.reader(io.StringIO(response.text, newline="")))


def pass_mobile(api, flow, outbox):
    method = rc.method_of(flow, "mobile_phone")
    response = rc.challenge(api, flow["id"], method, phone=rc.ALICE_MOBILE)
    assert response.status_code == 200, h.describe_response(response)
    response = rc.verify(api, flow["id"], method, rc.last_code(outbox, "sms"))
    assert response.status_code == 200, h.describe_response(response)


def test_usage_report_counts_resets_methods_failures_and_admins(backend, tmp_path, monkeypatch):
    def add_bob(b):
        b.cli_ok("user", "create", "--upn", "bob@" + rc.DOMAIN, "--display-name", "Bob")

    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=2,
                                         before_start=add_bob)
    admin = h.Api(server.base_url, token)
    user = h.Api(server.base_url)
    # One reset through email and mobile phone, after one wrong code.
    flow = rc.started(user)
    email = rc.method_of(flow, "email")
    assert rc.challenge(user, flow["id"], email).status_code == 200
    wrong = rc.verify(user, flow["id"], email, "00000000")
    assert wrong.status_code >= 400
    rc.pass_email(user, flow, outbox)
    pass_mobile(user, flow, outbox)
    response = rc.set_password(user, flow["id"])
    assert response.status_code == 200, h.describe_response(response)
    # Bob holds no licence: blocked at the start.
    assert rc.start(user, "bob@" + rc.DOMAIN).status_code >= 400
    # An administrator sets a password.
    admin.ok("POST", f"/api/v1/users/bob@{rc.DOMAIN}/password", expected=(204,),
             json={"password": "Harbour-Lantern-42-Kelp"})

    report = admin.ok("GET", "/api/v1/reports/usage")
    [day] = report["per_day"]
    assert day["resets"] == 1 and day["unlocks"] == 0
    assert report["by_methods"] == [{"methods": "email+mobile_phone", "resets": 1}]
    reasons = {r["reason"]: r["count"] for r in report["failures_by_reason"]}
    assert reasons.get("UserNotLicensed", 0) >= 1
    assert sum(reasons.values()) == day["failures"] >= 2
    assert report["admins_resetting"] == [{"actor": "token:itest-global", "resets": 1}]

    # The range bounds it: nothing before today, the same for today.
    today = day["date"]
    assert admin.ok("GET", "/api/v1/reports/usage",
                    params={"until": today})["per_day"] == []
    assert admin.ok("GET", "/api/v1/reports/usage", params={"since": today}) == report
    h.assert_api_error(admin.get("/api/v1/reports/usage", params={"since": "today"}), 400,
                       "InvalidInput")

    as_csv = admin.get("/api/v1/reports/usage", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(as_csv.text, newline="")))
    assert {"section": "per_day", "key": today, "resets": "1", "unlocks": "0",
            "failures": str(day["failures"]), "count": ""} in rows
    assert {"section": "by_methods", "key": "email+mobile_phone", "resets": "1", "unlocks": "",
            "failures": "", "count": ""} in rows

    server.stop_gracefully()
    import json
    from_cli = backend.cli("report", "usage", "--tenant", rc.DOMAIN, "--since", today,
                           json_output=False)
    assert from_cli.code == 0, from_cli.describe()
    assert json.loads(from_cli.stdout) == report
