"""The self-service password reset flow's API (issue 5, CONTRACT.md "Reset flow") against the
real binary on both backends: a licensed cloud user with an alternate email resets through a
solved CAPTCHA, the emailed code (to a real SMTP sink) and a new password, then signs in with
it; an unlicensed user gets SSPR_0012; an unknown user the neutral AccountUnavailable.

Then (SPEC §5.6, §6, §10): a code that cannot be sent (the SMS provider refuses it) offers "try
again" and "contact your administrator", which emails the tenant's administrators; a reset
emails its notice to the user's primary and alternate mailboxes; an administrator's reset
notifies the other administrators; the live password evaluation of a verified flow."""

import re

import pytest

import sspr_harness as h
from reset_client import solved_captcha
from conftest import create_tenant_with_token
from message_sinks import HttpSink, SmtpSink

DOMAIN = "wingtip.test"
ALICE = "alice@" + DOMAIN
BOB = "bob@" + DOMAIN
OLD_PASSWORD = "Kx7!morning-Tide"
NEW_PASSWORD = "Quartz-Violin-8-Tundra"
DIFFICULTY = 500


def toml_string(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    """Tenant Wingtip: Alice (licensed, alternate email on file) and Bob (no licence), a
    policy for everyone offering email, and a server whose email goes to an SMTP sink."""
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    _, token = create_tenant_with_token(backend, "Wingtip", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(OLD_PASSWORD + "\n")
    for upn in (ALICE, BOB):
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", upn.split("@")[0],
                       "--password-file", str(password_file))
        backend.cli_ok("methods", "set", "--user", upn, "--email",
                       upn.split("@")[0] + ".private@example.org")
    backend.cli_ok("license", "assign", "--user", ALICE, "--sku", "SPE")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods", "email")
    with SmtpSink() as smtp:
        config = tmp_path / "sspr.toml"
        config.write_text("[notify]\n"
                          'email = "smtp"\n'
                          f"smtp_url = {toml_string(smtp.url)}\n"
                          'smtp_from = "Wingtip <noreply@wingtip.test>"\n'
                          "smtp_starttls = false\n")
        server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                          backend.work_dir / "logs", name="reset-flow")
        backend.servers.append(server)
        server.start()
        yield server, token, smtp
        if server.running():
            server.stop_gracefully()


def start(api, upn):
    return api.post("/api/v1/reset/flows", json={"user_id": upn, "captcha": solved_captcha(api)})


def last_email_code(smtp):
    body = smtp.messages[-1].get_content()
    codes = re.findall(r"(?<!\d)\d{8}(?!\d)", body)
    assert len(codes) == 1, body
    return codes[0]


def sign_in(server, password):
    return h.Api(server.base_url).post("/api/v1/session",
                                       json={"user_id": ALICE, "password": password},
                                       headers={"Origin": server.base_url})


def test_cloud_user_resets_by_email_and_signs_in_with_the_new_password(site):
    server, token, smtp = site
    api = h.Api(server.base_url)
    response = start(api, ALICE)
    assert response.status_code == 201, h.describe_response(response)
    flow = response.json()
    assert flow["state"] == "verifying"
    assert flow["gates_required"] == 1 and flow["gates_passed"] == []
    assert flow["can_unlock"] is False
    [method] = flow["methods"]
    assert method["type"] == "email" and method["channels"] == ["email"]
    assert "alice.private" not in method["masked"] and method["masked"].endswith("@example.org")
    base = f"/api/v1/reset/flows/{flow['id']}"

    # No skipping the gate.
    h.assert_api_error(api.post(base + "/password", json={"password": NEW_PASSWORD}), 409,
                       "GatesNotPassed")

    response = api.post(base + "/challenge", json={"method_id": method["id"]})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["sent_to"] == method["masked"]
    assert smtp.messages[-1]["To"].endswith("alice.private@example.org")
    response = api.post(base + "/verify", json={"method_id": method["id"],
                                                "code": last_email_code(smtp)})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "verified"
    assert response.json()["gates_passed"] == ["email"]
    assert api.get(base).json()["state"] == "verified"

    rejected = api.post(base + "/password", json={"password": "Wingtip!1"})
    error = h.assert_api_error(rejected, 422, "FuzzyPolicyViolationInvalidPassword")
    assert rejected.json()["error"]["reasons"], h.describe_response(rejected)

    response = api.post(base + "/password", json={"password": NEW_PASSWORD})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert error["support_code"]

    assert sign_in(server, NEW_PASSWORD).status_code == 201
    h.assert_api_error(sign_in(server, OLD_PASSWORD), 401, "InvalidCredentials")
    # A finished flow accepts nothing.
    h.assert_api_error(api.post(base + "/password", json={"password": NEW_PASSWORD + "x"}),
                       422, "ResetFlowFinished")

    events = h.items_of(h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000"),
                        "events")
    resets = [e for e in events if e["activity"] == "Reset password (self-service)"]
    assert len(resets) == 1 and resets[0]["result"] == "success"
    for event in events:
        assert NEW_PASSWORD not in str(event)


