"""Directory administration through the CLI, on both backends: CRUD, nested groups with a
cycle, licences through nested groups, roles, and what the audit log records."""

import sspr_harness as h

DOMAIN = "fabrikam.test"


def make_tenant(backend, domain=DOMAIN, name="Fabrikam"):
    return backend.cli_ok("tenant", "create", "--name", name, "--domain", domain)


def make_user(backend, upn, display_name="Someone", *extra):
    return backend.cli_ok("user", "create", "--upn", upn, "--display-name", display_name, *extra)


def activities(backend, domain=DOMAIN):
    return [event["activity"] for event in h.audit_events_cli(backend, domain)]


def test_cli_tenant_create_list_show_and_add_domain(backend):
    created = make_tenant(backend)
    assert created["name"] == "Fabrikam"
    assert created["domains"] == [DOMAIN]
    listed = h.items_of(backend.cli_ok("tenant", "list"), "tenants")
    assert [t["name"] for t in listed] == ["Fabrikam"]
    added = backend.cli_ok("tenant", "add-domain", "--tenant", DOMAIN, "--domain",
                           "fabrikam.example")
    assert sorted(added["domains"]) == ["fabrikam.example", DOMAIN]
    # Either domain finds the same tenant.
    shown = backend.cli_ok("tenant", "show", "--domain", "fabrikam.example")
    assert shown["id"] == created["id"]
    assert sorted(shown["domains"]) == ["fabrikam.example", DOMAIN]
    # A user can now live under the new domain.
    user = make_user(backend, "zoe@fabrikam.example", "Zoe")
    assert user["tenant"] == "Fabrikam"


def test_cli_user_crud_round_trip(backend):
    make_tenant(backend)
    created = make_user(backend, "Anna.Lee@Fabrikam.Test", "Anna Lee", "--given-name", "Anna",
                        "--surname", "Lee", "--email", "anna@mail.example")
    # UPNs are case-insensitive and stored in lower case.
    assert created["upn"] == "anna.lee@fabrikam.test"
    assert created["display_name"] == "Anna Lee"
    assert created["given_name"] == "Anna"
    assert created["surname"] == "Lee"
    assert created["email"] == "anna@mail.example"
    assert created["enabled"] is True
    assert created["source"] == "cloud"
    assert created["has_password"] is False
    assert created["tenant"] == "Fabrikam"
    assert created["groups"] == [] and created["licenses"] == [] and created["roles"] == []
    assert created["is_administrator"] is False
    assert created["licensed_for_sspr"] is False

    # Found by any capitalisation.
    shown = backend.cli_ok("user", "show", "--upn", "ANNA.LEE@fabrikam.test")
    assert shown["id"] == created["id"]

    listed = h.items_of(backend.cli_ok("user", "list", "--tenant", DOMAIN), "users")
    assert [u["upn"] for u in listed] == ["anna.lee@fabrikam.test"]

    updated = backend.cli_ok("user", "update", "--upn", "anna.lee@fabrikam.test", "--display-name",
                             "Anna Lee-Smith", "--surname", "Lee-Smith")
    assert updated["display_name"] == "Anna Lee-Smith"
    assert updated["surname"] == "Lee-Smith"
    assert updated["given_name"] == "Anna"  # untouched fields stay
    shown = backend.cli_ok("user", "show", "--upn", "anna.lee@fabrikam.test")
    assert shown["display_name"] == "Anna Lee-Smith"

    deleted = backend.cli("user", "delete", "--upn", "anna.lee@fabrikam.test")
    assert deleted.code == h.EXIT_OK, deleted.describe()
    gone = backend.cli("user", "show", "--upn", "anna.lee@fabrikam.test")
    h.assert_cli_bad_input(gone)  # not found: exit 2
    assert h.items_of(backend.cli_ok("user", "list", "--tenant", DOMAIN), "users") == []

    seen = activities(backend)
    assert len(seen) >= 4, seen  # tenant, create, update, delete at least
    assert all(isinstance(a, str) and a for a in seen)


