"""Who may do what on the admin API: missing or bad tokens get 401, roles without the
permission get 403, another tenant's objects are invisible; refused requests write nothing."""

import pytest

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "contoso.test"


def seed(api):
    """A user and a group so snapshots have something to compare."""
    api.ok("POST", "/api/v1/users", expected=(201,),
           json={"upn": "seed@contoso.test", "display_name": "Seed"})
    api.ok("POST", "/api/v1/groups", expected=(201,), json={"name": "Seeded"})


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Bearer not-a-real-token-0123456789abcdef"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Authorization": "Bearer "},
], ids=["no-header", "unknown-token", "basic-scheme", "empty-bearer"])
def test_requests_without_a_valid_token_get_401_and_write_nothing(contoso, headers):
    seed(contoso.api)
    before = h.api_snapshot(contoso.api)
    anonymous = h.Api(contoso.server.base_url)
    for method, path, body in (
        ("GET", "/api/v1/users", None),
        ("GET", "/api/v1/tenant", None),
        ("POST", "/api/v1/users", {"upn": "anon@contoso.test", "display_name": "Anon"}),
        ("DELETE", "/api/v1/users/seed@contoso.test", None),
        ("GET", "/api/v1/audit", None),
    ):
        response = anonymous.request(method, path, headers=headers, json=body)
        h.assert_api_error(response, 401, "Unauthenticated")
    assert h.api_snapshot(contoso.api) == before


def test_billing_administrator_reads_but_cannot_write(contoso):
    seed(contoso.api)
    before = h.api_snapshot(contoso.api)
    billing = h.Api(contoso.server.base_url, contoso.tokens["billing-administrator"])
    users = h.items_of(billing.ok("GET", "/api/v1/users"), "users")
    assert [u["upn"] for u in users] == ["seed@contoso.test"]
    for method, path, body in (
        ("POST", "/api/v1/users", {"upn": "nope@contoso.test", "display_name": "Nope"}),
        ("PATCH", "/api/v1/users/seed@contoso.test", {"display_name": "Changed"}),
        ("DELETE", "/api/v1/users/seed@contoso.test", None),
        ("POST", "/api/v1/groups", {"name": "Nope"}),
        ("POST", "/api/v1/groups/Seeded/members", {"user": "seed@contoso.test"}),
        ("POST", "/api/v1/users/seed@contoso.test/licenses", {"sku": "PREMIUM_P1"}),
        ("POST", "/api/v1/users/seed@contoso.test/roles", {"role": "global-administrator"}),
        ("POST", "/api/v1/subscriptions", {"sku": "EMS", "seats": 1}),
        ("POST", "/api/v1/tenant/domains", {"domain": "nope.test"}),
    ):
        response = billing.request(method, path, json=body)
        h.assert_api_error(response, 403, "Forbidden")
    assert h.api_snapshot(contoso.api) == before


def test_user_administrator_manages_users_but_not_roles_or_domains(contoso):
    seed(contoso.api)
    useradmin = h.Api(contoso.server.base_url, contoso.tokens["user-administrator"])
    created = useradmin.post("/api/v1/users", json={"upn": "ua@contoso.test",
                                                    "display_name": "Made By UA"})
    assert created.status_code == 201, h.describe_response(created)
    useradmin.ok("POST", "/api/v1/groups/Seeded/members", expected=(200, 201),
                 json={"user": "ua@contoso.test"})
    useradmin.ok("POST", "/api/v1/users/ua@contoso.test/licenses", expected=(200, 201),
                 json={"sku": "PREMIUM_P1"})
    before = h.api_snapshot(contoso.api)
    escalate = useradmin.post("/api/v1/users/ua@contoso.test/roles",
                              json={"role": "global-administrator"})
    h.assert_api_error(escalate, 403, "Forbidden")
    domain = useradmin.post("/api/v1/tenant/domains", json={"domain": "ua.test"})
    h.assert_api_error(domain, 403, "Forbidden")
    assert h.api_snapshot(contoso.api) == before
    assert contoso.api.ok("GET", "/api/v1/users/ua@contoso.test")["roles"] == []


def test_a_token_of_another_tenant_cannot_see_or_touch_this_tenant(backend):
    create_tenant_with_token(backend, "Contoso", DOMAIN)
    contoso_token = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "c2")["token"]
    _, fabrikam_token = create_tenant_with_token(backend, "Fabrikam", "fabrikam.test")
    server = backend.server()
    contoso = h.Api(server.base_url, contoso_token)
    fabrikam = h.Api(server.base_url, fabrikam_token)
    seed(contoso)
    fabrikam.ok("POST", "/api/v1/users", expected=(201,),
                json={"upn": "own@fabrikam.test", "display_name": "Own"})
    before = h.api_snapshot(contoso)

    assert fabrikam.ok("GET", "/api/v1/tenant")["name"] == "Fabrikam"
    assert [u["upn"] for u in h.items_of(fabrikam.ok("GET", "/api/v1/users"), "users")] == [
        "own@fabrikam.test"]
    assert [g["name"] for g in h.items_of(fabrikam.ok("GET", "/api/v1/groups"), "groups")] == []

    for method, path, body in (
        ("GET", "/api/v1/users/seed@contoso.test", None),
        ("PATCH", "/api/v1/users/seed@contoso.test", {"display_name": "Hijacked"}),
        ("DELETE", "/api/v1/users/seed@contoso.test", None),
        ("POST", "/api/v1/users/seed@contoso.test/roles", {"role": "global-administrator"}),
        ("POST", "/api/v1/users/seed@contoso.test/licenses", {"sku": "EMS"}),
        ("GET", "/api/v1/groups/Seeded", None),
    ):
        response = fabrikam.request(method, path, json=body)
        assert response.status_code in (403, 404), h.describe_response(response)
        h.assert_api_error(response, response.status_code)
        assert "Seed" not in response.json()["error"]["message"]

    # Creating a user in the other tenant's domain, or adding its domain, is refused too.
    for path, body in (("/api/v1/users", {"upn": "intruder@contoso.test", "display_name": "I"}),
                       ("/api/v1/tenant/domains", {"domain": DOMAIN})):
        response = fabrikam.post(path, json=body)
        assert 400 <= response.status_code < 500, h.describe_response(response)
        h.assert_api_error(response, response.status_code)
    # A member from another tenant cannot join a group.
    fabrikam.ok("POST", "/api/v1/groups", expected=(201,), json={"name": "Mixed"})
    fabrikam_before = h.api_snapshot(fabrikam)
    response = fabrikam.post("/api/v1/groups/Mixed/members", json={"user": "seed@contoso.test"})
    assert 400 <= response.status_code < 500, h.describe_response(response)
    assert h.api_snapshot(fabrikam) == fabrikam_before

    assert h.api_snapshot(contoso) == before
    server.stop_gracefully()
