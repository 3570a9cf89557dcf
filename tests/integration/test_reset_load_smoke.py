"""The reset-flow load generator (bench/reset_load, `make bench`) still works: a short run with
two clients against a real `sspr serve` completes resets and two-gate flows on each backend
and reports no failed step."""

import json
import os
import subprocess

import pytest

import sspr_harness as h


def reset_load_binary():
    return h.sspr_binary().parent / "sspr_reset_load"


def run_generator(backend_name, binary, tmp_path, request, *options, expected_status=0):
    """Runs a short `sspr_reset_load` against its own server(s); returns (stdout, report)."""
    generator = reset_load_binary()
    if not generator.is_file():
        pytest.fail(f"{generator} not built (target sspr_reset_load)", pytrace=False)
    figures = tmp_path / "figures.json"
    # Short phases unless the test says otherwise (each option may be given once).
    args = [str(generator), "--sspr", str(binary), *options, "--json-out", str(figures)]
    for name, value in (("--duration", "2"), ("--gate-duration", "2"), ("--warmup", "0.5"),
                        ("--ceiling-seconds", "0.3")):
        if name not in options:
            args += [name, value]
    if backend_name == "postgresql":
        args += ["--db", request.getfixturevalue("postgres_cluster").create_database()]
    # Its work directory (kept when a run fails) goes under the test's own.
    run = subprocess.run(args, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TMPDIR": str(tmp_path)})
    assert run.returncode == expected_status, run.stdout + run.stderr
    return run.stdout, json.loads(figures.read_text())


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_a_short_run_completes_resets_without_errors(backend_name, binary, tmp_path, request):
    stdout, report = run_generator(backend_name, binary, tmp_path, request, "--users", "200",
                                   "--clients", "2", "--gate-clients", "2")
    assert report["errors"] == 0, report
    assert report["argon2_ceiling_hashes_per_second"] > 0
    assert report["hashes_per_reset"] == 1
    resets = report["resets"]
    assert resets["flows_completed_in_window"] >= 1, report
    assert resets["steps"]["password"]["ok"] >= 1
    assert resets["resets_per_second"] > 0
    gates = report["gates"]
    assert gates["flows_completed_in_window"] >= 1, report
    assert gates["steps"]["start+challenge+verify"]["ok"] >= 5
    assert "Argon2id ceiling" in stdout and "resets/s" in stdout


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_two_nodes_share_the_flows_without_errors(backend_name, binary, tmp_path, request):
    """With --nodes 2 each client sends every request to the other node than the last one, so
    every flow moves between the nodes at each step; both nodes serve, and nothing fails (one
    SQLite file shared by two processes, or one PostgreSQL database)."""
    stdout, report = run_generator(backend_name, binary, tmp_path, request, "--nodes", "2",
                                   "--users", "200", "--clients", "2", "--gate-clients", "3")
    assert report["errors"] == 0, report
    assert len(report["nodes"]) == 2
    for phase in ("resets", "gates"):
        assert report[phase]["flows_completed_in_window"] >= 1, report
        nodes = report[phase]["nodes"]
        assert len(nodes) == 2
        for node in nodes:
            assert node["all_steps"]["ok"] >= 3, report
            assert node["server_cpu_seconds"] > 0, report
        total = report[phase]["steps"]["start+challenge+verify"]["ok"]
        assert sum(n["start+challenge+verify"]["ok"] for n in nodes) == total
    assert "node 2:" in stdout and "Gate phase starting (server pids: " in stdout


def test_a_phase_ends_when_every_user_had_its_flows(binary, tmp_path, request):
    """40 users give 160 flows: two gate clients use them up long before the 60 s asked for
    (a few seconds here, well under a minute in the sanitized build). The phase then ends for
    every client, its rates cover only the time until then (not 60 s with the clients idle),
    and the report says how many users a whole phase needs."""
    stdout, report = run_generator("sqlite", binary, tmp_path, request, "--mode", "gates",
                                   "--users", "40", "--gate-clients", "2", "--warmup", "0.1",
                                   "--gate-duration", "60")
    gates = report["gates"]
    assert gates["users_ran_out"] is True
    assert gates["requested_seconds"] == 60
    assert gates["seconds"] < 55, report
    assert 0 < gates["window_seconds"] < gates["seconds"], report
    assert gates["flows_started"] == 160, report
    assert report["errors"] == 0, report
    # The rate is over the shortened window: every flow that ended in it, none lost to idling.
    rate = gates["steps"]["start+challenge+verify"]["requests_per_second"]
    ok = gates["steps"]["start+challenge+verify"]["ok"]
    assert abs(rate - ok / gates["window_seconds"]) < 1e-6 * max(rate, 1), report
    assert "the phase ended there; raise --users to about" in stdout


def test_users_used_up_within_the_warm_up_give_no_figures(binary, tmp_path, request):
    """Eight users (32 flows) cannot outlast a 10 s warm-up: no rates at all, exit status 1."""
    stdout, report = run_generator("sqlite", binary, tmp_path, request, "--mode", "gates",
                                   "--users", "8", "--gate-clients", "2", "--warmup", "10",
                                   "--gate-duration", "20", expected_status=1)
    assert report["errors"] == 1, report
    assert "gates" not in report, report
    assert "before the 10 s warm-up ended: no figures; raise --users to about" in stdout
    kept = [line for line in stdout.splitlines() if line.startswith("work directory kept: ")]
    assert kept and kept[0].startswith(f"work directory kept: {tmp_path}/sspr-reset-load-"), stdout
