"""Black-box harness for the integration tests: runs the real `sspr` binary as a CLI and as a
server, talks to the admin API, and manages a throwaway PostgreSQL cluster.

Nothing here knows the binary's internals: only CONTRACT.md names (CLI options, exit codes,
HTTP paths, the error body) are used.
"""

import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import uuid

import requests

import secret_scan

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI_TIMEOUT_SECONDS = 60
SERVER_START_TIMEOUT_SECONDS = 20
SERVER_STOP_TIMEOUT_SECONDS = 20
HTTP_TIMEOUT_SECONDS = 30

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_BAD_INPUT = 2


def sspr_binary():
    """The binary under test: $SSPR_BINARY, else build/sspr of the repository."""
    configured = os.environ.get("SSPR_BINARY")
    path = pathlib.Path(configured) if configured else REPO_ROOT / "build" / "sspr"
    if not path.is_absolute():
        path = REPO_ROOT / path
    return path


def free_loopback_port():
    """A port that was free a moment ago: bind port 0 on loopback, read it, release it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CliResult:
    """Outcome of one CLI run. Unpacks as (code, stdout, stderr)."""

    def __init__(self, args, code, stdout, stderr):
        self.args = args
        self.code = code
        self.stdout = stdout
        self.stderr = stderr

    def __iter__(self):
        return iter((self.code, self.stdout, self.stderr))

    def json(self):
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as error:
            raise AssertionError(f"stdout of {self.describe()} is not JSON ({error})") from error

    def describe(self):
        return (f"`sspr {' '.join(self.args)}` -> exit {self.code}\n"
                f"--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}")


class Server:
    """One `sspr serve` (or `sspr demo`) process on a free loopback port.

    stdout and stderr go to files in `log_dir` so a failing test can show them."""

    def __init__(self, binary, store_args, log_dir, command=("serve",), name="server", tls=False,
                 env=None):
        self.tls = tls  # https:// with a certificate the client does not verify
        self.env = env  # added to the environment (SSPR_* settings)
        self.binary = binary
        self.store_args = list(store_args)
        self.command = list(command)
        self.log_dir = pathlib.Path(log_dir)
        self.name = name
        self.process = None
        self.port = None
        self.exit_code = None
        self.stdout_path = self.log_dir / f"{name}.stdout"
        self.stderr_path = self.log_dir / f"{name}.stderr"

    @property
    def base_url(self):
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self):
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_loopback_port()
        args = [str(self.binary), *self.store_args, *self.command, "--listen",
                f"127.0.0.1:{self.port}"]
        with open(self.stdout_path, "ab") as out, open(self.stderr_path, "ab") as err:
            environment = {**os.environ, **self.env} if self.env else None
            self.process = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                            cwd=self.log_dir.parent,  # as the CLI: same ./sspr-data
                                            env=environment)
        # `sspr demo` prints the demo users' passwords on stdout by design (its guide): that
        # stdout is a delivery channel, not an output the secret scan checks; its log is.
        streams = [(self.stderr_path, "stderr")]
        if self.command[:1] != ["demo"]:
            streams.append((self.stdout_path, "stdout"))
        for path, stream in streams:
            secret_scan.registry().add_output_file(path, f"{self.name} {stream}")
        deadline = time.monotonic() + SERVER_START_TIMEOUT_SECONDS
        last_problem = "no answer yet"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.process.returncode} before "
                                     f"answering /healthz\n{self.logs()}")
            try:
                response = requests.get(self.base_url + "/healthz", timeout=1, verify=False)
                if response.status_code == 200:
                    return self
                last_problem = f"/healthz answered {response.status_code}"
            except requests.RequestException as error:
                last_problem = str(error)
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"{self.name} did not answer /healthz with 200 within "
                             f"{SERVER_START_TIMEOUT_SECONDS} s ({last_problem})\n{self.logs()}")

    def stop(self):
        """SIGTERM, wait, and return the exit code (0 = graceful shutdown)."""
        if self.process is None or self.exit_code is not None:
            return self.exit_code
        self.process.send_signal(signal.SIGTERM)
        try:
            self.exit_code = self.process.wait(timeout=SERVER_STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"{self.name} did not stop within {SERVER_STOP_TIMEOUT_SECONDS} s "
                                 f"of SIGTERM\n{self.logs()}")
        self.keep_outputs()
        return self.exit_code

    def stop_gracefully(self):
        code = self.stop()
        assert code == 0, f"{self.name} exited with {code} after SIGTERM\n{self.logs()}"

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.exit_code = self.process.returncode
        self.keep_outputs()

    def keep_outputs(self):
        """Copies stdout and stderr for the end-of-session secret scan (secret_scan.py): the
        test's work directory may be deleted before then."""
        for path in (self.stdout_path, self.stderr_path):
            secret_scan.registry().keep(path)

    def running(self):
        return self.process is not None and self.process.poll() is None

    def stdout(self):
        return self.stdout_path.read_text(errors="replace") if self.stdout_path.exists() else ""

    def stderr(self):
        return self.stderr_path.read_text(errors="replace") if self.stderr_path.exists() else ""

    def logs(self):
        return (f"--- {self.name} stdout ({self.stdout_path}) ---\n{self.stdout()}\n"
                f"--- {self.name} stderr ({self.stderr_path}) ---\n{self.stderr()}")


