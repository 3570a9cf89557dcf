"""A throwaway OpenLDAP server for the integration tests (issue 6): Debian's slapd run as the
current user on loopback ports, with everything in a temp dir.

- cn=config is built by `slapadd -n 0` from an LDIF: modules back_mdb + ppolicy, one mdb
  database for dc=contoso,dc=example, the ppolicy overlay with a default policy (pwdMinLength
  10, pwdInHistory 3, pwdCheckQuality 2, pwdLockout TRUE, pwdMaxFailure 3);
- TLS with a self-signed CA and a server certificate (127.0.0.1 / localhost) made by openssl:
  StartTLS on the ldap:// port, and ldaps:// on a second port;
- the service account cn=sspr-service with the least-privilege ACL of SPEC §9 (write on
  userPassword, manage only on pwdAccountLockedTime, read the rest), and users under
  ou=people added per test with `add_user`.

The LDAP client side uses ldap-utils (ldapwhoami, ldapmodify, ldapsearch), so the checks go
through a real client library too. Run it by hand with
`/usr/bin/python3 tests/integration/slapd_server.py` (prints the URLs, stops on Enter).
"""

import os
import pathlib
import shutil
import socket
import subprocess
import tempfile

import tls_certificates
from directory_process import DirectoryProcess

SUFFIX = "dc=contoso,dc=example"
ROOT_DN = "cn=admin," + SUFFIX
SERVICE_DN = "cn=sspr-service," + SUFFIX
PEOPLE = "ou=people," + SUFFIX
POLICY_DN = "cn=default,ou=policies," + SUFFIX
MODULE_DIR = "/usr/lib/ldap"
SCHEMA_DIR = "/etc/ldap/schema"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


_run = tls_certificates.run


def _config_ldif(d, root_password):
    return f"""dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: {d}/slapd.pid
olcTLSCACertificateFile: {d}/ca.pem
olcTLSCertificateFile: {d}/server.pem
olcTLSCertificateKeyFile: {d}/server.key

dn: cn=module{{0}},cn=config
objectClass: olcModuleList
cn: module{{0}}
olcModulePath: {MODULE_DIR}
olcModuleLoad: back_mdb
olcModuleLoad: ppolicy

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file://{SCHEMA_DIR}/core.ldif

include: file://{SCHEMA_DIR}/cosine.ldif

include: file://{SCHEMA_DIR}/inetorgperson.ldif

dn: olcDatabase={{-1}}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {{-1}}frontend

dn: olcDatabase={{0}}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {{0}}config
olcAccess: {{0}}to * by * none

dn: olcDatabase={{1}}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {{1}}mdb
olcSuffix: {SUFFIX}
olcRootDN: {ROOT_DN}
olcRootPW: {root_password}
olcDbDirectory: {d}/db
olcDbMaxSize: 67108864
olcAccess: {{0}}to attrs=userPassword by dn.exact="{SERVICE_DN}" write by self write by anonymous auth by * none
olcAccess: {{1}}to attrs=pwdAccountLockedTime by dn.exact="{SERVICE_DN}" manage by * none
olcAccess: {{2}}to * by dn.exact="{SERVICE_DN}" read by self read by * none
olcLimits: {{0}}dn.exact="{SERVICE_DN}" size.soft=500 size.hard=unlimited size.pr=500 size.prtotal=unlimited

dn: olcOverlay={{0}}ppolicy,olcDatabase={{1}}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {{0}}ppolicy
olcPPolicyDefault: {POLICY_DN}
olcPPolicyHashCleartext: TRUE
olcPPolicyUseLockout: FALSE
"""


def _data_ldif(service_password):
    return f"""dn: {SUFFIX}
objectClass: dcObject
objectClass: organization
dc: contoso
o: Contoso

dn: ou=people,{SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ou=policies,{SUFFIX}
objectClass: organizationalUnit
ou: policies

dn: {POLICY_DN}
objectClass: organizationalRole
objectClass: pwdPolicy
cn: default
pwdAttribute: userPassword
pwdMinLength: 10
pwdInHistory: 3
pwdCheckQuality: 2
pwdLockout: TRUE
pwdMaxFailure: 3
pwdFailureCountInterval: 0
pwdLockoutDuration: 0
pwdAllowUserChange: TRUE
pwdMustChange: FALSE

dn: {SERVICE_DN}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: sspr-service
userPassword: {service_password}
"""


