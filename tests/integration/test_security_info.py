"""The security-info page's API (issue 4) against the real binary on both backends, with
codes delivered to a real SMTP sink (email) and an HTTP sink standing in for the SMS/voice
provider: add methods only after their code (8 digits by email, 6 by SMS), single use,
expiry, lockout after 3 wrong codes, the authenticator app with pyotp, security questions,
localised refusals that change nothing, the "register when signing in" flag, and that no
answer, code or TOTP secret is stored in clear."""

import base64
import re
import sqlite3
import urllib.parse

import pyotp
import pytest

import sspr_harness as h
from conftest import create_tenant_with_token
from message_sinks import HttpSink, SmtpSink

DOMAIN = "tailspin.test"
ALICE = "alice@" + DOMAIN
PASSWORD = "Kx7!morning-Tide"
ANSWERS = [("birth_city", "Gothenburg harbour"), ("first_pet", "Fluffy the Third"),
           ("childhood_best_friend", "Ingrid Svensson")]


def toml_string(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def site(backend, tmp_path):
    """Tenant Tailspin with Alice, a policy offering every registrable method, and a server
    whose email goes to an SMTP sink and whose SMS/voice go to an HTTP sink."""
    _, token = create_tenant_with_token(backend, "Tailspin", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    backend.cli_ok("user", "create", "--upn", ALICE, "--display-name", "Alice Berg",
                   "--password-file", str(password_file))
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods",
                   "email,mobile_phone,office_phone,security_questions,app_code")
    with SmtpSink() as smtp, HttpSink() as sms:
        config = tmp_path / "sspr.toml"
        config.write_text("[notify]\n"
                          'email = "smtp"\n'
                          f"smtp_url = {toml_string(smtp.url)}\n"
                          'smtp_from = "Tailspin <noreply@tailspin.test>"\n'
                          "smtp_starttls = false\n"
                          'sms = "webhook"\n'
                          f"sms_url = {toml_string(sms.url + '/send')}\n")
        server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                          backend.work_dir / "logs", name="security-info")
        backend.servers.append(server)
        server.start()
        yield server, token, smtp, sms, backend
        if server.running():
            server.stop_gracefully()


def signed_in(server, lang=None):
    client = h.Api(server.base_url)
    response = client.post("/api/v1/session", json={"user_id": ALICE, "password": PASSWORD},
                           headers={"Origin": server.base_url})
    assert response.status_code == 201, h.describe_response(response)
    client.session.headers["X-CSRF-Token"] = response.json()["csrf_token"]
    client.session.headers["Origin"] = server.base_url
    if lang:
        client.session.headers["Accept-Language"] = lang
    return client, response.json()


def last_email_code(smtp):
    body = smtp.messages[-1].get_content()
    codes = re.findall(r"(?<!\d)\d{8}(?!\d)", body)
    assert len(codes) == 1, body
    return codes[0]


def last_sms_code(sms):
    text = sms.delivered()[-1]["json"]["body"]
    codes = re.findall(r"(?<!\d)\d{6}(?!\d)", text)
    assert codes, text
    return codes[0]


def info(client):
    return client.get("/api/v1/me/security-info").json()


def start(client, **body):
    return client.post("/api/v1/me/methods", json=body)


def verify(client, pending, code):
    return client.post(f"/api/v1/me/methods/pending/{pending}/verify", json={"code": code})


def audit(server, token, activity):
    events = h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000")
    return [e for e in h.items_of(events, "events") if e["activity"] == activity]


def age_codes(backend, minutes=11):
    """Makes every issued code and pending registration `minutes` old. Updating the database
    directly is the only way to test the 10-minute expiry without waiting 10 minutes."""
    statements = [
        "UPDATE one_time_codes SET issued_at = '2000-01-01T00:00:00.000Z'",
        "UPDATE pending_registrations SET expires_at = '2000-01-01T00:10:00.000Z'",
    ]
    if backend.name == "sqlite":
        connection = sqlite3.connect(str(backend.work_dir / "data" / "sspr.db"), timeout=10)
        with connection:
            for statement in statements:
                connection.execute(statement)
        connection.close()
    else:
        import psycopg2

        connection = psycopg2.connect(backend.store_args[1])
        with connection, connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        connection.close()


def test_email_code_of_eight_digits_saves_once(site):
    server, token, smtp, _, _ = site
    client, session = signed_in(server)
    assert session["registration_required"] is True
    started = start(client, type="email", email="alice.berg@example.org")
    assert started.status_code == 202, h.describe_response(started)
    body = started.json()
    assert body["sent_to"] == "a•••@example.org" and "warning" not in body
    assert smtp.envelopes[-1]["rcpt_tos"] == ["alice.berg@example.org"]
    code = last_email_code(smtp)
    assert info(client)["methods"] == []
    saved = verify(client, body["pending_id"], code)
    assert saved.status_code == 201, h.describe_response(saved)
    method = saved.json()["method"]
    assert method["type"] == "email" and method["display"] == "alice.berg@example.org"
    assert method["source"] == "user"
    again = verify(client, body["pending_id"], code)
    assert again.status_code in (400, 404), h.describe_response(again)
    view = info(client)
    assert [m["id"] for m in view["methods"]] == [method["id"]]
    assert view["registration"]["registered"] is True
    assert client.get("/api/v1/session").json()["registration_required"] is False
    assert len(audit(server, token, "User registered security info")) == 1
    assert len(audit(server, token,
                     "User registered for self-service password reset")) == 1
    removed = client.delete(f"/api/v1/me/methods/{method['id']}")
    assert removed.status_code == 204, h.describe_response(removed)
    assert info(client)["methods"] == []
    assert len(audit(server, token, "User deleted security info")) == 1


