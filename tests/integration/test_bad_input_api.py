"""Bad input through the admin API: malformed JSON, invalid or duplicate UPNs, unknown
tenant, unknown SKU, oversized bodies... each gets the contract's 4xx error body and writes
nothing (objects and audit ids compared before and after). One server per test."""

import json

import pytest
import requests

import sspr_harness as h

LIMIT = 64 * 1024  # the default max_body_bytes


@pytest.fixture
def seeded(contoso):
    api = contoso.api
    api.ok("POST", "/api/v1/users", expected=(201,),
           json={"upn": "taken@contoso.test", "display_name": "Taken"})
    api.ok("POST", "/api/v1/groups", expected=(201,), json={"name": "Existing"})
    api.ok("POST", "/api/v1/subscriptions", expected=(200, 201), json={"sku": "EMS", "seats": 2})
    return contoso


def check_rejected_without_writing(api, cases):
    """cases: id -> (method, path, kwargs for requests, expected status, error name or None)."""
    failures = []
    before = h.api_snapshot(api)
    for case_id, (method, path, kwargs, status, name) in cases.items():
        response = api.request(method, path, **kwargs)
        try:
            h.assert_api_error(response, status, name)
        except AssertionError as error:
            failures.append(f"[{case_id}] {error}")
        except (ValueError, json.JSONDecodeError) as error:
            failures.append(f"[{case_id}] {error}\n{h.describe_response(response)}")
        after = h.api_snapshot(api)
        if after != before:
            changed = [key for key in before if before[key] != after[key]]
            failures.append(f"[{case_id}] wrote something: {changed} changed\n"
                            f"{h.describe_response(response)}")
            before = after
    summary = f"{len(failures)} problem(s) in {len(cases)} cases:\n"
    assert not failures, summary + "\n\n".join(failures)


def raw(body):
    return {"data": body, "headers": {"Content-Type": "application/json"}}


def user(upn, display_name="Someone", **extra):
    return {"json": {"upn": upn, "display_name": display_name, **extra}}


def test_api_malformed_json_gets_400_and_writes_nothing(seeded):
    cases = {}
    for path in ("/api/v1/users", "/api/v1/groups", "/api/v1/groups/Existing/members",
                 "/api/v1/users/taken@contoso.test/licenses", "/api/v1/subscriptions",
                 "/api/v1/tenant/domains"):
        cases["truncated " + path] = ("POST", path, raw('{"upn": "x@contoso.test", '), 400,
                                      "MalformedRequest")
        cases["not-json " + path] = ("POST", path, raw("upn=x@contoso.test"), 400,
                                     "MalformedRequest")
    cases["patch-truncated"] = ("PATCH", "/api/v1/users/taken@contoso.test",
                                raw('{"display_name": '), 400, "MalformedRequest")
    cases["empty-body"] = ("POST", "/api/v1/users", raw(""), 400, None)
    cases["invalid-utf8"] = ("POST", "/api/v1/users",
                             raw(b'{"upn": "\xff\xfe@contoso.test", "display_name": "x"}'), 400,
                             None)
    cases["too-deep"] = ("POST", "/api/v1/users", raw('{"a":' * 200 + "1" + "}" * 200), 400, None)
    check_rejected_without_writing(seeded.api, cases)


def test_api_wrong_shapes_and_types_get_400_and_write_nothing(seeded):
    check_rejected_without_writing(seeded.api, {
        "array-body": ("POST", "/api/v1/users", {"json": [{"upn": "a@contoso.test"}]}, 400, None),
        "string-body": ("POST", "/api/v1/users", {"json": "a@contoso.test"}, 400, None),
        "empty-upn": ("POST", "/api/v1/users", user(""), 400, None),
        "missing-upn": ("POST", "/api/v1/users", {"json": {"display_name": "No UPN"}}, 400,
                        None),
        "missing-display-name": ("POST", "/api/v1/users", {"json": {"upn": "n@contoso.test"}},
                                 400, None),
        "upn-number": ("POST", "/api/v1/users", {"json": {"upn": 5, "display_name": "N"}}, 400,
                       None),
        "display-name-null": ("POST", "/api/v1/users", user("n@contoso.test", None), 400, None),
        "enabled-string": ("PATCH", "/api/v1/users/taken@contoso.test",
                           {"json": {"enabled": "yes"}}, 400, None),
        "bad-source": ("POST", "/api/v1/users", user("n@contoso.test", source="moon"), 400, None),
        "group-name-missing": ("POST", "/api/v1/groups", {"json": {}}, 400, None),
        "group-name-empty": ("POST", "/api/v1/groups", {"json": {"name": ""}}, 400, None),
        "member-both-kinds": ("POST", "/api/v1/groups/Existing/members",
                              {"json": {"user": "taken@contoso.test", "group": "Existing"}}, 400,
                              None),
        "member-neither": ("POST", "/api/v1/groups/Existing/members", {"json": {}}, 400, None),
        "seats-negative": ("POST", "/api/v1/subscriptions", {"json": {"sku": "BASIC",
                                                                      "seats": -3}}, 400, None),
        "seats-string": ("POST", "/api/v1/subscriptions", {"json": {"sku": "BASIC",
                                                                    "seats": "many"}}, 400, None),
    })


