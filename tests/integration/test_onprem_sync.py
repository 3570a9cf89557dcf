"""`sspr onprem sync` against a real OpenLDAP (issue 6, SPEC §9): users with their names and
pre-populated methods, groups with nested membership (so the SSPR policy's "selected group"
sees a member of a nested group), incremental runs (a changed mobile, a deleted entry, a
permanently locked entry), then a reset of a synced user that lands in the directory. Both
backends; each test syncs its own organizational unit of the session's slapd."""

import json
import os
import subprocess
import sys
import pathlib

import pytest

import onprem_sites
import reset_client as rc
import slapd_server
import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "contoso-sync.test"


class Directory:
    """An OU of its own in the session's slapd, with helpers that write LDIF."""

    def __init__(self, slapd):
        self.slapd = slapd
        self.ou = "ou=t" + os.urandom(5).hex() + "," + slapd_server.SUFFIX
        slapd.ldapadd(f"dn: {self.ou}\nobjectClass: organizationalUnit\n"
                      f"ou: {self.ou.split(',')[0][3:]}\n")

    def user_dn(self, uid):
        return f"uid={uid},{self.ou}"

    def group_dn(self, name):
        return f"cn={name},{self.ou}"

    def add_user(self, uid, password=None, **attributes):
        lines = [f"dn: {self.user_dn(uid)}", "objectClass: inetOrgPerson", f"uid: {uid}",
                 f"cn: {uid.capitalize()} Example", "sn: Example",
                 f"givenName: {uid.capitalize()}", f"mail: {uid}@{DOMAIN}"]
        lines += [f"{k}: {v}" for k, v in attributes.items()]
        if password:
            lines.append(f"userPassword: {password}")
        self.slapd.ldapadd("\n".join(lines) + "\n")
        return self.user_dn(uid)

    def add_group(self, name, members):
        lines = [f"dn: {self.group_dn(name)}", "objectClass: groupOfNames", f"cn: {name}"]
        lines += [f"member: {m}" for m in members]
        self.slapd.ldapadd("\n".join(lines) + "\n")


@pytest.fixture
def site(backend, slapd):
    directory = Directory(slapd)
    _, token = create_tenant_with_token(backend, "Contoso", DOMAIN)
    onprem_sites.onprem_set(backend, DOMAIN, url=slapd.url, flavor="openldap",
                            bind_dn=slapd_server.SERVICE_DN,
                            password_file=slapd.service_password_file, base_dn=directory.ou,
                            ca_file=slapd.ca_file, starttls=True)
    return backend, directory, token


def sync(backend, *extra):
    return onprem_sites.sync(backend, DOMAIN, *extra)


user = onprem_sites.shown_user
methods = onprem_sites.contact_methods


def test_sync_imports_users_groups_nested_membership_and_methods(site):
    backend, directory, _ = site
    alice = directory.add_user("alice", mobile="+1 425 555 0100",
                               telephoneNumber="+1 425 555 0111 x42")
    bob = directory.add_user("bob")
    directory.add_user("carol", pwdAccountLockedTime="000001010000Z")
    directory.add_group("Engineering", [bob])
    directory.add_group("Staff", [alice, directory.group_dn("Engineering")])

    summary = sync(backend)
    assert summary["mode"] == "full"
    assert summary["users"]["created"] == 3 and summary["users"]["skipped"] == 0, summary
    assert summary["groups"]["created"] == 2, summary
    assert summary["memberships"] == 3, summary

    shown = user(backend, f"alice@{DOMAIN}")
    assert shown["source"] == "synced" and shown["onprem_id"] == alice, shown
    assert shown["display_name"] == "Alice Example" and shown["surname"] == "Example"
    assert shown["enabled"] is True
    assert user(backend, f"carol@{DOMAIN}")["enabled"] is False
    on_file = methods(backend, f"alice@{DOMAIN}")
    assert set(on_file) >= {"mobile_phone", "office_phone", "email"}, on_file
    assert all(m["source"] == "sync" for m in on_file.values()), on_file
    assert on_file["office_phone"]["phoneNumber"] == "+1 4255550111 x42", on_file

    # The nested member counts for the policy's selected group.
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "selected", "--group",
                   "Staff", "--methods", "email", "--methods-required", "1")
    backend.cli_ok("license", "assign", "--user", f"bob@{DOMAIN}", "--sku", "SPE")
    report = backend.cli("diagnose", "--user", f"bob@{DOMAIN}").json()
    checks = {c["check"]: c for c in report["checks"]}
    assert checks["InScopedGroup"]["result"] == "passed", report

    # A second run with nothing changed changes nothing.
    again = sync(backend)
    assert again["mode"] == "incremental"
    assert again["users"]["created"] == again["users"]["updated"] == 0, again
    assert again["users"]["deleted"] == 0 and again["groups"]["deleted"] == 0, again

    shown = backend.cli_ok("onprem", "show", "--tenant", DOMAIN)
    assert shown["status"]["state"] == "up", shown
    audit = backend.cli_ok("audit", "list", "--tenant", DOMAIN, "--activity",
                           "Synchronize from on-premises directory")
    records = audit if isinstance(audit, list) else audit.get("events", audit.get("value"))
    assert len(records) == 2, audit
    assert records[-1]["category"] == "User management", records


