"""A smoke run of bench/audit_scale.py with small numbers: the benchmark keeps working."""

import pathlib
import re
import subprocess
import sys

import sspr_harness as h

REPO = pathlib.Path(__file__).resolve().parents[2]


def test_audit_scale_benchmark_runs_with_small_numbers():
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "audit_scale.py"), "--sspr", str(h.sspr_binary()),
         "--events", "300,700", "--users", "150", "--backends", "sqlite"],
        capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    out = completed.stdout
    # Every export size: the API and the CLI, with a rate and the server's peak memory.
    assert len(re.findall(r"export\?format=csv +(\d+) rows, .* rows/s; server VmHWM", out)) == 2
    assert "702 rows" in out  # 700 generated + the tenant's own records
    assert len(re.findall(r"sspr audit export --format csv +\d+ rows in", out)) == 2
    assert "'users': 150" in out and "'registered': 150" in out
    assert "sspr report registration --format csv" in out
