"""Administrators pre-populate users' mobile phone, office phone and alternate email (SPEC §3):
`sspr methods set|show|clear|import`, the Graph-shaped admin API under
/api/v1/users/{upn}/authentication, the bulk CSV import with its report of rejected rows, and
the tenant's custom security questions. Runs on both backends."""

import sspr_harness as h
from conftest import create_tenant_with_token, token_for

DOMAIN = "fabrikam.test"
ALICE = "alice@fabrikam.test"
BOB = "bob@fabrikam.test"
BOSS = "boss@fabrikam.test"
REGISTERED = "Admin registered security info"
DELETED = "Admin deleted security info"

CSV = ("\ufeffupn,mobile_phone,office_phone,email\r\n"
       f"{ALICE},+1 425 555 0100,,\r\n"
       f"{BOB},12345,,bob.alt@example.org\r\n"          # no country code: rejected
       "nobody@fabrikam.test,+4532123456,,\r\n"          # unknown user: rejected
       f"\"{BOB}\",,\"+45 32 12 34 56 x77\",\"b@example.org\"\r\n"
       f"{ALICE},,,not-an-address\r\n")                 # bad email: rejected


def setup_tenant(backend):
    _, token = create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    for upn in (ALICE, BOB, BOSS):
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", upn.split("@")[0])
    backend.cli_ok("role", "assign", "--user", BOSS, "--role", "global-administrator")
    return token


def audit(backend, activity):
    events = h.items_of(backend.cli_ok("audit", "list", "--tenant", DOMAIN, "--limit", "1000"),
                        "events")
    return [e for e in events if e["activity"] == activity]


def by_type(view):
    return {m["type"]: m for m in view["value"]}


def test_cli_contract_command_sets_shows_and_clears(backend):
    setup_tenant(backend)
    result = backend.cli("methods", "set", "--user", ALICE, "--mobile-phone", "+14255550100",
                         "--office-phone", "+1 425 555 0101 x12", "--email",
                         "Alice.Alt@Example.ORG")
    assert result.code == h.EXIT_OK, result.describe()
    shown = by_type(backend.cli_ok("methods", "show", "--user", ALICE))
    assert shown["mobile_phone"]["phoneNumber"] == "+1 4255550100"
    assert shown["mobile_phone"]["source"] == "admin"
    assert shown["office_phone"]["phoneNumber"] == "+1 4255550101 x12"
    assert shown["email"]["emailAddress"] == "Alice.Alt@example.org"

    events = audit(backend, REGISTERED)
    assert len(events) == 3 and {e["target"] for e in events} == {ALICE}
    for event in events:
        assert event["category"] == "User management"
        assert "5550100" not in str(event) and "5550101" not in str(event), event

    cleared = backend.cli_ok("methods", "clear", "--user", ALICE, "--type", "mobile_phone")
    assert "mobile_phone" not in by_type(cleared)
    assert len(audit(backend, DELETED)) == 1

    text = backend.cli("methods", "show", "--user", ALICE, json_output=False)
    assert text.code == h.EXIT_OK and "office_phone" in text.stdout, text.describe()


def test_cli_refusals_write_nothing(backend):
    setup_tenant(backend)
    h.assert_cli_bad_input(backend.cli("methods", "set", "--user", ALICE))
    h.assert_cli_bad_input(backend.cli("methods", "set", "--user", ALICE, "--mobile-phone",
                                       "+14255550100", "--email", "nope"))
    h.assert_cli_bad_input(backend.cli("methods", "set", "--user", ALICE, "--mobile-phone",
                                       "4255550100"))
    assert backend.cli_ok("methods", "show", "--user", ALICE)["value"] == []
    assert audit(backend, REGISTERED) == []
    missing = backend.cli("methods", "clear", "--user", ALICE, "--type", "email")
    assert missing.code != h.EXIT_OK, missing.describe()


def test_cli_import_applies_good_rows_and_reports_bad_ones(backend):
    setup_tenant(backend)
    path = backend.work_dir / "methods.csv"
    path.write_text(CSV, encoding="utf-8")
    text = backend.cli("methods", "import", "--tenant", DOMAIN, str(path), json_output=False)
    assert text.code == h.EXIT_REJECTED, text.describe()
    for line in ("line 3", "line 4", "line 6"):
        assert line in text.stderr, text.describe()
    assert "12345" not in text.stderr and "not-an-address" not in text.stderr

    alice = by_type(backend.cli_ok("methods", "show", "--user", ALICE))
    assert set(alice) == {"mobile_phone"}
    bob = by_type(backend.cli_ok("methods", "show", "--user", BOB))
    assert set(bob) == {"office_phone", "email"}
    assert bob["office_phone"]["phoneNumber"] == "+45 32123456 x77"
    assert bob["email"]["emailAddress"] == "b@example.org"

    # Applying it again in JSON gives the same report on stdout.
    again = backend.cli("methods", "import", "--tenant", DOMAIN, str(path))
    assert again.code == h.EXIT_REJECTED, again.describe()
    report = again.json()
    assert report["applied"] == 2
    assert [(r["line"], r["error"]) for r in report["rejected"]] == [
        (3, "InvalidInput"), (4, "NotFound"), (6, "InvalidInput")]

    good = backend.work_dir / "good.csv"
    good.write_text(f"upn,email\n{ALICE},a2@example.org\n", encoding="utf-8")
    assert backend.cli_ok("methods", "import", "--tenant", DOMAIN, str(good)) == {
        "applied": 1, "rejected": []}

    bad_header = backend.work_dir / "bad.csv"
    bad_header.write_text(f"user,phone\n{ALICE},+14255550100\n", encoding="utf-8")
    h.assert_cli_bad_input(backend.cli("methods", "import", "--tenant", DOMAIN, str(bad_header)))
    h.assert_cli_bad_input(backend.cli("methods", "import", "--tenant", DOMAIN,
                                       str(backend.work_dir / "missing.csv")))


