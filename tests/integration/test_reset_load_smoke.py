"""The reset-flow load generator (bench/reset_load, `make bench`) still works: a short run with
two clients against a real `sspr serve` completes resets and two-gate flows on each backend
and reports no failed step."""

import json
import subprocess

import pytest

import sspr_harness as h


def reset_load_binary():
    return h.sspr_binary().parent / "sspr_reset_load"


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_a_short_run_completes_resets_without_errors(backend_name, binary, tmp_path, request):
    generator = reset_load_binary()
    if not generator.is_file():
        pytest.fail(f"{generator} not built (target sspr_reset_load)", pytrace=False)
    figures = tmp_path / "figures.json"
    args = [str(generator), "--sspr", str(binary), "--users", "200", "--clients", "2",
            "--gate-clients", "2", "--duration", "2", "--gate-duration", "2", "--warmup", "0.5",
            "--ceiling-seconds", "0.3", "--json-out", str(figures)]
    if backend_name == "postgresql":
        args += ["--db", request.getfixturevalue("postgres_cluster").create_database()]
    run = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(figures.read_text())
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
    assert "Argon2id ceiling" in run.stdout and "resets/s" in run.stdout
