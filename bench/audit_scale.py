#!/usr/bin/python3
"""Scale benchmarks of issue 7 (docs/PERFORMANCE.md "Audit export and reports").

(a) Audit export: bulk-inserts N synthetic audit events into one tenant with plain SQL (a
    bench-only generator: no product code path writes them), then times
    `GET /api/v1/audit/export?format=csv` (curl to /dev/null) and `sspr audit export --format
    csv >/dev/null`, printing rows/s and the server's peak RSS (VmHWM of /proc/PID/status).
    Runs at each size in --events (default 100000,1000000) on a fresh server, so the peaks
    compare memory at 100k and at 1M rows. Target: >= 200,000 rows/s, flat memory.
(b) Registration report: a tenant of --users users (default 100000; every user has an email
    method, every other one a mobile phone too, licensed through a group, policy `all`),
    times GET /api/v1/reports/registration (JSON) and `sspr report registration` on SQLite
    and PostgreSQL. Target: <= 2 s.

Usage: bench/audit_scale.py [--sspr build/sspr] [--events 100000,1000000] [--users 100000]
       [--backends sqlite,postgresql]   (small numbers make a smoke run)
"""

import argparse
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "integration"))
import sspr_harness as h  # noqa: E402

NOW = "2026-01-01T00:00:00.000Z"
BATCH = 50_000


class Database:
    """Plain DB-API access to the backend's database for bulk inserts."""

    def __init__(self, backend):
        if backend.name == "sqlite":
            self.connection = sqlite3.connect(str(backend.work_dir / "data" / "sspr.db"))
            self.mark = "?"
        else:
            import psycopg2
            self.connection = psycopg2.connect(backend.store_args[1])
            self.mark = "%s"

    def insert_many(self, table, columns, rows):
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
               f"({', '.join([self.mark] * len(columns))})")
        cursor = self.connection.cursor()
        if self.mark == "?":
            cursor.executemany(sql, rows)
        else:
            from psycopg2.extras import execute_values
            execute_values(cursor, sql.split(" VALUES ")[0] + " VALUES %s", rows, page_size=5000)
        self.connection.commit()

    def scalar(self, sql, *args):
        cursor = self.connection.cursor()
        cursor.execute(sql.replace("?", self.mark), args)
        return cursor.fetchone()[0]

    def close(self):
        self.connection.close()


def make_backend(name, binary, cluster):
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix=f"sspr-bench-{name}-"))
    if name == "sqlite":
        args = ["--data", str(work_dir / "data")]
    else:
        args = ["--db", cluster.create_database()]
    return h.Backend(name, binary, args, work_dir)


def tenant_with_token(backend, domain):
    tenant = backend.cli_ok("tenant", "create", "--name", domain.split(".")[0], "--domain", domain)
    token = backend.cli_ok("token", "create", "--tenant", domain, "--name", "bench")["token"]
    return tenant["id"], token


def peak_rss_kib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def add_events(db, tenant_id, start, count):
    activities = ["Reset password (self-service)",
                  "Self-service password reset flow activity progress",
                  "Sign in (self-service)", "Update user"]
    columns = ("id", "time", "tenant_id", "category", "activity", "actor", "target", "result",
               "result_reason", "correlation_id", "support_code", "client_ip", "details")
    done = start
    while done < start + count:
        rows = []
        for i in range(done, min(done + BATCH, start + count)):
            seconds = i // 10
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1767225600 + seconds))
            failed = i % 7 == 0
            rows.append((f"00000000-0000-4000-8000-{i:012d}", f"{stamp}.{i % 10:03d}Z", tenant_id,
                         "Self-service password management", activities[i % 4],
                         f"user{i % 5000}@bench.example", f"user{i % 5000}@bench.example",
                         "failure" if failed else "success",
                         "UserNotLicensed" if failed else "", f"corr-{i}", "", "127.0.0.1",
                         f'{{"flow_id":"flow-{i}","method":"email","step":"verify"}}'))
        db.insert_many("audit_events", columns, rows)
        done += len(rows)


