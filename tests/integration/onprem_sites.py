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
