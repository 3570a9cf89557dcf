"""Liveness, readiness, graceful shutdown and the demo command."""

import pathlib
import re
import shutil
import subprocess
import tempfile

import requests

import sspr_harness as h


def test_healthz_and_readyz_answer_200_when_serving(server):
    health = requests.get(server.base_url + "/healthz", timeout=h.HTTP_TIMEOUT_SECONDS)
    assert health.status_code == 200, h.describe_response(health)
    ready = requests.get(server.base_url + "/readyz", timeout=h.HTTP_TIMEOUT_SECONDS)
    assert ready.status_code == 200, h.describe_response(ready)


def test_unknown_path_is_a_404_with_the_error_body(server):
    response = requests.get(server.base_url + "/api/v1/no-such-thing",
                            headers={"Authorization": "Bearer x"},
                            timeout=h.HTTP_TIMEOUT_SECONDS)
    assert response.status_code in (401, 404), h.describe_response(response)
    h.assert_api_error(response, response.status_code)


def test_server_stops_with_exit_0_on_sigterm(backend):
    server = backend.server()
    assert server.stop() == 0, server.logs()
    assert not server.running()


def test_second_server_on_a_taken_port_fails_instead_of_hanging(backend, server):
    completed = subprocess.run(
        [str(backend.binary), *backend.store_args, "serve", "--listen",
         f"127.0.0.1:{server.port}"], capture_output=True, text=True, timeout=30)
    assert completed.returncode != 0, completed
    assert completed.stderr.strip(), "the reason must be on stderr"
    # The first server is unaffected.
    assert requests.get(server.base_url + "/healthz", timeout=5).status_code == 200


DEMO_USERS = ["alice@contoso.example", "admin@contoso.example", "bob@contoso.example",
              "carol@contoso.example", "dave@contoso.example", "erin@contoso.example",
              "frank@fabrikam.example", "grace@tailspin.example"]


def test_demo_serves_and_names_the_demo_users(binary):
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-itest-demo-"))
    data = work_dir / "data"
    demo = h.Server(binary, ["--data", str(data)], work_dir / "logs", command=("demo",),
                    name="demo")
    try:
        demo.start()
        assert requests.get(demo.base_url + "/readyz", timeout=5).status_code == 200
        output = demo.stdout()
        for upn in DEMO_USERS:
            assert upn in output, f"demo output does not name {upn}\n{demo.logs()}"
        # The printed token works against the admin API it advertises.
        tokens = re.findall(r"Bearer ([A-Za-z0-9_\-\.~+/=]{16,})", output)
        assert tokens, f"no API token in the demo output\n{demo.logs()}"
        api = h.Api(demo.base_url, tokens[0])
        alice = api.ok("GET", "/api/v1/users/alice@contoso.example")
        assert alice["upn"] == "alice@contoso.example"
        demo.stop_gracefully()
        # The demo directory is a real one: the CLI sees it after the server stopped.
        shown = h.Backend("sqlite", binary, ["--data", str(data)], work_dir).cli_ok(
            "user", "show", "--upn", "alice@contoso.example")
        assert shown["display_name"] == "Alice Andersen"
    except BaseException:
        print(demo.logs())
        raise
    finally:
        demo.kill()
    shutil.rmtree(work_dir, ignore_errors=True)
