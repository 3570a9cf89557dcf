#!/usr/bin/env python3
"""Scale-out benchmark (issue 8, docs/PERFORMANCE.md "Scale out: 1 vs 2 nodes"): runs the reset
load generator (build/sspr_reset_load) against 1 and then 2 `sspr serve` nodes on one store,
for each backend (SQLite: one database file shared by the nodes; PostgreSQL: a throwaway
cluster from scripts/test-postgres.sh), and prints one table. Each run measures the Argon2id
ceiling, complete resets (--clients) and the non-hashing steps (--gate-clients), with every
request of a client going to the next node in turn (a load balancer without affinity).

    /usr/bin/python3 bench/scale_out.py [--sspr build/sspr] [--backends sqlite,postgresql]
        [--nodes 1,2] [--profile DIR]   (perf record -g of every node during the gate phase)
        [--users 4000 --clients 32 --gate-clients 64 --duration 20 --gate-duration 10]

Exit status 0 when every run finished without a failed step, 1 otherwise.
"""

import argparse
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "integration"))
import sspr_harness as h  # noqa: E402

GATE_MARKER = "Gate phase starting (server pids: "


def postgres_pids(cluster):
    """The cluster's postmaster and its children (the backends serving the nodes among them)."""
    if cluster is None:
        return []
    try:
        postmaster = (cluster.dir / "data" / "postmaster.pid").read_text().split()[0]
    except (OSError, IndexError):
        return []
    pids = [postmaster]
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if stat[stat.rfind(")") + 2:].split()[1] == postmaster:
            pids.append(entry.name)
    return pids


def cpu_seconds(pids):
    """User + system CPU of these processes so far (those that exist)."""
    total = 0
    ticks = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


class Profiler:
    """perf record -g on the given pids for `seconds`, started `delay` seconds from now."""

    def __init__(self, out_dir, label, delay, seconds):
        self.out = pathlib.Path(out_dir) / f"{label}.perf.data"
        self.report = pathlib.Path(out_dir) / f"{label}.perf.txt"
        self.delay = delay
        self.seconds = seconds
        self.thread = None
        self.problem = None

    def start(self, pids):
        self.thread = threading.Thread(target=self._run, args=(pids,), daemon=True)
        self.thread.start()

    def _run(self, pids):
        time.sleep(self.delay)
        perf = shutil.which("perf") or "/usr/bin/perf"
        record = subprocess.run([perf, "record", "-F", "499", "-g", "-o", str(self.out), "-p",
                                 ",".join(pids), "--", "sleep", str(self.seconds)],
                                capture_output=True, text=True)
        if record.returncode != 0:
            self.problem = record.stderr.strip()[-400:]
            return
        with open(self.report, "w") as out:
            for sort in ("comm", "comm,dso", "dso,sym"):
                out.write(f"=== perf report --no-children --sort {sort}\n")
                out.flush()
                subprocess.run([perf, "report", "-i", str(self.out), "--no-children", "--stdio",
                                "--sort", sort, "-g", "none", "--percent-limit", "0.5"],
                               stdout=out, stderr=subprocess.DEVNULL)

    def wait(self):
        if self.thread:
            self.thread.join()


def run_generator(options, backend, nodes, cluster, work):
    figures = work / f"{backend}-{nodes}.json"
    args = [str(options.generator), "--sspr", str(options.sspr), "--nodes", str(nodes),
            "--users", str(options.users), "--clients", str(options.clients),
            "--gate-clients", str(options.gate_clients), "--duration", str(options.duration),
            "--gate-duration", str(options.gate_duration), "--warmup", str(options.warmup),
            "--ceiling-seconds", str(options.ceiling_seconds), "--json-out", str(figures)]
    if backend == "postgresql":
        args += ["--db", cluster.create_database()]
    label = f"{backend}-{nodes}-node{'s' if nodes > 1 else ''}"
    print(f"\n##### {label}: load average {load_average():.2f}\n# {' '.join(args)}", flush=True)
    profiler = None
    if options.profile:
        # Skip the warm-up and a second more; stop a second before the phase ends.
        profiler = Profiler(options.profile, label, options.warmup + 1,
                            max(1.0, options.gate_duration - options.warmup - 2))
    load = {"start": load_average()}
    database_cpu = None
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        sys.stdout.write(line)
        sys.stdout.flush()
        if line.startswith(GATE_MARKER):
            load["gates"] = load_average()
            pids = line[len(GATE_MARKER):].strip().rstrip(")").split(",")
            # The backends exist once the nodes have connected; they serve the gate phase.
            database = postgres_pids(cluster) if backend == "postgresql" else []
            if database:
                database_cpu = (database, cpu_seconds(database), time.monotonic())
            if profiler and pids != ["-"]:
                profiler.start(pids + database)
        elif line.startswith("Gate phase ended") and database_cpu:
            pids, before, since = database_cpu
            database_cpu = (cpu_seconds(pids) - before) / (time.monotonic() - since)
    code = process.wait()
    load["end"] = load_average()
    if profiler:
        profiler.wait()
        if profiler.problem:
            print(f"perf record failed: {profiler.problem}")
        else:
            print(f"profile: {profiler.out} (summary {profiler.report})")
    report = json.loads(figures.read_text()) if figures.exists() else None
    if isinstance(database_cpu, float):
        print(f"PostgreSQL processes during the gate phase: {database_cpu:.2f} cores")
    return {"label": label, "backend": backend, "nodes": nodes, "exit": code, "load": load,
            "report": report,
            "postgres_cores": database_cpu if isinstance(database_cpu, float) else None}