def test_cli_custom_questions(backend):
    setup_tenant(backend)
    added = backend.cli_ok("questions", "add", "--tenant", DOMAIN, "--text",
                           "Name of your first manager?")
    assert added["text"] == "Name of your first manager?"
    h.assert_cli_bad_input(backend.cli("questions", "add", "--tenant", DOMAIN, "--text", "Hi"))
    listed = backend.cli_ok("questions", "list", "--tenant", DOMAIN)
    assert [q["id"] for q in listed] == [added["id"]]
    backend.cli_ok("questions", "remove", "--tenant", DOMAIN, "--id", added["id"])
    assert backend.cli_ok("questions", "list", "--tenant", DOMAIN) == []


def test_api_graph_shaped_methods_import_and_roles(backend):
    token = setup_tenant(backend)
    tokens = {role: token_for(backend, DOMAIN, role, "itest-" + role)
              for role in ("helpdesk-administrator", "billing-administrator",
                           "authentication-administrator")}
    server = backend.server()
    api = h.Api(server.base_url, token)
    base = f"/api/v1/users/{ALICE}/authentication"

    phone = api.ok("POST", base + "/phoneMethods", expected=(201,),
                   json={"phoneNumber": "+1 2065555555", "phoneType": "mobile"})
    assert phone["id"] == "mobile" and phone["phoneNumber"] == "+1 2065555555"
    api.ok("POST", base + "/phoneMethods", expected=(201,),
           json={"phoneNumber": "+1 2065555556 x9", "phoneType": "office"})
    email = api.ok("POST", base + "/emailMethods", expected=(201,),
                   json={"emailAddress": "alice.alt@example.org"})
    assert email["id"] == "email"
    methods = api.ok("GET", base + "/methods")["value"]
    assert {m["type"] for m in methods} == {"mobile_phone", "office_phone", "email"}
    assert len(api.ok("GET", base + "/phoneMethods")["value"]) == 2
    assert len(api.ok("GET", base + "/emailMethods")["value"]) == 1

    h.assert_api_error(api.post(base + "/phoneMethods",
                                json={"phoneNumber": "2065555555", "phoneType": "mobile"}), 400)
    h.assert_api_error(api.post(base + "/phoneMethods",
                                json={"phoneNumber": "+12065555555", "phoneType": "fax"}), 400)
    assert api.delete(base + "/phoneMethods/office").status_code == 204
    h.assert_api_error(api.delete(base + "/phoneMethods/office"), 404)
    assert api.delete(base + "/emailMethods/email").status_code == 204
    assert [m["type"] for m in api.ok("GET", base + "/methods")["value"]] == ["mobile_phone"]

    # Roles: helpdesk and billing administrators are refused, an authentication administrator
    # manages non-administrators only.
    for role in ("helpdesk-administrator", "billing-administrator"):
        other = h.Api(server.base_url, tokens[role])
        h.assert_api_error(other.get(base + "/methods"), 403)
        h.assert_api_error(other.post(base + "/emailMethods",
                                      json={"emailAddress": "x@example.org"}), 403)
        h.assert_api_error(other.post("/api/v1/authentication/import", data="upn,email\n",
                                      headers={"Content-Type": "text/csv"}), 403)
    auth_admin = h.Api(server.base_url, tokens["authentication-administrator"])
    auth_admin.ok("POST", f"/api/v1/users/{BOB}/authentication/emailMethods", expected=(201,),
                  json={"emailAddress": "bob.alt@example.org"})
    h.assert_api_error(auth_admin.post(f"/api/v1/users/{BOSS}/authentication/emailMethods",
                                       json={"emailAddress": "boss@example.org"}), 403)

    report = api.ok("POST", "/api/v1/authentication/import", data=CSV.encode("utf-8"),
                    headers={"Content-Type": "text/csv"})
    assert report["applied"] == 2
    assert [r["line"] for r in report["rejected"]] == [3, 4, 6]
    bob = {m["type"] for m in api.ok("GET", f"/api/v1/users/{BOB}/authentication/methods")[
        "value"]}
    assert bob == {"office_phone", "email"}
    h.assert_api_error(api.post("/api/v1/authentication/import", data="who\nx\n",
                                headers={"Content-Type": "text/csv"}), 400)

    question = api.ok("POST", "/api/v1/security-questions", expected=(201,),
                      json={"text": "Favourite teacher's name?"})
    assert api.ok("GET", "/api/v1/security-questions")["value"] == [question]
    h.assert_api_error(api.post("/api/v1/security-questions", json={"text": "x" * 201}), 400)
    h.assert_api_error(h.Api(server.base_url, tokens["helpdesk-administrator"]).post(
        "/api/v1/security-questions", json={"text": "Another question?"}), 403)
    assert api.delete(f"/api/v1/security-questions/{question['id']}").status_code == 204
    assert api.ok("GET", "/api/v1/security-questions")["value"] == []
    server.stop_gracefully()
    events = audit(backend, REGISTERED)
    assert events and all("2065555555" not in str(e) for e in events)
