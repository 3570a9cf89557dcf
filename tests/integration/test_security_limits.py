"""Request limits (issue 9): what a hostile client sends is refused QUICKLY, and the server
serves everyone else meanwhile.

- an oversized body: 413 from the configured [server] max_body_bytes (64 KiB by default);
  far beyond it the connection is closed without reading the rest;
- deeply nested JSON: 400 MalformedRequest before any parser recursion ([server]
  max_json_depth, 32 by default);
- a huge header or too many headers: refused (4xx) or the connection closed;
- slow clients (slowloris): headers or a body trickled a byte at a time are cut off at
  [server] request_timeout_seconds for the whole request, however steadily they trickle.

Every refusal is timed against an upper bound with a generous margin for a loaded machine.
(test_bad_input_api.py shows that refused bodies write nothing.)"""

import socket
import threading
import time

import pytest
import requests

import sspr_harness as h

TIMEOUT_SECONDS = 2     # the server's request_timeout_seconds in these tests
QUICK_SECONDS = 3.0     # "quickly": a refusal that needs no timeout
MARGIN_SECONDS = 4.0    # on top of the timeout for the slow-client cut-off


@pytest.fixture
def server(backend):
    server = backend.server(env={"SSPR_SERVER_REQUEST_TIMEOUT_SECONDS": str(TIMEOUT_SECONDS),
                                 "SSPR_CAPTCHA_DIFFICULTY": "20"})
    yield server
    if server.running():
        server.stop_gracefully()


def connect(server):
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def read_answer(sock, limit_seconds):
    """Everything the server sends until it closes or `limit_seconds` pass: (bytes, closed)."""
    sock.settimeout(0.2)
    deadline = time.monotonic() + limit_seconds
    data = b""
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        except (ConnectionResetError, BrokenPipeError):
            return data, True
        if not chunk:
            return data, True
        data += chunk
        if b"\r\n\r\n" in data and b"content-length: 0" not in data.lower():
            head, _, body = data.partition(b"\r\n\r\n")
            length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:")]
            if length and len(body) >= length[0]:
                return data, False
    return data, False


def status_of(answer):
    first = answer.split(b"\r\n", 1)[0].split()
    return int(first[1]) if len(first) >= 2 and first[0].startswith(b"HTTP/") else None


def healthy(server):
    return requests.get(server.base_url + "/healthz", timeout=5).status_code == 200


def reset_start_is_served(server):
    response = requests.post(server.base_url + "/api/v1/reset/flows",
                             json={"user_id": "nobody@nowhere.test"}, timeout=5)
    # No CAPTCHA: refused by the flow itself, so the request went all the way through.
    return 400 <= response.status_code < 500 and response.json()["error"]["name"].startswith(
        "Captcha")


def send_all(sock, data):
    try:
        sock.sendall(data)
    except (ConnectionResetError, BrokenPipeError):
        pass


def test_an_oversized_body_is_refused_quickly_with_413(server):
    body = b'{"user_id": "' + b"a" * (1 << 20) + b'"}'
    began = time.monotonic()
    response = requests.post(server.base_url + "/api/v1/reset/flows", data=body, timeout=30,
                             headers={"Content-Type": "application/json"})
    assert time.monotonic() - began < QUICK_SECONDS
    h.assert_api_error(response, 413)
    assert reset_start_is_served(server)


