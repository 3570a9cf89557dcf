"""Password writeback and unlock against a real Active Directory (issue 6, SPEC §9): the real
binary and a Samba AD domain controller (samba_ad.py) over ldaps:// with its CA file, on SQLite
and PostgreSQL.

A synced user's reset replaces `unicodePwd` (a bind with the new password works, the old one
does not) and sets `lockoutTime` to 0; AD's complexity refusing the password is
OnPremisesPolicyViolation with the directory's message and changes nothing; a locked account is
unlocked with and without a reset; a wrong service password and a service account without the
delegated rights are SSPR_0029."""

import json
import os

import pytest

import onprem_sites
import reset_client as rc
import samba_ad as ad
import sspr_harness as h

DOMAIN = "ssprtest.local"
RESET_DONE = "Reset password (self-service)"
UNLOCK_DONE = "Unlock user account (self-service)"


def onprem_set(backend, samba, *, bind_dn=ad.SERVICE_DN, password_file=None):
    return onprem_sites.onprem_set(
        backend, DOMAIN, url=samba.url, flavor="active_directory", bind_dn=bind_dn,
        password_file=password_file or samba.service_password_file, base_dn=ad.BASE_DN,
        ca_file=samba.ca_file)


class Site(onprem_sites.SyncedUserSite):
    """Tenant ssprtest.local with one synced user whose account is in Samba AD, a policy with
    writeback and unlock on, email as the method, and a server writing to a file outbox."""

    def __init__(self, backend, samba, tmp_path, monkeypatch, **connection):
        self.samba = samba
        name = "u" + os.urandom(5).hex()
        password = "Initial-7" + os.urandom(6).hex()
        super().__init__(backend, tmp_path, monkeypatch, domain=DOMAIN, tenant_name="SSPR Test",
                         upn=f"{name}@{DOMAIN}", dn=samba.add_user(name, password),
                         password=password,
                         connect=lambda: onprem_set(backend, samba, **connection),
                         server_name="onprem-ad")


@pytest.fixture
def site(backend, samba_ad, tmp_path, monkeypatch):
    return Site(backend, samba_ad, tmp_path, monkeypatch)


def test_onprem_test_is_up_over_ldaps_with_the_ca_file(backend, samba_ad, tmp_path):
    backend.cli_ok("tenant", "create", "--name", "SSPR Test", "--domain", DOMAIN)
    shown = onprem_set(backend, samba_ad)
    assert shown["flavor"] == "active_directory" and shown["url"] == samba_ad.url
    up = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
    assert up.code == 0 and up.stdout.strip() == "up", up.describe()
    wrong = tmp_path / "wrong"
    wrong.write_text("Wrong-Service-1\n")
    onprem_set(backend, samba_ad, password_file=str(wrong))
    bad = backend.cli("onprem", "test", "--tenant", DOMAIN, json_output=False)
    assert bad.code == 1 and bad.stdout.startswith("misconfigured: "), bad.describe()
    assert "SSPR_0029" in bad.stdout and "Invalid credentials" in bad.stdout
    # A successful bind clears the service account's bad password count again.
    assert samba_ad.binds(ad.SERVICE_DN, samba_ad.service_password)


def test_a_reset_replaces_unicode_pwd_in_active_directory(site):
    flow = site.verified_flow()
    new_password = "Fresh-9" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert site.samba.binds(site.dn, new_password)
    assert not site.samba.binds(site.dn, site.password)
    [done] = site.audit(RESET_DONE)
    assert done["result"] == "success"
    assert new_password not in json.dumps(rc.audit(site.server, site.token))


