"""Password protection (SPEC §8, issue 3): the custom banned list per tenant, `sspr password
evaluate` and POST /api/v1/password/evaluate, and the policy on administrator-set passwords.
Runs on both backends."""

import hashlib

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "fabrikam.test"
STRONG = "Quiet-Meadow-Lamp-42"
WITH_CUSTOM_TERM = "WidgetGizmo!1"    # two custom terms and 2 other characters: score 4
WITH_SURNAME = "Lindqvist#Rocks2024"  # the user's surname


def make_tenant_with_user(backend):
    create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    backend.cli_ok("user", "create", "--upn", "alice@" + DOMAIN, "--display-name",
                   "Alice Lindqvist", "--given-name", "Alice", "--surname", "Lindqvist")


def evaluate(backend, password, *extra):
    return backend.cli("password", "evaluate", "--tenant", DOMAIN, *extra, stdin=password + "\n")


def banned_audit(backend):
    events = backend.cli_ok("audit", "list", "--tenant", DOMAIN, "--limit", "1000")
    events = h.items_of(events, "events")
    return [e for e in events if e["category"] == "Policy"]


def test_cli_banned_list_and_evaluate(backend):
    make_tenant_with_user(backend)
    added = backend.cli_ok("banned", "add", "--tenant", DOMAIN, "Widget", "GIZMO")
    assert added["terms"] == ["gizmo", "widget"]
    assert backend.cli_ok("banned", "list", "--tenant", DOMAIN)["terms"] == ["gizmo", "widget"]

    accepted = evaluate(backend, STRONG)
    assert accepted.code == h.EXIT_OK, accepted.describe()
    body = accepted.json()
    assert body["accepted"] is True and body["reasons"] == []
    assert 0 <= body["strength"]["score"] <= 4

    rejected = evaluate(backend, WITH_CUSTOM_TERM)
    assert rejected.code == 1, rejected.describe()
    body = rejected.json()
    assert body["accepted"] is False and "BannedPassword" in body["reasons"]
    assert {"term": "widget", "source": "custom", "exact": True} in body["terms"]
    assert WITH_CUSTOM_TERM not in rejected.stdout + rejected.stderr

    named = evaluate(backend, WITH_SURNAME, "--user", "alice@" + DOMAIN)
    assert named.code == 1, named.describe()
    assert "ContainsUserName" in named.json()["reasons"]

    removed = backend.cli_ok("banned", "remove", "--tenant", DOMAIN, "widget")
    assert removed["terms"] == ["gizmo"]
    activities = [e["activity"] for e in banned_audit(backend)]
    assert sorted(activities) == ["Add banned password terms", "Remove banned password terms"]
    assert any("widget" in e["details"].get("terms", []) for e in banned_audit(backend))


def test_cli_invalid_banned_terms_write_nothing(backend):
    make_tenant_with_user(backend)
    h.assert_cli_bad_input(backend.cli("banned", "add", "--tenant", DOMAIN, "abc"))
    too_many = [f"term{10000 + i}" for i in range(1001)]
    h.assert_cli_bad_input(backend.cli("banned", "add", "--tenant", DOMAIN, *too_many))
    assert backend.cli_ok("banned", "list", "--tenant", DOMAIN)["terms"] == []
    assert banned_audit(backend) == []


def test_cli_weak_admin_password_is_refused(backend):
    make_tenant_with_user(backend)
    backend.cli_ok("banned", "add", "--tenant", DOMAIN, "widget", "gizmo")
    weak = backend.cli("user", "create", "--upn", "bob@" + DOMAIN, "--display-name", "Bob",
                       "--password-stdin", stdin=WITH_CUSTOM_TERM + "\n")
    assert weak.code == 1, weak.describe()
    assert WITH_CUSTOM_TERM not in weak.stdout + weak.stderr
    assert backend.cli("user", "show", "--upn", "bob@" + DOMAIN).code != h.EXIT_OK
    reset = backend.cli("user", "set-password", "--upn", "alice@" + DOMAIN, "--password-stdin",
                        stdin=WITH_SURNAME + "\n")
    assert reset.code == 1, reset.describe()
    ok = backend.cli("user", "set-password", "--upn", "alice@" + DOMAIN, "--password-stdin",
                     stdin=STRONG + "\n")
    assert ok.code == h.EXIT_OK, ok.describe()


