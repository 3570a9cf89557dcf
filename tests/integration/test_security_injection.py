"""Injection (issue 9): SQL metacharacters and LDAP filter / DN metacharacters in every
user-supplied field of the reset flow, sign-in, registration and the admin API are harmless,
on both backends:

- never a 5xx (the store binds every value; nothing is pasted into SQL);
- never another user matched: a user ID such as "' OR '1'='1" or "%" starts no flow and signs
  nobody in, a path such as /users/% finds nobody;
- where they are data (names, a custom question, an answer, a password) they are stored and
  given back verbatim, and an answer or password with them in it works.

LDAP (against the session's slapd, tests/integration/slapd_server.py): no value the user types
reaches a search filter or a DN - the sign-in bind and the writeback address the DN the
directory itself returned at sync - so a user ID like "*)(uid=*" binds as nobody, while an
entry whose DN and attributes are full of RFC 4514 / RFC 4515 specials syncs verbatim, signs
in by pass-through and gets its reset written back. The filter escaping itself is unit-tested
(tests/unit/domain/onprem/ldap_filter_value_test.cc)."""

import json
import os
import urllib.parse

import pytest

import reset_client as rc
import slapd_server
import sspr_harness as h
from conftest import create_tenant_with_token

SQL = ["' OR '1'='1", "\" OR \"\"=\"", "'; DROP TABLE users; --", "x' /*", "*/ --", "\\",
       "%", "_", "%' OR 1=1 --", "';--", "a\u0000b", "1; SELECT 1"]
LDAP = ["*", "*)(uid=*", "*)(|(objectClass=*)", "\\2a", "(", ")", "a\u0000", ", + \" \\ < > ; =",
        "cn=admin,dc=contoso,dc=example", "#x", " x "]
PAYLOADS = SQL + LDAP


def user_ids(domain):
    """What a user might type as their user ID: bare payloads, and payloads dressed as a UPN
    of the tenant (so a UPN parser lets them through to the store)."""
    out = list(PAYLOADS)
    for p in PAYLOADS:
        local = p.replace(" ", "").replace("\u0000", "") or "x"
        out += [f"{rc.ALICE}{p}", f"{local}@{domain}", f"alice{local}@{domain}",
                f"{p}{rc.ALICE}"]
    return out


class Addresses:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return f"198.51.{(self.n >> 8) & 255}.{self.n & 255}"


def assert_refused(response, allowed=(400, 401, 403, 404, 409, 422, 429)):
    assert response.status_code in allowed, h.describe_response(response)
    h.assert_api_error(response, response.status_code)


@pytest.fixture
def site(backend, tmp_path, monkeypatch):
    """Fabrikam (reset_client.make_site): Alice may reset by email or mobile phone or security
    questions; the server believes X-Forwarded-For from loopback so the per-address limit on
    flow starts does not hide what the store answers."""
    monkeypatch.setenv("SSPR_SERVER_TRUSTED_PROXIES", "127.0.0.1")
    server, token, outbox = rc.make_site(backend, tmp_path, monkeypatch, gates=1,
                                         methods="email,mobile_phone,security_questions")
    yield server, token, outbox
    if server.running():
        server.stop_gracefully()


def test_reset_flow_start_matches_nobody(site):
    server, token, _ = site
    api = h.Api(server.base_url)
    address = Addresses()
    for user_id in [f"{rc.ALICE}\u0000junk", f"{rc.ALICE}\u0000", *user_ids(rc.DOMAIN)]:
        response = api.post("/api/v1/reset/flows",
                            json={"user_id": user_id, "captcha": rc.solved_captcha(api)},
                            headers={"X-Forwarded-For": address()})
        assert response.status_code in (400, 403), (repr(user_id), h.describe_response(response))
    # The reason field and the CAPTCHA's fields are input too.
    for payload in PAYLOADS:
        captcha = rc.solved_captcha(api)
        assert_refused(api.post("/api/v1/reset/flows",
                                json={"user_id": rc.ALICE, "captcha": captcha,
                                      "reason": payload},
                                headers={"X-Forwarded-For": address()}), (400,))
        for field in ("algorithm", "challenge", "salt", "signature"):
            assert_refused(api.post("/api/v1/reset/flows",
                                    json={"user_id": rc.ALICE,
                                          "captcha": dict(captcha, **{field: payload})},
                                    headers={"X-Forwarded-For": address()}), (400,))
    # No flow started for anyone.
    assert [e for e in rc.audit(server, token)
            if e["activity"] == rc.PROGRESS and e["details"].get("step") == "start"] == []


