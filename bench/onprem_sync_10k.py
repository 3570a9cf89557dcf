#!/usr/bin/python3
"""Times `sspr onprem sync` of a generated directory (issue 6: 10,000 users, target <= 30 s).

Loads N users (inetOrgPerson with mail, mobile, telephoneNumber) and G groups (groupOfNames,
users spread over them, each group nested in the one before) into a throwaway slapd with
slapadd before it starts (tests/integration/slapd_server.py, the integration tests' fixture),
then, per backend, creates a tenant, sets the connection and times a full sync and a second
(incremental, nothing changed) run of the real binary.

    bench/onprem_sync_10k.py [--binary build/sspr] [--users 10000] [--groups 20]
                             [--backends sqlite,postgresql]
"""

import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))

import slapd_server  # noqa: E402

DOMAIN = "bench.example"
OU = "ou=bench," + slapd_server.SUFFIX


def directory_ldif(users, groups):
    parts = [f"dn: {OU}\nobjectClass: organizationalUnit\nou: bench\n"]
    for i in range(users):
        parts.append(
            f"dn: uid=user{i:05d},{OU}\nobjectClass: inetOrgPerson\nuid: user{i:05d}\n"
            f"cn: User {i:05d}\ngivenName: User\nsn: N{i:05d}\nmail: user{i:05d}@{DOMAIN}\n"
            f"mobile: +1 425 555 {i % 10000:04d}\ntelephoneNumber: +1 206 555 {i % 10000:04d}\n")
    for g in range(groups):
        members = [f"member: uid=user{i:05d},{OU}" for i in range(g, users, groups)]
        if g > 0:
            members.append(f"member: cn=group{g - 1:03d},{OU}")
        parts.append(f"dn: cn=group{g:03d},{OU}\nobjectClass: groupOfNames\ncn: group{g:03d}\n"
                     + "\n".join(members) + "\n")
    return "\n".join(parts)


def run(binary, store_args, *args):
    completed = subprocess.run([str(binary), *store_args, "--json", *args], capture_output=True,
                               text=True, timeout=600)
    if completed.returncode != 0:
        raise SystemExit(f"sspr {' '.join(args)} failed ({completed.returncode}):\n"
                         f"{completed.stdout}\n{completed.stderr}")
    return json.loads(completed.stdout) if completed.stdout.strip() else None


def timed_sync(binary, store_args):
    began = time.monotonic()
    summary = run(binary, store_args, "onprem", "sync", "--tenant", DOMAIN)
    return time.monotonic() - began, summary


def bench_backend(name, binary, store_args, slapd, users, groups):
    run(binary, store_args, "tenant", "create", "--name", "Bench", "--domain", DOMAIN)
    run(binary, store_args, "onprem", "set", "--tenant", DOMAIN, "--url", slapd.url, "--flavor",
        "openldap", "--bind-dn", slapd_server.SERVICE_DN, "--bind-password-file",
        slapd.service_password_file, "--base-dn", OU, "--ca-file", slapd.ca_file, "--starttls")
    full, summary = timed_sync(binary, store_args)
    created = summary["users"]["created"]
    if created != users or summary["groups"]["created"] != groups:
        raise SystemExit(f"{name}: expected {users} users and {groups} groups: {summary}")
    incremental, again = timed_sync(binary, store_args)
    print(f"{name}: {users} users, {groups} groups, {summary['memberships']} memberships: "
          f"full sync {full:.2f} s, incremental (nothing changed) {incremental:.2f} s "
          f"({again['users']['read']} users re-read)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / "build" / "sspr"))
    parser.add_argument("--users", type=int, default=10000)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--backends", default="sqlite,postgresql")
    options = parser.parse_args()
    binary = pathlib.Path(options.binary).resolve()
    began = time.monotonic()
    slapd = slapd_server.SlapdServer(extra_ldif=directory_ldif(options.users, options.groups))
    cluster = None
    work = pathlib.Path(tempfile.mkdtemp(prefix="sspr-bench-sync-"))
    try:
        slapd.start()
        print(f"slapd with {options.users} users loaded by slapadd in "
              f"{time.monotonic() - began:.1f} s", flush=True)
        for backend in options.backends.split(","):
            if backend == "sqlite":
                store_args = ["--data", str(work / "data")]
            elif backend == "postgresql":
                import sspr_harness
                cluster = sspr_harness.PostgresCluster()
                cluster.start()
                store_args = ["--db", cluster.create_database()]
            else:
                raise SystemExit(f"unknown backend {backend}")
            bench_backend(backend, binary, store_args, slapd, options.users, options.groups)
    finally:
        slapd.stop()
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