class Backend:
    """One fresh database (SQLite directory or PostgreSQL database) and the ways to use it."""

    def __init__(self, name, binary, store_args, work_dir):
        self.name = name
        self.binary = binary
        self.store_args = list(store_args)
        self.work_dir = pathlib.Path(work_dir)
        self.servers = []

    def cli(self, *args, stdin=None, json_output=True, env=None):
        """Runs `sspr [--json] <store args> args...` (with `env` added to the environment);
        returns a CliResult."""
        full = [*self.store_args, *(["--json"] if json_output else []), *map(str, args)]
        environment = {**os.environ, **env} if env else None
        completed = subprocess.run([str(self.binary), *full], input=stdin, capture_output=True,
                                   text=True, timeout=CLI_TIMEOUT_SECONDS, cwd=self.work_dir,
                                   env=environment)
        secret_scan.record_cli_run(full, stdin, completed.stdout, completed.stderr)
        return CliResult(full, completed.returncode, completed.stdout, completed.stderr)

    def cli_ok(self, *args, stdin=None):
        """Runs a CLI command that must succeed; returns its JSON output."""
        result = self.cli(*args, stdin=stdin)
        assert result.code == EXIT_OK, result.describe()
        return result.json()

    def server(self, name=None, extra_args=(), tls=False, env=None):
        """A started `sspr serve` on this database (stopped by the fixture at the latest);
        `extra_args` go before the command (e.g. --config FILE), `env` into its environment."""
        server = Server(self.binary, [*self.store_args, *extra_args], self.work_dir / "logs",
                        name=name or f"server-{len(self.servers) + 1}", tls=tls, env=env)
        self.servers.append(server)
        return server.start()

    def logs(self):
        return "\n".join(server.logs() for server in self.servers)

    def stop_all(self):
        for server in self.servers:
            if server.running():
                try:
                    server.stop()
                except AssertionError:
                    server.kill()


