"""Bad input through the CLI: each case exits 2 with a one-line reason on stderr and writes
nothing (the tenant's objects and its audit record ids are compared before and after).

Cases of one kind share a seeded database to keep the suite fast; every case is checked and
all failures are reported together."""

import pytest

import sspr_harness as h

DOMAIN = "bad.test"
LONG_DOMAIN = "d" * 40 + ".example"  # 48 characters: the longest a UPN domain may be


@pytest.fixture
def seeded(backend):
    """A tenant with a user, two nested groups and a subscription."""
    backend.cli_ok("tenant", "create", "--name", "Bad Input Inc", "--domain", DOMAIN)
    backend.cli_ok("user", "create", "--upn", "taken@bad.test", "--display-name", "Taken")
    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Existing")
    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "Nested")
    backend.cli_ok("group", "add-member", "--tenant", DOMAIN, "--group", "Existing",
                   "--member-group", "Nested")
    backend.cli_ok("license", "add", "--tenant", DOMAIN, "--sku", "PREMIUM_P1", "--seats", "3")
    return backend


def check_rejected_without_writing(backend, cases, error_name=None):
    """Runs each case (id -> CLI args); each must exit 2 with a one-line stderr (naming
    `error_name` when given) and leave tenants, objects and audit ids unchanged."""
    failures = []
    before = h.cli_snapshot(backend, DOMAIN)
    for case_id, args in cases.items():
        result = backend.cli(*args)
        try:
            h.assert_cli_bad_input(result)
            if error_name is not None:
                assert error_name in result.stderr, f"stderr does not name {error_name}"
        except AssertionError as error:
            failures.append(f"[{case_id}] {error}\n{result.describe()}")
        after = h.cli_snapshot(backend, DOMAIN)
        if after != before:
            changed = [key for key in before if before[key] != after[key]]
            failures.append(f"[{case_id}] wrote something: {changed} changed\n{result.describe()}")
            before = after
    summary = f"{len(failures)} problem(s) in {len(cases)} cases:\n"
    assert not failures, summary + "\n\n".join(failures)


INVALID_UPNS = {
    "no-at-sign": "nobody.bad.test",
    "empty-local-part": "@bad.test",
    "empty-domain": "someone@",
    "two-at-signs": "a@b@bad.test",
    "leading-dot": ".lead@bad.test",
    "dot-before-at": "trail.@bad.test",
    "space": "sp ace@bad.test",
    "semicolon": "semi;colon@bad.test",
    "parenthesis": "pa(ren@bad.test",
    "non-ascii": "jos\u00e9@bad.test",
    "local-part-65": "a" * 65 + "@bad.test",
    "domain-part-49": "a@" + "d" * 41 + ".example",
    "total-114": "a" * 64 + "@" + "d" * 41 + ".example",
}


def test_cli_invalid_upns_exit_2_and_write_nothing(seeded):
    cases = {
        case_id: ("user", "create", "--upn", upn, "--display-name", "Invalid")
        for case_id, upn in INVALID_UPNS.items()
    }
    check_rejected_without_writing(seeded, cases, "InvalidUserPrincipalName")


def test_cli_valid_upn_edge_cases_are_accepted(seeded):
    seeded.cli_ok("tenant", "add-domain", "--tenant", DOMAIN, "--domain", LONG_DOMAIN)
    longest = "a" * 64 + "@" + LONG_DOMAIN
    assert len(longest) == 113
    for upn in ("o'brien.x-y_z!#^~@bad.test", longest, "Z9@bad.test"):
        created = seeded.cli_ok("user", "create", "--upn", upn, "--display-name", "Edge")
        assert created["upn"] == upn.lower()


def test_cli_duplicate_upn_in_any_case_exits_2_and_writes_nothing(seeded):
    check_rejected_without_writing(seeded, {
        "same": ("user", "create", "--upn", "taken@bad.test", "--display-name", "Again"),
        "other-case": ("user", "create", "--upn", "TAKEN@Bad.Test", "--display-name", "Again"),
    }, "AlreadyExists")


