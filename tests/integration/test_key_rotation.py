"""Key rotation of secrets at rest (issue 9) against the real binary on both backends: an
authenticator app registered under one key still verifies after `sspr keys rotate` moves it to a
new key, and after the old key is removed from the key file; a key file lacking the key a stored
secret names is refused clearly by `keys status`, `keys rotate` and `serve`, and nothing is lost.
Also: `sspr serve` runs with core dumps off."""

import time

import pyotp
import pytest

import reset_client as rc
import secret_scan
import sspr_harness as h

KEY_A = "a" * 64  # hex keys: fixed, so the test can write key files line by line


def key_lines(path):
    return [line for line in path.read_text().splitlines() if line.strip()]


def write_ring(path, *lines):
    path.write_text("".join(line + "\n" for line in lines))
    path.chmod(0o600)


class Totp:
    """pyotp with the server's replay rule in mind: every code is for a later 30-second step
    than the one before, and at most one step ahead of now (the server allows one either side)."""

    def __init__(self, secret):
        self.totp = pyotp.TOTP(secret)
        self.last_step = None

    def code(self, earliest_offset=0):
        now_step = int(time.time() // 30)
        step = now_step + earliest_offset
        if self.last_step is not None:
            step = max(step, self.last_step + 1)
        assert step <= now_step + 1, "no fresh TOTP step within the server's window"
        self.last_step = step
        return self.totp.at(step * 30)


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    """Fabrikam with Alice, a policy of one gate (email or authenticator app), the key file named by
    SSPR_SECURITY_SECRET_KEY_FILE (so CLI and server share it), and Alice's app registered;
    the server is stopped at the end of the fixture's setup."""
    key_file = tmp_path / "keys" / "secret.key"
    monkeypatch.setenv("SSPR_SECURITY_SECRET_KEY_FILE", str(key_file))
    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1,
                                         methods="email,app_code")
    assert key_file.exists(), "the server creates its key file on first start"
    for line in key_lines(key_file):
        secret_scan.registry().add_secret("secret key", line)
    client = h.Api(server.base_url)
    signed_in = client.post("/api/v1/session", json={"user_id": rc.ALICE, "password": rc.PASSWORD},
                            headers={"Origin": server.base_url})
    assert signed_in.status_code == 201, h.describe_response(signed_in)
    client.session.headers["X-CSRF-Token"] = signed_in.json()["csrf_token"]
    client.session.headers["Origin"] = server.base_url
    started = client.post("/api/v1/me/methods", json={"type": "app_code"})
    assert started.status_code == 202, h.describe_response(started)
    totp = Totp(started.json()["secret"])
    saved = client.post(f"/api/v1/me/methods/pending/{started.json()['pending_id']}/verify",
                        json={"code": totp.code(earliest_offset=-1)})
    assert saved.status_code == 201, h.describe_response(saved)
    server.stop_gracefully()
    return backend, key_file, totp, tmp_path


def serve(backend, tmp_path, name):
    server = h.Server(backend.binary, [*backend.store_args, "--config", str(tmp_path / "sspr.toml")],
                      backend.work_dir / "logs", name=name)
    backend.servers.append(server)
    return server.start()


def reset_with_app(server, totp):
    """One reset flow up to a passed authenticator-app gate."""
    api = h.Api(server.base_url)
    flow = rc.started(api)
    method = rc.method_of(flow, "app_code")
    challenged = rc.challenge(api, flow["id"], method)
    assert challenged.status_code == 200, h.describe_response(challenged)
    verified = rc.verify(api, flow["id"], method, totp.code())
    assert verified.status_code == 200, h.describe_response(verified)
    assert len(verified.json()["gates_passed"]) >= 1, verified.json()


def status(backend):
    return backend.cli_ok("keys", "status")