def test_reset_flow_steps_take_metacharacters_as_plain_values(site):
    server, _, outbox = site
    api = h.Api(server.base_url)
    flow = rc.started(api)
    mobile = rc.method_of(flow, "mobile_phone")
    email = rc.method_of(flow, "email")
    for payload in PAYLOADS:
        quoted = urllib.parse.quote(payload, safe="")
        base = f"/api/v1/reset/flows/{flow['id']}"
        assert_refused(api.get(f"/api/v1/reset/flows/{quoted}"))
        assert_refused(api.post(f"/api/v1/reset/flows/{quoted}/challenge",
                                json={"method_id": email["id"]}))
        assert_refused(api.post(base + "/challenge", json={"method_id": payload}))
        assert_refused(api.post(base + "/challenge",
                                json={"method_id": email["id"], "channel": payload}))
        assert_refused(api.post(base + "/verify", json={"method_id": payload, "code": "1"}))
    # A mistyped phone number full of metacharacters is a wrong number (it counts as a phone
    # verification, SPEC §7, so only a few); no SMS goes out.
    for payload in ["+45' OR '1'='1", "+4520123456'--", "*)(mobile=*"]:
        assert_refused(rc.challenge(api, flow["id"], mobile, phone=payload))
    assert [m for m in rc.outbox_messages(outbox) if m["channel"] == "sms"] == []
    # A code made of metacharacters opens nothing.
    assert api.post(f"/api/v1/reset/flows/{flow['id']}/challenge",
                    json={"method_id": email["id"]}).status_code == 200
    for payload in ["' OR '1'='1", "%", "*"]:
        assert_refused(rc.verify(api, flow["id"], email, payload))
    assert api.get(f"/api/v1/reset/flows/{flow['id']}").json()["gates_passed"] == []
    # Answers and a password count as attempts (SPEC §7): one try each.
    base = f"/api/v1/reset/flows/{flow['id']}"
    assert_refused(api.post(base + "/verify",
                            json={"method_id": "security_questions",
                                  "answers": [{"question_id": p, "answer": p}
                                              for p in PAYLOADS]}))
    assert_refused(api.post(base + "/password", json={"password": "' OR '1'='1"}))
    assert api.get(base).json()["gates_passed"] == []


def sign_in(server, user_id, password):
    return h.Api(server.base_url).post("/api/v1/session",
                                       json={"user_id": user_id, "password": password},
                                       headers={"Origin": server.base_url})


def test_sign_in_matches_nobody_and_a_password_with_metacharacters_is_data(site):
    server, _, outbox = site
    # A NUL cut off by a store would turn the first into Alice's UPN.
    for user_id in [f"{rc.ALICE}\u0000junk", f"{rc.ALICE}\u0000", *user_ids(rc.DOMAIN)]:
        assert_refused(sign_in(server, user_id, rc.PASSWORD), (400, 401))
    # A password full of metacharacters is set by a reset and then signs in, verbatim.
    api = h.Api(server.base_url)
    flow, _ = rc.pass_email(api, rc.started(api), outbox)
    password = "Zq9' OR '1'='1\"; --/**/%_*)(uid=*\\"
    done = rc.set_password(api, flow["id"], password)
    assert done.status_code == 200, h.describe_response(done)
    assert sign_in(server, rc.ALICE, password).status_code == 201
    assert_refused(sign_in(server, rc.ALICE, password[:-1] + "%"), (401,))
    assert_refused(sign_in(server, rc.ALICE, "%"), (401,))