def test_incremental_sync_follows_changes_deletions_and_disabled_entries(site):
    backend, directory, _ = site
    alice = directory.add_user("alice", mobile="+1 425 555 0100")
    bob = directory.add_user("bob")
    dave = directory.add_user("dave")
    directory.add_group("Staff", [alice, bob])
    first = sync(backend)
    assert first["users"]["created"] == 3, first

    directory.slapd.ldapmodify(f"dn: {alice}\nchangetype: modify\nreplace: mobile\n"
                               "mobile: +1 425 555 0199\n")
    directory.slapd.ldapdelete(bob)
    directory.slapd.ldapmodify(f"dn: {directory.group_dn('Staff')}\nchangetype: modify\n"
                               f"delete: member\nmember: {bob}\n")
    directory.slapd.ldapmodify(f"dn: {dave}\nchangetype: modify\nadd: pwdAccountLockedTime\n"
                               "pwdAccountLockedTime: 000001010000Z\n")
    second = sync(backend)
    assert second["mode"] == "incremental"
    # Only the changed entries are read (those of the last run's second may come again).
    assert second["users"]["read"] < 3 or second["users"]["unchanged"] >= 1, second
    assert second["users"]["updated"] == 2 and second["users"]["disabled"] == 1, second
    assert second["users"]["deleted"] == 1, second
    assert methods(backend, f"alice@{DOMAIN}")["mobile_phone"]["phoneNumber"].replace(" ", "") == (
        "+14255550199")
    assert user(backend, f"dave@{DOMAIN}")["enabled"] is False
    assert backend.cli("user", "show", "--upn", f"bob@{DOMAIN}").code != 0
    group = backend.cli_ok("group", "show", "--tenant", DOMAIN, "--name", "Staff")
    assert [m["name"] for m in group["members"]] == [f"alice@{DOMAIN}"], group


def test_a_user_entered_method_is_never_overwritten_and_the_upn_attribute_is_chosen(site,
                                                                                    slapd):
    backend, directory, _ = site
    backend.cli_ok("onprem", "set", "--tenant", DOMAIN, "--url", slapd.url, "--flavor",
                   "openldap", "--bind-dn", slapd_server.SERVICE_DN, "--bind-password-file",
                   slapd.service_password_file, "--base-dn", directory.ou, "--ca-file",
                   slapd.ca_file, "--starttls", "--upn-attribute", "uid")
    directory.add_user("erin", mail="erin.private@example.org", mobile="+1 425 555 0100")
    directory.add_user("frank", mail="frank@elsewhere.example")
    summary = sync(backend)
    assert summary["users"]["created"] == 2, summary
    upn = f"erin@{DOMAIN}"
    backend.cli_ok("methods", "set", "--user", upn, "--mobile-phone", "+4520123456")
    directory.slapd.ldapmodify(f"dn: {directory.user_dn('erin')}\nchangetype: modify\n"
                               "replace: mobile\nmobile: +1 425 555 0177\n")
    sync(backend)
    assert methods(backend, upn)["mobile_phone"]["phoneNumber"].replace(" ", "") == "+4520123456"


def test_a_directory_listing_nothing_deletes_nothing(site, slapd):
    backend, directory, _ = site
    directory.add_user("gina")
    sync(backend)
    backend.cli_ok("onprem", "set", "--tenant", DOMAIN, "--url", slapd.url, "--flavor",
                   "openldap", "--bind-dn", slapd_server.SERVICE_DN, "--bind-password-file",
                   slapd.service_password_file, "--base-dn", "ou=policies," + slapd_server.SUFFIX,
                   "--ca-file", slapd.ca_file, "--starttls")
    result = backend.cli("onprem", "sync", "--tenant", DOMAIN)
    assert result.code == 1, result.describe()
    assert user(backend, f"gina@{DOMAIN}")["enabled"] is True


