"""`sspr onprem sync` against a real Active Directory (issue 6, SPEC §9): a Samba AD domain
controller (samba_ad.py) over ldaps:// with the flavour's default mapping, on SQLite and
PostgreSQL.

A full run imports users by userPrincipalName with their names, mail, mobile and
telephoneNumber (the pre-populated methods), a disabled account (userAccountControl
ACCOUNTDISABLE) as disabled, and groups with nested membership; objects are anchored by
objectGUID (a renamed entry stays the same user). An incremental run on uSNChanged follows a
change, a rename, a newly disabled account and a deletion. A synced user then resets through
the reset API and the password lands in AD: a bind with the new password works, the old one
fails."""

import os
import sqlite3

import pytest

import onprem_sites
import reset_client as rc
import samba_ad as ad
import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "ssprtest.local"


class Directory:
    """An OU of its own under OU=sspr-users (so the service account's delegated rights apply),
    with names unique in the domain (sAMAccountName is domain-wide, and the session's DC
    serves every test)."""

    def __init__(self, samba):
        self.samba = samba
        self.tag = os.urandom(3).hex()
        self.ou = f"OU=t{self.tag},{ad.USERS_OU}"
        samba.ldapadd(f"dn: {self.ou}\nobjectClass: organizationalUnit\n")

    def name(self, base):
        return base + self.tag

    def upn(self, base):
        return f"{self.name(base)}@{DOMAIN}"

    def user_dn(self, base):
        return f"CN={self.name(base)},{self.ou}"

    def group_dn(self, base):
        return f"CN={self.name(base)},{self.ou}"

    def add_user(self, base, password=None, disabled=False, **attributes):
        name = self.name(base)
        password = password or "Initial-7" + os.urandom(6).hex()
        lines = [f"dn: {self.user_dn(base)}", "objectClass: user", f"sAMAccountName: {name}",
                 f"userPrincipalName: {self.upn(base)}", f"givenName: {base.capitalize()}",
                 "sn: Example", f"displayName: {base.capitalize()} Example",
                 f"unicodePwd:: {ad.unicode_pwd(password)}",
                 f"userAccountControl: {514 if disabled else 512}"]
        lines += [f"{k}: {v}" for k, v in attributes.items()]
        self.samba.ldapadd("\n".join(lines) + "\n")
        return self.user_dn(base)

    def add_group(self, base, members):
        lines = [f"dn: {self.group_dn(base)}", "objectClass: group",
                 f"sAMAccountName: {self.name(base)}"]
        lines += [f"member: {m}" for m in members]
        self.samba.ldapadd("\n".join(lines) + "\n")


@pytest.fixture
def site(backend, samba_ad):
    directory = Directory(samba_ad)
    _, token = create_tenant_with_token(backend, "SSPR Test", DOMAIN)
    onprem_sites.onprem_set(backend, DOMAIN, url=samba_ad.url, flavor="active_directory",
                            bind_dn=ad.SERVICE_DN,
                            password_file=samba_ad.service_password_file,
                            base_dn=directory.ou, ca_file=samba_ad.ca_file)
    return backend, directory, token


def sync(backend, *extra):
    return onprem_sites.sync(backend, DOMAIN, *extra)


user = onprem_sites.shown_user
methods = onprem_sites.contact_methods


def stored_anchor(backend, upn):
    """The anchor the store keeps for `upn` (SQLite only: read from the database file)."""
    path = backend.work_dir / "data" / "sspr.db"
    with sqlite3.connect(path) as db:
        (anchor,) = db.execute("SELECT onprem_anchor FROM users WHERE upn = ?", (upn,)).fetchone()
    return anchor