def test_registration_stores_metacharacters_verbatim(site):
    server, _, outbox = site
    client = h.Api(server.base_url)
    response = client.post("/api/v1/session", json={"user_id": rc.ALICE, "password": rc.PASSWORD},
                           headers={"Origin": server.base_url})
    assert response.status_code == 201, h.describe_response(response)
    client.session.headers.update({"X-CSRF-Token": response.json()["csrf_token"],
                                   "Origin": server.base_url})
    for payload in PAYLOADS:
        for body in ({"type": payload}, {"type": "email", "email": payload},
                     {"type": "email", "email": f"{payload}@example.org"},
                     {"type": "mobile_phone", "phone": payload},
                     {"type": "mobile_phone", "phone": "+4520123456", "channel": payload}):
            answer = client.post("/api/v1/me/methods", json=body)
            assert answer.status_code in (202, 400, 429), h.describe_response(answer)
        assert_refused(client.post(f"/api/v1/me/methods/pending/{urllib.parse.quote(payload)}"
                                   "/verify", json={"code": payload}))
        assert_refused(client.delete(f"/api/v1/me/methods/{urllib.parse.quote(payload, safe='')}"))
    # Answers are data: saved, and the reset gate accepts exactly them.
    available = client.get("/api/v1/me/security-questions/available").json()["questions"]
    answers = [{"question_id": q["id"], "answer": a}
               for q, a in zip(available, ["' OR '1'='1", "*)(uid=*", "%_\\;--/* */"])]
    saved = client.request("PUT", "/api/v1/me/security-questions", json={"answers": answers})
    assert saved.status_code == 200, h.describe_response(saved)
    assert_refused(client.request("PUT", "/api/v1/me/security-questions",
                                  json={"answers": [{"question_id": "' OR '1'='1",
                                                     "answer": "whatever"}] * 3}), (400,))
    api = h.Api(server.base_url)
    flow = rc.started(api)
    challenge = api.post(f"/api/v1/reset/flows/{flow['id']}/challenge",
                         json={"method_id": "security_questions"})
    assert challenge.status_code == 200, h.describe_response(challenge)
    by_id = {a["question_id"]: a["answer"] for a in answers}
    asked = [q["id"] for q in challenge.json()["questions"]]
    wrong = api.post(f"/api/v1/reset/flows/{flow['id']}/verify",
                     json={"method_id": "security_questions",
                           "answers": [{"question_id": q, "answer": "%"} for q in asked]})
    assert_refused(wrong, (400,))
    right = api.post(f"/api/v1/reset/flows/{flow['id']}/verify",
                     json={"method_id": "security_questions",
                           "answers": [{"question_id": q, "answer": by_id[q]} for q in asked]})
    assert right.status_code == 200, h.describe_response(right)