def test_a_declared_length_far_beyond_the_limit_is_not_waited_for(server):
    # 1 GiB announced, a few bytes sent: answered 413 or closed, not read for a minute.
    sock = connect(server)
    began = time.monotonic()
    send_all(sock, b"POST /api/v1/reset/flows HTTP/1.1\r\nHost: x\r\n"
                   b"Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{")
    answer, closed = read_answer(sock, TIMEOUT_SECONDS + MARGIN_SECONDS)
    elapsed = time.monotonic() - began
    sock.close()
    assert closed or status_of(answer) == 413, answer[:200]
    assert status_of(answer) in (None, 413), answer[:200]
    assert elapsed < TIMEOUT_SECONDS + MARGIN_SECONDS
    assert healthy(server)


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_is_refused_quickly_with_400(server, opening):
    body = opening * 100_000 + "1" + ("]" if opening == "[" else "}") * 100_000
    began = time.monotonic()
    response = requests.post(server.base_url + "/api/v1/reset/flows", data=body[:60_000],
                             timeout=30, headers={"Content-Type": "application/json"})
    assert time.monotonic() - began < QUICK_SECONDS
    h.assert_api_error(response, 400, "MalformedRequest")
    # Just past the configured depth (32) is refused too; the server is still there.
    nested = '{"user_id": ' + "[" * 40 + "]" * 40 + "}"
    h.assert_api_error(requests.post(server.base_url + "/api/v1/reset/flows", data=nested,
                                     timeout=10, headers={"Content-Type": "application/json"}),
                       400, "MalformedRequest")
    assert reset_start_is_served(server)


@pytest.mark.parametrize("headers", [
    b"X-Big: " + b"a" * 64 * 1024 + b"\r\n",                        # one huge value
    b"X-" + b"n" * 4096 + b": 1\r\n",                                 # one huge name
    b"".join(b"X-Many-%d: 1\r\n" % i for i in range(500)),           # too many headers
])
def test_huge_or_too_many_headers_are_refused_quickly(server, headers):
    sock = connect(server)
    began = time.monotonic()
    send_all(sock, b"GET /readyz HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    answer, closed = read_answer(sock, QUICK_SECONDS + 2)
    elapsed = time.monotonic() - began
    sock.close()
    status = status_of(answer)
    assert closed or (status is not None and 400 <= status < 500), answer[:200]
    assert status is None or 400 <= status < 500, answer[:200]
    assert elapsed < QUICK_SECONDS
    assert healthy(server)


def trickle(sock, data, interval, stop):
    """Sends `data` one byte per `interval` until it is all sent, the peer is gone or `stop`
    is set; returns the time the peer was found gone (or None)."""
    for byte in data:
        if stop.is_set():
            return None
        try:
            sock.sendall(bytes([byte]))
        except OSError:
            return time.monotonic()
        time.sleep(interval)
    return None


def assert_cut_off_while_others_are_served(server, data):
    """Ten slow clients trickle `data`; each is closed by the server within the request
    timeout (plus margin), and /healthz and the reset API answer all along."""
    stop = threading.Event()
    socks = [connect(server) for _ in range(10)]
    began = time.monotonic()
    closed_at = [None] * len(socks)

    def slow(index):
        gone = trickle(socks[index], data, 0.2, stop)
        if gone is None and not stop.is_set():
            answer, closed = read_answer(socks[index], MARGIN_SECONDS)
            gone = time.monotonic() if closed else None
        closed_at[index] = gone

    threads = [threading.Thread(target=slow, args=(i,), daemon=True) for i in range(len(socks))]
    for thread in threads:
        thread.start()
    served = 0
    while any(thread.is_alive() for thread in threads) and (
            time.monotonic() - began < TIMEOUT_SECONDS + MARGIN_SECONDS + 5):
        assert healthy(server)
        assert reset_start_is_served(server)
        served += 1
        time.sleep(0.1)
    stop.set()
    for thread in threads:
        thread.join(timeout=5)
    for sock in socks:
        sock.close()
    assert served >= 3
    for gone in closed_at:
        assert gone is not None, "a slow client was never cut off"
        assert gone - began < TIMEOUT_SECONDS + MARGIN_SECONDS, gone - began


def test_slowloris_headers_are_cut_off_at_the_request_timeout(server):
    # 600 header bytes at 5 per second would take two minutes.
    data = b"GET /readyz HTTP/1.1\r\nHost: x\r\n" + b"X-Slow: " + b"a" * 600 + b"\r\n\r\n"
    assert_cut_off_while_others_are_served(server, data)


def test_a_trickled_body_is_cut_off_at_the_request_timeout(server):
    body = b'{"user_id": "' + b"a" * 600 + b'"}'
    data = (b"POST /api/v1/reset/flows HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body)) + body
    assert_cut_off_while_others_are_served(server, data)
