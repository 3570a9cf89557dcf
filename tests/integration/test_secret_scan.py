"""The end-of-session secret scanner (secret_scan.py) itself: it finds a leaked secret of every
kind, names file, kind and test but never the secret, ignores the places a secret legitimately
appears, and does not mistake numbers for codes. Each test uses its own registry, so the
deliberate leaks here never reach the session's scan."""

import json

import pytest

import secret_scan

PASSWORD = "Quartz-Violin-8-Tundra"
ANSWER = "Grandma's kitchen in Aarhus"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def scan(tmp_path):
    registry = secret_scan.Registry(tmp_path / "outputs")
    registry.current_test = "test_x.py::test_one"
    return registry


def server_log(scan, tmp_path, text, name="server-1.stderr"):
    path = tmp_path / name
    path.write_text(text)
    scan.add_output_file(path, "server-1 stderr")
    return path


def test_a_leaked_password_is_found_and_reported_without_the_password(scan, tmp_path):
    scan.add_sent_json({"password": PASSWORD})
    server_log(scan, tmp_path, '{"level":"info","msg":"reset","detail":"pw ' + PASSWORD + '"}\n')
    [finding] = scan.scan()
    text = finding.describe()
    assert "server-1.stderr" in text
    assert "password" in text
    assert "test_x.py::test_one" in text
    assert PASSWORD not in text


def test_every_kind_of_secret_is_registered_and_found(scan, tmp_path):
    scan.add_sent_json({"answers": [{"question_id": "q1", "answer": ANSWER}]})
    scan.add_sent_json({"method_id": "m1", "code": "04711942"})
    scan.add_sent_json({"current_password": "Old-Harbour-77", "new_password": "New-Harbour-88"})
    scan.received_json({"secret": TOTP_SECRET, "otpauth_uri": "otpauth://totp/x?secret=ABCDEFGHIJKLMNOP"})
    scan.received_json({"token": "tok_9f8e7d6c5b4a3210"})
    leaks = [ANSWER, "04711942", "Old-Harbour-77", "New-Harbour-88", TOTP_SECRET,
             "ABCDEFGHIJKLMNOP", "tok_9f8e7d6c5b4a3210"]
    for number, leak in enumerate(leaks):
        server_log(scan, tmp_path, f"line with {leak} in it\n", name=f"log-{number}")
    kinds = sorted(f.secret.kind for f in scan.scan())
    assert kinds == sorted(["security answer", "one-time or TOTP code", "password", "password",
                            "TOTP secret", "TOTP secret", "API token"])


def test_cli_outputs_and_password_files_are_covered(scan, tmp_path):
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    # record_cli_run works on the session registry: point it at this one for the test.
    original = secret_scan._registry
    secret_scan._registry = scan
    try:
        secret_scan.record_cli_run(["user", "create", "--password-file", str(password_file)],
                                   None, '{"upn": "alice@x.test"}', "")
        secret_scan.record_cli_run(["token", "create"], None,
                                   json.dumps({"token": "tok_abcdef0123456789"}), "")
        secret_scan.record_cli_run(["audit", "export"], None,
                                   "x,tok_abcdef0123456789," + PASSWORD, "")
    finally:
        secret_scan._registry = original
    findings = scan.scan()
    # The token in `token create`'s own output is its delivery: only the export is a leak.
    assert sorted((f.output.description, f.secret.kind) for f in findings) == [
        ("CLI stdout sspr audit export", "API token"),
        ("CLI stdout sspr audit export", "password"),
    ]


def test_the_delivery_channel_and_request_bodies_are_not_outputs(scan, tmp_path):
    scan.add_sent_json({"password": PASSWORD, "code": "123456"})
    (tmp_path / "outbox.jsonl").write_text(json.dumps({"body": "Your code is 123456"}))
    server_log(scan, tmp_path, "nothing secret here\n")
    assert scan.scan() == []


def test_codes_match_only_as_standalone_digit_runs_of_their_own_test(scan, tmp_path):
    scan.add_sent_json({"code": "123456"})
    server_log(scan, tmp_path,
               '{"duration_us":123456,"port":51234567,"ts":"2026-01-01T00:00:00.1234567Z",'
               '"id":"a1234567","n":9123456}\n', name="numbers")
    assert scan.scan() == []
    server_log(scan, tmp_path, 'verify failed for code "123456"\n', name="leak")
    [finding] = scan.scan()
    assert finding.output.path.name == "leak"
    # The same digits in another test's output are chance, not a leak.
    scan.current_test = "test_x.py::test_two"
    server_log(scan, tmp_path, "code 123456\n", name="other-test")
    assert [f.output.path.name for f in scan.scan()] == ["leak"]


def test_short_or_repetitive_values_are_not_registered(scan, tmp_path):
    scan.add_sent_json({"password": "abc"})
    scan.add_sent_json({"password": "x" * 300})
    scan.add_sent_json({"code": "12"})
    assert scan.secrets == {}


def test_outputs_are_kept_when_their_files_go(scan, tmp_path):
    scan.add_sent_json({"password": PASSWORD})
    path = server_log(scan, tmp_path, "leaked " + PASSWORD + "\n")
    scan.keep(path)
    path.unlink()
    [finding] = scan.scan()
    assert finding.output.kept is not None and finding.output.kept.exists()
    assert str(finding.output.kept) in finding.describe()


def test_a_server_living_across_tests_is_searched_for_each_tests_secrets(scan, tmp_path):
    path = server_log(scan, tmp_path, "")  # started during test_one
    scan.current_test = "test_x.py::test_two"
    scan.add_sent_json({"password": PASSWORD})
    path.write_text("leaked " + PASSWORD + "\n")
    scan.keep(path)  # stopped during test_two
    scan.current_test = "test_x.py::test_three"
    scan.add_sent_json({"password": "Third-Tests-Secret-9"})
    path.write_text("leaked " + PASSWORD + " Third-Tests-Secret-9\n")  # not kept: ignored
    [finding] = scan.scan()
    assert finding.secret.test == "test_x.py::test_two"
    assert finding.output.test == "test_x.py::test_one"


def test_a_value_the_test_also_sent_in_the_open_is_not_looked_for(scan, tmp_path):
    payload = "' OR '1'='1 --"
    scan.add_sent_json({"answers": [{"question_id": "q1", "answer": payload}]})
    scan.add_sent_json({"password": PASSWORD})
    scan.add_public(secret_scan._url_values("/api/v1/reset/flows/%27%20OR%20%271%27%3D%271%20--"))
    scan.add_public(secret_scan._public_strings({"user_id": "x", "password": PASSWORD},
                                                secret_scan.SECRET_FIELDS))
    server_log(scan, tmp_path, f"GET /api/v1/reset/flows/{payload} 404; pw {PASSWORD}\n")
    # The payload went out as a flow id too, so it proves nothing; the password did not.
    [finding] = scan.scan()
    assert finding.secret.kind == "password"


def test_a_value_sent_in_the_open_by_another_test_is_still_looked_for(scan, tmp_path):
    scan.add_public(["Quartz-Violin-8-Tundra"])
    scan.current_test = "test_x.py::test_two"
    scan.add_sent_json({"password": PASSWORD})
    server_log(scan, tmp_path, f"pw {PASSWORD}\n")
    [finding] = scan.scan()
    assert finding.secret.test == "test_x.py::test_two"
