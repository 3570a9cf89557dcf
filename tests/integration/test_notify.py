"""`sspr notify test` against real transports on loopback: an SMTP server (plain, AUTH,
STARTTLS, implicit TLS), an HTTP sink standing in for SMS/voice providers (generic JSON and
Twilio-style forms), and the file outbox of CONTRACT.md. Also: retries, permanent failures,
unreachable servers, and that no message text ever reaches stderr."""

import base64
import email.utils
import json
import os
import pathlib
import subprocess
import time

import pytest

from message_sinks import HttpSink, SmtpSink, free_port

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
PHONE = "+4512345678"

# The test message in each language (locales/*.json, notify.test.body), first words.
TEST_BODY_START = {
    "en": "This is a test message from OpenSSPR",
    "da": "Dette er en testmeddelelse fra OpenSSPR",
    "de": "Dies ist eine Testnachricht von OpenSSPR",
    "sv": "Det här är ett testmeddelande från OpenSSPR",
}


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value))  # a TOML basic string is JSON-compatible for these values


class Notify:
    """Runs `sspr notify test` with a [notify] configuration in a temporary directory."""

    def __init__(self, binary, folder):
        self.binary = binary
        self.folder = pathlib.Path(folder)

    def secret(self, name, content):
        path = self.folder / name
        path.write_text(content + "\n")
        path.chmod(0o600)
        return str(path)

    def run(self, settings, channel, to, language=None, env=None, timeout=60):
        config = self.folder / "sspr.toml"
        notify = {"connect_timeout_seconds": 3, "timeout_seconds": 10, "retry_backoff_ms": 100}
        notify.update(settings)
        config.write_text("[notify]\n" + "".join(
            f"{key} = {toml_value(value)}\n" for key, value in notify.items()))
        args = [str(self.binary), "--data", str(self.folder / "data"), "--config", str(config),
                "notify", "test", "--channel", channel, "--to", to]
        if language:
            args += ["--language", language]
        environment = {k: v for k, v in os.environ.items() if not k.startswith("SSPR_")}
        environment.update(env or {})
        started = time.monotonic()
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                              env=environment)
        done.elapsed = time.monotonic() - started
        done.describe = (f"exit {done.returncode}\n--- stdout ---\n{done.stdout}\n"
                         f"--- stderr ---\n{done.stderr}")
        return done


@pytest.fixture
def notify(binary, tmp_path):
    return Notify(binary, tmp_path)


def smtp_settings(smtp, **extra):
    settings = {"email": "smtp", "smtp_url": smtp.url,
                "smtp_from": "OpenSSPR Contoso <noreply@contoso.example>",
                "smtp_starttls": False}
    settings.update(extra)
    return settings


def assert_no_message_text(result):
    for text in TEST_BODY_START.values():
        assert text not in result.stderr, result.describe
        assert text not in result.stdout, result.describe


# --- email ---------------------------------------------------------------------------------

def test_email_through_smtp_with_auth_is_a_proper_utf8_message(notify):
    with SmtpSink(username="sspr", password="pa55 word") as smtp:
        password_file = notify.secret("smtp-password", "pa55 word")
        result = notify.run(smtp_settings(smtp, smtp_username="sspr",
                                          smtp_password_file=password_file),
                            "email", "alice@contoso.example", language="sv")
        assert result.returncode == EXIT_OK, result.describe
        assert "pa55 word" not in result.stdout + result.stderr
        assert len(smtp.messages) == 1
        message, envelope = smtp.messages[0], smtp.envelopes[0]
    assert envelope["authenticated_as"] == "sspr"
    assert envelope["mail_from"] == "noreply@contoso.example"
    assert envelope["rcpt_tos"] == ["alice@contoso.example"]
    assert message["To"] == "alice@contoso.example"
    assert message["From"].addresses[0].addr_spec == "noreply@contoso.example"
    assert message["From"].addresses[0].display_name == "OpenSSPR Contoso"
    assert message["Subject"] == "Testmeddelande från OpenSSPR"  # encoded word, decoded
    assert b"=?UTF-8?B?" in envelope["raw"]
    assert message["Message-ID"].endswith("@contoso.example>")
    sent = email.utils.parsedate_to_datetime(message["Date"])
    assert abs(time.time() - sent.timestamp()) < 120
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message["Content-Transfer-Encoding"] == "quoted-printable"
    assert message.get_content().startswith(TEST_BODY_START["sv"])
    assert "a***@contoso.example" in result.stdout


