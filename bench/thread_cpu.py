#!/usr/bin/python3
"""Where a complete reset's CPU goes, by thread (docs/PERFORMANCE.md, "Gathered writes").

Runs build/sspr_reset_load's resets phase and, in its middle, reads the CPU time of every
thread of the server (/proc/PID/task/*/stat, grouped by thread name: sspr-io, sspr-worker,
sspr-checkpoint) and of its hash processes (sspr-hash), and the server's
sspr_password_hashes_total from /metrics (and, on SQLite, its group commits and the write
transactions in them), at the start and the end of a window. One hash per reset (the new
password), so the hashes counted are the resets completed in the window; the figures are CPU
milliseconds per reset. The generator's own CPU (it runs on the same machine,
so the server cannot have it) is given too. Then it lets the generator finish and prints the
generator's own summary.

  /usr/bin/python3 bench/thread_cpu.py [--generator build/sspr_reset_load] [--settle 8]
      [--window 8] [--json-out F] [-- generator options...]

Generator options go after "--" (e.g. --clients 4, --duration 20, --sspr BIN). The window
must end before the resets phase does: --settle + --window below the generator's --duration
(20 s by default). Exit status: the generator's, or 2 for bad usage or a failed window.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ms(stat_text):
    """utime + stime of a /proc stat line, in milliseconds (the name may hold spaces)."""
    fields = stat_text.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / CLOCK_TICKS


def thread_times(pid):
    """{thread id: (name, CPU ms)} of every thread of `pid`."""
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            text = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        out[tid] = (text[text.index("(") + 1:text.rindex(")")], cpu_ms(text))
    return out


def child_times(pid):
    """{child pid: CPU ms} of the processes `pid` started (its hash processes)."""
    out = {}
    children = []
    for tid in os.listdir(f"/proc/{pid}/task"):  # a child is listed under the thread that began it
        try:
            children += Path(f"/proc/{pid}/task/{tid}/children").read_text().split()
        except OSError:
            continue
    for child in children:
        try:
            out[child] = cpu_ms(Path(f"/proc/{child}/stat").read_text())
        except OSError:
            continue
    return out


def counters(port):
    """The server's hashes so far and, on SQLite, its group commits and the writes in them."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    out = {}
    for key, name in (("hashes", "sspr_password_hashes_total"),
                      ("batches", "sspr_store_write_batches_total"),
                      ("writes", "sspr_store_batched_writes_total")):
        found = re.search(rf"^{name} (\S+)", text, re.M)
        if found:
            out[key] = float(found.group(1))
    if "hashes" not in out:
        raise RuntimeError("/metrics has no sspr_password_hashes_total")
    return out


def snapshot(pid, port, generator_pid):
    return {"threads": thread_times(pid), "children": child_times(pid),
            "generator": cpu_ms(Path(f"/proc/{generator_pid}/stat").read_text()),
            **counters(port), "at": time.monotonic()}


def compare(before, after):
    """Per thread name and for the hash processes: CPU ms in the window and per reset."""
    resets = after["hashes"] - before["hashes"]
    if resets <= 0:
        raise RuntimeError("no reset completed in the window: is it inside the resets phase?")
    by_name = {}
    for tid, (name, ms) in after["threads"].items():
        if tid in before["threads"]:  # a thread started in the window is left out
            by_name[name] = by_name.get(name, 0.0) + ms - before["threads"][tid][1]
    hashing = sum(ms - before["children"][child] for child, ms in after["children"].items()
                  if child in before["children"])
    out = {
        "seconds": round(after["at"] - before["at"], 2),
        "resets": resets,
        "threads_ms_per_reset": {name: round(ms / resets, 3)
                                 for name, ms in sorted(by_name.items(), key=lambda i: -i[1])},
        "server_ms_per_reset": round(sum(by_name.values()) / resets, 3),
        "hash_processes_ms_per_reset": round(hashing / resets, 3),
        # The generator shares the machine: its CPU is taken from the server's cores too.
        "generator_ms_per_reset": round((after["generator"] - before["generator"]) / resets, 3),
    }
    if "batches" in before and "batches" in after:  # SQLite's one writer
        batches = after["batches"] - before["batches"]
        writes = after["writes"] - before["writes"]
        out["write_batches_per_reset"] = round(batches / resets, 3)
        out["writes_per_reset"] = round(writes / resets, 3)
        out["mean_write_batch"] = round(writes / batches, 2) if batches else 0.0
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generator", default=str(REPO / "build" / "sspr_reset_load"))
    parser.add_argument("--settle", type=float, default=8.0,
                        help="seconds after seeding before the window opens")
    parser.add_argument("--window", type=float, default=8.0, help="seconds measured")
    parser.add_argument("--json-out", help="also write the figures to this file")
    parser.add_argument("generator_args", nargs="*", help="after --: the generator's options")
    options = parser.parse_args()
    if not Path(options.generator).is_file():
        parser.error(f"{options.generator} does not exist (build the target sspr_reset_load)")
    if options.settle < 0 or options.window <= 0:
        parser.error("--settle must be at least 0 and --window positive")
    extra = list(options.generator_args)
    if "--mode" not in extra:
        extra += ["--mode", "resets"]
    generator = subprocess.Popen([options.generator, *extra], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
    lines = []
    port = pid = None
    for line in generator.stdout:
        lines.append(line)
        found = re.search(r"127\.0\.0\.1:(\d+) \(pid (\d+)\)", line)
        if found:
            port, pid = found.group(1), found.group(2)
        if "Seeded" in line:
            break
    if pid is None:
        rest = generator.communicate()[0]
        print("".join(lines) + rest, end="")
        print("thread_cpu: the generator started no server it names", file=sys.stderr)
        return generator.returncode or 2
    figures = None
    failure = None
    try:
        time.sleep(options.settle)
        before = snapshot(pid, port, generator.pid)
        time.sleep(options.window)
        figures = compare(before, snapshot(pid, port, generator.pid))
    except (OSError, RuntimeError, ValueError) as error:
        failure = str(error)
    lines += generator.communicate()[0].splitlines(keepends=True)
    if failure:
        print("".join(lines), end="")
        print(f"thread_cpu: {failure}", file=sys.stderr)
        return 2
    print(f"Window: {figures['seconds']} s, {figures['resets']:.0f} resets completed")
    rows = [("hash processes (sspr-hash)", figures["hash_processes_ms_per_reset"])]
    rows += list(figures["threads_ms_per_reset"].items())
    rows.append(("server threads, all", figures["server_ms_per_reset"]))
    rows.append(("load generator (all threads)", figures["generator_ms_per_reset"]))
    for name, ms in rows:
        print(f"  {name:30s} {ms:8.3f} ms per reset")
    if "write_batches_per_reset" in figures:
        print(f"  SQLite group commits: {figures['write_batches_per_reset']:.2f} per reset, "
              f"{figures['writes_per_reset']:.2f} write transactions per reset, "
              f"mean batch {figures['mean_write_batch']:.2f}")
    print()
    print("".join(lines), end="")
    if options.json_out:
        Path(options.json_out).write_text(json.dumps(figures, indent=2) + "\n")
    return generator.returncode


if __name__ == "__main__":
    sys.exit(main())
