"""Several `sspr serve` nodes on one PostgreSQL database (issue 8 acceptance; SPEC §5, §7,
§15): no state that matters lives in a node. Three nodes on loopback, a round-robin client
instead of a load balancer: a flow started on node A continues on B and finishes on C; a
CAPTCHA solved for one node is accepted once, by any node; 100 concurrent reset starts on one
account spread over the nodes admit exactly 5; 100 concurrent verifications of one code
accept exactly one; a node killed with SIGKILL in the middle of setting the password loses
nothing (the password changed if and only if the reset is audited as a success)."""

import concurrent.futures
import itertools
import threading
import time

import pytest

import reset_client as rc
import sspr_harness as h

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)

NODES = 3


class Cluster:
    """The nodes of one database, and a client that takes them in turn."""

    def __init__(self, backend, first):
        self.backend = backend
        self.nodes = [first]
        for number in range(2, NODES + 1):
            node = h.Server(backend.binary, first.store_args, backend.work_dir / "logs",
                            name=f"node-{number}")
            backend.servers.append(node)
            self.nodes.append(node.start())
        self._turn = itertools.count()
        self._lock = threading.Lock()

    def next_node(self):
        with self._lock:
            return self.nodes[next(self._turn) % len(self.nodes)]

    def api(self, node=None):
        return h.Api((node or self.next_node()).base_url)


@pytest.fixture
def cluster(backend, tmp_path, monkeypatch):
    first, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=2)
    return Cluster(backend, first), token, outbox


def signs_in(node, password):
    response = h.Api(node.base_url).post("/api/v1/session",
                                         json={"user_id": rc.ALICE, "password": password},
                                         headers={"Origin": node.base_url})
    assert response.status_code in (201, 400, 401, 403, 429), h.describe_response(response)
    return response.status_code == 201


def resets_audited(node, token, flow_id):
    return [e for e in rc.audit(node, token)
            if e["activity"] == "Reset password (self-service)"
            and e["details"].get("flow_id") == flow_id]


def test_a_flow_started_on_one_node_continues_on_another_and_finishes_on_a_third(cluster):
    nodes, token, outbox = cluster
    a, b, c = (nodes.api(node) for node in nodes.nodes)
    flow = rc.started(a)
    after_email, _ = rc.pass_email(b, flow, outbox)
    assert after_email["gates_passed"] == ["email"]
    mobile = rc.method_of(flow, "mobile_phone")
    sent = rc.challenge(c, flow["id"], mobile, phone=rc.ALICE_MOBILE)
    assert sent.status_code == 200, h.describe_response(sent)
    verified = rc.verify(a, flow["id"], mobile, rc.last_code(outbox, "sms"))
    assert verified.status_code == 200, h.describe_response(verified)
    assert sorted(verified.json()["gates_passed"]) == ["email", "mobile_phone"]
    done = rc.set_password(c, flow["id"])
    assert done.status_code == 200 and done.json()["state"] == "done", h.describe_response(done)
    # Every node sees the finished flow and the new password.
    for node in nodes.nodes:
        assert h.Api(node.base_url).get(f"/api/v1/reset/flows/{flow['id']}").json()[
            "state"] == "done"
    assert signs_in(nodes.nodes[1], rc.NEW_PASSWORD)
    [reset] = resets_audited(nodes.nodes[0], token, flow["id"])
    assert reset["result"] == "success"


def test_a_captcha_solved_for_one_node_is_accepted_once_by_any_node(cluster):
    nodes, _, _ = cluster
    a, b, c = (nodes.api(node) for node in nodes.nodes)
    captcha = rc.solved_captcha(a)
    first = rc.start(b, captcha=captcha)
    assert first.status_code == 201, h.describe_response(first)
    h.assert_api_error(rc.start(c, captcha=captcha), 400, "CaptchaReplayed")
    h.assert_api_error(rc.start(a, captcha=captcha), 400, "CaptchaReplayed")


def test_a_session_signed_in_on_one_node_is_known_to_the_others(cluster):
    nodes, _, _ = cluster
    a, b = nodes.nodes[0], nodes.nodes[1]
    client = h.Api(a.base_url)
    signed = client.post("/api/v1/session", json={"user_id": rc.ALICE, "password": rc.PASSWORD},
                         headers={"Origin": a.base_url})
    assert signed.status_code == 201, h.describe_response(signed)
    cookie = client.session.cookies.get("sspr_session")
    assert cookie
    other = h.Api(b.base_url)
    other.session.cookies.set("sspr_session", cookie)
    me = other.get("/api/v1/session")
    assert me.status_code == 200, h.describe_response(me)
    stranger = h.Api(b.base_url).get("/api/v1/session")
    assert stranger.status_code == 401, h.describe_response(stranger)