def test_cli_plain_text_output_is_not_json_and_exit_0(backend):
    make_tenant(backend)
    result = backend.cli("user", "create", "--upn", "text@fabrikam.test", "--display-name", "T",
                         json_output=False)
    assert result.code == h.EXIT_OK, result.describe()
    assert "text@fabrikam.test" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_cli_user_password_from_stdin_is_stored_and_never_echoed(backend):
    make_tenant(backend)
    secret = "Correct-Horse-Battery-Staple-71"
    created = backend.cli_ok("user", "create", "--upn", "pw@fabrikam.test", "--display-name",
                             "With Password", "--password-stdin", stdin=secret + "\n")
    assert created["has_password"] is True
    from_file = backend.work_dir / "password.txt"
    from_file.write_text(secret + "\n")
    other = backend.cli_ok("user", "create", "--upn", "pw2@fabrikam.test", "--display-name",
                           "From File", "--password-file", str(from_file))
    assert other["has_password"] is True
    everything = [backend.cli("user", "show", "--upn", "pw@fabrikam.test"),
                  backend.cli("audit", "list", "--tenant", DOMAIN, "--limit", "10000")]
    for result in everything:
        assert secret not in result.stdout and secret not in result.stderr


def test_cli_group_membership_and_listing(backend):
    make_tenant(backend)
    make_user(backend, "u1@fabrikam.test", "User One")
    group = backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Engineering")
    assert group["name"] == "Engineering"
    assert group.get("members", []) == []
    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Backend Team")
    backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", "Engineering", "--user",
                   "U1@fabrikam.test")
    backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", "Engineering",
                   "--member-group", "Backend Team")
    shown = backend.cli_ok("group", "show", "--tenant", DOMAIN, "--name", "Engineering")
    members = sorted((m["type"], m["name"]) for m in shown["members"])
    assert members == [("group", "Backend Team"), ("user", "u1@fabrikam.test")]
    names = sorted(g["name"] for g in h.items_of(
        backend.cli_ok("group", "list", "--tenant", DOMAIN), "groups"))
    assert names == ["Backend Team", "Engineering"]
    assert backend.cli_ok("user", "show", "--upn", "u1@fabrikam.test")["groups"] == ["Engineering"]


def test_cli_nested_groups_with_a_cycle_resolve_transitively(backend):
    make_tenant(backend)
    make_user(backend, "deep@fabrikam.test", "Deep Member")
    for name in ("Outer", "Middle", "Inner"):
        backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", name)
    # Outer > Middle > Inner > Outer: a cycle, allowed as in the reference product.
    for parent, child in (("Outer", "Middle"), ("Middle", "Inner"), ("Inner", "Outer")):
        backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", parent,
                       "--member-group", child)
    backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", "Inner", "--user",
                   "deep@fabrikam.test")
    user = backend.cli_ok("user", "show", "--upn", "deep@fabrikam.test")
    assert sorted(user["groups"]) == ["Inner", "Middle", "Outer"]
    # A licence on the outermost group reaches the user through two levels of nesting.
    backend.cli_ok("license", "assign", "--tenant", DOMAIN, "--group", "Outer", "--sku",
                   "PREMIUM_P1")
    user = backend.cli_ok("user", "show", "--upn", "deep@fabrikam.test")
    assert user["licenses"] == ["PREMIUM_P1"]
    assert user["licensed_for_sspr"] is True
    group = backend.cli_ok("group", "show", "--tenant", DOMAIN, "--name", "Outer")
    assert group["licenses"] == ["PREMIUM_P1"]
    assert ("group", "Middle") in [(m["type"], m["name"]) for m in group["members"]]


