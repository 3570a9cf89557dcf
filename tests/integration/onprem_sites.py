"""Shared setup of the on-premises integration tests (issue 6): a server writing to a file
outbox, and a tenant whose synced user's account lives in a real directory (slapd_server.py or
samba_ad.py) with writeback on, ready for reset flows."""

import json
import os

import reset_client as rc
import sspr_harness as h
from conftest import create_tenant_with_token


def outbox_server(backend, tmp_path, name, extra_config=""):
    """Starts `sspr serve` on the backend's store with email and SMS to a file outbox (plus
    `extra_config` TOML, e.g. [[onprem]] tables); returns (server, outbox path). The server's
    configuration file is `server.config_path`. The backend stops it."""
    outbox = tmp_path / "outbox.jsonl"
    config = tmp_path / "sspr.toml"
    config.write_text(notify_config(outbox) + extra_config)
    server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                      backend.work_dir / "logs", name=name)
    server.config_path = config
    backend.servers.append(server)
    server.start()
    return server, outbox


def notify_config(outbox):
    """The [notify] section that sends email and SMS to the file `outbox`."""
    return ('[notify]\nemail = "file"\nsms = "file"\n'
            f"outbox_path = {json.dumps(str(outbox))}\n")


def onprem_set(backend, domain, *, url, flavor, bind_dn, password_file, base_dn, ca_file,
               starttls=False, timeout=None, extra=()):
    """`sspr onprem set` for the tenant of `domain`; returns the settings it printed."""
    args = ["onprem", "set", "--tenant", domain, "--url", url, "--flavor", flavor, "--bind-dn",
            bind_dn, "--bind-password-file", password_file, "--base-dn", base_dn, "--ca-file",
            ca_file]
    if starttls:
        args.append("--starttls")
    if timeout is not None:
        args += ["--timeout", str(timeout)]
    return backend.cli_ok(*args, *extra)


def sync(backend, domain, *extra):
    """`sspr onprem sync` for the tenant of `domain`; returns its summary."""
    return backend.cli_ok("onprem", "sync", "--tenant", domain, *extra)


def shown_user(backend, upn):
    return backend.cli_ok("user", "show", "--upn", upn)


def contact_methods(backend, upn):
    """The user's methods by type, security questions left out."""
    shown = backend.cli_ok("methods", "show", "--user", upn)
    return {m["type"]: m for m in shown["value"] if m["type"] != "security_questions"}


def self_service_reset_by_email(backend, tmp_path, domain, upn, new_password, name):
    """A synced user's self-service reset with one email gate and writeback on: licence, policy,
    a server with a file outbox, then start → email code → new password. Returns the password
    step's response."""
    backend.cli_ok("license", "assign", "--user", upn, "--sku", "SPE")
    backend.cli_ok("policy", "set", "--tenant", domain, "--enabled", "all", "--methods",
                   "email", "--methods-required", "1", "--writeback", "on")
    server, outbox = outbox_server(backend, tmp_path, name)
    api = h.Api(server.base_url)
    response = api.post("/api/v1/reset/flows",
                        json={"user_id": upn, "captcha": rc.solved_captcha(api)})
    assert response.status_code == 201, h.describe_response(response)
    flow, _ = rc.pass_email(api, response.json(), outbox)
    return rc.set_password(api, flow["id"], new_password)


class SyncedUserSite:
    """A tenant connected to a real directory (`connect()` runs `sspr onprem set`) with one
    synced user whose entry `dn` (password `password`) is in it; an email method on file, a
    licence, a policy with writeback (and unlock, unless `unlock` is False) on, email as the
    one method; and a server writing to a file outbox. `admin_token` puts the tenant's token on
    the API client (administrators' calls) instead of none (the self-service reset API)."""

    def __init__(self, backend, tmp_path, monkeypatch, *, domain, tenant_name, upn, dn, password,
                 connect, server_name, unlock=True, license=True, email=True,
                 admin_token=False):
        if monkeypatch is not None:
            monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(rc.DIFFICULTY))
        self.backend = backend
        self.domain = domain
        self.upn = upn
        self.dn = dn
        self.password = password
        _, self.token = create_tenant_with_token(backend, tenant_name, domain)
        connect()
        backend.cli_ok("user", "create", "--upn", upn, "--display-name", "Synced User",
                       "--source", "synced", "--auth-mode", "password_hash_sync",
                       "--onprem-id", dn)
        if email:
            backend.cli_ok("methods", "set", "--user", upn, "--email",
                           upn.split("@")[0] + "@example.org")
        if license:
            backend.cli_ok("license", "assign", "--user", upn, "--sku", "SPE")
        backend.cli_ok("policy", "set", "--tenant", domain, "--enabled", "all", "--methods",
                       "email", "--methods-required", "1", "--writeback", "on",
                       *(["--unlock", "on"] if unlock else []))
        self.prepare()
        self.server, self.outbox = outbox_server(backend, tmp_path, server_name)
        self.api = h.Api(self.server.base_url, self.token if admin_token else None)

    def prepare(self):
        """Runs before the server starts: more users, roles, ... (subclasses)."""

    def verified_flow(self, reason=None):
        """A reset flow of the user, started and past its email gate."""
        body = {"user_id": self.upn, "captcha": rc.solved_captcha(self.api)}
        if reason:
            body["reason"] = reason
        response = self.api.post("/api/v1/reset/flows", json=body)
        assert response.status_code == 201, h.describe_response(response)
        flow, _ = rc.pass_email(self.api, response.json(), self.outbox)
        return flow

    def audit(self, activity):
        return [e for e in rc.audit(self.server, self.token) if e["activity"] == activity]


def random_password(prefix):
    return prefix + os.urandom(6).hex()
