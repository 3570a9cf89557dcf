"""Fixtures of the integration suite: the binary, a session-wide PostgreSQL cluster, a fresh
database per test on each backend, running servers, and an API-ready tenant."""

import pathlib
import shutil
import tempfile
import types

import os

import pytest

import secret_scan
import sspr_harness as h

ALL_BACKENDS = ["sqlite", "postgresql"]


def _backends_from_environment():
    """The store backends the `backend` fixture runs on: both, or those named in
    SSPR_TEST_BACKENDS (comma separated; the sanitized run uses "sqlite", docs/TESTING.md)."""
    wanted = os.environ.get("SSPR_TEST_BACKENDS", "").strip()
    if not wanted:
        return ALL_BACKENDS
    names = [name.strip() for name in wanted.split(",") if name.strip()]
    unknown = [name for name in names if name not in ALL_BACKENDS]
    if unknown or not names:
        raise pytest.UsageError(
            f"SSPR_TEST_BACKENDS={wanted!r}: expected a comma-separated list of "
            f"{', '.join(ALL_BACKENDS)}")
    return names


BACKENDS = _backends_from_environment()


# --- no secret in what the server and the CLI wrote (secret_scan.py) ------------------------


def pytest_configure(config):
    secret_scan.install_requests_hook()
    config.addinivalue_line(
        "markers", "timing: compares response times; left out of the sanitized run, whose "
        "instrumented build times differently from the product (docs/TESTING.md)")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Secrets and outputs registered from here on belong to this test.
    secret_scan.registry().current_test = item.nodeid


def pytest_sessionfinish(session, exitstatus):
    """Scans every server and CLI output of the session for every secret the tests used; a hit
    fails the run, naming file, secret kind and test (never the secret)."""
    if getattr(session.config.option, "collectonly", False):
        return
    scan = secret_scan.registry()
    findings = scan.scan()
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")

    def say(line):
        if reporter is not None:
            reporter.ensure_newline()
            reporter.write_line(line)
        else:
            print(line)

    if findings:
        say(f"secret scan: {len(findings)} secret(s) found in server/CLI output "
            f"(outputs kept in {scan.directory}):")
        for finding in findings:
            say("  " + finding.describe())
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        return
    say(f"secret scan: {len(scan.secrets)} secrets, {len(scan.outputs)} server/CLI outputs, "
        "no secret found")
    if os.environ.get("SSPR_ITEST_OUTPUT_DIR"):
        return  # the caller's directory: kept
    scan.remove()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Remember each phase's report so fixtures can tell, at teardown, whether the test failed.
    outcome = yield
    report = outcome.get_result()
    setattr(item, "report_" + report.when, report)


def _failed(request):
    return any(
        getattr(getattr(request.node, "report_" + phase, None), "failed", False)
        for phase in ("setup", "call"))


@pytest.fixture(scope="session")
def binary():
    path = h.sspr_binary()
    if not path.is_file():
        pytest.fail(f"sspr binary not found at {path}: build it or set SSPR_BINARY", pytrace=False)
    return path


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL cluster for the whole session, stopped even on failure."""
    cluster = h.PostgresCluster()
    try:
        cluster.start()
    except Exception:
        cluster.stop()
        raise
    yield cluster
    cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request, binary):
    """A fresh, empty database on SQLite (`--data DIR`) or PostgreSQL (`--db URL`)."""
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix=f"sspr-itest-{request.param}-"))
    if request.param == "sqlite":
        store_args = ["--data", str(work_dir / "data")]
    else:
        cluster = request.getfixturevalue("postgres_cluster")
        store_args = ["--db", cluster.create_database()]
    backend = h.Backend(request.param, binary, store_args, work_dir)
    yield backend
    backend.stop_all()
    for server in backend.servers:
        server.keep_outputs()  # for the secret scan, before work_dir goes
    if _failed(request):
        # Shown under "Captured stdout teardown" of the failing test.
        print(f"\n=== server logs ({request.param}, kept in {work_dir}) ===\n{backend.logs()}")
    else:
        shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture
def server(backend):
    """A running `sspr serve` on the backend's database; must stop gracefully at the end."""
    server = backend.server()
    yield server
    if server.running():
        server.stop_gracefully()


def create_tenant_with_token(backend, name, domain, role=None):
    """Creates a tenant through the CLI and returns (tenant JSON, global or `role` token)."""
    tenant = backend.cli_ok("tenant", "create", "--name", name, "--domain", domain)
    args = ["token", "create", "--tenant", domain, "--name", "itest-" + (role or "global")]
    if role:
        args += ["--role", role]
    created = backend.cli_ok(*args)
    assert isinstance(created.get("token"), str) and len(created["token"]) >= 16, created
    return tenant, created["token"]


def token_for(backend, domain, role, name):
    created = backend.cli_ok("token", "create", "--tenant", domain, "--name", name, "--role", role)
    return created["token"]


@pytest.fixture
def contoso(backend):
    """Tenant Contoso (contoso.test) with a global-administrator token, and a running server.

    Tokens are created before the server starts so SQLite never sees a CLI writer next to the
    server; tests that need more tokens create them here too (see `extra_tokens`)."""
    tenant, token = create_tenant_with_token(backend, "Contoso", "contoso.test")
    tokens = {
        role: token_for(backend, "contoso.test", role, "itest-" + role)
        for role in ("billing-administrator", "user-administrator")
    }
    server = backend.server()
    env = types.SimpleNamespace(
        backend=backend,
        server=server,
        domain="contoso.test",
        tenant=tenant,
        token=token,
        tokens=tokens,
        api=h.Api(server.base_url, token),
    )
    yield env
    if server.running():
        server.stop_gracefully()


@pytest.fixture(scope="session")
def slapd():
    """One throwaway OpenLDAP server (slapd_server.py) for the whole session, stopped even on
    failure."""
    import slapd_server

    server = slapd_server.SlapdServer()
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture(scope="session")
def samba_ad():
    """One throwaway Samba AD domain controller (samba_ad.py), started only when a test asks for
    it, for the whole session; stopped even on failure."""
    import samba_ad as samba_ad_module

    server = samba_ad_module.SambaAd()
    try:
        server.start()
    except Exception:
        server.stop()
        raise
    yield server
    server.stop()