class Api:
    """The admin API with one bearer token."""

    def __init__(self, base_url, token=None):
        self.base_url = base_url
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method, path, **kwargs):
        kwargs.setdefault("timeout", HTTP_TIMEOUT_SECONDS)
        return self.session.request(method, self.base_url + path, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def patch(self, path, **kwargs):
        return self.request("PATCH", path, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    def ok(self, method, path, expected=(200,), **kwargs):
        """A request that must succeed with one of `expected`; returns the JSON body (or None)."""
        response = self.request(method, path, **kwargs)
        assert response.status_code in expected, describe_response(response)
        return response.json() if response.content else None


def child_pids(pid):
    """Process ids of `pid`'s running children (e.g. the server's password-hashing processes)."""
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as listing:
            found += [int(child) for child in listing.read().split()]
    return found


def describe_response(response):
    return (f"{response.request.method} {response.request.url} -> {response.status_code}\n"
            f"{response.text[:2000]}")


def items_of(payload, key):
    """Accepts a bare list or an object holding the list under `key` (e.g. {"users": [...]})."""
    if isinstance(payload, list):
        return payload
    assert isinstance(payload, dict) and isinstance(payload.get(key), list), (
        f"expected a list or an object with a '{key}' list, got: {json.dumps(payload)[:500]}")
    return payload[key]


ERROR_FIELDS = ("code", "name", "message", "technical", "support_code", "timestamp")


def assert_api_error(response, status, name=None):
    """The response is the contract's error body with this status (and error name)."""
    assert response.status_code == status, describe_response(response)
    assert response.headers.get("Content-Type", "").startswith("application/json"), (
        describe_response(response))
    body = response.json()
    assert isinstance(body, dict) and isinstance(body.get("error"), dict), describe_response(
        response)
    error = body["error"]
    for field in ERROR_FIELDS:
        assert isinstance(error.get(field), str) and error[field], (
            f"error field '{field}' missing or empty\n{describe_response(response)}")
    uuid.UUID(error["support_code"])  # a UUID, as the contract says
    if name is not None:
        assert error["name"] == name, describe_response(response)
    return error


def assert_cli_bad_input(result):
    """Exit 2 with a one-line reason on stderr."""
    assert result.code == EXIT_BAD_INPUT, result.describe()
    reason = result.stderr.strip()
    assert reason, result.describe()
    assert "\n" not in reason, "stderr must be one line\n" + result.describe()


# --- PostgreSQL ----------------------------------------------------------------------------

POSTGRES_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")


class PostgresCluster:
    """A throwaway cluster: scripts/test-postgres.sh when present, else a local initdb."""

    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-itest-pg-"))
        os.chmod(self.dir, 0o755)  # the cluster may run as the postgres user
        self.url = None
        self.script = REPO_ROOT / "scripts" / "test-postgres.sh"
        self.used_script = False

    def start(self):
        if self.script.exists():
            completed = subprocess.run([str(self.script), "start", str(self.dir)],
                                       capture_output=True, text=True, timeout=120)
            lines = completed.stdout.strip().splitlines()
            if completed.returncode != 0 or not lines or not lines[-1].startswith("postgresql://"):
                raise AssertionError(f"scripts/test-postgres.sh start failed "
                                     f"({completed.returncode}):\n{completed.stdout}\n"
                                     f"{completed.stderr}")
            self.used_script = True
            self.url = lines[-1].strip()
        else:
            self.url = self._start_local()
        return self.url

    def stop(self):
        if self.used_script:
            subprocess.run([str(self.script), "stop", str(self.dir)], capture_output=True,
                           timeout=120)
        elif self.url is not None:
            self._as_postgres([str(POSTGRES_BIN / "pg_ctl"), "-D",
                               str(self.dir / "data"), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)

    def stop_server(self, mode="fast"):
        """Stops the cluster's server (`pg_ctl -m fast`: sessions are cut) but keeps its data,
        so start_server() brings the same databases back on the same port."""
        self._as_postgres([str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m",
                           mode, "-w", "-t", "60", "stop"])

    def start_server(self):
        port = urllib.parse.urlsplit(self.url).port
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {self.dir} -c fsync=off"
        self._as_postgres([str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-o",
                           options, "-l", str(self.dir / "restart.log"), "-w", "-t", "60",
                           "start"])

    def create_database(self):
        """A new empty database; returns its URL."""
        import psycopg2  # only needed for the PostgreSQL backend

        name = "sspr_" + uuid.uuid4().hex[:16]
        connection = psycopg2.connect(self.url)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        finally:
            connection.close()
        parts = urllib.parse.urlsplit(self.url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + name))

    # Fallback when the project script is missing: the same thing, done here.
    def _as_postgres(self, args):
        if os.geteuid() == 0:
            args = ["runuser", "-u", "postgres", "--", *args]
        return subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)

    def _start_local(self):
        data = self.dir / "data"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._as_postgres([str(POSTGRES_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U",
                           "postgres", "-E", "UTF8", "--no-sync"])
        port = free_loopback_port()
        options = f"-h 127.0.0.1 -p {port} -k {self.dir} -F"
        self._as_postgres([str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                           str(self.dir / "postgres.log"), "-w", "start"])
        return f"postgresql://postgres@127.0.0.1:{port}/postgres"


# --- "writing nothing (checked)" ------------------------------------------------------------


def cli_snapshot(backend, domain):
    """Everything observable about a tenant through the CLI, including its audit record ids."""
    tenants = items_of(backend.cli_ok("tenant", "list"), "tenants")
    users = items_of(backend.cli_ok("user", "list", "--tenant", domain), "users")
    user_details = [backend.cli_ok("user", "show", "--upn", user["upn"]) for user in users]
    groups = items_of(backend.cli_ok("group", "list", "--tenant", domain), "groups")
    group_details = [
        backend.cli_ok("group", "show", "--tenant", domain, "--name", group["name"])
        for group in groups
    ]
    subscriptions = items_of(backend.cli_ok("license", "list", "--tenant", domain),
                             "subscriptions")
    events = items_of(backend.cli_ok("audit", "list", "--tenant", domain, "--limit", "10000"),
                      "events")
    audit_ids = [event["id"] for event in events]
    assert audit_ids, "the audit log is empty: a later comparison would prove nothing"
    return {
        "tenants": sorted(json.dumps(t, sort_keys=True) for t in tenants),
        "users": sorted(json.dumps(u, sort_keys=True) for u in user_details),
        "groups": sorted(json.dumps(g, sort_keys=True) for g in group_details),
        "subscriptions": sorted(json.dumps(s, sort_keys=True) for s in subscriptions),
        "audit_ids": audit_ids,
    }


def api_snapshot(api):
    """Everything observable about the token's tenant through the API, with audit ids."""
    tenant = api.ok("GET", "/api/v1/tenant")
    users = items_of(api.ok("GET", "/api/v1/users"), "users")
    user_details = [api.ok("GET", "/api/v1/users/" + quote(u["upn"])) for u in users]
    groups = items_of(api.ok("GET", "/api/v1/groups"), "groups")
    group_details = [api.ok("GET", "/api/v1/groups/" + quote(g["name"])) for g in groups]
    subscriptions = items_of(api.ok("GET", "/api/v1/subscriptions"), "subscriptions")
    events = items_of(api.ok("GET", "/api/v1/audit"), "events")
    audit_ids = [event["id"] for event in events]
    assert audit_ids, "the audit log is empty: a later comparison would prove nothing"
    return {
        "tenant": json.dumps(tenant, sort_keys=True),
        "users": sorted(json.dumps(u, sort_keys=True) for u in user_details),
        "groups": sorted(json.dumps(g, sort_keys=True) for g in group_details),
        "subscriptions": sorted(json.dumps(s, sort_keys=True) for s in subscriptions),
        "audit_ids": audit_ids,
    }


def quote(segment):
    """One URL path segment (UPNs and group names may hold spaces, '#', '^', ...)."""
    return urllib.parse.quote(segment, safe="@")


def audit_events_cli(backend, domain):
    return items_of(backend.cli_ok("audit", "list", "--tenant", domain, "--limit", "10000"),
                    "events")


def audit_events_api(api):
    return items_of(api.ok("GET", "/api/v1/audit"), "events")