def test_api_banned_list_and_evaluate(backend):
    make_tenant_with_user(backend)
    token = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "api-global")["token"]
    server = backend.server()
    api = h.Api(server.base_url, token)

    added = api.ok("POST", "/api/v1/banned-passwords", json={"terms": ["Widget", "gizmo"]})
    assert added["terms"] == ["gizmo", "widget"]
    assert api.ok("GET", "/api/v1/banned-passwords")["terms"] == ["gizmo", "widget"]

    strong = api.ok("POST", "/api/v1/password/evaluate", json={"password": STRONG})
    assert strong["accepted"] is True and strong["messages"] == []
    assert 0 <= strong["strength"]["score"] <= 4 and strong["strength"]["guesses_log10"] > 0

    banned = api.ok("POST", "/api/v1/password/evaluate", json={"password": WITH_CUSTOM_TERM})
    assert banned["accepted"] is False and "BannedPassword" in banned["reasons"]
    assert len(banned["messages"]) == len(banned["reasons"])
    assert all(m and not m.startswith("password.reason.") for m in banned["messages"])

    named = api.ok("POST", "/api/v1/password/evaluate",
                   json={"password": WITH_SURNAME, "user": "alice@" + DOMAIN})
    assert "ContainsUserName" in named["reasons"]

    h.assert_api_error(api.post("/api/v1/banned-passwords", json={"terms": ["abc"]}), 400)
    too_many = [f"term{10000 + i}" for i in range(1001)]
    h.assert_api_error(api.post("/api/v1/banned-passwords", json={"terms": too_many}), 400)
    assert api.ok("GET", "/api/v1/banned-passwords")["terms"] == ["gizmo", "widget"]

    assert api.ok("DELETE", "/api/v1/banned-passwords/widget")["terms"] == ["gizmo"]
    assert api.ok("DELETE", "/api/v1/banned-passwords", json={"terms": ["gizmo"]})["terms"] == []
    server.stop_gracefully()
    activities = [e["activity"] for e in banned_audit(backend)]
    assert activities.count("Add banned password terms") == 1
    assert activities.count("Remove banned password terms") == 2


def test_api_strength_suggestions_are_localised(backend):
    make_tenant_with_user(backend)
    token = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "api-hints")["token"]
    server = backend.server()
    api = h.Api(server.base_url, token)

    english = api.ok("POST", "/api/v1/password/evaluate", json={"password": ";lkjhgf"})
    assert "KeyboardPattern" in english["strength"]["hints"]
    assert len(english["strength"]["suggestions"]) == len(english["strength"]["hints"])
    keyboard = english["strength"]["hints"].index("KeyboardPattern")
    assert "keyboard" in english["strength"]["suggestions"][keyboard]

    german = api.ok("POST", "/api/v1/password/evaluate?lang=de", json={"password": ";lkjhgf"})
    assert "Tastatur" in german["strength"]["suggestions"][keyboard]
    assert german["messages"] and german["messages"] != english["messages"]

    strong = api.ok("POST", "/api/v1/password/evaluate", json={"password": STRONG})
    assert strong["strength"]["score"] < 4 or strong["strength"]["suggestions"] == []


def test_cli_configured_breached_filter_path_is_used(backend, tmp_path):
    make_tenant_with_user(backend)
    filter_path = tmp_path / "elsewhere.filter"
    hashes = tmp_path / "pwned.txt"
    hashes.write_text("".join(
        hashlib.sha1(p.encode()).hexdigest().upper() + ":3\n" for p in [STRONG]))
    imported = backend.cli("breached", "import", str(hashes), "--output", str(filter_path))
    assert imported.code == h.EXIT_OK, imported.describe()

    plain = evaluate(backend, STRONG)
    assert plain.code == h.EXIT_OK, plain.describe()
    configured = backend.cli("password", "evaluate", "--tenant", DOMAIN, stdin=STRONG + "\n",
                             env={"SSPR_PASSWORD_BREACHED_FILTER": str(filter_path)})
    assert configured.code == 1, configured.describe()
    assert "BreachedPassword" in configured.json()["reasons"]

    missing = backend.cli("password", "evaluate", "--tenant", DOMAIN, stdin=STRONG + "\n",
                          env={"SSPR_PASSWORD_BREACHED_FILTER": str(tmp_path / "none.filter")})
    assert missing.code == h.EXIT_OK and "none.filter" in missing.stderr


def test_api_reader_cannot_change_the_list(backend):
    make_tenant_with_user(backend)
    reader = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "billing",
                            "--role", "billing-administrator")["token"]
    server = backend.server()
    api = h.Api(server.base_url, reader)
    h.assert_api_error(api.post("/api/v1/banned-passwords", json={"terms": ["widget"]}), 403)
    server.stop_gracefully()


BREACHED = "Velvet-Orchard-Comet-77"  # strong by every other rule, but in the imported list


def import_breached_list(backend, passwords):
    import hashlib
    lines = [f"{hashlib.sha1(f'filler-{i}'.encode()).hexdigest().upper()}:1" for i in range(2000)]
    lines += [f"{hashlib.sha1(p.encode()).hexdigest().upper()}:42" for p in passwords]
    source = backend.work_dir / "pwned.txt"
    source.write_text("\n".join(lines) + "\n")
    imported = backend.cli_ok("breached", "import", source)
    assert imported["entries"] == 2000 + len(passwords), imported


def test_imported_breached_list_rejects_everywhere(backend):
    make_tenant_with_user(backend)
    assert evaluate(backend, BREACHED).code == h.EXIT_OK  # before the import
    import_breached_list(backend, [BREACHED])

    rejected = evaluate(backend, BREACHED)
    assert rejected.code == 1, rejected.describe()
    assert rejected.json()["reasons"] == ["BreachedPassword"]
    assert evaluate(backend, STRONG).code == h.EXIT_OK

    refused = backend.cli("user", "set-password", "--upn", "alice@" + DOMAIN, "--password-stdin",
                          stdin=BREACHED + "\n")
    assert refused.code == 1, refused.describe()
    assert BREACHED not in refused.stdout + refused.stderr

    token = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "api-breached")["token"]
    server = backend.server()
    api = h.Api(server.base_url, token)
    verdict = api.ok("POST", "/api/v1/password/evaluate", json={"password": BREACHED})
    assert verdict["accepted"] is False and verdict["reasons"] == ["BreachedPassword"]
