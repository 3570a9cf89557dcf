"""No secret in what the server and the CLI write (issue 9): a session-wide registry of every
secret the tests use, a record of every output the server and the CLI produced, and a scanner
that runs at the end of the session (conftest.py, pytest_sessionfinish) and fails the run naming
file, secret kind and test, never the secret.

What is registered, and where (the harness does it; tests need not):
  * secrets the tests SEND: in every JSON body sent with `requests` (sspr_harness installs a hook
    on requests.Session.send) the values of the fields in SECRET_FIELDS: passwords, security
    answers, one-time and TOTP codes; the contents of --password-file and --bind-password-file
    files and passwords given on stdin to the CLI (sspr_harness.Backend.cli);
  * secrets the tests RECEIVE: TOTP secrets ("secret", "otpauth_uri") and API tokens ("token")
    in response bodies and in the CLI's JSON output.
What is scanned (the outputs):
  * every server's stdout and stderr (its structured log), copied here when it stops;
  * every CLI run's stdout and stderr;
  * the bodies of audit exports and audit lists the tests fetched over the API, and of every
    error response (4xx/5xx) the server sent.
Where a secret legitimately appears is not an output: the file outbox and the SMTP/SMS sinks
(the delivery channel), the request bodies the tests wrote, and the one response or CLI output
that delivered a secret to the test (e.g. `sspr token create` printing the new token), and the
stdout of `sspr demo`, whose guide prints the demo users' passwords by design.

Scope: an output is searched for the secrets registered by the tests that ran while it was
being written (from the test that started the server or ran the CLI to the one during which
the server stopped), plus secrets registered outside any test. A secret reused by several tests
is registered by each. This keeps the scan linear in the size of the outputs.

Matching: a secret of digits only (a one-time or TOTP code: 6 to 8 digits, easily found by
chance among numbers) counts only as a standalone run of digits — no digit on either side — that
is not a bare JSON number (preceded by ':'). Every other secret needs at least 8 characters of
at least 4 different kinds (so "xxxxxxxx" of a bad-input test is not a secret) and counts
wherever it appears.

Public values: a value the same test also sent in a place that is not secret (a URL path
segment or query value, a JSON field that is not a secret field, a CLI argument) is not looked
for, since finding it proves nothing: an injection test sends `' OR '1'='1` both as an answer
and as a flow id, and a test that tries the password "password" calls `/users/…/password`.
"""

import json
import os
import pathlib
import re
import shutil
import tempfile
import threading
import urllib.parse

# JSON fields whose values a test sends as secrets, by field name -> kind.
SECRET_FIELDS = {
    "password": "password",
    "new_password": "password",
    "current_password": "password",
    "old_password": "password",
    "answer": "security answer",
    "code": "one-time or TOTP code",
    "bind_password": "bind password",
}
# JSON fields whose values a test receives as secrets.
RECEIVED_FIELDS = {
    "secret": "TOTP secret",
    "token": "API token",
}
_OTPAUTH_SECRET = re.compile(r"[?&]secret=([A-Z2-7]+)")
MIN_LENGTH = 8
MIN_DISTINCT = 4
CODE_PATTERN = re.compile(r"\d{6,8}")


class Secret:
    def __init__(self, kind, value, test, test_index):
        self.kind = kind
        self.value = value
        self.test = test
        self.test_index = test_index  # 0: registered outside any test


class Output:
    """One thing the server or the CLI wrote: a file (copied into the session directory when
    `keep` is called) and the secrets that legitimately appear in it."""

    def __init__(self, path, description, test, test_index, allowed=()):
        self.path = pathlib.Path(path)
        self.description = description
        self.test = test
        self.first_index = test_index  # the tests whose secrets may be in it: first..last
        self.last_index = None  # None: still being written (the latest test)
        self.allowed = set(allowed)
        self.kept = None

    def text(self):
        source = self.kept or self.path
        try:
            return source.read_text(errors="replace")
        except OSError:
            return ""


class Finding:
    def __init__(self, output, secret):
        self.output = output
        self.secret = secret

    def describe(self):
        return (f"{self.output.kept or self.output.path} ({self.output.description}, written "
                f"during {self.output.test or 'session setup'}): contains a {self.secret.kind} "
                f"used by {self.secret.test or 'session setup'}")


def is_code(value):
    return CODE_PATTERN.fullmatch(value) is not None