def test_rotation_keeps_the_authenticator_app_working(site):
    backend, key_file, totp, tmp_path = site
    [old_line] = key_lines(key_file)
    before = status(backend)
    old_id = before["current_key_id"]
    assert before["secrets"] == 1 and before["secrets_by_key_id"] == {old_id: 1}, before
    assert before["to_rotate"] == 0 and before["unreadable"] == 0, before

    new_file = tmp_path / "new.key"
    generated = backend.cli_ok("keys", "generate", str(new_file))
    assert (new_file.stat().st_mode & 0o777) == 0o600
    [new_line] = key_lines(new_file)
    secret_scan.registry().add_secret("secret key", new_line)
    assert new_line not in str(generated)
    again = backend.cli("keys", "generate", str(new_file))
    assert again.code == h.EXIT_BAD_INPUT and "already exists" in again.stderr, again.describe()
    new_id = generated["key_id"]
    assert new_id != old_id

    # The new key current, the old one kept for opening.
    write_ring(key_file, "# current", new_line, "# previous", old_line)
    ring = status(backend)
    assert ring["current_key_id"] == new_id, ring
    assert [(k["id"], k["current"], k["secrets"]) for k in ring["keys"]] == [
        (new_id, True, 0), (old_id, False, 1)], ring
    assert ring["to_rotate"] == 1, ring

    rotated = backend.cli_ok("keys", "rotate", "--batch-size", "1")
    assert rotated == {"current_key_id": new_id, "re_encrypted": 1, "already_current": 0,
                       "batches": 1}, rotated
    assert status(backend)["secrets_by_key_id"] == {new_id: 1}
    text = backend.cli("keys", "rotate", json_output=False)
    assert text.code == 0 and "re-encrypted 0 stored secret(s)" in text.stdout, text.describe()

    server = serve(backend, tmp_path, "after-rotation")
    reset_with_app(server, totp)
    server.stop_gracefully()

    # The old key removed: everything was re-encrypted, so nothing needs it.
    write_ring(key_file, new_line)
    assert status(backend)["unreadable"] == 0
    server = serve(backend, tmp_path, "old-key-removed")
    reset_with_app(server, totp)
    server.stop_gracefully()


def test_a_missing_key_is_refused_clearly_and_nothing_is_lost(site):
    backend, key_file, totp, tmp_path = site
    [right_line] = key_lines(key_file)
    right_id = status(backend)["current_key_id"]

    # A key file without the key the stored secret names.
    wrong = tmp_path / "wrong.key"
    backend.cli_ok("keys", "generate", str(wrong))
    [wrong_line] = key_lines(wrong)
    secret_scan.registry().add_secret("secret key", wrong_line)
    write_ring(key_file, wrong_line)

    checked = backend.cli("keys", "status")
    assert checked.code == h.EXIT_REJECTED, checked.describe()
    assert checked.json()["unreadable_by_key_id"] == {right_id: 1}, checked.describe()
    assert "SecretKeyUnavailable" in checked.stderr

    refused = backend.cli("keys", "rotate")
    assert refused.code == h.EXIT_REJECTED, refused.describe()
    assert "SecretKeyUnavailable" in refused.stderr and right_id in refused.stderr
    assert "nothing was changed" in refused.stderr, refused.describe()

    server = h.Server(backend.binary,
                      [*backend.store_args, "--config", str(tmp_path / "sspr.toml")],
                      backend.work_dir / "logs", name="wrong-key")
    backend.servers.append(server)
    with pytest.raises(AssertionError) as refused_start:
        server.start()
    assert "SecretKeyUnavailable" in str(refused_start.value), str(refused_start.value)
    assert right_id in server.stderr(), server.logs()
    assert server.exit_code is None and server.process.returncode == h.EXIT_REJECTED

    # A key file that does not exist: bad input, and the CLI does not create one.
    missing = tmp_path / "nowhere" / "secret.key"
    gone = backend.cli("keys", "status", env={"SSPR_SECURITY_SECRET_KEY_FILE": str(missing)})
    assert gone.code == h.EXIT_BAD_INPUT and "cannot be read" in gone.stderr, gone.describe()
    gone = backend.cli("keys", "rotate", env={"SSPR_SECURITY_SECRET_KEY_FILE": str(missing)})
    assert gone.code == h.EXIT_BAD_INPUT and "cannot be read" in gone.stderr, gone.describe()
    assert not missing.exists()

    # The right key back: the secret is intact, and the app verifies.
    write_ring(key_file, right_line)
    restored = status(backend)
    assert restored["secrets_by_key_id"] == {right_id: 1} and restored["unreadable"] == 0
    server = serve(backend, tmp_path, "right-key-back")
    reset_with_app(server, totp)
    server.stop_gracefully()


def test_serve_runs_with_core_dumps_off(server):
    limits = (pathlib_proc(server.process.pid) / "limits").read_text()
    [core] = [line for line in limits.splitlines() if line.startswith("Max core file size")]
    assert core.split()[4:6] == ["0", "0"], core


def pathlib_proc(pid):
    import pathlib

    return pathlib.Path("/proc") / str(pid)
