"""User enumeration at the first step (SPEC §4 check 1, issue 9): an unknown user ID and a
disabled account must be indistinguishable - by status, by body (modulo the support code and
time stamp every error carries) and by timing - at the start of a reset
(POST /api/v1/reset/flows) and at sign-in (POST /api/v1/session), where a wrong password of a
known account must look the same too.

Timing: the classes are sampled interleaved in a random order each round, so a load spike hits
them all alike; each class is summarised by its median, its noise by the median absolute
deviation, and two classes are "distinguishable" when their medians differ by more than
max(floor, Z x the standard error of the difference). Both the floor (a quarter of a hash, at
least 2.5 ms) and the noise the test tolerates (half a hash) are scaled to what one Argon2id
verification costs on this server at that moment, measured first - so a loaded 2-core
machine neither makes it flake nor blinds it. It proves its power on each run: at sign-in the
same detector MUST tell apart a path that skips the hash (a synced user, refused before any
password check) from one that does it. Rounds are added while the noise is too high.
The timing tests are marked `timing`: the sanitized run leaves them out (an instrumented build's
timing is not the product's; docs/TESTING.md), and runs the answer tests.

Pass-through users (LDAP bind instead of a hash) are left out on purpose: their refusal takes
a bind's time, not a hash's (docs/ARCHITECTURE.md, "Sign-in timing").
"""

import math
import random
import statistics
import time

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token
from reset_client import solved_captcha

DOMAIN = "tailspin.test"
PASSWORD = "Kx7!morning-Tide"
WRONG = "Not-The-Password-9!"
KNOWN = "known@" + DOMAIN        # licensed, registered: may reset
DISABLED = "off@" + DOMAIN       # licensed, registered, account disabled
SYNCED = "synced@" + DOMAIN      # password hash sync: sign-in refused before any hash
UNKNOWN = "ghost@" + DOMAIN      # no such user in a known tenant
FOREIGN = "ghost@nowhere.test"   # no such tenant either

# Thresholds are relative to what one Argon2id verification costs on this server right now
# (measured in each test: sign-in of an unknown user, which verifies a dummy hash, against a
# synced user, refused before any hash), so a loaded machine neither flakes nor loses power.
FLOOR_MS = 2.5           # never stricter than this: loopback jitter of a few statements
FLOOR_OF_HASH = 0.25     # nor than a quarter of one hash: below that it is no hash
POWER_OF_HASH = 0.5      # the threshold must stay below half a hash, or the test proves nothing
Z = 3.5                  # standard errors a difference must exceed to count
WARMUP_ROUNDS = 5
ROUNDS_STEP = 40
MAX_ROUNDS = 240


@pytest.fixture
def site(backend, tmp_path):
    """Tenant Tailspin (everyone may reset by email) and the users above; the server trusts
    X-Forwarded-For from loopback so each sample can come from its own client address (the
    per-address limit on flow starts would otherwise answer ThrottledBlocked to all)."""
    _, token = create_tenant_with_token(backend, "Tailspin", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    for upn, extra in ((KNOWN, []), (DISABLED, ["--disabled"])):
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", upn.split("@")[0],
                       "--password-file", str(password_file), *extra)
        backend.cli_ok("methods", "set", "--user", upn, "--email",
                       upn.split("@")[0] + ".home@example.org")
        backend.cli_ok("license", "assign", "--user", upn, "--sku", "SPE")
    backend.cli_ok("user", "create", "--upn", SYNCED, "--display-name", "Synced", "--source",
                   "synced")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods", "email")
    server = backend.server(env={"SSPR_CAPTCHA_DIFFICULTY": "20",
                                 "SSPR_SERVER_TRUSTED_PROXIES": "127.0.0.1"})
    yield server
    if server.running():
        server.stop_gracefully()


class Addresses:
    """A fresh client address for every request (TEST-NET-2 and -3 ranges)."""

    def __init__(self):
        self.next = 0

    def __call__(self):
        self.next += 1
        return f"198.{51 + (self.next >> 16) % 2}.{(self.next >> 8) & 255}.{self.next & 255}"