def test_admin_api_stores_metacharacters_verbatim_and_matches_nothing(site):
    server, token, _ = site
    api = h.Api(server.base_url, token)
    users_before = h.items_of(api.ok("GET", "/api/v1/users"), "users")
    for i, payload in enumerate(PAYLOADS):
        quoted = urllib.parse.quote(payload, safe="")
        # Look-ups by a metacharacter find nobody (no LIKE, no pattern).
        for path in (f"/api/v1/users/{quoted}", f"/api/v1/groups/{quoted}",
                     f"/api/v1/users/{quoted}/authentication/methods",
                     f"/api/v1/diagnose/users/{quoted}", f"/api/v1/support/{quoted}"):
            assert_refused(api.get(path), (400, 404))
        for query in ("user", "activity", "since", "until", "result", "target", "category",
                      "correlation_id"):
            response = api.get("/api/v1/audit", params={query: payload})
            assert response.status_code in (200, 400), h.describe_response(response)
            if response.status_code == 200:
                assert h.items_of(response.json(), "events") == [], (query, payload)
        # Names are data: stored and shown verbatim.
        upn = f"meta{i}@{rc.DOMAIN}"
        text = f"n{i} {payload} n{i}"
        created = api.post("/api/v1/users", json={"upn": upn, "display_name": text,
                                                  "given_name": text, "surname": text})
        if "\u0000" in payload:
            # A control character is refused (no store truncates it silently).
            assert_refused(created, (400,))
            assert_refused(api.post("/api/v1/groups", json={"name": text}), (400,))
            continue
        assert created.status_code == 201, h.describe_response(created)
        shown = api.ok("GET", f"/api/v1/users/{upn}")
        assert (shown["display_name"], shown["given_name"], shown["surname"]) == (text,) * 3
        group = api.post("/api/v1/groups", json={"name": text})
        assert group.status_code == 201, h.describe_response(group)
        assert api.ok("GET", f"/api/v1/groups/{urllib.parse.quote(text, safe='')}")[
            "name"] == text
        assert_refused(api.post("/api/v1/users", json={"upn": payload, "display_name": "x"}),
                       (400,))
        if i < 20:  # a tenant has at most 20 custom questions
            added = api.post("/api/v1/security-questions", json={"text": f"Which {payload}?"})
            assert added.status_code == (400 if "\u0000" in payload else 201), (
                h.describe_response(added))
        assert_refused(api.post(f"/api/v1/users/{quoted}/password", json={"password": "x"}),
                       (400, 404))
    questions = api.ok("GET", "/api/v1/security-questions")
    texts = [q["text"] for q in h.items_of(questions, "value")]
    assert all(f"Which {p}?" in texts for p in PAYLOADS[:20] if "\u0000" not in p), texts
    # Banned terms (4-16 characters) are kept in their §8 normal form (lower case, 0->o,
    # 1->l, $->s, @->a), metacharacters and all.
    terms = ["x' or '1'='1", "*)(uid=*", "%_%_", "\\\\;--"]
    added = api.post("/api/v1/banned-passwords", json={"terms": terms})
    assert added.status_code in (200, 201), h.describe_response(added)
    listed = api.ok("GET", "/api/v1/banned-passwords")["terms"]
    normal = [t.lower().translate(str.maketrans("01$@", "olsa")) for t in terms]
    assert all(t in listed for t in normal), (normal, listed)
    # A NUL in a query string is refused, not cut off (a filter must not become "alice").
    assert_refused(api.get("/api/v1/audit", params={"user": rc.ALICE + "\u0000x"}), (400,))

    # Nothing else changed: every user from before is still there, as it was.
    users_after = h.items_of(api.ok("GET", "/api/v1/users"), "users")
    assert all(u in users_after for u in users_before)


# --- LDAP -------------------------------------------------------------------------------------

LDAP_DOMAIN = "contoso-meta.test"