def is_scannable(value):
    """Whether `value` can be looked for without finding it by chance."""
    if not isinstance(value, str):
        return False
    if is_code(value):
        return True
    return len(value) >= MIN_LENGTH and len(set(value)) >= MIN_DISTINCT


class Registry:
    """The session's secrets and outputs. Thread-safe: tests start threads that send requests."""

    def __init__(self, directory=None):
        self.directory = pathlib.Path(directory or tempfile.mkdtemp(prefix="sspr-itest-outputs-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self._current_test = None
        self.test_index = 0
        self.secrets = {}  # (test index, value) -> Secret
        self.public = set()  # (test index, value) the test also sent where it is not secret
        self.outputs = []
        self._lock = threading.Lock()
        self._counter = 0

    @property
    def current_test(self):
        return self._current_test

    @current_test.setter
    def current_test(self, nodeid):
        with self._lock:
            self._current_test = nodeid
            self.test_index += 1

    # --- secrets ---------------------------------------------------------------------------

    def add_secret(self, kind, value):
        if not is_scannable(value):
            return
        with self._lock:
            index = self.test_index if self._current_test is not None else 0
            self.secrets.setdefault((index, value),
                                    Secret(kind, value, self._current_test, index))

    def add_public(self, values):
        """Values the current test sent in places that are not secret (see Public values)."""
        with self._lock:
            index = self.test_index if self._current_test is not None else 0
            self.public.update((index, v) for v in values if isinstance(v, str) and v)

    def add_sent_json(self, payload):
        """Registers the secret fields of a JSON value the test sends."""
        for kind, value in _secret_fields(payload, SECRET_FIELDS):
            self.add_secret(kind, value)

    def received_json(self, payload):
        """The secrets a JSON value delivers to the test (registered; returned so the output
        that delivered them can allow them)."""
        found = []
        for kind, value in _secret_fields(payload, RECEIVED_FIELDS):
            found.append(value)
            self.add_secret(kind, value)
        for kind, value in _secret_fields(payload, {"otpauth_uri": "TOTP secret"}):
            found.append(value)
            for secret in _OTPAUTH_SECRET.findall(value):
                found.append(secret)
                self.add_secret(kind, secret)
        return found

    # --- outputs ---------------------------------------------------------------------------

    def add_output_file(self, path, description, allowed=()):
        with self._lock:
            output = Output(path, description, self._current_test, self.test_index, allowed)
            self.outputs.append(output)
        return output

    def add_output_text(self, text, description, allowed=()):
        """Keeps `text` in the session directory as one output."""
        if not text:
            return None
        with self._lock:
            self._counter += 1
            number = self._counter
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", description)[:80]
        path = self.directory / f"{number:06d}-{slug}.txt"
        path.write_text(text, errors="replace")
        with self._lock:
            output = Output(path, description, self._current_test, self.test_index, allowed)
            output.kept = path
            output.last_index = self.test_index
            self.outputs.append(output)
        return output

    def keep(self, path):
        """Copies the output file `path` into the session directory now (its test's work
        directory may be deleted later)."""
        path = pathlib.Path(path)
        with self._lock:
            targets = [o for o in self.outputs if o.path == path]
            self._counter += 1
            number = self._counter
        if not targets or not path.exists():
            return
        copy = self.directory / f"{number:06d}-{path.name}"
        shutil.copyfile(path, copy)
        with self._lock:
            for output in targets:
                output.kept = copy
                output.last_index = self.test_index

    # --- the scan ----------------------------------------------------------------------------

    def scan(self):
        """Every (output, secret) where a registered secret appears in an output outside the
        places it legitimately appears."""
        with self._lock:
            by_index = {}
            for secret in self.secrets.values():
                if (secret.test_index, secret.value) in self.public:
                    continue
                by_index.setdefault(secret.test_index, []).append(secret)
            outputs = list(self.outputs)
            latest = self.test_index
        findings = []
        for output in outputs:
            last = output.last_index if output.last_index is not None else latest
            secrets = list(by_index.get(0, []))
            for index in range(max(output.first_index, 1), last + 1):
                secrets.extend(by_index.get(index, []))
            if not secrets:
                continue
            content = output.text()
            if not content:
                continue
            found = {}
            codes = []
            for secret in secrets:
                if secret.value in output.allowed or secret.value in found:
                    continue
                if is_code(secret.value):
                    codes.append(secret)
                elif secret.value in content:
                    found[secret.value] = secret
            if codes:
                pattern = re.compile(r"(?<![\d:])(?<!: )(" +
                                     "|".join(re.escape(c.value) for c in codes) + r")(?!\d)")
                first = {c.value: c for c in reversed(codes)}
                for match in pattern.finditer(content):
                    found.setdefault(match.group(1), first[match.group(1)])
            findings.extend(Finding(output, found[value]) for value in sorted(found))
        return findings

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)


def _secret_fields(payload, fields):
    """(kind, value) for every string under one of `fields` anywhere in a JSON value."""
    stack = [payload]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in fields and isinstance(item, str):
                    yield fields[key], item
                elif isinstance(item, (dict, list)):
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)


