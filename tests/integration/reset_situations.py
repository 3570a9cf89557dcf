"""The situations of SPEC §4 built in test tenants, shared by the reset flow's eligibility test
and the diagnose test (which compares diagnose with what the flow answers), and the helpers to
start a reset through the API with a solved CAPTCHA."""


import sspr_harness as h
from reset_client import solved_captcha
from conftest import create_tenant_with_token

SCOPED = "scoped.test"      # policy "selected" (group "SSPR Users"), has a synced user
DISABLED = "disabled.test"  # policy "none"
NEVER = "never.test"        # no policy ever saved
DIFFICULTY = 300            # a small CAPTCHA proof of work for tests


def user(backend, upn, *extra, email=True):
    backend.cli_ok("user", "create", "--upn", upn, "--display-name", upn.split("@")[0], *extra)
    if email:
        backend.cli_ok("methods", "set", "--user", upn, "--email",
                       upn.split("@")[0] + ".home@example.org")


def build_situations(backend):
    """Creates the tenants and users; returns {domain: global-administrator token}. Run it
    before the server starts (set SSPR_CAPTCHA_DIFFICULTY to DIFFICULTY for the server)."""
    tokens = {}
    for name, domain in (("Scoped", SCOPED), ("Disabled", DISABLED), ("Never", NEVER)):
        tokens[domain] = create_tenant_with_token(backend, name, domain)[1]
    backend.cli_ok("group", "create", "--tenant", SCOPED, "--name", "SSPR Users")
    backend.cli_ok("group", "create", "--tenant", SCOPED, "--name", "Nested")
    backend.cli_ok("group", "add-member", "--tenant", SCOPED, "--group", "SSPR Users",
                   "--member-group", "Nested")
    backend.cli_ok("policy", "set", "--tenant", SCOPED, "--enabled", "selected", "--group",
                   "SSPR Users", "--methods", "email,mobile_phone,security_questions")
    backend.cli_ok("policy", "set", "--tenant", DISABLED, "--enabled", "none")

    def member(upn):
        backend.cli_ok("group", "add-member", "--tenant", SCOPED, "--group", "Nested",
                       "--user", upn)

    user(backend, "ok@" + SCOPED)
    member("ok@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "ok@" + SCOPED, "--sku", "BASIC")
    user(backend, "outside@" + SCOPED)  # licensed, registered, not in the group
    backend.cli_ok("license", "assign", "--user", "outside@" + SCOPED, "--sku", "BASIC")
    user(backend, "outside-unlicensed@" + SCOPED)  # two failures: the group check comes first
    user(backend, "unlicensed@" + SCOPED)
    member("unlicensed@" + SCOPED)
    user(backend, "cloudonly-sku@" + SCOPED, "--source", "synced")  # BASIC: cloud users only
    member("cloudonly-sku@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "cloudonly-sku@" + SCOPED, "--sku", "BASIC")
    user(backend, "synced@" + SCOPED, "--source", "synced")  # P1, but writeback is off
    member("synced@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "synced@" + SCOPED, "--sku", "PREMIUM_P1")
    user(backend, "unregistered@" + SCOPED, email=False)
    member("unregistered@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "unregistered@" + SCOPED, "--sku", "BASIC")
    user(backend, "off@" + SCOPED, "--disabled")
    member("off@" + SCOPED)
    backend.cli_ok("license", "assign", "--user", "off@" + SCOPED, "--sku", "BASIC")
    # Administrators: no licence, outside the group; the tenant has a synced user, so it is
    # not a trial and two gates are required.
    user(backend, "admin1@" + SCOPED)
    backend.cli_ok("role", "assign", "--user", "admin1@" + SCOPED, "--role",
                   "helpdesk-administrator")
    user(backend, "admin2@" + SCOPED)
    backend.cli_ok("methods", "set", "--user", "admin2@" + SCOPED, "--mobile-phone",
                   "+45 20 12 34 56")
    backend.cli_ok("role", "assign", "--user", "admin2@" + SCOPED, "--role",
                   "global-administrator")

    for domain in (DISABLED, NEVER):
        user(backend, "user@" + domain)
        backend.cli_ok("license", "assign", "--user", "user@" + domain, "--sku", "PREMIUM_P2")
    return tokens


def start(server, upn):
    """POST /api/v1/reset/flows for `upn` with a solved CAPTCHA; the response."""
    api = h.Api(server.base_url)
    return api.post("/api/v1/reset/flows", json={"user_id": upn, "captcha": solved_captcha(api)})