def test_sync_imports_active_directory_users_groups_and_nested_membership(site):
    backend, directory, _ = site
    alice = directory.add_user("alice", mail="alice.private@example.org",
                               mobile="+1 425 555 0100", telephoneNumber="+1 425 555 0111 x42")
    bob = directory.add_user("bob")
    directory.add_user("carol", disabled=True)
    directory.add_group("engineering", [bob])
    directory.add_group("staff", [alice, directory.group_dn("engineering")])

    summary = sync(backend)
    assert summary["mode"] == "full"
    assert summary["users"]["created"] == 3 and summary["users"]["skipped"] == 0, summary
    assert summary["groups"]["created"] == 2 and summary["groups"]["skipped"] == 0, summary
    assert summary["memberships"] == 3 and summary["unknown_members"] == 0, summary
    assert summary["watermark"].isdigit(), summary

    shown = user(backend, directory.upn("alice"))
    assert shown["source"] == "synced" and shown["onprem_id"] == alice, shown
    assert shown["display_name"] == "Alice Example", shown
    assert shown["given_name"] == "Alice" and shown["surname"] == "Example", shown
    assert shown["enabled"] is True
    assert user(backend, directory.upn("bob"))["enabled"] is True
    assert user(backend, directory.upn("carol"))["enabled"] is False
    if backend.name == "sqlite":
        assert stored_anchor(backend, directory.upn("alice")) == directory.samba.object_guid(alice)

    on_file = methods(backend, directory.upn("alice"))
    assert set(on_file) >= {"mobile_phone", "office_phone", "email"}, on_file
    assert all(m["source"] == "sync" for m in on_file.values()), on_file
    assert on_file["email"]["emailAddress"] == "alice.private@example.org", on_file
    assert on_file["mobile_phone"]["phoneNumber"].replace(" ", "") == "+14255550100", on_file
    assert on_file["office_phone"]["phoneNumber"] == "+1 4255550111 x42", on_file

    staff = backend.cli_ok("group", "show", "--tenant", DOMAIN, "--name", directory.name("staff"))
    assert sorted((m["type"], m["name"]) for m in staff["members"]) == [
        ("group", directory.name("engineering")), ("user", directory.upn("alice"))], staff
    # Bob is in staff through engineering: the policy's selected group reaches him.
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "selected", "--group",
                   directory.name("staff"), "--methods", "email", "--methods-required", "1")
    backend.cli_ok("license", "assign", "--user", directory.upn("bob"), "--sku", "SPE")
    report = backend.cli("diagnose", "--user", directory.upn("bob")).json()
    checks = {c["check"]: c for c in report["checks"]}
    assert checks["InScopedGroup"]["result"] == "passed", report

    again = sync(backend)
    assert again["mode"] == "incremental"
    assert again["users"]["created"] == again["users"]["updated"] == 0, again
    assert again["users"]["deleted"] == again["groups"]["deleted"] == 0, again
    assert backend.cli_ok("onprem", "show", "--tenant", DOMAIN)["status"]["state"] == "up"


def test_incremental_sync_on_usn_changed_follows_changes_renames_and_deletions(site):
    backend, directory, _ = site
    samba = directory.samba
    alice = directory.add_user("alice", mobile="+1 425 555 0100")
    bob = directory.add_user("bob")
    dave = directory.add_user("dave")
    erin = directory.add_user("erin")
    directory.add_group("staff", [alice, bob])
    first = sync(backend)
    assert first["users"]["created"] == 4, first
    erin_id = user(backend, directory.upn("erin"))["id"]

    samba.ldapmodify(f"dn: {alice}\nchangetype: modify\nreplace: mobile\n"
                     "mobile: +1 425 555 0199\n")
    samba.ldapdelete(bob)  # AD drops the member value of the group itself
    samba.ldapmodify(f"dn: {dave}\nchangetype: modify\nreplace: userAccountControl\n"
                     "userAccountControl: 514\n")
    samba.ldapmodrdn(erin, "CN=" + directory.name("erin-renamed"))
    second = sync(backend)
    assert second["mode"] == "incremental"
    assert int(second["watermark"]) > int(first["watermark"]), (first, second)
    # Only entries changed since the last run are read: not the untouched group's users.
    assert second["users"]["read"] == 3, second
    assert second["users"]["updated"] == 3 and second["users"]["disabled"] == 1, second
    assert second["users"]["created"] == 0 and second["users"]["deleted"] == 1, second
    assert methods(backend, directory.upn("alice"))["mobile_phone"]["phoneNumber"].replace(
        " ", "") == "+14255550199"
    assert user(backend, directory.upn("dave"))["enabled"] is False
    assert backend.cli("user", "show", "--upn", directory.upn("bob")).code != 0
    renamed = user(backend, directory.upn("erin"))
    assert renamed["id"] == erin_id, renamed
    assert renamed["onprem_id"] == f"CN={directory.name('erin-renamed')},{directory.ou}", renamed
    staff = backend.cli_ok("group", "show", "--tenant", DOMAIN, "--name", directory.name("staff"))
    assert [m["name"] for m in staff["members"]] == [directory.upn("alice")], staff


def test_a_synced_active_directory_user_resets_and_the_password_lands_in_ad(site, tmp_path,
                                                                            monkeypatch):
    backend, directory, _ = site
    samba = directory.samba
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(rc.DIFFICULTY))
    password = "Initial-7" + os.urandom(6).hex()
    dn = directory.add_user("henry", password=password, mail="henry@example.org")
    summary = sync(backend)
    assert summary["users"]["created"] == 1, summary
    upn = directory.upn("henry")
    new_password = "Fresh-9" + os.urandom(8).hex()
    response = onprem_sites.self_service_reset_by_email(backend, tmp_path, DOMAIN, upn,
                                                        new_password, "onprem-ad-sync")
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert samba.binds(dn, new_password)
    assert not samba.binds(dn, password)
