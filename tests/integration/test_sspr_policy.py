"""The tenant's SSPR policy (SPEC §2): `sspr policy set|show` and GET/PATCH /api/v1/policy.
A never-configured tenant has no policy; the first set starts from the defaults; every
refusal (CLI exit 2 with a one-line reason, API 400 with the localised explanation) leaves
the policy and the audit log unchanged. Runs on both backends."""

import sspr_harness as h
from conftest import create_tenant_with_token

DOMAIN = "fabrikam.test"
ACTIVITY = "Update self-service password reset policy"

DEFAULTS = {
    "configured": True,
    "enabled": "none",
    "group": None,
    "methods_required": 1,
    "methods": ["email", "mobile_phone"],
    "questions_to_register": 3,
    "questions_to_reset": 3,
    "require_registration": True,
    "reconfirm_days": 180,
    "notify_users": True,
    "notify_admins": False,
    "helpdesk": None,
    "writeback": False,
    "unlock": False,
}

# (CLI options, PATCH body, refusal name in the message key) - each refused by SPEC §2.
REFUSALS = [
    (["--writeback", "on"], {"writeback": True}, "WritebackNeedsConnection"),
    (["--unlock", "on"], {"unlock": True}, "UnlockNeedsConnection"),
    (["--enabled", "selected"], {"enabled": "selected"}, "GroupRequired"),
    (["--methods", "app_code"], {"methods": ["app_code"]}, "AppOnlyMethod"),
    (["--methods-required", "2", "--methods", "app_code,email"],
     {"methods_required": 2, "methods": ["app_code", "email"]}, "AppOneOfTwo"),
    (["--methods", "app_notification,email"], {"methods": ["app_notification", "email"]},
     "AppNotificationNeedsTwoMethods"),
    (["--methods-required", "2", "--methods", "email"],
     {"methods_required": 2, "methods": ["email"]}, "NotEnoughMethods"),
    (["--methods-required", "3"], {"methods_required": 3}, "MethodsRequiredRange"),
    (["--methods", ""], {"methods": []}, "NoMethods"),
    (["--methods", "email,security_questions", "--questions-to-register", "6"],
     {"methods": ["email", "security_questions"], "questions_to_register": 6},
     "QuestionsToRegisterRange"),
    (["--methods", "email,security_questions", "--questions-to-reset", "2"],
     {"methods": ["email", "security_questions"], "questions_to_reset": 2},
     "QuestionsToResetRange"),
    (["--methods", "email,security_questions", "--questions-to-register", "3",
      "--questions-to-reset", "4"],
     {"methods": ["email", "security_questions"], "questions_to_register": 3,
      "questions_to_reset": 4}, "QuestionsToResetAboveRegister"),
    (["--methods", "email,office_phone", "--questions-to-register", "4"],
     {"methods": ["email", "office_phone"], "questions_to_register": 4},
     "QuestionsWithoutSecurityQuestions"),
    (["--reconfirm-days", "731"], {"reconfirm_days": 731}, "ReconfirmDaysRange"),
    (["--require-registration", "off", "--reconfirm-days", "30"],
     {"require_registration": False, "reconfirm_days": 30}, "ReconfirmWithoutRegistration"),
    (["--helpdesk", "call Bob"], {"helpdesk": "call Bob"}, "InvalidHelpdesk"),
]


def policy_audit(backend):
    events = h.items_of(backend.cli_ok("audit", "list", "--tenant", DOMAIN, "--limit", "1000"),
                        "events")
    return [e for e in events if e["activity"] == ACTIVITY]


def show(backend):
    shown = backend.cli_ok("policy", "show", "--tenant", DOMAIN)
    assert shown.pop("tenant") == DOMAIN
    return shown


