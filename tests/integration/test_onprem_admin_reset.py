"""An administrator resets a synced user's password (issue 7, SPEC §9, §11): through the API
and the CLI the password is written back to a real slapd, recorded only once the directory
accepted it, audited as "Reset password (by admin)" (category Self-service password
management) with the reason when it fails, and the other administrators are emailed when the
user is an administrator and notify_admins is on. On SQLite and PostgreSQL."""

import json
import os

import onprem_sites
import reset_client as rc
import slapd_server
import sspr_harness as h

DOMAIN = "fabrikam.test"
ADMIN_RESET = "Reset password (by admin)"
CATEGORY = "Self-service password management"


class Site(onprem_sites.SyncedUserSite):
    """Tenant Fabrikam connected to slapd with writeback on, one synced user whose entry is in
    slapd, a global administrator Gail with an email, and a server writing to a file outbox."""

    def __init__(self, backend, slapd, tmp_path, password_file=None):
        uid = "a" + os.urandom(5).hex()
        password = "Initial-" + os.urandom(6).hex()
        super().__init__(
            backend, tmp_path, None, domain=DOMAIN, tenant_name="Fabrikam",
            upn=f"{uid}@{DOMAIN}", dn=slapd.add_user(uid, password), password=password,
            connect=lambda: onprem_sites.onprem_set(
                backend, DOMAIN, url=slapd.url, flavor="openldap",
                bind_dn=slapd_server.SERVICE_DN,
                password_file=password_file or slapd.service_password_file,
                base_dn=slapd_server.SUFFIX, ca_file=slapd.ca_file, starttls=True),
            server_name="admin-reset", unlock=False, license=False, email=False,
            admin_token=True)

    def prepare(self):
        self.backend.cli_ok("user", "create", "--upn", f"gail@{DOMAIN}", "--display-name",
                            "Gail", "--email", "gail@example.org")
        self.backend.cli_ok("role", "assign", "--user", f"gail@{DOMAIN}", "--role",
                            "global-administrator")

    def reset(self, password, upn=None):
        return self.api.post(f"/api/v1/users/{upn or self.upn}/password",
                             json={"password": password})

    def audit(self, activity=ADMIN_RESET):
        return super().audit(activity)


def test_an_admin_reset_is_written_back_and_audited(backend, slapd, tmp_path):
    site = Site(backend, slapd, tmp_path)
    new_password = "Fresh-" + os.urandom(8).hex()
    response = site.reset(new_password)
    assert response.status_code in (200, 204), h.describe_response(response)
    assert slapd.binds(site.dn, new_password)
    assert not slapd.binds(site.dn, site.password)
    [event] = site.audit()
    assert event["result"] == "success" and event["category"] == CATEGORY
    assert event["target"] == site.upn
    assert new_password not in json.dumps(rc.audit(site.server, site.token))
    # Not an administrator: nobody is emailed.
    assert not [m for m in rc.outbox_messages(site.outbox) if m["channel"] == "email"]


def test_a_password_the_directory_refuses_changes_nothing_and_is_audited(backend, slapd,
                                                                         tmp_path):
    site = Site(backend, slapd, tmp_path)
    # The cloud rules accept it; ppolicy's pwdMinLength (10) does not.
    response = site.reset("Ab1!xyz-q")
    error = h.assert_api_error(response, 422, "OnPremisesPolicyViolation")
    assert "quality" in error["technical"], error
    assert slapd.binds(site.dn, site.password)
    [event] = site.audit()
    assert event["result"] == "failure"
    assert event["result_reason"] == "OnPremisesPolicyViolation"
    assert event["support_code"] == error["support_code"]
    # The cloud rules still apply first (banned passwords, complexity).
    h.assert_api_error(site.reset("password"), 422)
    assert slapd.binds(site.dn, site.password)


def test_a_wrong_service_password_is_sspr_0029_and_writeback_off_is_sspr_0010(backend, slapd,
                                                                             tmp_path):
    wrong = tmp_path / "wrong-service-password"
    wrong.write_text("not-the-service-password\n")
    site = Site(backend, slapd, tmp_path, password_file=str(wrong))
    new_password = "Fresh-" + os.urandom(8).hex()
    error = h.assert_api_error(site.reset(new_password), 503, "OnPremisesAdminActionRequired")
    assert error["code"] == "SSPR_0029"
    assert slapd.binds(site.dn, site.password)
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--writeback", "off")
    error = h.assert_api_error(site.reset(new_password), 403, "WritebackNotEnabled")
    assert error["code"] == "SSPR_0010"
    reasons = [e["result_reason"] for e in site.audit()]
    assert sorted(reasons) == ["OnPremisesAdminActionRequired", "WritebackNotEnabled"]
    assert not slapd.binds(site.dn, new_password)


def test_the_cli_resets_a_synced_user_through_the_directory(backend, slapd, tmp_path):
    site = Site(backend, slapd, tmp_path)
    new_password = "Fresh-" + os.urandom(8).hex()
    password_file = tmp_path / "new-password"
    password_file.write_text(new_password + "\n")
    shown = backend.cli_ok("user", "set-password", "--upn", site.upn, "--password-file",
                           str(password_file))
    assert shown == {"upn": site.upn, "password_set": True}
    assert slapd.binds(site.dn, new_password)
    assert not slapd.binds(site.dn, site.password)
    [event] = site.audit()
    assert event["result"] == "success" and event["actor"] == "cli"


def test_resetting_an_administrator_notifies_the_other_administrators(backend, slapd, tmp_path):
    site = Site(backend, slapd, tmp_path)
    backend.cli_ok("role", "assign", "--user", site.upn, "--role", "helpdesk-administrator")
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--notify-admins", "on")
    response = site.reset("Fresh-" + os.urandom(8).hex())
    assert response.status_code in (200, 204), h.describe_response(response)
    emails = [m for m in rc.outbox_messages(site.outbox) if m["channel"] == "email"]
    assert [m["to"] for m in emails] == ["gail@example.org"], emails
    assert site.upn in emails[0]["body"]