def test_email_over_starttls_with_auth(notify):
    with SmtpSink(username="sspr", password="secret", starttls=True) as smtp:
        result = notify.run(smtp_settings(smtp, smtp_starttls=True, smtp_ca_file=smtp.cert_file,
                                          smtp_username="sspr",
                                          smtp_password_file=notify.secret("pw", "secret")),
                            "email", "bob@contoso.example", language="de")
        assert result.returncode == EXIT_OK, result.describe
        assert len(smtp.messages) == 1
        assert smtp.envelopes[0]["tls"] is True
        assert smtp.envelopes[0]["authenticated_as"] == "sspr"
        assert smtp.messages[0].get_content().startswith(TEST_BODY_START["de"])


def test_email_over_implicit_tls(notify):
    with SmtpSink(implicit_tls=True) as smtp:
        assert smtp.url.startswith("smtps://")
        result = notify.run(smtp_settings(smtp, smtp_ca_file=smtp.cert_file), "email",
                            "carol@contoso.example")
        assert result.returncode == EXIT_OK, result.describe
        assert len(smtp.messages) == 1 and smtp.envelopes[0]["tls"] is True


def test_untrusted_certificate_is_refused(notify):
    with SmtpSink(starttls=True) as smtp:
        result = notify.run(smtp_settings(smtp, smtp_starttls=True), "email",
                            "carol@contoso.example")
        assert result.returncode == EXIT_FAILED, result.describe
        assert smtp.messages == []
    assert "NotificationFailed" in result.stderr


def test_starttls_required_but_not_offered_fails_without_sending(notify):
    with SmtpSink() as smtp:
        result = notify.run(smtp_settings(smtp, smtp_starttls=True), "email",
                            "alice@contoso.example")
        assert result.returncode == EXIT_FAILED, result.describe
        assert smtp.messages == []
        assert smtp.rcpt_attempts == 0
    assert "NotificationFailed" in result.stderr


def test_wrong_smtp_password_fails_at_once(notify):
    with SmtpSink(username="sspr", password="right") as smtp:
        result = notify.run(smtp_settings(smtp, smtp_username="sspr", attempts=3,
                                          smtp_password_file=notify.secret("pw", "wrong")),
                            "email", "alice@contoso.example")
        assert result.returncode == EXIT_FAILED, result.describe
        assert smtp.messages == []
        assert smtp.auth_attempts == 1  # refused credentials are not retried
    assert "NotificationFailed" in result.stderr
    assert "wrong" not in result.stderr
    assert_no_message_text(result)


def test_smtp_5xx_is_permanent_and_not_retried(notify):
    with SmtpSink(reject_recipients="550 5.1.1 No such user") as smtp:
        result = notify.run(smtp_settings(smtp, attempts=3), "email", "ghost@contoso.example")
        assert result.returncode == EXIT_FAILED, result.describe
        assert smtp.rcpt_attempts == 1
    assert "550" in result.stderr
    assert "ghost@" not in result.stderr  # masked: g***@
    assert "g***@contoso.example" in result.stderr
    assert_no_message_text(result)


def test_unreachable_smtp_server_fails_within_the_timeout(notify):
    port = free_port()  # nothing listens there
    result = notify.run({"email": "smtp", "smtp_url": f"smtp://127.0.0.1:{port}",
                         "smtp_from": "noreply@contoso.example", "smtp_starttls": False,
                         "attempts": 2}, "email", "alice@contoso.example")
    assert result.returncode == EXIT_FAILED, result.describe
    assert result.elapsed < 15, result.describe
    assert "NotificationFailed" in result.stderr
    assert "notification attempt failed" in result.stderr  # the retry was logged
    assert "a***@contoso.example" in result.stderr
    assert "alice@contoso.example" not in result.stderr
    assert_no_message_text(result)


def test_missing_smtp_settings_are_bad_input_naming_the_key(notify):
    result = notify.run({"email": "smtp", "smtp_from": "noreply@contoso.example"}, "email",
                        "alice@contoso.example")
    assert result.returncode == EXIT_BAD_INPUT, result.describe
    assert "notify.smtp_url" in result.stderr