def test_unlicensed_user_gets_sspr_0012(site):
    server, _, _ = site
    error = h.assert_api_error(start(h.Api(server.base_url), BOB), 403, "UserNotLicensed")
    assert error["code"] == "SSPR_0012"


def test_unknown_user_gets_the_neutral_answer(site):
    server, _, _ = site
    error = h.assert_api_error(start(h.Api(server.base_url), "nobody@" + DOMAIN), 403,
                               "AccountUnavailable")
    assert "nobody" not in error["technical"]
    # The CAPTCHA comes first: without one nothing is looked up.
    h.assert_api_error(h.Api(server.base_url).post("/api/v1/reset/flows",
                                                   json={"user_id": ALICE}), 400,
                       "CaptchaInvalid")


# --- Try again / contact your administrator, notices, live evaluation --------------------------

HELP_DOMAIN = "fabrikam.test"
CAROL = "carol@" + HELP_DOMAIN
ADA = "ada@" + HELP_DOMAIN
BEN = "ben@" + HELP_DOMAIN
MOBILE = "+45 20 12 34 56"


@pytest.fixture
def helpdesk(backend, tmp_path, monkeypatch):
    """Tenant Fabrikam: Carol (licensed user), Ada (global administrator) and Ben (user
    administrator), each with a primary email, an alternate email and a mobile phone; a policy
    offering email and mobile phone that notifies users and administrators; email to an SMTP
    sink, SMS to a webhook sink."""
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(DIFFICULTY))
    _, token = create_tenant_with_token(backend, "Fabrikam", HELP_DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(OLD_PASSWORD + "\n")
    for upn in (CAROL, ADA, BEN):
        name = upn.split("@")[0]
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", name.title(),
                       "--email", upn, "--password-file", str(password_file))
        backend.cli_ok("methods", "set", "--user", upn, "--email",
                       name + ".private@example.org", "--mobile-phone", MOBILE)
    backend.cli_ok("license", "assign", "--user", CAROL, "--sku", "SPE")
    backend.cli_ok("role", "assign", "--user", ADA, "--role", "global-administrator")
    backend.cli_ok("role", "assign", "--user", BEN, "--role", "user-administrator")
    backend.cli_ok("policy", "set", "--tenant", HELP_DOMAIN, "--enabled", "all", "--methods",
                   "email,mobile_phone", "--notify-users", "on", "--notify-admins", "on")
    with SmtpSink() as smtp, HttpSink() as sms:
        config = tmp_path / "sspr.toml"
        config.write_text("[notify]\n"
                          'email = "smtp"\n'
                          f"smtp_url = {toml_string(smtp.url)}\n"
                          'smtp_from = "Fabrikam <noreply@fabrikam.test>"\n'
                          "smtp_starttls = false\n"
                          'sms = "webhook"\n'
                          f"sms_url = {toml_string(sms.url + '/send')}\n")
        server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                          backend.work_dir / "logs", name="reset-helpdesk")
        backend.servers.append(server)
        server.start()
        yield server, token, smtp, sms
        if server.running():
            server.stop_gracefully()


def messages_to(smtp, address):
    return [m for m in smtp.messages if address in str(m["To"])]