def comparable(response):
    """What a client sees, minus what differs between any two answers: the support code, the
    time stamp, the correlation id (body and header) and the date."""
    body = response.json()
    if isinstance(body.get("error"), dict):
        body["error"].pop("support_code", None)
        body["error"].pop("timestamp", None)
        body["error"].pop("correlation_id", None)
    headers = {name.lower(): value for name, value in response.headers.items()
               if name.lower() not in ("x-correlation-id", "date", "content-length")}
    return response.status_code, body, headers


def median_and_error(samples):
    """The median and its standard error, from the median absolute deviation (robust to the
    odd stall a loaded machine adds)."""
    middle = statistics.median(samples)
    sigma = 1.4826 * statistics.median(abs(x - middle) for x in samples)
    return middle, 1.2533 * sigma / math.sqrt(len(samples))


def compare(a, b, floor=FLOOR_MS):
    """(difference of the medians, threshold) in milliseconds."""
    median_a, error_a = median_and_error(a)
    median_b, error_b = median_and_error(b)
    threshold = max(floor, Z * math.hypot(error_a, error_b))
    return abs(median_a - median_b), threshold


def sample(send, classes, enough):
    """Times `send(class)` for every class, interleaved in a random order each round, until
    `enough(samples)` or MAX_ROUNDS; returns {class: [milliseconds]}."""
    for _ in range(WARMUP_ROUNDS):
        for name in classes:
            send(name)
    samples = {name: [] for name in classes}
    rounds = 0
    while rounds < MAX_ROUNDS:
        for _ in range(ROUNDS_STEP):
            order = list(classes)
            random.shuffle(order)
            for name in order:
                samples[name].append(send(name))
        rounds += ROUNDS_STEP
        if enough(samples):
            break
    return samples


def report(samples):
    return ", ".join(f"{name}: median {statistics.median(values):.2f} ms (n={len(values)})"
                     for name, values in samples.items())


class Detector:
    """Tells two classes of samples apart, with thresholds scaled to one hash's cost."""

    def __init__(self, hash_ms):
        self.hash_ms = hash_ms
        self.floor = max(FLOOR_MS, FLOOR_OF_HASH * hash_ms)
        self.power_limit = POWER_OF_HASH * hash_ms

    def compare(self, a, b):
        return compare(a, b, self.floor)

    def quiet_enough(self, names):
        def enough(samples):
            return all(self.compare(samples[names[0]], samples[other])[1] <= self.power_limit
                       for other in names[1:])
        return enough

    def assert_indistinguishable(self, samples, names):
        base = names[0]
        for other in names[1:]:
            difference, threshold = self.compare(samples[base], samples[other])
            assert threshold <= self.power_limit, (
                f"too noisy to see half an Argon2id ({self.hash_ms:.1f} ms): threshold "
                f"{threshold:.2f} ms; {report(samples)}")
            assert difference <= threshold, (
                f"{base} and {other} differ by {difference:.2f} ms (threshold {threshold:.2f} "
                f"ms, one hash {self.hash_ms:.1f} ms): their work is not the same; "
                f"{report(samples)}")


def timed_sign_in(api):
    def timed(upn):
        began = time.perf_counter()
        response = api.post("/api/v1/session", json={"user_id": upn, "password": WRONG})
        elapsed = (time.perf_counter() - began) * 1000
        assert 400 <= response.status_code < 500, h.describe_response(response)
        return elapsed
    return timed


def hash_cost(api):
    """What one Argon2id verification adds to a sign-in here and now (ms): a known account's
    wrong password (its hash verified) against a synced account (refused before any hash)."""
    samples = sample(timed_sign_in(api), [KNOWN, SYNCED], lambda _: True)
    cost = statistics.median(samples[KNOWN]) - statistics.median(samples[SYNCED])
    assert cost > 0, report(samples)
    return cost


