"""bench/thread_cpu.py (docs/PERFORMANCE.md "Gathered writes") still works: in the middle of a
real `sspr_reset_load` resets phase it reads the CPU of the server's named threads and of its
hash processes, divides by the resets completed meanwhile (with SQLite's group commits and
writes per reset), and passes the generator's own summary and exit status on."""

import json
import os
import subprocess
import sys

import pytest

import sspr_harness as h

SCRIPT = h.REPO_ROOT / "bench" / "thread_cpu.py"


def measure(binary, tmp_path, *options):
    generator = binary.parent / "sspr_reset_load"
    if not generator.is_file():
        pytest.fail(f"{generator} not built (target sspr_reset_load)", pytrace=False)
    out = tmp_path / "threads.json"
    run = subprocess.run([sys.executable, str(SCRIPT), "--generator", str(generator),
                          "--json-out", str(out), *options],
                         capture_output=True, text=True, timeout=180,
                         env={**os.environ, "TMPDIR": str(tmp_path)})
    return run, (json.loads(out.read_text()) if out.exists() else None)


def test_a_window_inside_the_resets_phase_gives_cpu_per_reset_by_thread(binary, tmp_path):
    run, figures = measure(binary, tmp_path, "--settle", "1", "--window", "3", "--",
                           "--sspr", str(binary), "--users", "200", "--clients", "4",
                           "--duration", "6", "--warmup", "0.5", "--ceiling-seconds", "0.3")
    assert run.returncode == 0, run.stdout + run.stderr
    assert figures["resets"] > 0, figures
    threads = figures["threads_ms_per_reset"]
    # Requests run as fibers on the event loop's threads (server.request_fibers, the default),
    # or on worker threads when switched off.
    fibers = os.environ.get("SSPR_SERVER_REQUEST_FIBERS", "true") != "false"
    requests = "sspr-io" if fibers else "sspr-worker"
    for name in (requests, "sspr-io"):
        assert threads.get(name, 0) > 0, figures
    assert figures["hash_processes_ms_per_reset"] > 0, figures  # Argon2id, in sspr-hash
    assert figures["generator_ms_per_reset"] > 0, figures  # the clients run on the machine too
    assert figures["server_ms_per_reset"] >= threads[requests]
    assert requests in run.stdout and "ms per reset" in run.stdout
    # SQLite's group commit: each reset writes several times, in batches of one or more.
    assert figures["writes_per_reset"] >= 5, figures
    assert 0 < figures["write_batches_per_reset"] <= figures["writes_per_reset"], figures
    assert figures["mean_write_batch"] >= 1, figures
    assert "SQLite group commits:" in run.stdout
    assert "Complete resets: 4 clients" in run.stdout  # the generator's own summary


def test_a_window_after_the_resets_phase_fails_with_a_reason(binary, tmp_path):
    run, figures = measure(binary, tmp_path, "--settle", "4", "--window", "1", "--",
                           "--sspr", str(binary), "--users", "50", "--clients", "1",
                           "--duration", "1", "--warmup", "0", "--ceiling-seconds", "0.3")
    assert run.returncode == 2, run.stdout + run.stderr
    assert figures is None
    assert "thread_cpu:" in run.stderr


def test_bad_usage_exits_2(binary, tmp_path):
    run, _ = measure(binary, tmp_path, "--generator", str(tmp_path / "no-such-generator"))
    assert run.returncode == 2
    assert "does not exist" in run.stderr
    run, _ = measure(binary, tmp_path, "--window", "0")
    assert run.returncode == 2
    assert "--window positive" in run.stderr