def last_sms_code(sms):
    text = sms.delivered()[-1]["json"]["body"]
    codes = re.findall(r"(?<!\d)\d{6}(?!\d)", text)
    assert len(codes) >= 1, text
    return codes[0]


def pass_every_gate(api, smtp, sms, upn):
    """Starts a flow for `upn` and passes the gates it asks for: email, then the mobile phone."""
    response = start(api, upn)
    assert response.status_code == 201, h.describe_response(response)
    flow = response.json()
    base = f"/api/v1/reset/flows/{flow['id']}"
    while flow["state"] == "verifying":
        method = next(m for m in flow["methods"] if m["type"] in ("email", "mobile_phone"))
        if method["type"] == "email":
            api.ok("POST", base + "/challenge", json={"method_id": method["id"]})
            code = last_email_code(smtp)
        else:
            api.ok("POST", base + "/challenge",
                   json={"method_id": method["id"], "channel": "sms", "phone": MOBILE})
            code = last_sms_code(sms)
        flow = api.ok("POST", base + "/verify", json={"method_id": method["id"], "code": code})
    assert flow["state"] == "verified", flow
    return base


def flow_steps(token_api, step):
    events = h.items_of(token_api.ok("GET", "/api/v1/audit?limit=1000"), "events")
    return [e for e in events
            if e["activity"] == "Self-service password reset flow activity progress"
            and (e.get("details") or {}).get("step") == step]


def test_contact_admin_after_a_failed_sms_emails_the_administrators(helpdesk):
    server, token, smtp, sms = helpdesk
    api = h.Api(server.base_url)
    flow = start(api, CAROL).json()
    base = f"/api/v1/reset/flows/{flow['id']}"
    assert flow["can_contact_admin"] is False
    # Nothing failed yet: the administrators are not bothered.
    h.assert_api_error(api.post(base + "/contact-admin"), 409, "ContactAdminNotAvailable")
    assert smtp.messages == []

    mobile = next(m for m in flow["methods"] if m["type"] == "mobile_phone")
    sms.fail_next(1, status=400)  # the provider refuses the message for good
    failed = api.post(base + "/challenge",
                      json={"method_id": mobile["id"], "channel": "sms", "phone": MOBILE})
    error = h.assert_api_error(failed, 422, "NotificationFailed")
    assert error["retry_after_seconds"] == 10 and error["can_contact_admin"] is True, error
    assert api.get(base).json()["can_contact_admin"] is True

    response = api.post(base + "/contact-admin", headers={"Accept-Language": "de"})
    assert response.status_code == 202, h.describe_response(response)
    assert response.json() == {"requested": True}
    for admin in (ADA, BEN):
        [request] = messages_to(smtp, admin)
        body = request.get_content()
        assert CAROL in body and "Carol" in body, body
        assert request["Subject"] and "Kennwort" in body, body  # in the requester's language
    assert messages_to(smtp, CAROL) == [] and messages_to(smtp, "carol.private") == []

    # Audited: the failed send and the request, with the flow's correlation id.
    admin_api = h.Api(server.base_url, token)
    [send_failed] = flow_steps(admin_api, "send_failed")
    assert send_failed["result"] == "failure"
    assert send_failed["result_reason"] == "NotificationFailed"
    refused, requested = sorted(flow_steps(admin_api, "contact_admin"),
                                key=lambda e: e["result"])
    assert refused["result_reason"] == "ContactAdminNotAvailable"
    assert requested["result"] == "success" and requested["details"]["delivered"] == 2
    assert requested["correlation_id"] == send_failed["correlation_id"]
    assert refused["correlation_id"] == send_failed["correlation_id"]

    # Rate-limited per account: 3 an hour.
    for _ in range(2):
        assert api.post(base + "/contact-admin").status_code == 202
    h.assert_api_error(api.post(base + "/contact-admin"), 429, "ContactAdminLimitReached")
    assert len(messages_to(smtp, ADA)) == 3

    # "Try again": the provider works again and the gate can still be passed.
    response = api.post(base + "/challenge",
                        json={"method_id": mobile["id"], "channel": "sms", "phone": MOBILE})
    assert response.status_code == 200, h.describe_response(response)
    verified = api.ok("POST", base + "/verify",
                      json={"method_id": mobile["id"], "code": last_sms_code(sms)})
    assert verified["state"] == "verified"


