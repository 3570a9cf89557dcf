"""Directory administration through the HTTP admin API, on both backends: CRUD, nested groups
with a cycle, licences through nested groups, reference lists, and persistence across a
server restart."""

import sspr_harness as h

DOMAIN = "contoso.test"


def create_user(api, upn, display_name="Someone", **fields):
    response = api.post("/api/v1/users", json={"upn": upn, "display_name": display_name, **fields})
    assert response.status_code == 201, h.describe_response(response)
    return response.json()


def create_group(api, name):
    response = api.post("/api/v1/groups", json={"name": name})
    assert response.status_code == 201, h.describe_response(response)
    return response.json()


def add_member(api, target_group, **member):
    """member: user=UPN or group=NAME, as the request body names them."""
    return api.ok("POST", f"/api/v1/groups/{h.quote(target_group)}/members", expected=(200, 201),
                  json=member)


def test_api_reads_the_token_tenant_and_adds_a_domain(contoso):
    tenant = contoso.api.ok("GET", "/api/v1/tenant")
    assert tenant["name"] == "Contoso"
    assert tenant["domains"] == [DOMAIN]
    added = contoso.api.ok("POST", "/api/v1/tenant/domains", expected=(200, 201),
                           json={"domain": "contoso.example"})
    assert sorted(added["domains"]) == ["contoso.example", DOMAIN]
    assert sorted(contoso.api.ok("GET", "/api/v1/tenant")["domains"]) == [
        "contoso.example", DOMAIN]
    user = create_user(contoso.api, "new@contoso.example", "On The New Domain")
    assert user["tenant"] == "Contoso"


def test_api_user_crud_round_trip(contoso):
    api = contoso.api
    created = create_user(api, "Bea.Berg@Contoso.Test", "Bea Berg", given_name="Bea",
                          surname="Berg", email="bea@mail.example")
    assert created["upn"] == "bea.berg@contoso.test"
    for field, value in (("display_name", "Bea Berg"), ("given_name", "Bea"), ("surname", "Berg"),
                         ("email", "bea@mail.example"), ("enabled", True), ("source", "cloud"),
                         ("has_password", False), ("tenant", "Contoso"),
                         ("is_administrator", False), ("licensed_for_sspr", False)):
        assert created[field] == value, (field, created)
    for field in ("id", "created_at", "updated_at"):
        assert created[field], (field, created)
    assert created["groups"] == [] and created["licenses"] == [] and created["roles"] == []

    fetched = api.ok("GET", "/api/v1/users/BEA.BERG@contoso.test")
    assert fetched["id"] == created["id"] and fetched["upn"] == "bea.berg@contoso.test"
    listed = h.items_of(api.ok("GET", "/api/v1/users"), "users")
    assert [u["upn"] for u in listed] == ["bea.berg@contoso.test"]

    patched = api.ok("PATCH", "/api/v1/users/bea.berg@contoso.test",
                     json={"display_name": "Bea Berg-Lund", "enabled": False})
    assert patched["display_name"] == "Bea Berg-Lund" and patched["enabled"] is False
    assert patched["given_name"] == "Bea"
    assert api.ok("GET", "/api/v1/users/bea.berg@contoso.test")["display_name"] == "Bea Berg-Lund"

    deleted = api.delete("/api/v1/users/bea.berg@contoso.test")
    assert deleted.status_code in (200, 204), h.describe_response(deleted)
    h.assert_api_error(api.get("/api/v1/users/bea.berg@contoso.test"), 404)
    assert h.items_of(api.ok("GET", "/api/v1/users"), "users") == []
    # The CLI sees the same directory.
    gone = contoso.backend.cli("user", "show", "--upn", "bea.berg@contoso.test")
    h.assert_cli_bad_input(gone)


def test_api_user_with_password_is_hashed_and_never_echoed(contoso):
    secret = "Violet-Harbor-Teacup-58"
    response = contoso.api.post("/api/v1/users", json={"upn": "pw@contoso.test",
                                                       "display_name": "P W",
                                                       "password": secret})
    assert response.status_code == 201, h.describe_response(response)
    assert response.json()["has_password"] is True
    assert secret not in response.text
    assert secret not in contoso.api.get("/api/v1/audit").text
    assert secret not in contoso.server.stdout() + contoso.server.stderr()


def test_api_groups_members_and_group_licences(contoso):
    api = contoso.api
    create_user(api, "g1@contoso.test", "G One")
    group = create_group(api, "Field Sales")
    assert group["name"] == "Field Sales" and group["members"] == [] and group["licenses"] == []
    create_group(api, "All Sales")
    add_member(api, "All Sales", group="Field Sales")
    add_member(api, "Field Sales", user="G1@contoso.test")
    licensed = api.ok("POST", "/api/v1/groups/All%20Sales/licenses", expected=(200, 201),
                      json={"sku": "EMS"})
    assert licensed["licenses"] == ["EMS"]
    shown = api.ok("GET", "/api/v1/groups/Field%20Sales")
    assert [(m["type"], m["name"]) for m in shown["members"]] == [("user", "g1@contoso.test")]
    outer = api.ok("GET", "/api/v1/groups/All%20Sales")
    assert [(m["type"], m["name"]) for m in outer["members"]] == [("group", "Field Sales")]
    names = sorted(g["name"] for g in h.items_of(api.ok("GET", "/api/v1/groups"), "groups"))
    assert names == ["All Sales", "Field Sales"]
    user = api.ok("GET", "/api/v1/users/g1@contoso.test")
    assert sorted(user["groups"]) == ["All Sales", "Field Sales"]
    assert user["licenses"] == ["EMS"] and user["licensed_for_sspr"] is True

    deleted = api.delete("/api/v1/groups/Field%20Sales")
    assert deleted.status_code in (200, 204), h.describe_response(deleted)
    h.assert_api_error(api.get("/api/v1/groups/Field%20Sales"), 404)
    user = api.ok("GET", "/api/v1/users/g1@contoso.test")
    assert user["groups"] == [] and user["licenses"] == []


