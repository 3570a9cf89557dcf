"""Operations features of `sspr serve` (issue 8; SPEC §15): built-in TLS with the certificate
read again on SIGHUP and HSTS only over TLS; X-Forwarded-For honoured only from
[server] trusted_proxies; Prometheus /metrics (loopback only, or with its token); graceful
shutdown that answers every request in flight and exits 0. The features do not depend on the
database, so these run on SQLite."""

import concurrent.futures
import os
import re
import signal
import ssl
import subprocess
import threading
import time
import uuid
import warnings

import pytest
import requests

import reset_client as rc
import sspr_harness as h

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
warnings.filterwarnings("ignore", message="Unverified HTTPS request")


def make_certificate(directory, name, common_name):
    cert, key = directory / f"{name}.pem", directory / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj",
                    f"/CN={common_name}", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def served_certificate(server):
    """The certificate a new TLS connection gets, as DER."""
    pem = ssl.get_server_certificate(("127.0.0.1", server.port))
    return ssl.PEM_cert_to_DER_cert(pem)


def der_of(path):
    return ssl.PEM_cert_to_DER_cert(path.read_text())


def test_tls_serves_the_certificate_and_reloads_it_on_sighup(backend, tmp_path):
    first_cert, first_key = make_certificate(tmp_path, "first", "sspr-first")
    second_cert, second_key = make_certificate(tmp_path, "second", "sspr-second")
    live_cert, live_key = tmp_path / "live.pem", tmp_path / "live.key"
    live_cert.write_bytes(first_cert.read_bytes())
    live_key.write_bytes(first_key.read_bytes())
    server = backend.server(tls=True, env={"SSPR_SERVER_TLS_CERTIFICATE": str(live_cert),
                                           "SSPR_SERVER_TLS_PRIVATE_KEY": str(live_key)})
    assert served_certificate(server) == der_of(first_cert)
    response = requests.get(server.base_url + "/readyz", verify=str(first_cert), timeout=10)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    # Plain HTTP on the TLS port gets no answer worth the name.
    with pytest.raises(requests.RequestException):
        requests.get(f"http://127.0.0.1:{server.port}/healthz", timeout=5).raise_for_status()

    # A client keeps its connection across the reload; new connections get the new pair.
    kept = requests.Session()
    assert kept.get(server.base_url + "/healthz", verify=False, timeout=10).status_code == 200
    live_cert.write_bytes(second_cert.read_bytes())
    live_key.write_bytes(second_key.read_bytes())
    server.process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and served_certificate(server) != der_of(second_cert):
        time.sleep(0.1)
    assert served_certificate(server) == der_of(second_cert)
    assert kept.get(server.base_url + "/healthz", verify=False, timeout=10).status_code == 200
    assert "TLS certificate reloaded" in server.stderr()

    # A broken pair is refused and the current one stays.
    live_key.write_bytes(first_key.read_bytes())  # does not match the second certificate
    server.process.send_signal(signal.SIGHUP)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "not reloaded" not in server.stderr():
        time.sleep(0.1)
    assert "not reloaded" in server.stderr()
    assert served_certificate(server) == der_of(second_cert)
    assert server.running()
    server.stop_gracefully()


def test_plain_http_sends_no_hsts(backend):
    server = backend.server()
    response = requests.get(server.base_url + "/readyz", timeout=10)
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers


def logged_client_ip(server, correlation_id):
    for line in server.stderr().splitlines():
        if correlation_id in line and '"msg":"request' in line:
            return re.search(r'"client_ip":"([^"]*)"', line).group(1)
    raise AssertionError(f"no log line for {correlation_id}\n{server.stderr()}")


def client_ip_seen(server, forwarded_for):
    correlation_id = str(uuid.uuid4())
    response = requests.get(server.base_url + "/readyz", timeout=10,
                            headers={"X-Forwarded-For": forwarded_for,
                                     "X-Correlation-Id": correlation_id})
    assert response.status_code == 200
    time.sleep(0.05)
    return logged_client_ip(server, correlation_id)


