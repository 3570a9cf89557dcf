"""A throwaway Active Directory domain controller for the integration tests (issue 6): Debian's
`samba` provisioned into a temp dir and run in the foreground, loopback only.

- `samba-tool domain provision` (realm SSPRTEST.LOCAL, no DNS, RFC 2307) with only the `ldap`
  server service, listening on lo only, its log files inside the temp dir, and TLS with a test
  CA (tls_certificates.py) for 127.0.0.1, so ldaps://127.0.0.1:636 verifies with `ca_file`;
- AD's default password complexity stays on; an account lockout threshold of 3 bad passwords
  (`samba-tool domain passwordsettings set`);
- OU=sspr-users holds the test users (added per test with `add_user`); the service account
  CN=sspr-service,CN=Users gets only what SPEC §9 asks for, delegated on that OU with
  `samba-tool dsacl set`: the *Reset password* control access right and write of `lockoutTime`
  on user objects. CN=sspr-norights,CN=Users is an account without them.

Samba cannot move its LDAP ports: start() fails clearly when 127.0.0.1:389 or :636 is taken.
The client side uses ldap-utils (ldapadd, ldapsearch, ldapmodify) over ldaps://. Run it by hand
with `/usr/bin/python3 tests/integration/samba_ad.py` (must run as root, like samba).
"""

import base64
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import uuid

import tls_certificates
from directory_process import DirectoryProcess

REALM = "SSPRTEST.LOCAL"
NETBIOS_DOMAIN = "SSPRTEST"
BASE_DN = "DC=ssprtest,DC=local"
USERS_OU = "OU=sspr-users," + BASE_DN
ADMIN_DN = "CN=Administrator,CN=Users," + BASE_DN
SERVICE_NAME = "sspr-service"
SERVICE_DN = f"CN={SERVICE_NAME},CN=Users,{BASE_DN}"
NO_RIGHTS_NAME = "sspr-norights"
NO_RIGHTS_DN = f"CN={NO_RIGHTS_NAME},CN=Users,{BASE_DN}"
LOCKOUT_THRESHOLD = 3
LDAP_PORT = 389
LDAPS_PORT = 636

# Schema and extended-right GUIDs (MS-ADTS / MS-ADA): the User class, the lockoutTime attribute
# and the User-Force-Change-Password ("Reset password") control access right.
USER_CLASS = "bf967aba-0de6-11d0-a285-00aa003049e2"
LOCKOUT_TIME = "28630ebf-41d5-11d1-a9c1-0000f80367c1"
RESET_PASSWORD = "00299570-246d-11d0-a768-00aa006e0529"

_run = tls_certificates.run