def test_api_nested_groups_with_a_cycle_and_a_licence_through_nesting(contoso):
    api = contoso.api
    create_user(api, "cyc@contoso.test", "In A Cycle")
    for name in ("A", "B", "C"):
        create_group(api, name)
    add_member(api, "A", group="B")
    add_member(api, "B", group="C")
    add_member(api, "C", group="A")  # closes the cycle
    add_member(api, "C", user="cyc@contoso.test")
    user = api.ok("GET", "/api/v1/users/cyc@contoso.test")
    assert sorted(user["groups"]) == ["A", "B", "C"]
    assert user["licenses"] == []
    api.ok("POST", "/api/v1/groups/A/licenses", expected=(200, 201), json={"sku": "PREMIUM_P2"})
    user = api.ok("GET", "/api/v1/users/cyc@contoso.test")
    assert user["licenses"] == ["PREMIUM_P2"] and user["licensed_for_sspr"] is True
    # Every group of the cycle is still readable (resolution terminates).
    for name in ("A", "B", "C"):
        assert api.ok("GET", f"/api/v1/groups/{name}")["name"] == name


def test_api_direct_licence_and_role_on_a_user(contoso):
    api = contoso.api
    create_user(api, "lic@contoso.test", "Licensed")
    after_license = api.ok("POST", "/api/v1/users/lic@contoso.test/licenses", expected=(200, 201),
                           json={"sku": "BASIC"})
    assert after_license["licenses"] == ["BASIC"] and after_license["licensed_for_sspr"] is True
    after_role = api.ok("POST", "/api/v1/users/lic@contoso.test/roles", expected=(200, 201),
                        json={"role": "user-administrator"})
    assert after_role["roles"] == ["user-administrator"]
    assert after_role["is_administrator"] is True
    subs = {s["sku"]: s for s in h.items_of(api.ok("GET", "/api/v1/subscriptions"),
                                            "subscriptions")}
    assert subs["BASIC"]["assigned"] == 1


def test_api_subscriptions_create_and_list(contoso):
    api = contoso.api
    created = api.ok("POST", "/api/v1/subscriptions", expected=(200, 201),
                     json={"sku": "PREMIUM_P1", "seats": 10})
    assert created["sku"] == "PREMIUM_P1" and created["seats"] == 10
    subs = h.items_of(api.ok("GET", "/api/v1/subscriptions"), "subscriptions")
    assert [(s["sku"], s["seats"], s["assigned"]) for s in subs] == [("PREMIUM_P1", 10, 0)]


def test_api_lists_roles_and_skus(contoso):
    roles = h.items_of(contoso.api.ok("GET", "/api/v1/roles"), "roles")
    role_ids = [r["id"] if isinstance(r, dict) else r for r in roles]
    for role in ("global-administrator", "user-administrator", "billing-administrator",
                 "helpdesk-administrator"):
        assert role in role_ids, role_ids
    skus = h.items_of(contoso.api.ok("GET", "/api/v1/skus"), "skus")
    sku_ids = [s.get("sku", s.get("id")) if isinstance(s, dict) else s for s in skus]
    assert sorted(sku_ids) == sorted(
        ["FREE", "O365_PAID", "BASIC", "PREMIUM_P1", "PREMIUM_P2", "EMS", "SPE"])


def test_api_changes_are_audited_with_actor_and_target(contoso):
    api = contoso.api
    before = h.audit_events_api(api)
    create_user(api, "aud@contoso.test", "Audited")
    after = h.audit_events_api(api)
    assert len(after) == len(before) + 1, after[:3]
    newest = after[0]
    assert newest["activity"] == "Add user"
    assert "aud@contoso.test" in newest["target"]
    assert newest["actor"], newest
    assert newest["result"].lower() == "success"
    assert newest["category"] == "User management"
    assert newest["correlation_id"], newest


def test_api_state_persists_across_a_server_restart(contoso):
    api = contoso.api
    create_user(api, "keep@contoso.test", "Kept", given_name="Kee")
    create_group(api, "Outer Keep")
    create_group(api, "Inner Keep")
    add_member(api, "Outer Keep", group="Inner Keep")
    add_member(api, "Inner Keep", user="keep@contoso.test")
    api.ok("POST", "/api/v1/groups/Outer%20Keep/licenses", expected=(200, 201),
           json={"sku": "SPE"})
    api.ok("POST", "/api/v1/users/keep@contoso.test/roles", expected=(200, 201),
           json={"role": "helpdesk-administrator"})
    snapshot = h.api_snapshot(api)

    contoso.server.stop_gracefully()
    restarted = contoso.backend.server(name="restarted")
    api_after = h.Api(restarted.base_url, contoso.token)  # the token survives too
    assert h.api_snapshot(api_after) == snapshot
    user = api_after.ok("GET", "/api/v1/users/keep@contoso.test")
    assert user["given_name"] == "Kee"
    assert sorted(user["groups"]) == ["Inner Keep", "Outer Keep"]
    assert user["licenses"] == ["SPE"] and user["roles"] == ["helpdesk-administrator"]
    restarted.stop_gracefully()
    # And the CLI reads the same state from the database.
    shown = contoso.backend.cli_ok("user", "show", "--upn", "keep@contoso.test")
    assert shown["licenses"] == ["SPE"]
