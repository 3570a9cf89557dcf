"""Loopback sinks that record the messages the server sends, for integration tests.

    with SmtpSink() as smtp:              # aiosmtpd on 127.0.0.1, a free port
        ... smtp.port, smtp.messages      # list of email.message.EmailMessage
    with SmtpSink(username="u", password="p", starttls=True) as smtp:
        ... smtp.cert_file                # self-signed certificate for 127.0.0.1 (CA file)
    with HttpSink() as sink:              # http.server in a thread
        ... sink.url, sink.requests       # list of dicts (method, path, headers, body, ...)
    sink.fail_next(2)                     # the next 2 requests get HTTP 500

Everything listens on 127.0.0.1 only; certificates and keys live in a temporary directory
that is removed on exit. Only Debian packages are used (python3-aiosmtpd, openssl).
"""

import email
import email.policy
import http.server
import json
import logging
import pathlib
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import urllib.parse
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LOOPBACK = "127.0.0.1"

# AUTH without TLS is what the plain-SMTP tests exercise on purpose: keep aiosmtpd quiet about it.
logging.getLogger("mail.log").setLevel(logging.ERROR)


class _QuietController(Controller):
    def factory(self):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
            return super().factory()


def free_port():
    """A loopback port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def self_signed_certificate(folder):
    """Writes cert.pem and key.pem for 127.0.0.1 / localhost into `folder`; returns both paths."""
    folder = pathlib.Path(folder)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60)
    return cert, key


class _SmtpRecorder:
    """aiosmtpd handler: records envelopes and parsed messages into the sink."""

    def __init__(self, sink):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.sink._lock:
            self.sink.rcpt_attempts += 1
        if self.sink.reject_recipients:
            return self.sink.reject_recipients
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        auth = session.auth_data
        with self.sink._lock:
            self.sink.envelopes.append({
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "authenticated_as": auth if isinstance(auth, str) else None,
                "tls": session.ssl is not None or self.sink.implicit_tls,
                "raw": envelope.content,
            })
            self.sink.messages.append(message)
        return "250 Message accepted for delivery"


class SmtpSink:
    """An SMTP server on loopback that accepts and records every message.

    username/password: AUTH (PLAIN and LOGIN) is required and only this pair is accepted.
    starttls: STARTTLS is offered and required (self-signed certificate, see cert_file).
    implicit_tls: TLS from the first byte (smtps://); exclusive with starttls.
    reject_recipients: an SMTP reply such as "550 5.1.1 No such user" given to every RCPT.

    After a message: messages[i] is an email.message.EmailMessage, envelopes[i] a dict with
    mail_from, rcpt_tos, authenticated_as, tls and raw (bytes). auth_attempts and
    rcpt_attempts count what clients tried.
    """

    def __init__(self, username=None, password=None, starttls=False, implicit_tls=False,
                 reject_recipients=None):
        assert not (starttls and implicit_tls), "starttls and implicit_tls exclude each other"
        self.username = username
        self.password = password
        self.starttls = starttls
        self.implicit_tls = implicit_tls
        self.reject_recipients = reject_recipients
        self.host = LOOPBACK
        self.port = None
        self.cert_file = None
        self.messages = []
        self.envelopes = []
        self.auth_attempts = 0
        self.rcpt_attempts = 0
        self._lock = threading.Lock()
        self._folder = None
        self._controller = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        with self._lock:
            self.auth_attempts += 1
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        ok = login == self.username and password == self.password
        return AuthResult(success=ok, handled=False, auth_data=login if ok else None)

    def __enter__(self):
        self._folder = pathlib.Path(tempfile.mkdtemp(prefix="sspr-smtp-sink-"))
        kwargs = {}
        if self.starttls or self.implicit_tls:
            cert, key = self_signed_certificate(self._folder)
            self.cert_file = str(cert)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(cert), str(key))
            if self.starttls:
                kwargs.update(tls_context=context, require_starttls=True)
            else:
                kwargs.update(ssl_context=context)
        if self.username is not None:
            kwargs.update(authenticator=self._authenticate, auth_required=True,
                          auth_require_tls=self.starttls)
        self.port = free_port()
        self._controller = _QuietController(_SmtpRecorder(self), hostname=self.host,
                                            port=self.port, **kwargs)
        try:
            self._controller.start()
        except Exception:
            self._cleanup()
            raise
        return self

    def __exit__(self, *exc):
        self._cleanup()
        return False

    def _cleanup(self):
        if self._controller is not None:
            try:
                self._controller.stop()
            except AssertionError:  # never started
                pass
            self._controller = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    @property
    def url(self):
        return f"{'smtps' if self.implicit_tls else 'smtp'}://{self.host}:{self.port}"


class _HttpRecorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _record(self):
        sink = self.server.sink
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with sink._lock:
            if sink._failures_left > 0:
                sink._failures_left -= 1
                status = sink._failure_status
            else:
                status = sink.status
            record = {
                "method": self.command,
                "path": self.path,
                "headers": {name.lower(): value for name, value in self.headers.items()},
                "body": body,
                "text": body.decode("utf-8", "replace"),
                "status": status,
            }
            content_type = record["headers"].get("content-type", "")
            if content_type.startswith("application/json"):
                try:
                    record["json"] = json.loads(body)
                except ValueError:
                    record["json"] = None
            if content_type.startswith("application/x-www-form-urlencoded"):
                record["form"] = dict(urllib.parse.parse_qsl(record["text"],
                                                             keep_blank_values=True))
            sink.requests.append(record)
        answer = json.dumps({"status": status}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_POST = _record
    do_GET = _record
    do_PUT = _record

    def log_message(self, format, *args):  # keep test output quiet
        pass


class HttpSink:
    """An HTTP server on loopback that records every request and answers `status` (200).

    requests[i] is a dict: method, path, headers (names in lower case), body (bytes), text,
    status (what the sink answered), and json or form when the body was of that type.
    fail_next(n, status=500) makes the next n requests fail with that status.
    """

    def __init__(self, status=200):
        self.status = status
        self.requests = []
        self.url = None
        self.port = None
        self._lock = threading.Lock()
        self._failures_left = 0
        self._failure_status = 500
        self._server = None
        self._thread = None

    def fail_next(self, count, status=500):
        with self._lock:
            self._failures_left = count
            self._failure_status = status

    def delivered(self):
        """The requests that were answered with a 2xx status."""
        with self._lock:
            return [r for r in self.requests if 200 <= r["status"] <= 299]

    def __enter__(self):
        self._server = http.server.ThreadingHTTPServer((LOOPBACK, 0), _HttpRecorder)
        self._server.daemon_threads = True
        self._server.sink = self
        self.port = self._server.server_address[1]
        self.url = f"http://{LOOPBACK}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        return False