def test_email_address_with_line_break_is_refused(notify):
    with SmtpSink() as smtp:
        result = notify.run(smtp_settings(smtp), "email", "alice@contoso.example\r\nBcc: x@y.z")
        assert result.returncode == EXIT_BAD_INPUT, result.describe
        assert smtp.rcpt_attempts == 0


# --- SMS and voice -------------------------------------------------------------------------

def test_sms_through_the_json_webhook_with_bearer_token(notify):
    with HttpSink() as sink:
        result = notify.run({"sms": "webhook", "sms_url": sink.url + "/hooks/sms",
                             "sms_token_file": notify.secret("token", "t0ken-123")},
                            "sms", PHONE, language="da")
        assert result.returncode == EXIT_OK, result.describe
        assert len(sink.requests) == 1
        request = sink.requests[0]
    assert request["method"] == "POST"
    assert request["path"] == "/hooks/sms"
    assert request["headers"]["authorization"] == "Bearer t0ken-123"
    assert request["headers"]["content-type"] == "application/json"
    assert request["json"]["channel"] == "sms"
    assert request["json"]["to"] == PHONE
    assert request["json"]["body"].startswith(TEST_BODY_START["da"])
    assert PHONE not in result.stdout + result.stderr  # masked everywhere
    assert "+********78" in result.stdout
    assert "t0ken-123" not in result.stdout + result.stderr


def test_voice_through_the_json_webhook_uses_the_voice_url(notify):
    with HttpSink() as sink:
        result = notify.run({"sms": "webhook", "sms_url": sink.url + "/sms",
                             "voice_url": sink.url + "/voice"}, "voice", PHONE)
        assert result.returncode == EXIT_OK, result.describe
        request = sink.requests[0]
    assert request["path"] == "/voice"
    assert "authorization" not in request["headers"]
    assert request["json"]["channel"] == "voice"


def test_sms_and_voice_in_twilio_format(notify):
    settings = {"sms": "webhook", "sms_format": "twilio", "sms_account_sid": "AC0123",
                "sms_from": "+15005550006",
                "sms_token_file": notify.secret("twilio", "auth-token")}
    with HttpSink(status=201) as sink:
        settings["sms_url"] = sink.url + "/2010-04-01/Accounts/AC0123/Messages.json"
        settings["voice_url"] = sink.url + "/2010-04-01/Accounts/AC0123/Calls.json"
        sms = notify.run(settings, "sms", PHONE, language="de")
        voice = notify.run(settings, "voice", PHONE, language="sv")
        assert sms.returncode == EXIT_OK, sms.describe
        assert voice.returncode == EXIT_OK, voice.describe
        assert len(sink.requests) == 2
        sms_request, voice_request = sink.requests
    basic = "Basic " + base64.b64encode(b"AC0123:auth-token").decode()
    for request in (sms_request, voice_request):
        assert request["headers"]["authorization"] == basic
        assert request["headers"]["content-type"] == "application/x-www-form-urlencoded"
        assert request["form"]["To"] == PHONE
        assert request["form"]["From"] == "+15005550006"
    assert sms_request["path"].endswith("/Messages.json")
    assert sms_request["form"]["Body"].startswith(TEST_BODY_START["de"])
    assert voice_request["path"].endswith("/Calls.json")
    twiml = voice_request["form"]["Twiml"]
    assert twiml.startswith('<Response><Say language="sv-SE">' + TEST_BODY_START["sv"])
    assert twiml.endswith("</Say></Response>")
    assert "Body" not in voice_request["form"]


def test_provider_failures_are_retried_and_delivered_once(notify):
    with HttpSink() as sink:
        sink.fail_next(2, status=503)
        result = notify.run({"sms": "webhook", "sms_url": sink.url + "/sms", "attempts": 3},
                            "sms", PHONE)
        assert result.returncode == EXIT_OK, result.describe
        assert [r["status"] for r in sink.requests] == [503, 503, 200]
        assert len(sink.delivered()) == 1
    assert result.stderr.count("notification attempt failed") == 2


def test_provider_failing_every_attempt_reports_the_last_failure(notify):
    with HttpSink() as sink:
        sink.fail_next(10, status=500)
        result = notify.run({"sms": "webhook", "sms_url": sink.url + "/sms", "attempts": 3},
                            "sms", PHONE)
        assert result.returncode == EXIT_FAILED, result.describe
        assert len(sink.requests) == 3
    assert "HTTP 500" in result.stderr
    assert PHONE not in result.stderr
    assert_no_message_text(result)


