"""Pass-through sign-in (issue 6, SPEC §9): a synced user with auth mode pass_through signs in
to the self-service pages with the password of their on-premises entry, checked by an LDAP bind
as their DN over the tenant's connection — against a real slapd and a real Samba AD, on SQLite
and PostgreSQL. A refused bind is the ordinary InvalidCredentials and counts towards the sign-in
lockout; a directory that cannot be reached is SSPR_0030, never "wrong password"."""

import os
import time

import onprem_sites
import samba_ad as ad
import slapd_server
import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "fabrikam.test"
SIGN_IN = "Sign in (self-service)"


def sign_in(server, upn, password):
    return h.Api(server.base_url).post("/api/v1/session",
                                       json={"user_id": upn, "password": password})


def audit(server, token):
    events = h.Api(server.base_url, token).ok("GET", "/api/v1/audit?limit=1000")
    return [e for e in h.items_of(events, "events") if e["activity"] == SIGN_IN]


class Site:
    """Tenant Fabrikam connected to slapd (or to `url`), one pass-through user whose entry is in
    slapd, and a running server."""

    def __init__(self, backend, slapd, *, url=None, timeout=None, connected=True):
        self.slapd = slapd
        uid = "p" + os.urandom(5).hex()
        self.upn = f"{uid}@{DOMAIN}"
        self.password = "Directory-" + os.urandom(6).hex()
        self.dn = slapd.add_user(uid, self.password)
        _, self.token = create_tenant_with_token(backend, "Fabrikam", DOMAIN)
        if connected:
            onprem_sites.onprem_set(
                backend, DOMAIN, url=url or slapd.url, flavor="openldap",
                bind_dn=slapd_server.SERVICE_DN, password_file=slapd.service_password_file,
                base_dn=slapd_server.SUFFIX, ca_file=slapd.ca_file, starttls=True,
                timeout=timeout)
        backend.cli_ok("user", "create", "--upn", self.upn, "--display-name", "Pass Through",
                       "--source", "synced", "--auth-mode", "pass_through", "--onprem-id",
                       self.dn)
        self.server = backend.server()


def test_a_pass_through_user_signs_in_with_the_directory_password(backend, slapd):
    site = Site(backend, slapd)
    response = sign_in(site.server, site.upn, site.password)
    assert response.status_code == 201, h.describe_response(response)
    assert response.json()["user"]["upn"] == site.upn
    [event] = audit(site.server, site.token)
    assert event["result"] == "success"
    assert site.password not in str(audit(site.server, site.token))


def test_a_wrong_password_is_invalid_credentials_and_counts_towards_the_lockout(backend, slapd):
    site = Site(backend, slapd)
    cloud_error = None
    for i in range(9):
        response = sign_in(site.server, site.upn, f"Wrong-{i}-password")
        cloud_error = h.assert_api_error(response, 401, "InvalidCredentials")
    assert "Set-Cookie" not in response.headers
    h.assert_api_error(sign_in(site.server, site.upn, "Wrong-9-password"), 429, "SignInLocked")
    # Locked: even the right password is refused before the directory is asked.
    h.assert_api_error(sign_in(site.server, site.upn, site.password), 429, "SignInLocked")
    unknown = sign_in(site.server, "nobody@" + DOMAIN, "Wrong-0-password")
    assert h.assert_api_error(unknown, 401, "InvalidCredentials")["message"] == (
        cloud_error["message"])
    reasons = [e["result_reason"] for e in audit(site.server, site.token)]
    assert reasons.count("InvalidCredentials") == 10 and "SignInLocked" in reasons


def test_an_empty_password_is_never_sent_as_an_unauthenticated_bind(backend, slapd):
    site = Site(backend, slapd)
    response = sign_in(site.server, site.upn, "")
    assert response.status_code in (400, 401), h.describe_response(response)
    assert "Set-Cookie" not in response.headers


def test_an_unreachable_directory_is_sspr_0030_not_a_wrong_password(backend, slapd):
    closed = h.free_loopback_port()
    site = Site(backend, slapd, url=f"ldap://127.0.0.1:{closed}", timeout=2)
    for _ in range(11):
        began = time.monotonic()
        response = sign_in(site.server, site.upn, site.password)
        assert time.monotonic() - began <= 2 + 1
        error = h.assert_api_error(response, 503, "OnPremisesConnectivityError")
        assert error["code"] == "SSPR_0030"
    # Not counted as wrong passwords: no lockout after more than ten.
    events = audit(site.server, site.token)
    assert {e["result_reason"] for e in events} == {"OnPremisesConnectivityError"}
    assert all(e["result"] == "failure" for e in events) and len(events) == 11


def test_a_pass_through_user_without_a_connection_is_told_so(backend, slapd):
    site = Site(backend, slapd, connected=False)
    response = sign_in(site.server, site.upn, site.password)
    h.assert_api_error(response, 422, "OnPremisesDirectoryNotConnected")


def test_a_pass_through_user_signs_in_against_active_directory(backend, samba_ad):
    name = "p" + os.urandom(5).hex()
    password = "Directory-7" + os.urandom(6).hex()
    dn = samba_ad.add_user(name, password)
    domain = "ssprtest.local"
    _, token = create_tenant_with_token(backend, "SSPR Test", domain)
    backend.cli_ok("onprem", "set", "--tenant", domain, "--url", samba_ad.url, "--flavor",
                   "active_directory", "--bind-dn", ad.SERVICE_DN, "--bind-password-file",
                   samba_ad.service_password_file, "--base-dn", ad.BASE_DN, "--ca-file",
                   samba_ad.ca_file)
    upn = f"{name}@{domain}"
    backend.cli_ok("user", "create", "--upn", upn, "--display-name", "Pass Through", "--source",
                   "synced", "--auth-mode", "pass_through", "--onprem-id", dn)
    server = backend.server()
    h.assert_api_error(sign_in(server, upn, "Wrong-Password-1"), 401, "InvalidCredentials")
    response = sign_in(server, upn, password)
    assert response.status_code == 201, h.describe_response(response)
    results = [e["result"] for e in audit(server, token)]
    assert sorted(results) == ["failure", "success"]