def export_bench(backend, binary, sizes):
    print(f"\n== audit export, {backend.name}")
    tenant_id, token = tenant_with_token(backend, "bench.example")
    db = Database(backend)
    have = 0
    for size in sizes:
        started = time.monotonic()
        add_events(db, tenant_id, have, size - have)
        have = size
        rows = db.scalar("SELECT COUNT(*) FROM audit_events WHERE tenant_id = ?", tenant_id)
        print(f"   inserted up to {rows} events in {time.monotonic() - started:.1f} s")
        server = backend.server()
        url = f"{server.base_url}/api/v1/audit/export?format=csv"
        started = time.monotonic()
        curl = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download}",
                               "-H", f"Authorization: Bearer {token}", url],
                              capture_output=True, text=True, check=True)
        seconds = time.monotonic() - started
        status, size_bytes = curl.stdout.split()
        assert status == "200", curl.stdout
        peak = peak_rss_kib(server.process.pid)
        server.stop_gracefully()
        print(f"   GET /api/v1/audit/export?format=csv  {rows} rows, {int(size_bytes) / 1e6:.0f} MB "
              f"in {seconds:.2f} s = {rows / seconds:,.0f} rows/s; server VmHWM {peak / 1024:.1f} MiB")
        started = time.monotonic()
        with open("/dev/null", "wb") as sink:
            subprocess.run([str(binary), *backend.store_args, "audit", "export", "--tenant",
                            "bench.example", "--format", "csv"], stdout=sink, check=True)
        seconds = time.monotonic() - started
        print(f"   sspr audit export --format csv       {rows} rows in {seconds:.2f} s = "
              f"{rows / seconds:,.0f} rows/s")
    db.close()


def add_users(db, tenant_id, group_id, count):
    done = 0
    first_id = None
    while done < count:
        upper = min(done + BATCH, count)
        db.insert_many("users", ("tenant_id", "upn", "display_name", "source", "created_at",
                                 "updated_at"),
                       [(tenant_id, f"u{i:06d}@report.example", f"User {i}", "cloud", NOW, NOW)
                        for i in range(done, upper)])
        done = upper
    first_id = db.scalar("SELECT MIN(id) FROM users WHERE tenant_id = ?", tenant_id)
    ids = range(first_id, first_id + count)
    db.insert_many("group_members", ("group_id", "member_kind", "member_id"),
                   [(group_id, "user", i) for i in ids])
    methods = [(i, "email", f"u{i}@mail.example", "user", NOW, NOW) for i in ids]
    methods += [(i, "mobile_phone", "+4520000000", "user", NOW, NOW) for i in ids if i % 2 == 0]
    for start in range(0, len(methods), BATCH):
        db.insert_many("authentication_methods",
                       ("user_id", "type", "value", "source", "created_at", "updated_at"),
                       methods[start:start + BATCH])


def registration_bench(backend, binary, users):
    print(f"\n== registration report, {users} users, {backend.name}")
    tenant_id, token = tenant_with_token(backend, "report.example")
    group = backend.cli_ok("group", "create", "--tenant", "report.example", "--name", "Everyone")
    backend.cli_ok("license", "add", "--tenant", "report.example", "--sku", "PREMIUM_P1",
                   "--seats", str(users + 10))
    backend.cli_ok("license", "assign", "--tenant", "report.example", "--group", "Everyone",
                   "--sku", "PREMIUM_P1")
    backend.cli_ok("policy", "set", "--tenant", "report.example", "--enabled", "all")
    db = Database(backend)
    started = time.monotonic()
    add_users(db, tenant_id, group["id"], users)
    db.close()
    print(f"   inserted {users} users with methods in {time.monotonic() - started:.1f} s")
    server = backend.server()
    api = h.Api(server.base_url, token)
    for attempt in range(2):
        started = time.monotonic()
        report = api.ok("GET", "/api/v1/reports/registration")
        seconds = time.monotonic() - started
        print(f"   GET /api/v1/reports/registration (run {attempt + 1}): "
              f"{report['totals']['users']} users in {seconds:.2f} s; totals {report['totals']}")
    server.stop_gracefully()
    started = time.monotonic()
    with open("/dev/null", "wb") as sink:
        subprocess.run([str(binary), *backend.store_args, "report", "registration", "--tenant",
                        "report.example", "--format", "csv"], stdout=sink, check=True)
    print(f"   sspr report registration --format csv: {time.monotonic() - started:.2f} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sspr", default=str(REPO / "build" / "sspr"))
    parser.add_argument("--events", default="100000,1000000")
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-registration", action="store_true")
    options = parser.parse_args()
    binary = pathlib.Path(options.sspr).resolve()
    backends = options.backends.split(",")
    cluster = None
    made = []
    try:
        if "postgresql" in backends:
            cluster = h.PostgresCluster()
            cluster.start()
        if not options.skip_export:
            # The export target is measured on SQLite, the default store.
            backend = make_backend("sqlite", binary, cluster)
            made.append(backend)
            export_bench(backend, binary, [int(n) for n in options.events.split(",")])
        if not options.skip_registration:
            for name in backends:
                backend = make_backend(name, binary, cluster)
                made.append(backend)
                registration_bench(backend, binary, options.users)
    finally:
        for backend in made:
            backend.stop_all()
            shutil.rmtree(backend.work_dir, ignore_errors=True)
        if cluster:
            cluster.stop()


if __name__ == "__main__":
    main()