class SlapdServer:
    """One slapd for a pytest session (see conftest.py `slapd`)."""

    def __init__(self, extra_ldif=None):
        # extra_ldif: entries loaded by slapadd before slapd starts (the fast way to load
        # thousands, used by bench/onprem_sync_10k.py).
        self.extra_ldif = extra_ldif
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-itest-slapd-"))
        self.root_password = "root-" + os.urandom(8).hex()
        self.service_password = "svc-" + os.urandom(8).hex()
        self.port = None
        self.ldaps_port = None
        self.process = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self):
        d = self.dir
        (d / "slapd.d").mkdir()
        (d / "db").mkdir()
        self._make_certificates()
        (d / "config.ldif").write_text(_config_ldif(d, self.root_password))
        (d / "data.ldif").write_text(_data_ldif(self.service_password))
        _run(["slapadd", "-n", "0", "-F", str(d / "slapd.d"), "-l", str(d / "config.ldif")])
        _run(["slapadd", "-n", "1", "-F", str(d / "slapd.d"), "-l", str(d / "data.ldif")])
        if self.extra_ldif:
            (d / "extra.ldif").write_text(self.extra_ldif)
            _run(["slapadd", "-q", "-n", "1", "-F", str(d / "slapd.d"), "-l", str(d / "extra.ldif")])
        (d / "service-password").write_text(self.service_password)
        os.chmod(d / "service-password", 0o600)
        self.port = _free_port()
        self.ldaps_port = _free_port()
        urls = f"ldap://127.0.0.1:{self.port}/ ldaps://127.0.0.1:{self.ldaps_port}/"
        self.process = DirectoryProcess(
            "slapd", ["slapd", "-d", "0", "-F", str(d / "slapd.d"), "-h", urls], d / "slapd.log")
        self.process.wait_until(self._listening, 20, "start listening")
        return self

    def _listening(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2), \
                    socket.create_connection(("127.0.0.1", self.ldaps_port), timeout=0.2):
                return True
        except OSError:
            return False

    def stop(self):
        if self.process is not None:
            self.process.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _make_certificates(self):
        tls_certificates.make_certificates(self.dir)

    # -- addresses and files -----------------------------------------------------------------
    @property
    def url(self):
        return f"ldap://127.0.0.1:{self.port}"

    @property
    def ldaps_url(self):
        return f"ldaps://127.0.0.1:{self.ldaps_port}"

    @property
    def ca_file(self):
        return str(self.dir / "ca.pem")

    @property
    def service_password_file(self):
        return str(self.dir / "service-password")

    # -- client operations (ldap-utils) ------------------------------------------------------
    def _env(self):
        env = dict(os.environ)
        env["LDAPTLS_CACERT"] = self.ca_file
        env["LDAPTLS_REQCERT"] = "demand"
        return env

    def _as_root(self, tool, args, stdin=None):
        return _run([tool, "-x", "-ZZ", "-H", self.url, "-D", ROOT_DN, "-w", self.root_password]
                    + args, input=stdin, env=self._env())

    def add_user(self, uid, password):
        """Adds uid=<uid>,ou=people with `password`; returns its DN."""
        dn = f"uid={uid},{PEOPLE}"
        self._as_root("ldapadd", [], stdin=(
            f"dn: {dn}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {uid}\nsn: {uid}\n"
            f"mail: {uid}@contoso.example\nuserPassword: {password}\n"))
        return dn

    def ldapadd(self, ldif):
        """Adds the entries of `ldif` as the root DN."""
        self._as_root("ldapadd", [], stdin=ldif)

    def ldapmodify(self, ldif):
        """Applies the changes of `ldif` as the root DN."""
        self._as_root("ldapmodify", [], stdin=ldif)

    def ldapdelete(self, dn):
        self._as_root("ldapdelete", [dn])

    def binds(self, dn, password):
        """Whether a simple bind (over StartTLS) as `dn` with `password` succeeds."""
        completed = subprocess.run(
            ["ldapwhoami", "-x", "-ZZ", "-H", self.url, "-D", dn, "-w", password],
            capture_output=True, text=True, timeout=30, env=self._env())
        return completed.returncode == 0

    def locked_time(self, dn):
        """The entry's pwdAccountLockedTime, or None."""
        completed = self._as_root("ldapsearch", ["-LLL", "-b", dn, "-s", "base",
                                                 "(objectClass=*)", "pwdAccountLockedTime"])
        for line in completed.stdout.splitlines():
            if line.startswith("pwdAccountLockedTime:"):
                return line.split(":", 1)[1].strip()
        return None

    def lock_by_failed_binds(self, dn, failures=3):
        """Locks the account the way users do: `failures` binds with a wrong password."""
        for _ in range(failures):
            self.binds(dn, "not-the-password-" + os.urandom(4).hex())


if __name__ == "__main__":
    server = SlapdServer().start()
    try:
        print(f"{server.url} (StartTLS) {server.ldaps_url} CA {server.ca_file}")
        print(f"service {SERVICE_DN} password file {server.service_password_file}")
        input("Enter stops the server ")
    finally:
        server.stop()