def test_reset_notice_arrives_in_the_users_mailboxes(helpdesk):
    server, token, smtp, sms = helpdesk
    api = h.Api(server.base_url)
    base = pass_every_gate(api, smtp, sms, CAROL)

    # Live evaluation inside the flow: the same answer as the admin API's for Carol.
    evaluated = api.ok("POST", base + "/password/evaluate", json={"password": "Fabrikam!1"})
    admin_view = h.Api(server.base_url, token).ok(
        "POST", "/api/v1/password/evaluate", json={"password": "Fabrikam!1", "user": CAROL})
    assert evaluated == admin_view
    assert evaluated["accepted"] is False

    before = len(smtp.messages)
    response = api.post(base + "/password", json={"password": NEW_PASSWORD})
    assert response.status_code == 200, h.describe_response(response)
    notices = smtp.messages[before:]
    recipients = sorted(str(m["To"]) for m in notices)
    assert any(CAROL in r for r in recipients) and any("carol.private@example.org" in r
                                                       for r in recipients), recipients
    assert len(notices) == 2, recipients  # Carol is no administrator: nobody else is told
    for notice in notices:
        body = notice.get_content()
        assert CAROL in body and "127.0.0.1" in body, body
        assert NEW_PASSWORD not in body
    [notified] = flow_steps(h.Api(server.base_url, token), "notify_user")
    assert notified["result"] == "success" and notified["details"]["delivered"] == 2
    # The finished flow no longer evaluates anything.
    h.assert_api_error(api.post(base + "/password/evaluate", json={"password": "x"}), 422,
                       "ResetFlowFinished")


def test_an_administrators_reset_notifies_the_other_administrators(helpdesk):
    server, token, smtp, sms = helpdesk
    api = h.Api(server.base_url)
    base = pass_every_gate(api, smtp, sms, ADA)
    before = len(smtp.messages)
    response = api.post(base + "/password", json={"password": NEW_PASSWORD})
    assert response.status_code == 200, h.describe_response(response)
    sent = smtp.messages[before:]
    to_ben = [m for m in sent if BEN in str(m["To"])]
    to_ada = [m for m in sent if ADA in str(m["To"])]
    assert len(to_ben) == 1 and len(to_ada) == 1, [str(m["To"]) for m in sent]
    assert not [m for m in sent if CAROL in str(m["To"])]  # no administrator
    assert to_ben[0]["Subject"] != to_ada[0]["Subject"]
    assert ADA in to_ben[0].get_content()
    [notified] = flow_steps(h.Api(server.base_url, token), "notify_admins")
    assert notified["result"] == "success" and notified["details"]["recipients"] == 1


def test_evaluation_and_unlock_of_a_flow_that_is_not_verified(helpdesk):
    server, _, _, _ = helpdesk
    api = h.Api(server.base_url)
    flow = start(api, CAROL).json()
    base = f"/api/v1/reset/flows/{flow['id']}"
    # Nothing about the candidate before the gates are passed.
    error = h.assert_api_error(api.post(base + "/password/evaluate",
                                        json={"password": "Fabrikam!1"}), 409, "GatesNotPassed")
    assert "score" not in error
    h.assert_api_error(api.post("/api/v1/reset/flows/no-such-flow/password/evaluate",
                                json={"password": "x"}), 404, "NotFound")
    h.assert_api_error(api.post(base + "/unlock"), 409, "GatesNotPassed")
    # A cloud user cannot choose "locked out": there is nothing on premises to unlock.
    h.assert_api_error(api.post("/api/v1/reset/flows",
                                json={"user_id": CAROL, "captcha": solved_captcha(api),
                                      "reason": "locked_out"}), 403, "UnlockNotAllowed")
    h.assert_api_error(api.post("/api/v1/reset/flows",
                                json={"user_id": CAROL, "captcha": solved_captcha(api),
                                      "reason": "bored"}), 400, "InvalidInput")