def table(results):
    rows = [("backend", "nodes", "load avg", "ceiling h/s", "resets/s", "% of ceiling",
             "gate req/s", "gate p50 ms", "gate p99 ms", "CPU ms/req", "PG cores",
             "per node req/s", "errors")]
    for r in results:
        rep = r["report"]
        if rep is None:
            rows.append((r["backend"], str(r["nodes"]), "", "", "", "", "", "", "", "", "", "",
                         f"exit {r['exit']}"))
            continue
        resets = rep.get("resets", {})
        gates = rep.get("gates", {})
        combined = gates.get("steps", {}).get("start+challenge+verify", {})
        per_node = "/".join(f"{n['start+challenge+verify']['requests_per_second']:.0f}"
                            for n in gates.get("nodes", []))
        rows.append((
            r["backend"], str(r["nodes"]),
            f"{r['load']['start']:.1f}/{r['load'].get('gates', 0):.1f}/{r['load']['end']:.1f}",
            f"{rep['argon2_ceiling_hashes_per_second']:.1f}",
            f"{resets.get('resets_per_second', 0):.1f}",
            f"{100 * resets.get('ratio_to_ceiling', 0):.1f}",
            f"{combined.get('requests_per_second', 0):.0f}",
            f"{combined.get('p50_ms', 0):.1f}",
            f"{combined.get('p99_ms', 0):.1f}",
            f"{rep.get('gates_server_cpu_ms_per_request', 0):.2f}",
            "-" if r["postgres_cores"] is None else f"{r['postgres_cores']:.2f}",
            per_node,
            str(rep.get("errors"))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sspr", default=str(REPO / "build" / "sspr"))
    parser.add_argument("--generator", default=None,
                        help="sspr_reset_load (default: next to --sspr)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--nodes", default="1,2")
    parser.add_argument("--users", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--gate-clients", type=int, default=64)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--gate-duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--ceiling-seconds", type=float, default=3)
    parser.add_argument("--profile", default=None,
                        help="directory for perf profiles of the gate phase (one per run)")
    parser.add_argument("--json-out", default=None, help="all results as JSON to this file")
    options = parser.parse_args()
    options.sspr = pathlib.Path(options.sspr).resolve()
    options.generator = pathlib.Path(options.generator or
                                     options.sspr.parent / "sspr_reset_load").resolve()
    for binary in (options.sspr, options.generator):
        if not binary.is_file():
            sys.exit(f"{binary} not built")
    if options.profile:
        pathlib.Path(options.profile).mkdir(parents=True, exist_ok=True)
    backends = options.backends.split(",")
    node_counts = [int(n) for n in options.nodes.split(",")]

    work = pathlib.Path(tempfile.mkdtemp(prefix="sspr-scale-out-"))
    cluster = None
    results = []
    try:
        if "postgresql" in backends:
            cluster = h.PostgresCluster()
            cluster.start()
        for backend in backends:
            for nodes in node_counts:
                results.append(run_generator(options, backend, nodes, cluster, work))
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n== Scale out ({os.cpu_count()} cores; load average at start/gate phase/end; "
          f"{options.clients} clients of complete resets, {options.gate_clients} of the "
          f"non-hashing steps; 'gate req/s' = start+challenge+verify)")
    print(table(results))
    if options.json_out:
        pathlib.Path(options.json_out).write_text(json.dumps(results, indent=2) + "\n")
    failed = [r["label"] for r in results if r["exit"] != 0 or r["report"] is None
              or r["report"].get("errors")]
    if failed:
        print("failed runs: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
