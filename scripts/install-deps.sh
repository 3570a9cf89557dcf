#!/usr/bin/env bash
# Installs every Debian 12 package that building, the demo and the tests need.
# Idempotent: packages already present are skipped, and `apt-get update` runs at most once.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake ninja-build pkg-config clang-format
  # libraries
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev nlohmann-json3-dev
  libboost-context-dev libsoci-dev libsqlite3-dev libpq-dev libsodium-dev libssl-dev
  libcli11-dev libspdlog-dev libtomlplusplus-dev libzxcvbn-dev
  libcurl4-openssl-dev liboath-dev libqrcodegencpp-dev libphonenumber-dev libicu-dev
  libldap2-dev
  # the libFuzzer targets of tests/fuzz (make fuzz-smoke): clang with its sanitizer runtimes
  clang libclang-rt-14-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev wrk curl postgresql
  python3 python3-pytest python3-requests python3-psycopg2
  python3-aiosmtpd python3-selenium python3-pyotp chromium chromium-driver
  # certificates for the TLS tests (SMTP STARTTLS, LDAP StartTLS/ldaps)
  openssl
  # the tests' own OpenLDAP server (tests/integration/slapd_server.py starts slapd itself on a
  # loopback port with a temp cn=config; the system's slapd service is never used)
  slapd ldap-utils
  # the tests' own Active Directory (tests/integration/samba_ad.py provisions a Samba AD domain
  # controller into a temp dir and runs `samba` on 127.0.0.1:389/636 itself)
  samba samba-ad-dc samba-ad-provision samba-dsdb-modules
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# slapd's debconf questions are answered by their defaults (noninteractive, also under sudo).
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${missing[@]}"
# Debian starts the system's slapd (on 389) and smbd/nmbd after installing them (samba-ad-dc
# only runs on a provisioned DC). The tests need none of them, and 389/636 must stay free for
# the tests' own domain controller.
for service in slapd samba-ad-dc smbd nmbd; do
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$service" ]; then
    $SUDO "/etc/init.d/$service" stop >/dev/null 2>&1 || true
  fi
done