def test_cli_licences_direct_and_through_groups_decide_sspr_by_source(backend):
    make_tenant(backend)
    make_user(backend, "cloud@fabrikam.test", "Cloud User")
    make_user(backend, "synced@fabrikam.test", "Synced User", "--source", "synced",
              "--auth-mode", "password_hash_sync")
    make_user(backend, "free@fabrikam.test", "Free User")

    sub = backend.cli_ok("license", "add", "--tenant", DOMAIN, "--sku", "O365_PAID", "--seats",
                         "5")
    assert sub["sku"] == "O365_PAID" and sub["seats"] == 5
    for upn in ("cloud@fabrikam.test", "synced@fabrikam.test"):
        backend.cli_ok("license", "assign", "--user", upn, "--sku", "O365_PAID")
    backend.cli_ok("license", "assign", "--user", "free@fabrikam.test", "--sku", "FREE")

    cloud = backend.cli_ok("user", "show", "--upn", "cloud@fabrikam.test")
    synced = backend.cli_ok("user", "show", "--upn", "synced@fabrikam.test")
    free = backend.cli_ok("user", "show", "--upn", "free@fabrikam.test")
    assert cloud["licenses"] == ["O365_PAID"] and cloud["licensed_for_sspr"] is True
    assert synced["source"] == "synced" and synced["auth_mode"] == "password_hash_sync"
    assert synced["licenses"] == ["O365_PAID"] and synced["licensed_for_sspr"] is False
    assert free["licenses"] == ["FREE"] and free["licensed_for_sspr"] is False

    # P1 through a group makes the synced user eligible.
    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Hybrid")
    backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", "Hybrid", "--user",
                   "synced@fabrikam.test")
    backend.cli_ok("license", "assign", "--tenant", DOMAIN, "--group", "Hybrid", "--sku",
                   "PREMIUM_P1")
    synced = backend.cli_ok("user", "show", "--upn", "synced@fabrikam.test")
    assert sorted(synced["licenses"]) == ["O365_PAID", "PREMIUM_P1"]
    assert synced["licensed_for_sspr"] is True

    subs = {s["sku"]: s for s in h.items_of(backend.cli_ok("license", "list", "--tenant", DOMAIN),
                                            "subscriptions")}
    assert subs["O365_PAID"]["seats"] == 5 and subs["O365_PAID"]["assigned"] == 2
    assert "PREMIUM_P1" in subs and "FREE" in subs


def test_cli_role_assignment_makes_an_administrator(backend):
    make_tenant(backend)
    make_user(backend, "helpdesk@fabrikam.test", "Help Desk")
    assigned = backend.cli_ok("role", "assign", "--user", "helpdesk@fabrikam.test", "--role",
                              "helpdesk-administrator")
    assert assigned["roles"] == ["helpdesk-administrator"]
    assert assigned["is_administrator"] is True
    shown = backend.cli_ok("user", "show", "--upn", "helpdesk@fabrikam.test")
    assert shown["roles"] == ["helpdesk-administrator"] and shown["is_administrator"] is True


def test_cli_changes_are_audited_one_event_each(backend):
    make_tenant(backend)
    before = h.audit_events_cli(backend, DOMAIN)
    make_user(backend, "audited@fabrikam.test", "Audited")
    after_create = h.audit_events_cli(backend, DOMAIN)
    assert len(after_create) == len(before) + 1
    newest = after_create[0]
    assert newest["id"] not in [e["id"] for e in before]
    assert newest["activity"] == "Add user"
    assert newest["category"] == "User management"
    assert "audited@fabrikam.test" in newest["target"]
    assert newest["result"].lower() == "success"
    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Audit Group")
    after_group = h.audit_events_cli(backend, DOMAIN)
    assert len(after_group) == len(before) + 2
    assert after_group[0]["activity"] == "Add group"


def test_cli_state_persists_between_processes_and_into_the_server(backend):
    make_tenant(backend)
    make_user(backend, "persist@fabrikam.test", "Persisted")
    token = backend.cli_ok("token", "create", "--tenant", DOMAIN)["token"]
    server = backend.server()
    api = h.Api(server.base_url, token)
    user = api.ok("GET", "/api/v1/users/persist@fabrikam.test")
    assert user["display_name"] == "Persisted"
    server.stop_gracefully()