def _public_strings(payload, secret_fields):
    """Every string in a JSON value that is not under one of `secret_fields`."""
    stack = [payload]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in secret_fields:
                    continue
                if isinstance(item, str):
                    yield item
                elif isinstance(item, (dict, list)):
                    stack.append(item)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    yield item
                else:
                    stack.append(item)


def _url_values(path_url):
    path, _, query = path_url.partition("?")
    values = [urllib.parse.unquote(part) for part in path.split("/")]
    values += [v for _, v in urllib.parse.parse_qsl(query, keep_blank_values=True)]
    return values


# The registry of this pytest session (created on first use, so importing is free).
_registry = None


def registry():
    global _registry
    if _registry is None:
        _registry = Registry(os.environ.get("SSPR_ITEST_OUTPUT_DIR") or None)
    return _registry


def parse_json(text):
    # A body too deeply nested for Python's decoder (test_security_limits.py sends some) holds
    # no secret worth recording: it is skipped, like one that is not JSON.
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return None


# --- the hooks the harness installs --------------------------------------------------------

_AUDIT_PATHS = ("/audit", "/reports")


def install_requests_hook():
    """Registers the secrets of every JSON request a test sends and of every JSON response it
    receives, and keeps error responses and audit exports as outputs. Idempotent."""
    import requests

    if getattr(requests.Session.send, "_sspr_secret_scan", False):
        return
    original = requests.Session.send

    def send(self, request, **kwargs):
        scan = registry()
        scan.add_public(_url_values(request.path_url))
        content_type = request.headers.get("Content-Type", "") or ""
        if request.body and "json" in content_type:
            body = request.body
            if isinstance(body, bytes):
                body = body.decode("utf-8", "replace")
            payload = parse_json(body)
            if payload is not None:
                scan.add_sent_json(payload)
                scan.add_public(_public_strings(payload, SECRET_FIELDS))
        response = original(self, request, **kwargs)
        if kwargs.get("stream"):
            return response
        received = []
        if "json" in response.headers.get("Content-Type", ""):
            payload = parse_json(response.text)
            if payload is not None:
                received = scan.received_json(payload)
        path = request.path_url.split("?", 1)[0]
        if response.status_code >= 400 or any(part in path for part in _AUDIT_PATHS):
            scan.add_output_text(response.text,
                                 f"HTTP {response.status_code} {request.method} {path}",
                                 allowed=received)
        return response

    send._sspr_secret_scan = True
    requests.Session.send = send


def record_cli_run(args, stdin, stdout, stderr):
    """Registers the secrets a CLI run was given (password files, stdin) and received (its JSON
    output), and keeps its stdout and stderr as outputs."""
    scan = registry()
    args = [str(a) for a in args]
    for option, kind in (("--password-file", "password"),
                         ("--bind-password-file", "bind password")):
        for index, arg in enumerate(args[:-1]):
            if arg == option and args[index + 1] != "-":
                try:
                    scan.add_secret(kind, pathlib.Path(args[index + 1]).read_text().strip("\n"))
                except OSError:
                    pass
    secret_files = {args[i + 1] for i, a in enumerate(args[:-1])
                    if a in ("--password-file", "--bind-password-file")}
    scan.add_public(a for a in args if a not in secret_files)
    if isinstance(stdin, str) and stdin.strip("\n"):
        scan.add_secret("password (CLI stdin)", stdin.strip("\n"))
    payload = parse_json(stdout)
    received = scan.received_json(payload) if payload is not None else []
    command = " ".join(a for a in args if not a.startswith("-"))[:60]
    scan.add_output_text(stdout, f"CLI stdout sspr {command}", allowed=received)
    scan.add_output_text(stderr, f"CLI stderr sspr {command}")
