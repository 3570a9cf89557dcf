"""On-premises connections from the configuration file (issue 6): [[onprem]] tables applied by
`sspr onprem ...` given --config and by `sspr serve` at start and on SIGHUP, against a real
slapd, on SQLite and PostgreSQL. A connection the file manages is shown as such by the CLI and
the API, and administrators' changes to it (onprem set / delete, PUT / DELETE) are refused with
ManagedByConfiguration; gone from the file, it is released. Bad values are refused naming the
table and the key."""

import json
import os
import signal
import time

import onprem_sites
import slapd_server
import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "configured.test"


def onprem_table(slapd, base_dn, **overrides):
    values = {"tenant": DOMAIN, "url": slapd.url, "starttls": True, "flavor": "openldap",
              "bind_dn": slapd_server.SERVICE_DN,
              "bind_password_file": slapd.service_password_file, "base_dn": base_dn,
              "ca_file": slapd.ca_file, "timeout_seconds": 5, **overrides}
    return "\n[[onprem]]\n" + "".join(f"{key} = {json.dumps(value)}\n"
                                      for key, value in values.items())


def add_ou_with_user(slapd, uid):
    ou = "ou=c" + os.urandom(5).hex() + "," + slapd_server.SUFFIX
    slapd.ldapadd(f"dn: {ou}\nobjectClass: organizationalUnit\nou: {ou.split(',')[0][3:]}\n")
    slapd.ldapadd(f"dn: uid={uid},{ou}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {uid}\n"
                  f"sn: Example\nmail: {uid}@{DOMAIN}\n")
    return ou