def test_own_mailbox_gets_a_localised_warning(site):
    server, _, smtp, _, _ = site
    client, _ = signed_in(server, lang="de")
    started = start(client, type="email", email=ALICE.upper())
    assert started.status_code == 202
    assert "Arbeitspostfach" in started.json()["warning"]


def test_sms_code_of_six_digits_expires_and_locks(site):
    server, _, _, sms, backend = site
    client, _ = signed_in(server)
    started = start(client, type="mobile_phone", phone="+45 20 12 34 56", channel="sms")
    assert started.status_code == 202, h.describe_response(started)
    assert started.json()["sent_to"].endswith("56")
    delivered = sms.delivered()[-1]["json"]
    assert delivered["to"] == "+4520123456" and delivered["channel"] == "sms"
    code = last_sms_code(sms)
    pending = started.json()["pending_id"]
    # Three wrong entries lock the code; the right one then no longer works.
    wrong = "000000" if code != "000000" else "111111"
    first = h.assert_api_error(verify(client, pending, wrong), 400, "InvalidVerificationCode")
    assert verify(client, pending, wrong).status_code == 400
    h.assert_api_error(verify(client, pending, wrong), 400, "VerificationCodeLocked")
    assert verify(client, pending, code).status_code in (400, 404)
    assert first["message"] and code not in first["technical"]
    # Expiry after 10 minutes.
    started = start(client, type="mobile_phone", phone="+45 20 12 34 56")
    code = last_sms_code(sms)
    age_codes(backend)
    h.assert_api_error(verify(client, started.json()["pending_id"], code), 400,
                       "VerificationCodeExpired")
    assert info(client)["methods"] == []


def test_office_phone_takes_voice_calls_only(site):
    server, _, _, sms, _ = site
    client, _ = signed_in(server)
    refused = start(client, type="office_phone", phone="+1 425 123 4567 x12", channel="sms")
    error = h.assert_api_error(refused, 400)
    assert refused.json()["error"]["field"] == "channel"
    started = start(client, type="office_phone", phone="+1 425 123 4567 x12")
    assert started.status_code == 202, h.describe_response(started)
    assert sms.delivered()[-1]["json"]["channel"] == "voice"
    saved = verify(client, started.json()["pending_id"], last_sms_code(sms))
    assert saved.status_code == 201, h.describe_response(saved)
    assert saved.json()["method"]["display"] == "+1 4251234567 x12"
    assert error["message"]


def test_bad_input_is_refused_clearly_and_changes_nothing(site):
    server, _, smtp, sms, _ = site
    client, _ = signed_in(server, lang="da")
    for phone in ("20 12 34 56", "+45 CALL ME", "+999 12345", ""):
        response = start(client, type="mobile_phone", phone=phone)
        error = h.assert_api_error(response, 400)
        assert response.json()["error"]["field"] == "phone", phone
        assert "telefonnummer" in error["message"].lower(), error
    h.assert_api_error(start(client, type="email", email="not-an-address"), 400)
    h.assert_api_error(start(client, type="carrier_pigeon"), 400)
    questions = [{"question_id": q, "answer": a} for q, a in ANSWERS]
    duplicate = [dict(q) for q in questions]
    duplicate[2]["answer"] = duplicate[1]["answer"].upper()
    too_short = [dict(q) for q in questions]
    too_short[0]["answer"] = "ab"
    too_long = [dict(q) for q in questions]
    too_long[0]["answer"] = "x" * 41
    for answers, field in ((duplicate, "answers[2]"), (too_short, "answers[0]"),
                           (too_long, "answers[0]"), (questions[:2], "answers")):
        response = client.request("PUT", "/api/v1/me/security-questions",
                                  json={"answers": answers})
        error = h.assert_api_error(response, 400)
        assert response.json()["error"]["field"] == field, h.describe_response(response)
        for _, answer in ANSWERS:
            assert answer not in response.text
    # A state change without the CSRF token is refused.
    csrf = client.session.headers.pop("X-CSRF-Token")
    response = client.request("PUT", "/api/v1/me/security-questions", json={"answers": questions})
    assert response.status_code == 403, h.describe_response(response)
    client.session.headers["X-CSRF-Token"] = csrf
    view = info(client)
    assert view["methods"] == [] and view["security_questions"]["registered"] == 0
    assert smtp.messages == [] and sms.delivered() == []