def _port_taken(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def unicode_pwd(password):
    """AD's unicodePwd value for an LDIF: the quoted password in UTF-16LE, base64."""
    return base64.b64encode(f'"{password}"'.encode("utf-16-le")).decode()


class SambaAd:
    """One Samba AD DC for a pytest session (see conftest.py `samba_ad`)."""

    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-itest-samba-"))
        self.admin_password = "Adm1n-" + os.urandom(8).hex()
        self.service_password = "Svc-1-" + os.urandom(8).hex()
        self.process = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self):
        for port in (LDAP_PORT, LDAPS_PORT):
            if _port_taken(port):
                raise AssertionError(
                    f"127.0.0.1:{port} is taken (a system slapd or samba?): the Samba AD tests "
                    "need it, and Samba cannot listen on another port. Stop that service.")
        if os.geteuid() != 0:
            raise AssertionError("the Samba AD domain controller must run as root")
        d = self.dir
        (d / "tls").mkdir()
        tls_certificates.make_certificates(d / "tls")
        options = {
            "interfaces": "lo",
            "bind interfaces only": "yes",
            "server services": "ldap",
            "log file": f"{d}/log.%m",
            "tls enabled": "yes",
            "tls certfile": f"{d}/tls/server.pem",
            "tls keyfile": f"{d}/tls/server.key",
            "tls cafile": f"{d}/tls/ca.pem",
            "unix password sync": "no",
        }
        _run(["samba-tool", "domain", "provision", f"--targetdir={d}/dc", f"--realm={REALM}",
              f"--domain={NETBIOS_DOMAIN}", "--server-role=dc", "--dns-backend=NONE",
              f"--adminpass={self.admin_password}", "--use-rfc2307",
              *[f"--option={key}={value}" for key, value in options.items()]])
        # Samba (like Windows' OldPasswordAllowedPeriod) accepts the previous password for
        # NTLM-style logons, simple binds included, for 60 minutes after a reset; the tests check
        # that the old password stops working. (provision does not write this option itself.)
        conf = self.smb_conf.read_text()
        self.smb_conf.write_text(conf.replace("[global]\n",
                                              "[global]\n\told password allowed period = 0\n", 1))
        # Configured offline, on the database itself, before the server starts.
        self._tool("domain", "passwordsettings", "set",
                   f"--account-lockout-threshold={LOCKOUT_THRESHOLD}",
                   "--account-lockout-duration=30", "--reset-account-lockout-after=30")
        self._tool("ou", "create", USERS_OU)
        for name, password in ((SERVICE_NAME, self.service_password),
                               (NO_RIGHTS_NAME, self.service_password)):
            self._tool("user", "create", name, password)
        sid = self._sid(SERVICE_NAME)
        for ace in (f"(OA;CIIO;CR;{RESET_PASSWORD};{USER_CLASS};{sid})",
                    f"(OA;CIIO;WP;{LOCKOUT_TIME};{USER_CLASS};{sid})"):
            self._tool("dsacl", "set", f"--objectdn={USERS_OU}", f"--sddl={ace}")
        (d / "service-password").write_text(self.service_password)
        os.chmod(d / "service-password", 0o600)

        self.process = DirectoryProcess(
            "samba", ["samba", "-i", "-M", "single", "-s", str(self.smb_conf)],
            d / "samba.out")
        self.process.wait_until(lambda: self.binds(ADMIN_DN, self.admin_password), 60,
                                "answer on ldaps://127.0.0.1:636")
        return self

    def stop(self):
        if self.process is not None:
            self.process.stop(grace_seconds=15)
        shutil.rmtree(self.dir, ignore_errors=True)

    def _tool(self, *args):
        return _run(["samba-tool", *args, "-s", str(self.smb_conf), "-H", str(self.sam_ldb)])

    def _sid(self, name):
        shown = self._tool("user", "show", name, "--attributes=objectSid")
        for line in shown.stdout.splitlines():
            if line.startswith("objectSid:"):
                return line.split(":", 1)[1].strip()
        raise AssertionError(f"no objectSid for {name}:\n{shown.stdout}")

    # -- addresses and files -----------------------------------------------------------------
    @property
    def smb_conf(self):
        return self.dir / "dc" / "etc" / "smb.conf"

    @property
    def sam_ldb(self):
        return self.dir / "dc" / "private" / "sam.ldb"

    @property
    def url(self):
        return f"ldaps://127.0.0.1:{LDAPS_PORT}"

    @property
    def ca_file(self):
        return str(self.dir / "tls" / "ca.pem")

    @property
    def service_password_file(self):
        return str(self.dir / "service-password")

    # -- client operations (ldap-utils over ldaps://) ----------------------------------------
    def _env(self):
        env = dict(os.environ)
        env["LDAPTLS_CACERT"] = self.ca_file
        env["LDAPTLS_REQCERT"] = "demand"
        return env

    def _as_admin(self, tool, args, stdin=None):
        return _run([tool, "-x", "-H", self.url, "-D", ADMIN_DN, "-w", self.admin_password]
                    + args, input=stdin, env=self._env())

    def add_user(self, name, password):
        """Adds an enabled user CN=<name> in OU=sspr-users with `password`; returns its DN."""
        dn = f"CN={name},{USERS_OU}"
        self._as_admin("ldapadd", [], stdin=(
            f"dn: {dn}\nobjectClass: user\nsAMAccountName: {name}\n"
            f"userPrincipalName: {name}@ssprtest.local\ngivenName: {name}\nsn: Test\n"
            f"mail: {name}@ssprtest.local\nunicodePwd:: {unicode_pwd(password)}\n"
            "userAccountControl: 512\n"))
        return dn

    def ldapadd(self, ldif):
        """Adds the entries of `ldif` as the Administrator."""
        self._as_admin("ldapadd", [], stdin=ldif)

    def ldapmodify(self, ldif):
        """Applies the changes of `ldif` as the Administrator."""
        self._as_admin("ldapmodify", [], stdin=ldif)

    def ldapdelete(self, dn):
        self._as_admin("ldapdelete", [dn])

    def ldapmodrdn(self, dn, new_rdn):
        """Renames the entry in place (AD keeps its objectGUID)."""
        self._as_admin("ldapmodrdn", ["-r", dn, new_rdn])

    def object_guid(self, dn):
        """The entry's objectGUID as AD shows it ("3f2504e0-4f89-11d3-...")."""
        value = self.attribute(dn, "objectGUID")
        assert value, f"no objectGUID for {dn}"
        return str(uuid.UUID(bytes_le=base64.b64decode(value)))

    def binds(self, dn, password):
        """Whether a simple bind (over ldaps://) as `dn` with `password` succeeds (a read of the
        root DSE: Samba has no Who am I? operation)."""
        completed = subprocess.run(
            ["ldapsearch", "-x", "-H", self.url, "-D", dn, "-w", password, "-b", "", "-s",
             "base", "(objectClass=*)", "1.1"],
            capture_output=True, text=True, timeout=30, env=self._env())
        return completed.returncode == 0

    def attribute(self, dn, name):
        """The first value of the entry's attribute `name`, or None."""
        completed = self._as_admin("ldapsearch", ["-LLL", "-o", "ldif-wrap=no", "-b", dn, "-s",
                                                  "base", "(objectClass=*)", name])
        for line in completed.stdout.splitlines():
            if line.lower().startswith(name.lower() + ":"):
                # "name:: base64" for binary values, returned as the base64 text.
                return line.split(":", 1)[1].lstrip(":").strip()
        return None

    def locked(self, dn):
        """Whether the account is locked out (lockoutTime set and not 0)."""
        return self.attribute(dn, "lockoutTime") not in (None, "0")

    def lock_by_failed_binds(self, dn):
        """Locks the account the way users do: binds with a wrong password up to the
        threshold."""
        for _ in range(LOCKOUT_THRESHOLD):
            self.binds(dn, "Not-the-password-" + os.urandom(4).hex())


if __name__ == "__main__":
    server = SambaAd().start()
    try:
        print(f"{server.url} CA {server.ca_file} base {BASE_DN}")
        print(f"service {SERVICE_DN} password file {server.service_password_file}")
        print(f"administrator {ADMIN_DN} password {server.admin_password}")
        input("Enter stops the server ")
    finally:
        server.stop()
