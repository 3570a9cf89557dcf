"""PostgreSQL going away under load (issue 8 acceptance): two `sspr serve` nodes on one
database of a private cluster, a steady mix of reads and writes from several clients while the
cluster is stopped (`pg_ctl -m fast`, which cuts every session) and started again. While it is
away every request that needs the store fails cleanly: 503 with the error envelope, the name
StoreUnavailable and a support code; never a 500, a hang or a dropped connection; /readyz says
503. Once it is back the same nodes recover without a restart: /readyz 200 and a whole reset
flow goes through."""

import itertools
import pathlib
import shutil
import tempfile
import threading
import time
import uuid

import pytest

import reset_client as rc
import sspr_harness as h

CLIENTS = 6
REQUEST_TIMEOUT_SECONDS = 15


@pytest.fixture
def private_cluster():
    cluster = h.PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def site(private_cluster, binary, tmp_path, monkeypatch):
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-itest-outage-"))
    backend = h.Backend("postgresql", binary, ["--db", private_cluster.create_database()],
                        work_dir)
    first, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1)
    second = h.Server(backend.binary, first.store_args, work_dir / "logs", name="node-2")
    backend.servers.append(second)
    second.start()
    yield private_cluster, [first, second], token, outbox
    backend.stop_all()
    print(backend.logs()[-20000:])
    shutil.rmtree(work_dir, ignore_errors=True)


class Load:
    """CLIENTS threads sending a mix of store reads and writes to the nodes in turn; each
    outcome is kept with the phase it was sent in."""

    def __init__(self, nodes, token, flow_id):
        self.nodes = nodes
        self.token = token
        self.flow_id = flow_id
        self.phase = "before"
        self.outcomes = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.turn = itertools.count()
        self.threads = [threading.Thread(target=self.client) for _ in range(CLIENTS)]

    def request(self, api, number):
        kind = number % 4
        if kind == 0:
            return api.get("/readyz", timeout=REQUEST_TIMEOUT_SECONDS)
        if kind == 1:
            return api.get(f"/api/v1/reset/flows/{self.flow_id}", timeout=REQUEST_TIMEOUT_SECONDS)
        if kind == 2:
            return api.get("/api/v1/users", timeout=REQUEST_TIMEOUT_SECONDS)
        return api.post("/api/v1/groups", json={"name": "load-" + uuid.uuid4().hex[:12]},
                        timeout=REQUEST_TIMEOUT_SECONDS)

    def client(self):
        apis = [h.Api(node.base_url, self.token) for node in self.nodes]
        while not self.stop.is_set():
            number = next(self.turn)
            phase = self.phase
            started = time.monotonic()
            try:
                response = self.request(apis[number % len(apis)], number)
                outcome = (phase, response.status_code, response, time.monotonic() - started,
                           time.monotonic())
            except Exception as error:  # a reset connection or a timeout: a failure here
                outcome = (phase, None, error, time.monotonic() - started, time.monotonic())
            with self.lock:
                self.outcomes.append(outcome)
            time.sleep(0.005)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def of_phase(self, phase):
        with self.lock:
            return [o for o in self.outcomes if o[0] == phase]


def ready(node):
    return h.Api(node.base_url).get("/readyz", timeout=REQUEST_TIMEOUT_SECONDS).status_code


def test_postgresql_restarted_under_load_gives_clean_503s_then_recovers(site):
    cluster, nodes, token, outbox = site
    flow = rc.started(h.Api(nodes[0].base_url))
    with Load(nodes, token, flow["id"]) as load:
        time.sleep(1.0)
        load.phase = "stopping"
        stop_started = time.monotonic()
        cluster.stop_server()
        load.phase = "down"
        time.sleep(2.0)
        for node in nodes:
            h.assert_api_error(h.Api(node.base_url).get("/readyz"), 503, "StoreUnavailable")
        load.phase = "restarting"
        cluster.start_server()
        load.phase = "after"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(ready(node) != 200 for node in nodes):
            time.sleep(0.1)
        time.sleep(1.0)

    failures = [o for o in load.outcomes if o[1] is None]
    assert not failures, failures[:5]
    unexpected = [o for o in load.outcomes if o[1] not in (200, 201, 503)]
    assert not unexpected, [h.describe_response(o[2]) for o in unexpected[:5]]
    for outcome in load.outcomes:
        if outcome[1] == 503:
            h.assert_api_error(outcome[2], 503, "StoreUnavailable")
    assert max(o[3] for o in load.outcomes) < 10, "a request took too long"
    before = [o for o in load.of_phase("before") if o[4] < stop_started]
    down = load.of_phase("down")
    assert before and all(o[1] in (200, 201) for o in before), [
        h.describe_response(o[2]) for o in before if o[1] not in (200, 201)]
    assert down and all(o[1] == 503 for o in down[CLIENTS:]), [o[1] for o in down]
    # Recovered, without restarting the nodes: the last requests succeed and a flow completes.
    tail = load.of_phase("after")[-4 * CLIENTS:]
    assert tail and all(o[1] in (200, 201) for o in tail), [o[1] for o in tail]
    for node in nodes:
        assert node.running()
        assert ready(node) == 200
    api_a, api_b = h.Api(nodes[0].base_url), h.Api(nodes[1].base_url)
    fresh = rc.started(api_b)
    rc.pass_email(api_a, fresh, outbox)
    done = rc.set_password(api_b, fresh["id"])
    assert done.status_code == 200 and done.json()["state"] == "done", h.describe_response(done)