def test_api_invalid_upns_get_400_and_write_nothing(seeded):
    upns = {
        "no-at-sign": "nobody.contoso.test",
        "leading-dot": ".lead@contoso.test",
        "dot-before-at": "trail.@contoso.test",
        "space": "sp ace@contoso.test",
        "comma": "a,b@contoso.test",
        "non-ascii": "jos\u00e9@contoso.test",
        "local-part-65": "a" * 65 + "@contoso.test",
        "domain-part-49": "a@" + "d" * 41 + ".example",
    }
    check_rejected_without_writing(seeded.api, {
        case_id: ("POST", "/api/v1/users", user(upn), 400, "InvalidUserPrincipalName")
        for case_id, upn in upns.items()
    })


def test_api_duplicates_get_409_and_write_nothing(seeded):
    check_rejected_without_writing(seeded.api, {
        "same-upn": ("POST", "/api/v1/users", user("taken@contoso.test"), 409, "AlreadyExists"),
        "upn-other-case": ("POST", "/api/v1/users", user("Taken@CONTOSO.test"), 409,
                           "AlreadyExists"),
        "group": ("POST", "/api/v1/groups", {"json": {"name": "Existing"}}, 409, "AlreadyExists"),
        "domain": ("POST", "/api/v1/tenant/domains", {"json": {"domain": "contoso.test"}}, 409,
                   "AlreadyExists"),
    })


def test_api_upn_of_an_unknown_tenant_domain_is_refused_and_writes_nothing(seeded):
    before = h.api_snapshot(seeded.api)
    response = seeded.api.post("/api/v1/users", **user("someone@nowhere.test"))
    assert response.status_code in (400, 403, 404), h.describe_response(response)
    error = h.assert_api_error(response, response.status_code)
    assert error["name"] in ("UnknownTenant", "InvalidUserPrincipalName", "Forbidden"), error
    assert h.api_snapshot(seeded.api) == before
    assert [t["name"] for t in h.items_of(seeded.backend.cli_ok("tenant", "list"),
                                          "tenants")] == ["Contoso"]


def test_api_unknown_sku_gets_400_and_writes_nothing(seeded):
    check_rejected_without_writing(seeded.api, {
        "user": ("POST", "/api/v1/users/taken@contoso.test/licenses", {"json": {"sku": "E5"}},
                 400, "UnknownSku"),
        "group": ("POST", "/api/v1/groups/Existing/licenses", {"json": {"sku": "premium_p1"}},
                  400, "UnknownSku"),
        "subscription": ("POST", "/api/v1/subscriptions", {"json": {"sku": "PREMIUM_P3"}}, 400,
                         "UnknownSku"),
    })


def test_api_unknown_objects_get_404_and_write_nothing(seeded):
    check_rejected_without_writing(seeded.api, {
        "get-user": ("GET", "/api/v1/users/ghost@contoso.test", {}, 404, None),
        "patch-user": ("PATCH", "/api/v1/users/ghost@contoso.test",
                       {"json": {"display_name": "Boo"}}, 404, None),
        "delete-user": ("DELETE", "/api/v1/users/ghost@contoso.test", {}, 404, None),
        "get-group": ("GET", "/api/v1/groups/Ghosts", {}, 404, None),
        "delete-group": ("DELETE", "/api/v1/groups/Ghosts", {}, 404, None),
        "member-of-ghost-group": ("POST", "/api/v1/groups/Ghosts/members",
                                  {"json": {"user": "taken@contoso.test"}}, 404, None),
        "ghost-user-member": ("POST", "/api/v1/groups/Existing/members",
                              {"json": {"user": "ghost@contoso.test"}}, 404, None),
        "ghost-group-member": ("POST", "/api/v1/groups/Existing/members",
                               {"json": {"group": "Ghosts"}}, 404, None),
        "license-ghost": ("POST", "/api/v1/users/ghost@contoso.test/licenses",
                          {"json": {"sku": "EMS"}}, 404, None),
        "role-ghost": ("POST", "/api/v1/users/ghost@contoso.test/roles",
                       {"json": {"role": "helpdesk-administrator"}}, 404, None),
    })


def test_api_unknown_role_is_refused_and_writes_nothing(seeded):
    before = h.api_snapshot(seeded.api)
    response = seeded.api.post("/api/v1/users/taken@contoso.test/roles",
                               json={"role": "supreme-overlord"})
    assert response.status_code in (400, 404), h.describe_response(response)
    h.assert_api_error(response, response.status_code)
    assert h.api_snapshot(seeded.api) == before


def test_api_oversized_bodies_get_413_and_write_nothing(seeded):
    padding = "x" * (LIMIT + 1024)
    big_user = json.dumps({"upn": "big@contoso.test", "display_name": "Big", "pad": padding})
    check_rejected_without_writing(seeded.api, {
        "user-65k": ("POST", "/api/v1/users", raw(big_user), 413, "RequestTooLarge"),
        "group-96k": ("POST", "/api/v1/groups",
                      raw(json.dumps({"name": "Huge", "description": "y" * (96 * 1024)})), 413,
                      "RequestTooLarge"),
        "garbage-65k": ("POST", "/api/v1/users", raw("{" * (LIMIT + 1)), 413, "RequestTooLarge"),
    })
    # The server is still healthy afterwards.
    assert requests.get(seeded.server.base_url + "/healthz", timeout=5).status_code == 200


def test_api_body_just_under_the_limit_is_not_refused_as_too_large(seeded):
    body = json.dumps({"name": "Big Description", "description": "z" * (LIMIT - 200)})
    assert len(body) < LIMIT
    response = seeded.api.post("/api/v1/groups", **raw(body))
    # It may be refused for the description's length, but not for the body size.
    assert response.status_code != 413, h.describe_response(response)
    assert response.status_code in (201, 400), h.describe_response(response)