def test_ldap_values_never_widen_a_bind_and_dn_specials_round_trip(backend, slapd, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setenv("SSPR_CAPTCHA_DIFFICULTY", str(rc.DIFFICULTY))
    ou = "ou=m" + os.urandom(5).hex() + "," + slapd_server.SUFFIX
    slapd.ldapadd(f"dn: {ou}\nobjectClass: organizationalUnit\nou: {ou.split(',')[0][3:]}\n")
    password = "Initial-" + os.urandom(6).hex()
    # A DN with every RFC 4514 special escaped, and attributes full of filter specials.
    rdn_value = 'o\'hara\\, j\\+k \\"x\\" \\<y\\> \\; \\=z \\\\w'
    dn = f"uid={rdn_value},{ou}"
    cn = "O'Hara (*) \\ admin*)(uid=*"
    slapd.ldapadd(f"dn: {dn}\nobjectClass: inetOrgPerson\nuid: o'hara, j+k \"x\" <y> ; =z \\w\n"
                  f"cn: {cn}\nsn: O'Hara (*)\ngivenName: *)(uid=*\n"
                  f"mail: ohara@{LDAP_DOMAIN}\nuserPassword: {password}\n")
    other = f"uid=victim,{ou}"
    victim_password = "Victim-" + os.urandom(6).hex()
    slapd.ldapadd(f"dn: {other}\nobjectClass: inetOrgPerson\nuid: victim\ncn: Victim\n"
                  f"sn: Victim\nmail: victim@{LDAP_DOMAIN}\nuserPassword: {victim_password}\n")
    _, token = create_tenant_with_token(backend, "Contoso Meta", LDAP_DOMAIN)
    backend.cli_ok("onprem", "set", "--tenant", LDAP_DOMAIN, "--url", slapd.url, "--flavor",
                   "openldap", "--bind-dn", slapd_server.SERVICE_DN, "--bind-password-file",
                   slapd.service_password_file, "--base-dn", ou, "--ca-file", slapd.ca_file,
                   "--starttls")
    backend.cli_ok("onprem", "sync", "--tenant", LDAP_DOMAIN)
    upn = f"ohara@{LDAP_DOMAIN}"
    shown = backend.cli_ok("user", "show", "--upn", upn)
    assert shown["display_name"] == cn and shown["given_name"] == "*)(uid=*", shown
    assert slapd_server.SUFFIX in shown["onprem_id"] and "hara" in shown["onprem_id"], shown
    for u in (upn, f"victim@{LDAP_DOMAIN}"):
        backend.cli_ok("license", "assign", "--user", u, "--sku", "SPE")
    # A pass-through account bound to the DN with the specials.
    through = f"through@{LDAP_DOMAIN}"
    backend.cli_ok("user", "create", "--upn", through, "--display-name", "Through", "--source",
                   "synced", "--auth-mode", "pass_through", "--onprem-id", shown["onprem_id"])
    backend.cli_ok("policy", "set", "--tenant", LDAP_DOMAIN, "--enabled", "all", "--methods",
                   "email", "--methods-required", "1", "--writeback", "on")
    backend.cli_ok("methods", "set", "--user", upn, "--email", "ohara.home@example.org")
    outbox = tmp_path / "outbox.jsonl"
    config = tmp_path / "sspr.toml"
    config.write_text('[notify]\nemail = "file"\nsms = "file"\n'
                      f"outbox_path = {json.dumps(str(outbox))}\n")
    server = h.Server(backend.binary, [*backend.store_args, "--config", str(config)],
                      backend.work_dir / "logs", name="ldap-meta")
    backend.servers.append(server)
    server.start()
    api = h.Api(server.base_url)
    # Pass-through sign-in binds as the stored DN, specials and all ...
    assert sign_in(server, through, password).status_code == 201
    # ... and no user ID signs in as anyone with the victim's (or this) password.
    for user_id in LDAP + [f"*@{LDAP_DOMAIN}", f"*)(uid=*@{LDAP_DOMAIN}", other, dn,
                           f"victim@{LDAP_DOMAIN})(uid=*", f"*)(mail=victim@{LDAP_DOMAIN}"]:
        for secret in (victim_password, password):
            assert_refused(sign_in(server, user_id, secret), (400, 401))
    # User IDs built to widen an LDAP filter or name a DN start no flow.
    for user_id in LDAP + [f"*@{LDAP_DOMAIN}", f"*)(uid=*@{LDAP_DOMAIN}", other, dn]:
        response = api.post("/api/v1/reset/flows",
                            json={"user_id": user_id, "captcha": rc.solved_captcha(api)})
        assert_refused(response, (400, 403, 429))
    # The entry with the specials resets, and the password lands on ITS entry only.
    response = api.post("/api/v1/reset/flows",
                        json={"user_id": upn, "captcha": rc.solved_captcha(api)})
    assert response.status_code == 201, h.describe_response(response)
    flow, _ = rc.pass_email(api, response.json(), outbox)
    new_password = "Fresh-(cn=*)\\-" + os.urandom(6).hex()
    done = rc.set_password(api, flow["id"], new_password)
    assert done.status_code == 200, h.describe_response(done)
    assert slapd.binds(dn, new_password)
    assert not slapd.binds(dn, password)
    assert slapd.binds(other, victim_password)
    assert not slapd.binds(other, new_password)