def wait_for(predicate, what, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_the_cli_applies_the_file_and_refuses_changes_to_what_it_manages(backend, slapd,
                                                                        tmp_path):
    ou = add_ou_with_user(slapd, "olga")
    create_tenant_with_token(backend, "Configured", DOMAIN)
    config = tmp_path / "sspr.toml"
    config.write_text(onprem_table(slapd, ou, disabled_filter="(employeeType=left)"))

    shown = backend.cli("--config", config, "onprem", "show", "--tenant", DOMAIN)
    assert shown.code == 0, shown.describe()
    assert f"on-premises connection of {DOMAIN} set from {config}" in shown.stderr
    settings = shown.json()
    assert settings["managed_by_config"] is True, settings
    assert settings["base_dn"] == ou and settings["timeout_seconds"] == 5, settings
    assert settings["disabled_filter"] == "(employeeType=left)", settings
    text = backend.cli("onprem", "show", "--tenant", DOMAIN, json_output=False).stdout
    assert "managed by:          the configuration file" in text, text

    # Applying the same file again changes and audits nothing.
    again = backend.cli("--config", config, "onprem", "test", "--tenant", DOMAIN,
                        json_output=False)
    assert again.code == 0 and again.stdout.strip() == "up", again.describe()
    assert "set from" not in again.stderr, again.describe()
    audit = backend.cli_ok("audit", "list", "--tenant", DOMAIN, "--activity",
                           "Set on-premises connection")
    records = audit if isinstance(audit, list) else audit.get("events", audit.get("value"))
    assert len(records) == 1 and records[0]["actor"] == "configuration file", records

    summary = backend.cli_ok("--config", config, "onprem", "sync", "--tenant", DOMAIN)
    assert summary["users"]["created"] == 1, summary

    for refused in (backend.cli("onprem", "set", "--tenant", DOMAIN, "--url", slapd.url,
                                "--starttls", "--flavor", "openldap", "--bind-dn",
                                slapd_server.SERVICE_DN, "--bind-password-file",
                                slapd.service_password_file, "--base-dn", slapd_server.SUFFIX),
                    backend.cli("onprem", "delete", "--tenant", DOMAIN)):
        assert refused.code == 2, refused.describe()
        assert "ManagedByConfiguration" in refused.stderr, refused.describe()
        assert "configuration file" in refused.stderr, refused.describe()
    assert backend.cli_ok("onprem", "show", "--tenant", DOMAIN)["base_dn"] == ou

    # Gone from the file: released, and administrators may change it again.
    empty = tmp_path / "empty.toml"
    empty.write_text("[log]\nlevel = \"warn\"\n")
    released = backend.cli("--config", empty, "onprem", "show", "--tenant", DOMAIN)
    assert released.code == 0 and "no longer in" in released.stderr, released.describe()
    assert released.json()["managed_by_config"] is False
    backend.cli_ok("onprem", "delete", "--tenant", DOMAIN)


def test_bad_values_in_the_file_are_refused_naming_the_table_and_the_key(backend, slapd,
                                                                        tmp_path):
    create_tenant_with_token(backend, "Configured", DOMAIN)
    config = tmp_path / "bad.toml"
    config.write_text(onprem_table(slapd, slapd_server.SUFFIX, tenant="other.test") +
                      onprem_table(slapd, slapd_server.SUFFIX, timeout_seconds=0))
    result = backend.cli("--config", config, "onprem", "show", "--tenant", DOMAIN)
    assert result.code == 2, result.describe()
    assert "onprem[2].timeout_seconds: must be from 1 to 60 seconds" in result.stderr, (
        result.describe())
    config.write_text(onprem_table(slapd, slapd_server.SUFFIX, url="ldap://127.0.0.1:1",
                                   starttls=False))
    result = backend.cli("--config", config, "onprem", "show", "--tenant", DOMAIN)
    assert result.code == 2 and "onprem[1].url: " in result.stderr, result.describe()
    assert backend.cli_ok("onprem", "show", "--tenant", DOMAIN)["connection"] is None
    # A table for a tenant that does not exist is skipped with a warning.
    config.write_text(onprem_table(slapd, slapd_server.SUFFIX, tenant="nobody.test"))
    result = backend.cli("--config", config, "onprem", "show", "--tenant", DOMAIN)
    assert result.code == 0 and "nobody.test" in result.stderr, result.describe()


def test_serve_applies_the_file_at_start_and_on_sighup(backend, slapd, tmp_path):
    first_ou = add_ou_with_user(slapd, "paula")
    second_ou = add_ou_with_user(slapd, "quinn")
    _, token = create_tenant_with_token(backend, "Configured", DOMAIN)
    server, outbox = onprem_sites.outbox_server(backend, tmp_path, "onprem-config",
                                                onprem_table(slapd, first_ou))
    api = h.Api(server.base_url, token)
    shown = api.get("/api/v1/onprem/connection")
    assert shown.status_code == 200, h.describe_response(shown)
    assert shown.json()["managed_by_config"] is True and shown.json()["base_dn"] == first_ou
    put = api.request("PUT", "/api/v1/onprem/connection",
                      json={"url": slapd.url, "starttls": True, "flavor": "openldap",
                            "bind_dn": slapd_server.SERVICE_DN,
                            "bind_password_file": slapd.service_password_file,
                            "base_dn": slapd_server.SUFFIX, "ca_file": slapd.ca_file})
    error = h.assert_api_error(put, 409, "ManagedByConfiguration")
    assert "configuration file" in error["technical"], error
    h.assert_api_error(api.request("DELETE", "/api/v1/onprem/connection"), 409,
                       "ManagedByConfiguration")
    synced = api.post("/api/v1/onprem/sync", json={"full": True})
    assert synced.status_code == 200 and synced.json()["users"]["created"] == 1, (
        h.describe_response(synced))

    # The file changes; SIGHUP applies it without a restart.
    server.config_path.write_text(onprem_sites.notify_config(outbox) +
                                  onprem_table(slapd, second_ou, timeout_seconds=7))
    server.process.send_signal(signal.SIGHUP)
    wait_for(lambda: api.get("/api/v1/onprem/connection").json()["base_dn"] == second_ou,
             "the new base DN after SIGHUP")
    assert api.get("/api/v1/onprem/connection").json()["timeout_seconds"] == 7
    # A broken file on SIGHUP changes nothing, and the server keeps serving.
    server.config_path.write_text(onprem_sites.notify_config(outbox) +
                                  onprem_table(slapd, first_ou, flavor="novell"))
    server.process.send_signal(signal.SIGHUP)
    wait_for(lambda: "onprem[1].flavor" in server.stderr(), "the refusal in the log")
    assert api.get("/api/v1/onprem/connection").json()["base_dn"] == second_ou
    # Without its table, the connection is released to the administrators.
    server.config_path.write_text(onprem_sites.notify_config(outbox))
    server.process.send_signal(signal.SIGHUP)
    wait_for(lambda: not api.get("/api/v1/onprem/connection").json()["managed_by_config"],
             "the release after SIGHUP")
    assert api.request("DELETE", "/api/v1/onprem/connection").status_code == 204
    assert server.running()
