"""bench/ab_compare.py (docs/PERFORMANCE.md "Comparing two builds") still works: it alternates
two sides of real `sspr_reset_load` runs, prints and writes each run and the medians, passes
each side its own environment, and reports a failed side instead of a figure."""

import json
import os
import subprocess
import sys

import pytest

import sspr_harness as h

SCRIPT = h.REPO_ROOT / "bench" / "ab_compare.py"
SHORT = ["--users", "200", "--gate-clients", "2", "--gate-duration", "2", "--warmup", "0.5",
         "--ceiling-seconds", "0.3"]


def compare(binary, tmp_path, *options):
    generator = binary.parent / "sspr_reset_load"
    if not generator.is_file():
        pytest.fail(f"{generator} not built (target sspr_reset_load)", pytrace=False)
    out = tmp_path / "ab.json"
    run = subprocess.run([sys.executable, str(SCRIPT), "--a", str(binary), "--generator",
                          str(generator), "--json-out", str(out), *options, "--", *SHORT],
                         capture_output=True, text=True, timeout=180,
                         env={**os.environ, "TMPDIR": str(tmp_path)})
    return run, (json.loads(out.read_text()) if out.exists() else None)


def test_one_pair_of_the_same_binary_gives_two_runs_and_medians(binary, tmp_path):
    run, report = compare(binary, tmp_path, "--pairs", "1", "--mode", "gates")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "the spread below is the machine's own noise" in run.stdout
    assert [r["side"] for r in report["runs"]] == ["A", "B"]
    for r in report["runs"]:
        assert r["figures"]["gates req/s"] > 0, report
        assert r["figures"]["gates p99 ms"] > 0, report
    summary = report["summary"]["gates req/s"]
    assert summary["pairs"] == 1 and summary["b_better_pairs"] in (0, 1)
    assert summary["median_a"] == report["runs"][0]["figures"]["gates req/s"]
    assert "gates req/s: median A" in run.stdout


def test_each_side_gets_its_own_environment_and_a_failed_side_is_reported(binary, tmp_path):
    # Side B's server cannot read its configuration, so only B fails, and the exit status says so.
    run, report = compare(binary, tmp_path, "--pairs", "1", "--mode", "gates", "--b-env",
                          "SSPR_SERVER_WORKER_THREADS=many")
    assert run.returncode == 1, run.stdout + run.stderr
    assert [r["side"] for r in report["runs"]] == ["A"]
    assert "B     failed:" in run.stdout
    assert "worker_threads" in run.stdout
    assert report["summary"] == {}


def test_bad_usage_exits_2(binary, tmp_path):
    run, _ = compare(binary, tmp_path, "--b", str(tmp_path / "no-such-sspr"))
    assert run.returncode == 2
    assert "does not exist" in run.stderr
    run, _ = compare(binary, tmp_path, "--a-env", "NO_EQUALS_SIGN")
    assert run.returncode == 2
    assert "expected NAME=VALUE" in run.stderr