def test_cli_never_configured_then_defaults_then_changes(backend):
    create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    assert show(backend) == {"configured": False}
    text = backend.cli("policy", "show", "--tenant", DOMAIN, json_output=False)
    assert text.code == h.EXIT_OK and "not configured" in text.stdout, text.describe()

    assert backend.cli_ok("policy", "set", "--tenant", DOMAIN)["enabled"] == "none"
    assert show(backend) == DEFAULTS
    audit = policy_audit(backend)
    assert len(audit) == 1 and audit[0]["category"] == "Policy"
    assert audit[0]["details"]["before"] is None
    assert audit[0]["details"]["after"]["reconfirm_days"] == 180

    backend.cli_ok("group", "create", "--tenant", DOMAIN, "--name", "SSPR Users")
    changed = backend.cli_ok(
        "policy", "set", "--tenant", DOMAIN, "--enabled", "selected", "--group", "SSPR Users",
        "--methods-required", "2", "--methods",
        "email,mobile_phone,security_questions,app_code,app_notification",
        "--questions-to-register", "5", "--questions-to-reset", "4", "--notify-users", "off",
        "--notify-admins", "on", "--reconfirm-days", "0", "--helpdesk",
        "https://help.fabrikam.test/sspr")
    expected = dict(DEFAULTS, enabled="selected", group="SSPR Users", methods_required=2,
                    methods=["email", "mobile_phone", "security_questions", "app_code",
                             "app_notification"],
                    questions_to_register=5, questions_to_reset=4, notify_users=False,
                    notify_admins=True, reconfirm_days=0,
                    helpdesk="https://help.fabrikam.test/sspr")
    assert dict(changed, tenant=None) == dict(expected, tenant=None)
    assert show(backend) == expected
    text = backend.cli("policy", "show", "--tenant", DOMAIN, json_output=False).stdout
    assert "SSPR Users" in text and "questions to reset" in text

    audit = policy_audit(backend)
    assert len(audit) == 2
    latest = max(audit, key=lambda e: e["time"])
    assert latest["details"]["before"]["enabled"] == "none"
    assert latest["details"]["after"]["enabled"] == "selected"
    assert latest["details"]["after"]["group"] == "SSPR Users"
    assert "notify_admins" in latest["details"]["changed"]

    # The group that scopes the policy cannot be deleted while it does.
    deleted = backend.cli("group", "delete", "--tenant", DOMAIN, "--name", "SSPR Users")
    assert deleted.code == h.EXIT_BAD_INPUT, deleted.describe()
    assert show(backend)["group"] == "SSPR Users"


def test_cli_refusals_exit_2_and_change_nothing(backend):
    create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all")
    before, audit_before = show(backend), policy_audit(backend)
    for options, _, name in REFUSALS:
        result = backend.cli("policy", "set", "--tenant", DOMAIN, *options)
        h.assert_cli_bad_input(result)
        assert "InvalidSsprPolicy" in result.stderr, (name, result.describe())
        assert f"{name}: " in result.stderr, (name, result.describe())
    for options in (["--enabled", "selected", "--group", "Nobody"], ["--methods", "email,sms"],
                    ["--notify-users", "maybe"], ["--reconfirm-days", "soon"]):
        h.assert_cli_bad_input(backend.cli("policy", "set", "--tenant", DOMAIN, *options))
    assert show(backend) == before
    assert policy_audit(backend) == audit_before


def test_cli_writeback_refusal_says_to_configure_the_connection(backend):
    create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    result = backend.cli("policy", "set", "--tenant", DOMAIN, "--writeback", "on")
    h.assert_cli_bad_input(result)
    assert "on-premises connection" in result.stderr and "configure" in result.stderr
    assert show(backend) == {"configured": False}
    assert policy_audit(backend) == []