def test_authenticator_app_first_code_must_verify_once(site):
    server, _, smtp, sms, _ = site
    client, _ = signed_in(server)
    started = start(client, type="app_code")
    assert started.status_code == 202, h.describe_response(started)
    body = started.json()
    assert body["qr_svg"].lstrip().startswith("<svg") or "<svg" in body["qr_svg"]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(body["otpauth_uri"]).query)
    secret = query["secret"][0]
    assert secret == body["secret"]
    totp = pyotp.TOTP(secret)
    right = totp.now()
    wrong = f"{(int(right) + 1) % 1000000:06d}"
    h.assert_api_error(verify(client, body["pending_id"], wrong), 400, "InvalidVerificationCode")
    saved = verify(client, body["pending_id"], right)
    assert saved.status_code == 201, h.describe_response(saved)
    assert saved.json()["method"]["type"] == "app_code"
    # A second registration: the code just used is refused (another secret, and used already).
    second = start(client, type="app_code").json()
    h.assert_api_error(verify(client, second["pending_id"], right), 400)
    assert smtp.messages == [] and sms.delivered() == []
    assert [m["type"] for m in info(client)["methods"]] == ["app_code"]


def test_security_questions_set_replace_remove(site):
    server, token, _, _, _ = site
    client, _ = signed_in(server, lang="sv")
    available = client.get("/api/v1/me/security-questions/available").json()["questions"]
    assert len(available) >= 30 and all(q["text"] for q in available)
    answers = [{"question_id": q, "answer": a} for q, a in ANSWERS]
    saved = client.request("PUT", "/api/v1/me/security-questions", json={"answers": answers})
    assert saved.status_code == 200, h.describe_response(saved)
    assert saved.json() == {"registered": 3}
    replaced = answers[:2] + [{"question_id": available[5]["id"], "answer": "Blue whale"}]
    assert client.request("PUT", "/api/v1/me/security-questions",
                          json={"answers": replaced}).status_code == 200
    view = info(client)
    assert view["security_questions"]["registered"] == 3
    ids = [q["id"] for q in view["security_questions"]["questions"]]
    assert available[5]["id"] in ids and "childhood_best_friend" not in ids
    assert "answer" not in str(view["security_questions"])
    removed = client.delete("/api/v1/me/security-questions")
    assert removed.status_code == 204
    assert info(client)["security_questions"]["registered"] == 0
    assert len(audit(server, token, "User registered security info")) == 2
    assert len(audit(server, token, "User deleted security info")) == 1


def test_confirm_and_the_registration_flag(site):
    server, _, smtp, _, _ = site
    client, session = signed_in(server)
    assert session["registration_required"] is True
    started = start(client, type="email", email="alice.berg@example.org").json()
    assert verify(client, started["pending_id"], last_email_code(smtp)).status_code == 201
    assert client.post("/api/v1/me/security-info/confirm").status_code == 200
    _, again = signed_in(server)
    assert again["registration_required"] is False


def test_demo_outbox_is_not_served_outside_the_demo(site):
    server, _, _, _, _ = site
    h.assert_api_error(h.Api(server.base_url).get("/api/v1/demo/outbox"), 404)


def stored_bytes(backend):
    """Everything the database holds, as bytes: the SQLite files, or a dump of every table
    of the PostgreSQL database."""
    if backend.name == "sqlite":
        data = backend.work_dir / "data"
        return b"".join(p.read_bytes() for p in sorted(data.glob("sspr.db*")))
    import psycopg2

    connection = psycopg2.connect(backend.store_args[1])
    out = []
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        for (table,) in cursor.fetchall():
            cursor.execute(f'SELECT * FROM "{table}"')
            out.extend(repr(row) for row in cursor.fetchall())
    connection.close()
    return "\n".join(out).encode()


def test_secrets_at_rest(site):
    server, _, smtp, sms, backend = site
    client, _ = signed_in(server)
    answers = [{"question_id": q, "answer": a} for q, a in ANSWERS]
    assert client.request("PUT", "/api/v1/me/security-questions",
                          json={"answers": answers}).status_code == 200
    started = start(client, type="email", email="alice.berg@example.org").json()
    email_code = last_email_code(smtp)
    assert verify(client, started["pending_id"], email_code).status_code == 201
    started = start(client, type="mobile_phone", phone="+45 20 12 34 56").json()
    sms_code = last_sms_code(sms)  # left pending on purpose: stored, not yet used
    app = start(client, type="app_code").json()
    assert verify(client, app["pending_id"], pyotp.TOTP(app["secret"]).now()).status_code == 201
    raw_secret = base64.b32decode(app["secret"] + "=" * (-len(app["secret"]) % 8))
    stored = stored_bytes(backend)
    for _, answer in ANSWERS:
        for form in (answer, answer.lower()):
            assert form.encode() not in stored, form
    assert email_code.encode() not in stored
    assert sms_code.encode() not in stored
    assert app["secret"].encode() not in stored
    assert raw_secret not in stored
    assert raw_secret.hex().encode() not in stored