def test_reset_start_answers_unknown_and_disabled_alike(site):
    server = site
    api = h.Api(server.base_url)
    address = Addresses()

    def start(upn):
        return api.post("/api/v1/reset/flows",
                        json={"user_id": upn, "captcha": solved_captcha(api)},
                        headers={"X-Forwarded-For": address()})

    answers = {upn: start(upn) for upn in (UNKNOWN, FOREIGN, DISABLED)}
    for upn, response in answers.items():
        h.assert_api_error(response, 403, "AccountUnavailable")
    assert comparable(answers[UNKNOWN]) == comparable(answers[DISABLED])
    assert comparable(answers[FOREIGN]) == comparable(answers[DISABLED])
    # A known account that may reset is not neutral (SPEC §4: the flow starts).
    assert start(KNOWN).status_code == 201

    # Repeated from one address each, the per-address limit treats them alike too.
    repeated = {upn: [api.post("/api/v1/reset/flows",
                               json={"user_id": upn, "captcha": solved_captcha(api)},
                               headers={"X-Forwarded-For": client})
                      for _ in range(7)]
                for upn, client in ((UNKNOWN, "203.0.113.9"), (DISABLED, "203.0.113.10"))}
    assert ([comparable(r) for r in repeated[UNKNOWN]]
            == [comparable(r) for r in repeated[DISABLED]])
    assert [r.status_code for r in repeated[DISABLED]] == [403] * 5 + [429] * 2


@pytest.mark.timing
def test_reset_start_takes_as_long_for_unknown_and_disabled(site):
    server = site
    api = h.Api(server.base_url)
    address = Addresses()

    def timed(upn):
        captcha = solved_captcha(api)
        headers = {"X-Forwarded-For": address()}
        began = time.perf_counter()
        response = api.post("/api/v1/reset/flows", json={"user_id": upn, "captcha": captcha},
                            headers=headers)
        elapsed = (time.perf_counter() - began) * 1000
        assert response.status_code == 403, h.describe_response(response)
        return elapsed

    detector = Detector(hash_cost(api))
    names = [UNKNOWN, DISABLED, FOREIGN]
    samples = sample(timed, names, detector.quiet_enough(names))
    detector.assert_indistinguishable(samples, names)


def test_sign_in_answers_unknown_disabled_and_wrong_password_alike(site):
    server = site
    api = h.Api(server.base_url)

    def sign_in(upn, password=WRONG):
        return api.post("/api/v1/session", json={"user_id": upn, "password": password})

    answers = {upn: sign_in(upn) for upn in (UNKNOWN, FOREIGN, DISABLED, KNOWN)}
    for upn, response in answers.items():
        h.assert_api_error(response, 401, "InvalidCredentials")
    # The disabled account's right password is refused the same way as well.
    answers["disabled, right password"] = sign_in(DISABLED, PASSWORD)
    expected = comparable(answers[UNKNOWN])
    for upn, response in answers.items():
        assert comparable(response) == expected, upn


@pytest.mark.timing
def test_sign_in_takes_as_long_for_unknown_disabled_and_wrong_password(site):
    server = site
    api = h.Api(server.base_url)
    timed = timed_sign_in(api)
    names = [UNKNOWN, DISABLED, KNOWN, FOREIGN]
    calibration = SYNCED  # refused before any hash: the detector must see the difference
    detector = Detector(hash_cost(api))

    def enough(samples):
        difference, threshold = detector.compare(samples[KNOWN], samples[calibration])
        return detector.quiet_enough(names)(samples) and difference > threshold

    samples = sample(timed, names + [calibration], enough)
    # A wrong password of a known account always verifies its real hash.
    difference, threshold = detector.compare(samples[KNOWN], samples[calibration])
    assert difference > threshold, (
        f"the detector cannot see a skipped Argon2id ({difference:.2f} ms <= "
        f"{threshold:.2f} ms), so it proves nothing; {report(samples)}")
    detector.assert_indistinguishable(samples, names)