def test_forwarded_for_is_honoured_only_from_trusted_proxies(backend):
    untrusting = backend.server(name="untrusting")
    assert client_ip_seen(untrusting, "198.51.100.7") == "127.0.0.1"
    trusting = backend.server(name="trusting",
                              env={"SSPR_SERVER_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"})
    assert client_ip_seen(trusting, "198.51.100.7") == "198.51.100.7"
    # Through a trusted hop; a client-made first entry is not believed.
    assert client_ip_seen(trusting, "6.6.6.6, 198.51.100.7, 10.1.2.3") == "198.51.100.7"
    assert client_ip_seen(trusting, "not-an-address") == "127.0.0.1"
    untrusting.stop_gracefully()
    trusting.stop_gracefully()


def test_a_bad_trusted_proxies_setting_stops_the_server(backend):
    result = subprocess.run([str(backend.binary), *backend.store_args, "serve", "--listen",
                             "127.0.0.1:0"], env={"SSPR_SERVER_TRUSTED_PROXIES": "10.0.0.0/40",
                                                  "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=30, cwd=backend.work_dir)
    assert result.returncode != 0
    assert "trusted_proxies" in result.stderr


def metric_value(text, name, labels):
    pattern = re.escape(name + labels) + r" (\S+)"
    match = re.search(r"^" + pattern + r"$", text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


def test_metrics_count_requests_resets_and_throttle_blocks(backend, tmp_path, monkeypatch):
    server, _, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    api = h.Api(server.base_url)
    before = api.get("/metrics")
    assert before.status_code == 200, h.describe_response(before)
    assert before.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    flow = rc.started(api)
    rc.pass_email(api, flow, outbox)
    assert rc.set_password(api, flow["id"]).status_code == 200
    # A success clears the counters: 5 more starts are allowed, the 6th is blocked.
    for _ in range(6):
        api.post("/api/v1/reset/flows", json={"user_id": rc.ALICE,
                                              "captcha": rc.solved_captcha(api)})
    text = api.get("/metrics").text
    assert metric_value(text, "sspr_http_requests_total", '{family="reset",status="201"}') >= 1
    assert metric_value(text, "sspr_resets_total", '{outcome="success"}') == 1
    assert metric_value(text, "sspr_throttle_blocks_total", '{family="reset"}') >= 1
    assert metric_value(text, "sspr_http_request_duration_seconds_count", '{family="reset"}') >= 4
    assert metric_value(text, "sspr_store_pool_sessions", '{state="size"}') >= 1
    # The reset's new password went through the Argon2id limiter, which is idle again.
    assert metric_value(text, "sspr_password_hash_slots", "") >= 1
    assert metric_value(text, "sspr_password_hashes_total", "") >= 1
    assert metric_value(text, "sspr_password_hashes", '{state="waiting"}') == 0
    assert "# TYPE sspr_password_hash_wait_seconds_total counter" in text
    # SQLite's one writer: its log holds the reset's pages; PostgreSQL has no such writer.
    if backend.name == "sqlite":
        assert metric_value(text, "sspr_store_wal_frames", "") > 0
        assert "# TYPE sspr_store_wal_checkpoint_errors_total counter" in text
        # Every write went through the group commit: at least the reset's steps, none lost.
        batches = metric_value(text, "sspr_store_write_batches_total", "")
        assert batches >= 4
        assert metric_value(text, "sspr_store_batched_writes_total", "") >= batches
    else:
        assert "sspr_store_wal_frames" not in text
        assert "sspr_store_write_batches_total" not in text
    assert "# TYPE sspr_http_request_duration_seconds histogram" in text
    assert "# TYPE sspr_notifier_errors_total counter" in text
    assert "# TYPE sspr_directory_errors_total counter" in text
    # No secret in the metrics: the code, the password, the address.
    assert rc.NEW_PASSWORD not in text and rc.ALICE not in text


def test_metrics_with_a_token_file_need_the_token(backend, tmp_path):
    token_file = tmp_path / "metrics-token"
    token_file.write_text("scrape-me-" + uuid.uuid4().hex + "\n")
    token = token_file.read_text().strip()
    server = backend.server(env={"SSPR_METRICS_TOKEN_FILE": str(token_file)})
    h.assert_api_error(requests.get(server.base_url + "/metrics", timeout=10), 401)
    h.assert_api_error(requests.get(server.base_url + "/metrics", timeout=10,
                                    headers={"Authorization": "Bearer wrong"}), 401)
    response = requests.get(server.base_url + "/metrics", timeout=10,
                            headers={"Authorization": "Bearer " + token})
    assert response.status_code == 200 and "sspr_http_requests_total" in response.text
    server.stop_gracefully()


def test_sigterm_finishes_every_request_in_flight_and_exits_0(backend, tmp_path, monkeypatch):
    server, _, _ = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    clients = 16
    sessions = [requests.Session() for _ in range(clients)]
    for session in sessions:  # connections open before the signal
        assert session.get(server.base_url + "/healthz", timeout=10).status_code == 200
    barrier = threading.Barrier(clients + 1)

    def sign_in(session):
        barrier.wait()
        # Argon2id verification: the slow request of the server.
        return session.post(server.base_url + "/api/v1/session", timeout=30,
                            json={"user_id": rc.ALICE, "password": rc.PASSWORD},
                            headers={"Origin": server.base_url})

    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [pool.submit(sign_in, session) for session in sessions]
        barrier.wait()
        time.sleep(0.05)
        server.process.send_signal(signal.SIGTERM)
        outcomes = [future.exception() or future.result() for future in futures]
    failures = [o for o in outcomes if isinstance(o, Exception)]
    assert not failures, failures
    assert all(o.status_code == 201 for o in outcomes), [h.describe_response(o) for o in outcomes]
    assert server.process.wait(timeout=30) == 0
    server.exit_code = 0
    assert "stopping with requests in flight" not in server.stderr()
    [stopping] = [line for line in server.stderr().splitlines() if "shutting down" in line]
    in_flight = int(re.search(r'"in_flight":(\d+)', stopping).group(1))
    assert in_flight > 0, "SIGTERM came after the requests: the test proved nothing"
    # Nothing is accepted after the stop.
    with pytest.raises(requests.ConnectionError):
        requests.get(server.base_url + "/healthz", timeout=5)


def test_readiness_reports_a_directory_outage_but_stays_ready(backend, slapd, tmp_path,
                                                              monkeypatch):
    from test_onprem_openldap import Site

    closed = h.free_loopback_port()
    site = Site(backend, slapd, tmp_path, monkeypatch, url=f"ldap://127.0.0.1:{closed}",
                timeout=2)
    ready = site.api.get("/readyz")
    assert ready.status_code == 200 and ready.json()["onprem"] == "ok", h.describe_response(ready)
    flow = site.verified_flow()
    response = rc.set_password(site.api, flow["id"], "Fresh-" + uuid.uuid4().hex[:12])
    h.assert_api_error(response, 503, "OnPremisesConnectivityError")
    ready = site.api.get("/readyz")
    assert ready.status_code == 200, h.describe_response(ready)
    assert ready.json()["onprem"] == "degraded"
    assert ready.json()["onprem_error"] == "OnPremisesConnectivityError"
    text = site.api.get("/metrics").text
    assert metric_value(text, "sspr_directory_errors_total",
                        '{error="OnPremisesConnectivityError"}') == 1
    assert metric_value(text, "sspr_resets_total", '{outcome="OnPremisesConnectivityError"}') == 1


def thread_names(pid):
    names = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/comm") as comm:
            names.append(comm.read().strip())
    return names


@pytest.mark.parametrize("fibers", ["true", "false"])
def test_threads_and_hash_processes_are_named_for_their_role(backend, fibers):
    """`top -H` and `ps -L` show what each thread does: the event loop, the threads for
    blocking work (with requests as fibers: sspr-blocking, and one sspr-worker for SIGHUP's
    reload; without: a sspr-worker per request), SQLite's checkpointer; the password-hashing
    processes show as sspr-hash."""
    server = backend.server(env={"SSPR_SERVER_IO_THREADS": "3", "SSPR_SERVER_WORKER_THREADS": "5",
                                 "SSPR_SECURITY_MAX_CONCURRENT_HASHES": "2",
                                 "SSPR_SERVER_REQUEST_FIBERS": fibers})
    names = thread_names(server.process.pid)
    assert names.count("sspr-io") == 3, names
    assert names.count("sspr-blocking") == (5 if fibers == "true" else 0), names
    assert names.count("sspr-worker") == (1 if fibers == "true" else 5), names
    assert names.count("sspr-checkpoint") == 1, names
    hash_processes = h.child_pids(server.process.pid)
    assert len(hash_processes) == 2
    for pid in hash_processes:
        with open(f"/proc/{pid}/comm") as comm:
            assert comm.read().strip() == "sspr-hash"
