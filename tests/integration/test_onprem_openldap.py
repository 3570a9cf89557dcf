"""Password writeback and unlock against a real OpenLDAP (issue 6, SPEC §9): the real binary,
a real slapd with ppolicy (slapd_server.py), on SQLite and PostgreSQL.

A synced user's reset lands in the directory (a bind with the new password works, the old one
does not) or, when the directory refuses, nothing is recorded: ppolicy → OnPremisesPolicyViolation
with the directory's message, a closed port → SSPR_0030 within the timeout, a wrong service
password → SSPR_0029. `sspr onprem test` says up / misconfigured / unreachable by exit status."""

import json
import os
import socket
import time

import pytest

import onprem_sites
import reset_client as rc
import slapd_server
import sspr_harness as h

DOMAIN = "fabrikam.test"
RESET_DONE = "Reset password (self-service)"
UNLOCK_DONE = "Unlock user account (self-service)"


def onprem_set(backend, slapd, *, url=None, password_file=None, starttls=True, timeout=None):
    return onprem_sites.onprem_set(
        backend, DOMAIN, url=url or slapd.url, flavor="openldap", bind_dn=slapd_server.SERVICE_DN,
        password_file=password_file or slapd.service_password_file,
        base_dn=slapd_server.SUFFIX, ca_file=slapd.ca_file, starttls=starttls, timeout=timeout)


class Site(onprem_sites.SyncedUserSite):
    """Tenant Fabrikam with one synced user whose entry is in slapd, a policy with writeback
    and unlock on, email as the method, and a server writing to a file outbox."""

    def __init__(self, backend, slapd, tmp_path, monkeypatch, **connection):
        self.slapd = slapd
        uid = "u" + os.urandom(5).hex()
        password = "Initial-" + os.urandom(6).hex()
        super().__init__(backend, tmp_path, monkeypatch, domain=DOMAIN, tenant_name="Fabrikam",
                         upn=f"{uid}@{DOMAIN}", dn=slapd.add_user(uid, password),
                         password=password,
                         connect=lambda: onprem_set(backend, slapd, **connection),
                         server_name="onprem")


@pytest.fixture
def site(backend, slapd, tmp_path, monkeypatch):
    return Site(backend, slapd, tmp_path, monkeypatch)


def test_a_reset_writes_the_new_password_to_openldap(site):
    flow = site.verified_flow()
    new_password = "Fresh-" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert site.slapd.binds(site.dn, new_password)
    assert not site.slapd.binds(site.dn, site.password)
    [done] = site.audit(RESET_DONE)
    assert done["result"] == "success"
    assert new_password not in json.dumps(rc.audit(site.server, site.token))


def test_a_password_the_directory_policy_rejects_changes_nothing(site):
    flow = site.verified_flow()
    # The cloud rules accept it; ppolicy's pwdInHistory refuses the current password.
    response = rc.set_password(site.api, flow["id"], site.password)
    error = h.assert_api_error(response, 422, "OnPremisesPolicyViolation")
    assert error["code"] == "OnPremisesPolicyViolation"
    assert "Password is not being changed from existing value" in error["technical"] or (
        "history" in error["technical"]), error
    assert site.slapd.binds(site.dn, site.password)
    assert not [e for e in site.audit(RESET_DONE) if e["result"] == "success"]
    rc.assert_refusal_audited(site.server, site.token, flow["id"], "OnPremisesPolicyViolation",
                              error["support_code"])
    # Too short for the directory (pwdMinLength 10) but not for the cloud rules.
    response = rc.set_password(site.api, flow["id"], "Ab1!xyz-q")
    error = h.assert_api_error(response, 422, "OnPremisesPolicyViolation")
    assert "quality" in error["technical"], error
    assert site.slapd.binds(site.dn, site.password)
    # The user may choose another.
    new_password = "Another-" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    assert response.status_code == 200, h.describe_response(response)
    assert site.slapd.binds(site.dn, new_password)


def test_an_unreachable_directory_is_sspr_0030_within_the_timeout(backend, slapd, tmp_path,
                                                                     monkeypatch):
    closed = h.free_loopback_port()
    site = Site(backend, slapd, tmp_path, monkeypatch, url=f"ldap://127.0.0.1:{closed}",
                timeout=2)
    flow = site.verified_flow()
    began = time.monotonic()
    response = rc.set_password(site.api, flow["id"], "Fresh-" + os.urandom(8).hex())
    assert time.monotonic() - began <= 2 + 1
    error = h.assert_api_error(response, 503, "OnPremisesConnectivityError")
    assert error["code"] == "SSPR_0030"
    rc.assert_refusal_audited(site.server, site.token, flow["id"], "OnPremisesConnectivityError",
                              error["support_code"])
    assert site.slapd.binds(site.dn, site.password)
    assert not [e for e in site.audit(RESET_DONE) if e["result"] == "success"]


def test_a_wrong_service_password_is_sspr_0029_and_changes_nothing(backend, slapd, tmp_path,
                                                                   monkeypatch):
    wrong = tmp_path / "wrong-service-password"
    wrong.write_text("not-the-service-password\n")
    site = Site(backend, slapd, tmp_path, monkeypatch, password_file=str(wrong))
    flow = site.verified_flow()
    new_password = "Fresh-" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    error = h.assert_api_error(response, 503, "OnPremisesAdminActionRequired")
    assert error["code"] == "SSPR_0029"
    assert "Invalid credentials" in error["technical"]
    assert "not-the-service-password" not in response.text
    rc.assert_refusal_audited(site.server, site.token, flow["id"],
                              "OnPremisesAdminActionRequired", error["support_code"])
    assert site.slapd.binds(site.dn, site.password)
    assert not site.slapd.binds(site.dn, new_password)