def test_a_password_ad_complexity_rejects_changes_nothing(site):
    flow = site.verified_flow()
    # The cloud rules count ö and å as symbols (lowercase, symbol, digit: 3 classes); AD counts
    # them as lowercase letters (lowercase, digit: 2 of the 3 it asks for).
    weak_for_ad = "smörgåsbord7" + os.urandom(3).hex()
    response = rc.set_password(site.api, flow["id"], weak_for_ad)
    error = h.assert_api_error(response, 422, "OnPremisesPolicyViolation")
    assert "complexity" in error["technical"], error
    assert weak_for_ad not in response.text
    assert site.samba.binds(site.dn, site.password)
    assert not site.samba.binds(site.dn, weak_for_ad)
    assert not [e for e in site.audit(RESET_DONE) if e["result"] == "success"]
    rc.assert_refusal_audited(site.server, site.token, flow["id"], "OnPremisesPolicyViolation",
                              error["support_code"])
    # The user may choose another.
    new_password = "Another-5" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    assert response.status_code == 200, h.describe_response(response)
    assert site.samba.binds(site.dn, new_password)


def test_a_locked_account_is_unlocked_without_a_reset(site):
    site.samba.lock_by_failed_binds(site.dn)
    assert site.samba.locked(site.dn)
    assert not site.samba.binds(site.dn, site.password)
    flow = site.verified_flow(reason="locked_out")
    response = site.api.post(f"/api/v1/reset/flows/{flow['id']}/unlock")
    assert response.status_code == 200, h.describe_response(response)
    assert response.json()["state"] == "done"
    assert site.samba.attribute(site.dn, "lockoutTime") == "0"
    assert site.samba.binds(site.dn, site.password)
    [done] = site.audit(UNLOCK_DONE)
    assert done["result"] == "success"


def test_a_reset_unlocks_a_locked_account(site):
    site.samba.lock_by_failed_binds(site.dn)
    assert site.samba.locked(site.dn)
    flow = site.verified_flow()
    new_password = "Fresh-9" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    assert response.status_code == 200, h.describe_response(response)
    assert site.samba.attribute(site.dn, "lockoutTime") == "0"
    assert site.samba.binds(site.dn, new_password)


def test_a_wrong_service_password_is_sspr_0029_and_changes_nothing(backend, samba_ad, tmp_path,
                                                                   monkeypatch):
    wrong = tmp_path / "wrong-service-password"
    wrong.write_text("Not-the-service-password-1\n")
    site = Site(backend, samba_ad, tmp_path, monkeypatch, password_file=str(wrong))
    flow = site.verified_flow()
    new_password = "Fresh-9" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    error = h.assert_api_error(response, 503, "OnPremisesAdminActionRequired")
    assert error["code"] == "SSPR_0029"
    assert "Invalid credentials" in error["technical"]
    assert "Not-the-service-password-1" not in response.text
    rc.assert_refusal_audited(site.server, site.token, flow["id"],
                              "OnPremisesAdminActionRequired", error["support_code"])
    assert site.samba.binds(site.dn, site.password)
    assert not site.samba.binds(site.dn, new_password)
    assert site.samba.binds(ad.SERVICE_DN, samba_ad.service_password)


def test_a_service_account_without_the_delegated_rights_is_sspr_0029(backend, samba_ad,
                                                                     tmp_path, monkeypatch):
    site = Site(backend, samba_ad, tmp_path, monkeypatch, bind_dn=ad.NO_RIGHTS_DN)
    site.samba.lock_by_failed_binds(site.dn)
    password_set_at = site.samba.attribute(site.dn, "pwdLastSet")
    flow = site.verified_flow(reason="locked_out")
    response = site.api.post(f"/api/v1/reset/flows/{flow['id']}/unlock")
    error = h.assert_api_error(response, 503, "OnPremisesAdminActionRequired")
    assert error["code"] == "SSPR_0029"
    assert "Insufficient access" in error["technical"], error
    assert site.samba.locked(site.dn)

    flow = site.verified_flow()
    new_password = "Fresh-9" + os.urandom(8).hex()
    response = rc.set_password(site.api, flow["id"], new_password)
    error = h.assert_api_error(response, 503, "OnPremisesAdminActionRequired")
    assert "Insufficient access" in error["technical"], error
    rc.assert_refusal_audited(site.server, site.token, flow["id"],
                              "OnPremisesAdminActionRequired", error["support_code"])
    assert not [e for e in site.audit(RESET_DONE) if e["result"] == "success"]
    assert site.samba.attribute(site.dn, "pwdLastSet") == password_set_at
    assert site.samba.locked(site.dn)