def test_a_hundred_concurrent_starts_over_three_nodes_admit_exactly_five(cluster):
    nodes, token, _ = cluster
    solver = nodes.api()
    captchas = [rc.solved_captcha(solver) for _ in range(100)]
    barrier = threading.Barrier(100)

    def attempt(captcha):
        api = nodes.api()  # round robin: 34, 33 and 33 starts per node
        barrier.wait()
        return rc.start(api, captcha=captcha)

    with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
        responses = list(pool.map(attempt, captchas))
    admitted = [r for r in responses if r.status_code == 201]
    assert len(admitted) == 5, sorted(r.status_code for r in responses)
    for response in responses:
        if response.status_code != 201:
            h.assert_api_error(response, 429, "ThrottledBlocked")
    starts = [e for e in rc.audit(nodes.nodes[0], token)
              if e["activity"] == rc.PROGRESS and e["details"].get("step") == "start"
              and e["result"] == "success"]
    assert len(starts) == 5
    blocked = [e for e in rc.audit(nodes.nodes[0], token) if e["activity"] == rc.BLOCKED]
    assert len(blocked) == 1, blocked


def test_a_hundred_concurrent_verifications_of_one_code_accept_exactly_one(cluster):
    nodes, _, outbox = cluster
    api = nodes.api()
    flow = rc.started(api)
    email = rc.method_of(flow, "email")
    sent = rc.challenge(api, flow["id"], email)
    assert sent.status_code == 200, h.describe_response(sent)
    code = rc.last_code(outbox, "email")
    barrier = threading.Barrier(100)

    def attempt(_):
        client = nodes.api()
        barrier.wait()
        return rc.verify(client, flow["id"], email, code)

    with concurrent.futures.ThreadPoolExecutor(max_workers=100) as pool:
        responses = list(pool.map(attempt, range(100)))
    accepted = [r for r in responses if r.status_code == 200]
    assert len(accepted) == 1, sorted(r.status_code for r in responses)
    for response in responses:
        if response.status_code != 200:
            assert 400 <= response.status_code < 500, h.describe_response(response)
            h.assert_api_error(response, response.status_code)
    for node in nodes.nodes:
        view = h.Api(node.base_url).get(f"/api/v1/reset/flows/{flow['id']}").json()
        assert view["gates_passed"] == ["email"], view


def flow_through_both_gates(nodes, outbox):
    flow = rc.started(nodes.api())
    rc.pass_email(nodes.api(), flow, outbox)
    mobile = rc.method_of(flow, "mobile_phone")
    sent = rc.challenge(nodes.api(), flow["id"], mobile, phone=rc.ALICE_MOBILE)
    assert sent.status_code == 200, h.describe_response(sent)
    verified = rc.verify(nodes.api(), flow["id"], mobile, rc.last_code(outbox, "sms"))
    assert verified.status_code == 200, h.describe_response(verified)
    return flow


@pytest.mark.parametrize("kill_after_ms", [0, 5, 15, 40])
def test_a_node_killed_while_setting_the_password_loses_nothing(cluster, kill_after_ms):
    nodes, token, outbox = cluster
    victim, survivor = nodes.nodes[2], nodes.nodes[0]
    flow = flow_through_both_gates(nodes, outbox)
    result = {}

    def set_on_victim():
        try:
            result["response"] = rc.set_password(h.Api(victim.base_url), flow["id"])
        except Exception as error:  # the connection dies with the node
            result["error"] = error

    thread = threading.Thread(target=set_on_victim)
    thread.start()
    time.sleep(kill_after_ms / 1000)
    victim.kill()
    thread.join(timeout=30)

    # Right after the kill: the password changed exactly when the reset is audited.
    audited = [e for e in resets_audited(survivor, token, flow["id"]) if e["result"] == "success"]
    changed = signs_in(survivor, rc.NEW_PASSWORD)
    assert changed == bool(audited), (changed, audited, result)
    assert len(audited) <= 1

    # The flow goes on at another node and ends in one recorded reset.
    view = h.Api(survivor.base_url).get(f"/api/v1/reset/flows/{flow['id']}").json()
    if view["state"] != "done":
        finished = rc.set_password(h.Api(survivor.base_url), flow["id"])
        assert finished.status_code == 200, h.describe_response(finished)
        assert finished.json()["state"] == "done"
    [success] = [e for e in resets_audited(survivor, token, flow["id"])
                 if e["result"] == "success"]
    assert signs_in(survivor, rc.NEW_PASSWORD)