def test_cli_unknown_tenant_exits_2_and_writes_nothing(seeded):
    check_rejected_without_writing(seeded, {
        "user-create": ("user", "create", "--upn", "someone@nowhere.test", "--display-name", "L"),
        "group-create": ("group", "create", "--tenant", "nowhere.test", "--name", "G"),
        "user-list": ("user", "list", "--tenant", "nowhere.test"),
        "license-add": ("license", "add", "--tenant", "nowhere.test", "--sku", "EMS"),
        "token-create": ("token", "create", "--tenant", "nowhere.test"),
        "add-domain": ("tenant", "add-domain", "--tenant", "nowhere.test", "--domain", "m.test"),
        "tenant-show": ("tenant", "show", "--domain", "nowhere.test"),
    }, "UnknownTenant")


def test_cli_unknown_sku_exits_2_and_writes_nothing(seeded):
    check_rejected_without_writing(seeded, {
        "add": ("license", "add", "--tenant", DOMAIN, "--sku", "PREMIUM_P3"),
        "assign-user": ("license", "assign", "--user", "taken@bad.test", "--sku", "premium-p1x"),
        "assign-group": ("license", "assign", "--tenant", DOMAIN, "--group", "Existing", "--sku",
                         "E5"),
    }, "UnknownSku")


def test_cli_duplicates_exit_2_and_write_nothing(seeded):
    check_rejected_without_writing(seeded, {
        "tenant-domain": ("tenant", "create", "--name", "Copycat", "--domain", DOMAIN),
        "tenant-domain-upper": ("tenant", "create", "--name", "Copycat", "--domain", "BAD.TEST"),
        "group-name": ("group", "create", "--tenant", DOMAIN, "--name", "Existing"),
        "same-domain-again": ("tenant", "add-domain", "--tenant", DOMAIN, "--domain", DOMAIN),
    })


def test_cli_unknown_objects_exit_2_and_write_nothing(seeded):
    check_rejected_without_writing(seeded, {
        "member-user": ("group", "add-member", "--tenant", DOMAIN, "--group", "Existing",
                        "--user", "ghost@bad.test"),
        "member-group": ("group", "add-member", "--tenant", DOMAIN, "--group", "Existing",
                         "--member-group", "Ghosts"),
        "unknown-group": ("group", "add-member", "--tenant", DOMAIN, "--group", "Ghosts",
                          "--user", "taken@bad.test"),
        "license-user": ("license", "assign", "--user", "ghost@bad.test", "--sku", "EMS"),
        "license-group": ("license", "assign", "--tenant", DOMAIN, "--group", "Ghosts", "--sku",
                          "EMS"),
        "role-user": ("role", "assign", "--user", "ghost@bad.test", "--role",
                      "helpdesk-administrator"),
        "unknown-role": ("role", "assign", "--user", "taken@bad.test", "--role",
                         "supreme-overlord"),
        "update-ghost": ("user", "update", "--upn", "ghost@bad.test", "--display-name", "Boo"),
        "delete-ghost": ("user", "delete", "--upn", "ghost@bad.test"),
    })


def test_cli_bad_usage_exits_2_and_writes_nothing(seeded):
    check_rejected_without_writing(seeded, {
        "missing-display-name": ("user", "create", "--upn", "x@bad.test"),
        "empty-display-name": ("user", "create", "--upn", "x@bad.test", "--display-name", ""),
        "bad-source": ("user", "create", "--upn", "x@bad.test", "--display-name", "X",
                       "--source", "moon"),
        "bad-auth-mode": ("user", "create", "--upn", "x@bad.test", "--display-name", "X",
                          "--auth-mode", "magic"),
        "password-as-argument": ("user", "create", "--upn", "x@bad.test", "--display-name", "X",
                                 "--password", "Secret-Value-123"),
        "missing-password-file": ("user", "create", "--upn", "x@bad.test", "--display-name",
                                  "X", "--password-file", "/nonexistent/pw.txt"),
        "negative-seats": ("license", "add", "--tenant", DOMAIN, "--sku", "EMS", "--seats", "-1"),
        "non-numeric-seats": ("license", "add", "--tenant", DOMAIN, "--sku", "EMS", "--seats",
                              "lots"),
        "no-member": ("group", "add-member", "--tenant", DOMAIN, "--group", "Existing"),
        "unknown-command": ("user", "frobnicate"),
        "bad-domain": ("tenant", "create", "--name", "No Domain", "--domain", "not a domain"),
    })


def test_cli_error_with_json_is_a_json_error_object_on_stdout(seeded):
    result = seeded.cli("user", "show", "--upn", "ghost@bad.test")
    h.assert_cli_bad_input(result)
    error = result.json()["error"]
    assert error["name"] == "NotFound" and error["code"]
