#!/usr/bin/env python3
"""A/B comparison with the reset load generator (docs/PERFORMANCE.md "Comparing two builds"):
runs build/sspr_reset_load alternately against two `sspr` binaries (or one binary under two
sets of environment variables) in the order A B B A A B B A ..., so that a machine that gets
slower or faster during the comparison weighs on both sides alike, and prints every run, the
median of each side and how often B beat A in the pairs.

On a shared 2-core machine one run's figures move by 10-20 % from minute to minute; a single
run of each side says little. Use at least 4 pairs (--pairs) before calling a change a gain.

    /usr/bin/python3 bench/ab_compare.py --a /tmp/sspr-main --b build/sspr [--pairs 4]
        [--mode gates|resets|all] [--a-env NAME=VALUE ...] [--b-env NAME=VALUE ...]
        [--generator build/sspr_reset_load] [--json-out FILE]
        [-- further options for sspr_reset_load, e.g. --gate-clients 32]

Exit status 0 when every run finished without a failed step, 1 otherwise, 2 on bad usage.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent

# (label, path in the generator's JSON report, format, True when higher is better)
FIGURES = {
    "gates": [
        ("gates req/s", ("gates", "steps", "start+challenge+verify", "requests_per_second"),
         "{:.0f}", True),
        ("gates p99 ms", ("gates", "steps", "start+challenge+verify", "p99_ms"), "{:.2f}", False),
        ("server ms/req", ("gates_server_cpu_ms_per_request",), "{:.3f}", False),
    ],
    "resets": [
        ("resets/s", ("resets", "resets_per_second"), "{:.1f}", True),
        ("ceiling/s", ("argon2_ceiling_hashes_per_second",), "{:.1f}", True),
        ("ratio %", ("resets", "ratio_to_ceiling"), "{:.1%}", True),
        ("server ms/reset", ("resets", "server_cpu_ms_per_reset"), "{:.1f}", False),
    ],
}


def figures_for(mode):
    return FIGURES["resets"] + FIGURES["gates"] if mode == "all" else FIGURES[mode]


def lookup(report, path):
    value = report
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value if isinstance(value, (int, float)) else None


def parse_env(assignments, parser):
    env = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name:
            parser.error(f"expected NAME=VALUE, got {assignment!r}")
        env[name] = value
    return env


def abba(pairs):
    """A B B A A B B A ...: each side runs first in half of the pairs."""
    order = []
    for i in range(pairs):
        order += ["A", "B"] if i % 2 == 0 else ["B", "A"]
    return order


def run_once(generator, binary, env, mode, extra, work):
    """One generator run; returns (report or None, the tail of its output)."""
    out = pathlib.Path(tempfile.mkstemp(suffix=".json", dir=work)[1])
    args = [str(generator), "--sspr", str(binary), "--mode", mode, "--json-out", str(out), *extra]
    run = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **env})
    text = (run.stdout + run.stderr).strip().splitlines()
    try:
        report = json.loads(out.read_text()) if run.returncode == 0 else None
    except (OSError, ValueError):
        report = None
    return report, "\n".join(text[-15:])


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--a", required=True, help="side A's sspr binary")
    parser.add_argument("--b", help="side B's sspr binary (default: the same as A)")
    parser.add_argument("--a-env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment for side A's runs (repeatable)")
    parser.add_argument("--b-env", action="append", default=[], metavar="NAME=VALUE",
                        help="environment for side B's runs (repeatable)")
    parser.add_argument("--pairs", type=int, default=4, help="runs of each side")
    parser.add_argument("--mode", default="gates", choices=["gates", "resets", "all"])
    parser.add_argument("--generator", default=str(REPO / "build" / "sspr_reset_load"))
    parser.add_argument("--json-out", help="also write every run's figures to this file")
    options = parser.parse_args(argv)
    sides = {
        "A": (pathlib.Path(options.a), parse_env(options.a_env, parser)),
        "B": (pathlib.Path(options.b or options.a), parse_env(options.b_env, parser)),
    }
    if options.pairs < 1:
        parser.error("--pairs must be at least 1")
    if sides["A"] == sides["B"]:
        print("note: A and B are the same binary with the same environment; the spread below is "
              "the machine's own noise")
    for path in [pathlib.Path(options.generator)] + [side[0] for side in sides.values()]:
        if not path.is_file():
            parser.error(f"{path} does not exist")

    figures = figures_for(options.mode)
    print("run  side  " + "  ".join(f"{label:>15}" for label, *_ in figures), flush=True)
    runs = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="sspr-ab-") as work:
        for number, side in enumerate(abba(options.pairs), start=1):
            binary, env = sides[side]
            report, tail = run_once(options.generator, binary.resolve(), env, options.mode, extra,
                                    work)
            if report is None or report.get("errors", 1) != 0:
                failed = True
                print(f"{number:>3}  {side}     failed:\n{tail}", flush=True)
                continue
            values = [lookup(report, path) for _, path, _, _ in figures]
            runs.append({"run": number, "side": side,
                         "figures": {label: value for (label, *_), value in zip(figures, values)}})
            cells = [fmt.format(v) if v is not None else "-"
                     for (_, _, fmt, _), v in zip(figures, values)]
            print(f"{number:>3}  {side}     " + "  ".join(f"{c:>15}" for c in cells), flush=True)

    print()
    summary = {}
    by_number = {r["run"]: r for r in runs}
    for label, _, fmt, higher_better in figures:
        per_side = {s: [r["figures"][label] for r in runs
                        if r["side"] == s and r["figures"][label] is not None] for s in "AB"}
        if not per_side["A"] or not per_side["B"]:
            continue
        a, b = statistics.median(per_side["A"]), statistics.median(per_side["B"])
        # Pairs in running order: runs 1+2, 3+4, ... (each holds one A and one B).
        wins = 0
        pairs = 0
        for first in range(1, 2 * options.pairs, 2):
            x, y = by_number.get(first), by_number.get(first + 1)
            if not x or not y:
                continue
            va, vb = (x, y) if x["side"] == "A" else (y, x)
            va, vb = va["figures"][label], vb["figures"][label]
            if va is None or vb is None:
                continue
            pairs += 1
            wins += (vb > va) if higher_better else (vb < va)
        change = (b - a) / a if a else float("nan")
        print(f"{label:>15}: median A {fmt.format(a)}, B {fmt.format(b)} ({change:+.1%}); "
              f"B better in {wins} of {pairs} pairs "
              f"({'higher' if higher_better else 'lower'} is better)")
        summary[label] = {"median_a": a, "median_b": b, "change": change, "b_better_pairs": wins,
                          "pairs": pairs}
    if options.json_out:
        pathlib.Path(options.json_out).write_text(
            json.dumps({"runs": runs, "summary": summary}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