def test_a_locked_account_is_unlocked_without_a_reset(site):
    site.slapd.lock_by_failed_binds(site.dn)
    assert site.slapd.locked_time(site.dn) is not None
    assert not site.slapd.binds(site.dn, site.password)
    flow = site.verified_flow(reason="locked_out")
    response = site.api.post(f"/api/v1/reset/flows/{flow['id']}/unlock")
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert site.slapd.locked_time(site.dn) is None
    assert site.slapd.binds(site.dn, site.password)
    [done] = site.audit(UNLOCK_DONE)
    assert done["result"] == "success"


def test_a_reset_unlocks_a_locked_account(site):
    site.slapd.lock_by_failed_binds(site.dn)
    assert site.slapd.locked_time(site.dn) is not None
    flow = site.verified_flow()
    new_password = "Fresh-" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    assert response.status_code == 200, h.describe_response(response)
    assert site.slapd.locked_time(site.dn) is None
    assert site.slapd.binds(site.dn, new_password)


def test_onprem_test_says_up_misconfigured_or_unreachable(backend, slapd, tmp_path):
    backend.cli_ok("tenant", "create", "--name", "Fabrikam", "--domain", DOMAIN)
    missing = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
    assert missing.code == 1 and missing.stdout.startswith("misconfigured: "), missing.describe()

    shown = onprem_set(backend, slapd)
    assert shown["url"] == slapd.url and shown["starttls"] is True
    up = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
    assert up.code == 0 and up.stdout.strip() == "up", up.describe()
    assert backend.cli_ok("onprem", "test", "--tenant", DOMAIN) == {"tenant": DOMAIN,
                                                                    "status": "up"}
    onprem_set(backend, slapd, url=slapd.ldaps_url, starttls=False)
    assert backend.cli("onprem", "test", "--tenant", DOMAIN).code == 0

    wrong = tmp_path / "wrong"
    wrong.write_text("wrong\n")
    onprem_set(backend, slapd, password_file=str(wrong))
    bad = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
    assert bad.code == 1, bad.describe()
    assert bad.stdout.startswith("misconfigured: ") and "Invalid credentials" in bad.stdout

    closed = h.free_loopback_port()
    onprem_set(backend, slapd, url=f"ldap://127.0.0.1:{closed}", timeout=2)
    down = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
    assert down.code == 1 and down.stdout.startswith("unreachable: "), down.describe()

    shown = backend.cli_ok("onprem", "show", "--tenant", DOMAIN)
    assert shown["timeout_seconds"] == 2 and shown["flavor"] == "openldap"
    events = h.audit_events_cli(backend, DOMAIN)
    statuses = [e["details"]["status"] for e in events
                if e["activity"] == "Test on-premises connection"]
    assert sorted(statuses) == sorted(["misconfigured", "up", "up", "up", "misconfigured",
                                       "unreachable"])
    assert len([e for e in events if e["activity"] == "Set on-premises connection"]) == 4
    assert slapd.service_password not in json.dumps(events)


def test_onprem_set_refuses_passwords_in_clear_and_bad_settings(backend, slapd):
    backend.cli_ok("tenant", "create", "--name", "Fabrikam", "--domain", DOMAIN)
    base = ["onprem", "set", "--tenant", DOMAIN, "--flavor", "openldap", "--bind-dn",
            slapd_server.SERVICE_DN, "--base-dn", slapd_server.SUFFIX]
    plain = backend.cli(*base, "--url", slapd.url, "--bind-password-file",
                        slapd.service_password_file)
    assert plain.code == 2 and "TLS" in plain.stderr, plain.describe()
    unreadable = backend.cli(*base, "--url", slapd.ldaps_url, "--bind-password-file",
                             "/nonexistent/password")
    assert unreadable.code == 2, unreadable.describe()
    slow = backend.cli(*base, "--url", slapd.ldaps_url, "--bind-password-file",
                       slapd.service_password_file, "--timeout", "61")
    assert slow.code == 2, slow.describe()
    scheme = backend.cli(*base, "--url", "http://127.0.0.1:80", "--bind-password-file",
                         slapd.service_password_file)
    assert scheme.code == 2, scheme.describe()
    # Writeback needs the connection first.
    refused = backend.cli("policy", "set", "--tenant", DOMAIN, "--writeback", "on")
    assert refused.code != 0, refused.describe()
    shown = backend.cli_ok("onprem", "show", "--tenant", DOMAIN)
    assert shown["connection"] is None


@pytest.mark.parametrize("scheme", ["ldap", "ldaps"])
def test_a_directory_that_never_answers_is_unreachable_within_the_timeout(backend, slapd,
                                                                          scheme):
    # A port that accepts connections (the kernel's backlog) but never says a word: StartTLS
    # waits for an answer, ldaps:// for the TLS handshake.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        backend.cli_ok("tenant", "create", "--name", "Fabrikam", "--domain", DOMAIN)
        onprem_set(backend, slapd, url=f"{scheme}://127.0.0.1:{silent.getsockname()[1]}",
                   starttls=scheme == "ldap", timeout=2)
        began = time.monotonic()
        tested = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
        assert time.monotonic() - began <= 2 + 1
        assert tested.code == 1 and tested.stdout.startswith("unreachable: "), tested.describe()
        assert "SSPR_0030" in tested.stdout
    finally:
        silent.close()