def test_api_show_patch_refusals_and_roles(backend):
    create_tenant_with_token(backend, "Fabrikam", DOMAIN)
    token = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "global")["token"]
    billing = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "billing",
                             "--role", "billing-administrator")["token"]
    security = backend.cli_ok("token", "create", "--tenant", DOMAIN, "--name", "security",
                              "--role", "security-administrator")["token"]
    server = backend.server()
    api = h.Api(server.base_url, token)
    assert api.ok("GET", "/api/v1/policy") == {"configured": False}
    assert api.ok("PATCH", "/api/v1/policy", json={}) == DEFAULTS
    patched = api.ok("PATCH", "/api/v1/policy",
                     json={"enabled": "all", "methods": ["email", "security_questions"],
                           "questions_to_register": 4, "helpdesk": "helpdesk@fabrikam.test"})
    expected = dict(DEFAULTS, enabled="all", methods=["email", "security_questions"],
                    questions_to_register=4, helpdesk="helpdesk@fabrikam.test")
    assert patched == expected
    # The GET answer can be sent back as is.
    assert api.ok("PATCH", "/api/v1/policy", json=api.ok("GET", "/api/v1/policy")) == expected
    audit = h.items_of(api.ok("GET", "/api/v1/audit", params={"activity": ACTIVITY}), "events")
    assert len(audit) == 3

    explanations = {}
    for _, body, name in REFUSALS:
        for lang in ("en", "de"):
            error = h.assert_api_error(api.patch("/api/v1/policy", json=body,
                                                 params={"lang": lang}), 400, "InvalidSsprPolicy")
            assert error["code"] == "InvalidSsprPolicy"
            assert error["technical"].startswith(name + ": "), (name, error)
            assert error["message"] and "policy.refusal" not in error["message"], (name, error)
            explanations[(name, lang)] = error["message"]
    # Each refusal explains itself, in each language.
    assert len(set(explanations.values())) == 2 * len(REFUSALS)
    writeback = h.assert_api_error(api.patch("/api/v1/policy", json={"writeback": True}), 400)
    assert "on-premises" in writeback["message"] and "Configure" in writeback["message"]
    german = h.assert_api_error(
        api.patch("/api/v1/policy", json={"writeback": True}, params={"lang": "de"}), 400)
    assert german["message"] != writeback["message"] and "Verbindung" in german["message"]
    h.assert_api_error(api.patch("/api/v1/policy", json={"methods": ["sms"]}), 400,
                       "InvalidInput")
    h.assert_api_error(api.patch("/api/v1/policy",
                                 json={"enabled": "selected", "group": "Nobody"}), 404)

    h.assert_api_error(h.Api(server.base_url, billing).patch(
        "/api/v1/policy", json={"enabled": "none"}), 403, "Forbidden")
    assert h.Api(server.base_url, billing).ok("GET", "/api/v1/policy") == expected
    assert api.ok("GET", "/api/v1/policy") == expected
    audit = h.items_of(api.ok("GET", "/api/v1/audit", params={"activity": ACTIVITY}), "events")
    assert len(audit) == 3

    by_security = h.Api(server.base_url, security).ok("PATCH", "/api/v1/policy",
                                                      json={"notify_admins": True})
    assert by_security["notify_admins"] is True
    server.stop_gracefully()


def test_demo_tenant_has_a_usable_policy(backend):
    """`sspr demo` seeds Contoso with SSPR for the group SSPR Users, 1 of 4 methods; Fabrikam
    with SSPR off; Tailspin with no policy at all."""
    demo = h.Server(backend.binary, backend.store_args, backend.work_dir / "logs",
                    command=("demo",), name="demo")
    backend.servers.append(demo)
    demo.start()
    demo.stop_gracefully()
    shown = backend.cli_ok("policy", "show", "--tenant", "contoso.example")
    assert shown["enabled"] == "selected"
    assert shown["group"] == "SSPR Users"
    assert shown["methods_required"] == 1
    assert shown["methods"] == ["email", "mobile_phone", "security_questions", "app_code"]
    assert backend.cli_ok("policy", "show", "--tenant", "fabrikam.example")["enabled"] == "none"
    assert backend.cli_ok("policy", "show", "--tenant", "tailspin.example")["configured"] is False