def test_provider_4xx_is_permanent_and_not_retried(notify):
    with HttpSink(status=400) as sink:
        result = notify.run({"sms": "webhook", "sms_url": sink.url + "/sms", "attempts": 3},
                            "sms", PHONE)
        assert result.returncode == EXIT_FAILED, result.describe
        assert len(sink.requests) == 1
    assert "HTTP 400" in result.stderr


def test_phone_number_must_be_e164(notify):
    with HttpSink() as sink:
        result = notify.run({"sms": "webhook", "sms_url": sink.url + "/sms"}, "sms", "12345678")
        assert result.returncode == EXIT_BAD_INPUT, result.describe
        assert sink.requests == []


def test_environment_overrides_the_webhook_url(notify):
    with HttpSink() as wrong, HttpSink() as right:
        result = notify.run({"sms": "webhook", "sms_url": wrong.url + "/sms"}, "sms", PHONE,
                            env={"SSPR_NOTIFY_SMS_URL": right.url + "/env"})
        assert result.returncode == EXIT_OK, result.describe
        assert wrong.requests == []
        assert [r["path"] for r in right.requests] == ["/env"]


# --- file outbox ---------------------------------------------------------------------------

def test_file_outbox_lines_follow_the_contract(notify):
    outbox = notify.folder / "outbox.jsonl"
    for channel, to in (("email", "alice@contoso.example"), ("sms", PHONE), ("voice", PHONE)):
        result = notify.run({"email": "file", "sms": "file", "outbox_path": str(outbox)},
                            channel, to, language="da")
        assert result.returncode == EXIT_OK, result.describe
    lines = [json.loads(line) for line in outbox.read_text().splitlines()]
    assert [line["channel"] for line in lines] == ["email", "sms", "voice"]
    for line in lines:
        assert set(line) == {"time", "channel", "to", "subject", "body"}
        assert line["time"].endswith("Z") and "T" in line["time"]
        assert line["body"].startswith(TEST_BODY_START["da"])
    assert lines[0]["to"] == "alice@contoso.example"
    assert lines[0]["subject"] == "Testmeddelelse fra OpenSSPR"
    assert lines[1]["to"] == PHONE and lines[1]["subject"] == ""
    assert oct(outbox.stat().st_mode & 0o777) == oct(0o600)


def test_outbox_lines_from_concurrent_processes_never_interleave(notify):
    outbox = notify.folder / "outbox.jsonl"
    config = notify.folder / "concurrent.toml"
    config.write_text(f"[notify]\noutbox_path = {json.dumps(str(outbox))}\n")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SSPR_")}
    processes = [
        subprocess.Popen([str(notify.binary), "--data", str(notify.folder / "data"), "--config",
                          str(config), "notify", "test", "--channel", channel,
                          "--to", to, "--language", language],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
        for channel, to in (("email", "alice@contoso.example"), ("sms", PHONE), ("voice", PHONE))
        for language in ("en", "da", "de", "sv")
    ]
    assert [p.wait(timeout=60) for p in processes] == [EXIT_OK] * len(processes)
    lines = [json.loads(line) for line in outbox.read_text().splitlines()]
    assert len(lines) == len(processes)
    assert sorted(line["channel"] for line in lines) == ["email"] * 4 + ["sms"] * 4 + ["voice"] * 4


def test_default_outbox_is_in_the_data_directory(notify):
    result = notify.run({}, "sms", PHONE)
    assert result.returncode == EXIT_OK, result.describe
    lines = (notify.folder / "data" / "outbox.jsonl").read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["channel"] == "sms"


def test_email_by_smtp_and_sms_to_the_outbox(notify):
    outbox = notify.folder / "outbox.jsonl"
    with SmtpSink() as smtp:
        settings = smtp_settings(smtp, sms="file", outbox_path=str(outbox))
        assert notify.run(settings, "email", "alice@contoso.example").returncode == EXIT_OK
        assert notify.run(settings, "sms", PHONE).returncode == EXIT_OK
        assert len(smtp.messages) == 1
    assert [json.loads(line)["channel"] for line in outbox.read_text().splitlines()] == ["sms"]


def test_unknown_channel_is_bad_usage(notify):
    result = notify.run({}, "pigeon", PHONE)
    assert result.returncode == EXIT_BAD_INPUT, result.describe