def test_an_unreachable_directory_is_recorded_in_the_status(site, slapd):
    backend, directory, _ = site
    closed = h.free_loopback_port()
    backend.cli_ok("onprem", "set", "--tenant", DOMAIN, "--url", f"ldap://127.0.0.1:{closed}",
                   "--flavor", "openldap", "--bind-dn", slapd_server.SERVICE_DN,
                   "--bind-password-file", slapd.service_password_file, "--base-dn",
                   directory.ou, "--ca-file", slapd.ca_file, "--starttls", "--timeout", "2")
    result = backend.cli("onprem", "sync", "--tenant", DOMAIN)
    assert result.code == 1 and "SSPR_0030" in result.describe(), result.describe()
    status = backend.cli_ok("onprem", "show", "--tenant", DOMAIN)["status"]
    assert status["state"] == "unreachable" and status["since"], status
    report = backend.cli("diagnose", "--tenant", DOMAIN).json()
    assert report["onprem"]["state"] == "unreachable", report
    text = backend.cli("diagnose", "--tenant", DOMAIN, json_output=False).stdout
    assert "writeback: unreachable since " + status["since"] in text, text
    backend.cli_ok("onprem", "delete", "--tenant", DOMAIN)
    assert backend.cli_ok("onprem", "show", "--tenant", DOMAIN)["connection"] is None


def test_a_synced_user_resets_and_the_password_lands_in_the_directory(site, tmp_path,
                                                                      monkeypatch):
    backend, directory, token = site
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(rc.DIFFICULTY))
    password = "Initial-" + os.urandom(6).hex()
    dn = directory.add_user("henry", password=password)
    sync(backend)
    upn = f"henry@{DOMAIN}"
    new_password = "Fresh-" + os.urandom(8).hex()
    response = onprem_sites.self_service_reset_by_email(backend, tmp_path, DOMAIN, upn,
                                                        new_password, "onprem-sync")
    assert response.status_code == 200, h.describe_response(response)
    assert directory.slapd.binds(dn, new_password)
    assert not directory.slapd.binds(dn, password)


def test_the_benchmark_script_runs_with_a_small_directory(binary, tmp_path):
    script = pathlib.Path(__file__).resolve().parents[2] / "bench" / "onprem_sync_10k.py"
    completed = subprocess.run([sys.executable, str(script), "--binary", str(binary), "--users",
                                "300", "--groups", "5", "--backends", "sqlite"],
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "300 users" in completed.stdout, completed.stdout


def test_the_admin_api_sets_tests_syncs_and_deletes_the_connection(backend, slapd):
    directory = Directory(slapd)
    _, token = create_tenant_with_token(backend, "Contoso", DOMAIN)
    directory.add_user("ivan", mobile="+1 425 555 0100")
    api = h.Api(backend.server().base_url, token)
    assert api.get("/api/v1/onprem/connection").status_code == 404
    settings = {"url": slapd.url, "flavor": "openldap", "bind_dn": slapd_server.SERVICE_DN,
                "bind_password_file": slapd.service_password_file, "base_dn": directory.ou,
                "ca_file": slapd.ca_file, "starttls": True, "timeout_seconds": 5}
    response = api.request("PUT", "/api/v1/onprem/connection", json={**settings, "url": "x"})
    h.assert_api_error(response, 400, "InvalidInput")
    response = api.request("PUT", "/api/v1/onprem/connection", json=settings)
    assert response.status_code == 200, h.describe_response(response)
    response = api.post("/api/v1/onprem/connection/test")
    assert response.json()["status"] == "up", h.describe_response(response)
    response = api.post("/api/v1/onprem/sync", json={"full": True})
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["users"]["created"] == 1, response.json()
    shown = api.get("/api/v1/onprem/connection").json()
    assert shown["status"]["state"] == "up" and shown["base_dn"] == directory.ou, shown
    assert slapd.service_password_file in json.dumps(shown)
    assert api.request("DELETE", "/api/v1/onprem/connection").status_code == 204
    assert api.get("/api/v1/onprem/connection").status_code == 404
    response = api.post("/api/v1/onprem/sync")
    assert response.status_code >= 400, h.describe_response(response)
