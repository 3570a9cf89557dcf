"""Where `sspr serve` runs its Argon2id hashes (security.password_hashing): in worker processes
of its own binary by default, which are started again when they fail and end with the server;
in its own threads when the setting says "threads". The hashes are the sign-in's verification
and the reset's new password."""

import os
import signal
import time

import pytest
import requests

import reset_client as rc
import sspr_harness as h

# Where the hashes run does not depend on the store.
pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def command_line(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def has_exited(pid):
    """Gone, or a zombie nobody has reaped yet."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_until_exited(pids, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not all(has_exited(pid) for pid in pids):
        time.sleep(0.05)
    return [pid for pid in pids if not has_exited(pid)]


def sign_in(server, password):
    return requests.post(server.base_url + "/api/v1/session", timeout=30,
                         json={"user_id": rc.ALICE, "password": password},
                         headers={"Origin": server.base_url})


def restarts(server):
    text = requests.get(server.base_url + "/metrics", timeout=10).text
    lines = [line for line in text.splitlines()
             if line.startswith("sspr_password_hash_process_restarts_total ")]
    return float(lines[0].split()[1]) if lines else None


def test_hashes_run_in_worker_processes_started_again_when_killed(backend, tmp_path, monkeypatch):
    server, _, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    workers = h.child_pids(server.process.pid)
    # One per core (security.max_concurrent_hashes = 0), each the server's own binary.
    assert len(workers) == os.cpu_count(), [command_line(pid) for pid in workers]
    for pid in workers:
        assert "__hash-worker 19456 2" in command_line(pid)
    assert restarts(server) == 0

    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    assert not wait_until_exited(workers)
    # Both kinds of hashing still answer, and answer right: a verification...
    assert sign_in(server, rc.PASSWORD).status_code == 201
    h.assert_api_error(sign_in(server, "Not-The-One-9"), 401, "InvalidCredentials")
    # ...and the hash of a reset's new password, which then signs in.
    api = h.Api(server.base_url)
    flow = rc.started(api)
    rc.pass_email(api, flow, outbox)
    assert rc.set_password(api, flow["id"]).status_code == 200
    assert sign_in(server, rc.NEW_PASSWORD).status_code == 201
    assert restarts(server) >= 1
    # A killed worker is replaced (and reaped) when a call finds it gone: every running worker
    # is a new one.
    running = [pid for pid in h.child_pids(server.process.pid) if not has_exited(pid)]
    assert running and not set(running) & set(workers)
    assert server.running()


def test_worker_processes_end_with_the_server_even_when_it_is_killed(backend, tmp_path,
                                                                     monkeypatch):
    server, _, _ = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    workers = h.child_pids(server.process.pid)
    assert workers
    server.kill()
    assert not wait_until_exited(workers), [command_line(pid) for pid in workers]

    graceful = backend.server(name="graceful")
    workers = h.child_pids(graceful.process.pid)
    assert workers
    graceful.stop_gracefully()
    assert not wait_until_exited(workers)


def test_threads_setting_hashes_in_the_server_itself(backend, tmp_path, monkeypatch):
    monkeypatch.setenv("SSPR_SECURITY_PASSWORD_HASHING", "threads")
    server, _, _ = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    assert h.child_pids(server.process.pid) == []
    assert sign_in(server, rc.PASSWORD).status_code == 201
    h.assert_api_error(sign_in(server, "Not-The-One-9"), 401, "InvalidCredentials")
    assert restarts(server) is None


def test_an_unknown_setting_is_refused_before_anything_starts(backend):
    result = backend.cli("serve", "--listen", f"127.0.0.1:{h.free_loopback_port()}",
                         env={"SSPR_SECURITY_PASSWORD_HASHING": "fork"})
    assert result.code == h.EXIT_BAD_INPUT, result.describe()
    assert "security.password_hashing" in result.stderr
    assert "processes" in result.stderr and "threads" in result.stderr
