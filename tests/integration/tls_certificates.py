"""A throwaway CA and a server certificate for 127.0.0.1 / localhost, made by openssl, for the
test directories (slapd_server.py, samba_ad.py): ca.pem, ca.key, server.pem, server.key in a
directory."""

import os
import subprocess


def run(args, **kwargs):
    """Runs a tool; its output becomes the assertion message when it fails."""
    completed = subprocess.run(args, capture_output=True, text=True, timeout=60, **kwargs)
    if completed.returncode != 0:
        raise AssertionError(f"{args[0]} failed ({completed.returncode}):\n{completed.stdout}\n"
                             f"{completed.stderr}")
    return completed


def make_certificates(d):
    """Writes the CA and a server certificate signed by it into the pathlib.Path `d`."""
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=OpenSSPR test CA", "-keyout", str(d / "ca.key"),
         "-out", str(d / "ca.pem"), "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
         "-keyout", str(d / "server.key"), "-out", str(d / "server.csr")])
    (d / "server.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                  "extendedKeyUsage=serverAuth\n")
    run(["openssl", "x509", "-req", "-in", str(d / "server.csr"), "-CA", str(d / "ca.pem"),
         "-CAkey", str(d / "ca.key"), "-CAcreateserial", "-days", "2",
         "-extfile", str(d / "server.ext"), "-out", str(d / "server.pem")])
    os.chmod(d / "server.key", 0o600)
