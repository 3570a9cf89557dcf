"""The administrator console (web/admin/) in headless Chromium against `sspr demo`, one server
and one browser for the module: the sign-in and "administrator role" gates; the SSPR policy
switched from none to selected with a group and 2 methods, with the reset behaviour checked
through the API after each change; dependent options showing and hiding; the invalid
combination (the app as the only method under 1 gate) refused with its explanation; diagnose
explaining every demo user's situation with the right error code; an administrator resetting
a user's password with live feedback, after which the user signs in with it; labels, and no
sideways scrolling at 360 px; audit filters and the CSV download (once the audit API is
there)."""

import pathlib
import re
import sys

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_fixtures import CHROMIUM_FLAGS
import reset_client
import sspr_harness as h

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_reset_wizard import Demo  # noqa: E402 (the demo server of the browser suite)

ADMIN = "admin@contoso.example"
ADMIN_PASSWORD = "Copper-Lantern-27"
ALICE = "alice@contoso.example"
ALICE_PASSWORD = "Violet-Harbor-58"
OPS_PASSWORD = "Granite-Ferry-39"
# Administrators of the two small demo tenants, added for diagnosing their users.
OPS = {"frank@fabrikam.example": "ops@fabrikam.example",
       "grace@tailspin.example": "ops@tailspin.example"}
UNLICENSED_ADMIN = "wanda@woodgrove.example"
DEMO_POLICY = {"enabled": "selected", "group": "SSPR Users", "methods_required": 1,
               "methods": ["email", "mobile_phone", "security_questions", "app_code"]}
SITUATIONS = [
    (ALICE, None),
    (ADMIN, None),
    ("bob@contoso.example", "SSPR_0012"),
    ("carol@contoso.example", "SSPR_0013"),
    ("dave@contoso.example", "SSPR_0010"),
    ("erin@contoso.example", "SSPR_0014"),
    ("frank@fabrikam.example", "SSPR_0009"),
    ("grace@tailspin.example", "SSPR_0011"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo, plus an administrator in Fabrikam and in Tailspin (added with the CLI while
    the server is stopped, so SQLite never sees two writers)."""
    server = Demo()
    try:
        server.server.stop_gracefully()
        backend = h.Backend("sqlite", h.sspr_binary(), server.server.store_args, server.work_dir)
        password_file = tmp_path_factory.mktemp("ops") / "password"
        password_file.write_text(OPS_PASSWORD + "\n")
        for ops in OPS.values():
            backend.cli_ok("user", "create", "--upn", ops, "--display-name", "Operations",
                           "--password-file", str(password_file))
            backend.cli_ok("role", "assign", "--user", ops, "--role", "global-administrator")
        # Woodgrove: an administrator, and no subscription that grants SSPR.
        backend.cli_ok("tenant", "create", "--name", "Woodgrove", "--domain", "woodgrove.example")
        backend.cli_ok("user", "create", "--upn", UNLICENSED_ADMIN, "--display-name", "Wanda",
                       "--password-file", str(password_file))
        backend.cli_ok("role", "assign", "--user", UNLICENSED_ADMIN, "--role",
                       "global-administrator")
        server.server.exit_code = None
        server.server.start()
        # Each demo start prints a fresh token (the previous one is revoked).
        tokens = re.findall(r"Bearer (sspr_[0-9a-f]+)", server.server.stdout())
        server.api = h.Api(server.base_url, tokens[-1])
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture
def wait(browser):
    return WebDriverWait(browser, 10)


def by_id(browser, element_id):
    return browser.find_element(By.ID, element_id)


def visible(wait, element_id):
    return wait.until(ec.visibility_of_element_located((By.ID, element_id)))


def sign_in(browser, wait, base_url, upn, password):
    browser.delete_all_cookies()
    browser.get(base_url + "/signin.html")
    visible(wait, "user-id").send_keys(upn)
    by_id(browser, "password").send_keys(password + Keys.ENTER)
    wait.until(ec.url_contains("/security-info.html"))


def open_console(browser, wait, base_url, section, query=""):
    browser.get(base_url + "/admin/" + query + "#" + section)
    wait.until(lambda d: by_id(d, "console").get_attribute("data-ready") == "true")
    visible(wait, "section-" + section)


def audit_events(payload):
    """The events of an audit listing ({"value": [...]} or the older {"events": [...]})."""
    return payload.get("value", payload.get("events"))


def start_reset(demo, upn):
    client = h.Api(demo.base_url)
    return reset_client.start(client, upn)


def assert_reset_refused(demo, upn, code):
    response = start_reset(demo, upn)
    assert response.status_code >= 400, h.describe_response(response)
    assert response.json()["error"]["code"] == code, h.describe_response(response)


def save_policy(browser, wait):
    result = by_id(browser, "policy-result")
    browser.execute_script("arguments[0].className = 'pending';", result)
    by_id(browser, "policy-save").click()
    wait.until(lambda d: result.get_attribute("class") in ("result-ok", "result-error"))
    return result


def set_methods(browser, wanted):
    for box in browser.find_elements(By.CSS_SELECTOR, "input[name=methods]"):
        if box.is_selected() != (box.get_attribute("value") in wanted):
            box.click()


def test_signed_out_and_non_admin_visitors_see_why(demo, browser, wait):
    browser.delete_all_cookies()
    browser.get(demo.base_url + "/admin/")
    gate = visible(wait, "console-gate")
    assert gate.get_attribute("data-kind") == "signin"
    assert by_id(browser, "gate-link").is_displayed()
    assert not by_id(browser, "console").is_displayed()

    sign_in(browser, wait, demo.base_url, ALICE, ALICE_PASSWORD)
    browser.get(demo.base_url + "/admin/")
    wait.until(lambda d: by_id(d, "console-gate").get_attribute("data-kind") == "not_admin")
    assert "administrator role" in by_id(browser, "gate-heading").text
    assert not by_id(browser, "console").is_displayed()


def test_policy_changes_reset_behaviour_and_refuses_app_only(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "policy")
    wait.until(lambda d: by_id(d, "policy-form").get_attribute("data-loaded") == "true")

    # Dependent options follow their switches.
    assert by_id(browser, "method-security_questions").is_selected()
    assert by_id(browser, "policy-questions").is_displayed()
    by_id(browser, "method-security_questions").click()
    assert not by_id(browser, "policy-questions").is_displayed()
    by_id(browser, "method-security_questions").click()
    assert by_id(browser, "questions-to-reset").is_displayed()
    assert not by_id(browser, "writeback").is_selected()
    assert not by_id(browser, "unlock-row").is_displayed()
    by_id(browser, "writeback").click()
    assert by_id(browser, "unlock").is_displayed()
    by_id(browser, "writeback").click()
    assert not by_id(browser, "unlock-row").is_displayed()
    assert by_id(browser, "reconfirm-days").is_displayed()
    by_id(browser, "require-registration").click()
    assert not by_id(browser, "reconfirm-row").is_displayed()
    by_id(browser, "require-registration").click()

    # None: nobody may reset.
    by_id(browser, "enabled-none").click()
    assert not by_id(browser, "policy-group-row").is_displayed()
    assert save_policy(browser, wait).get_attribute("class") == "result-ok"
    assert demo.api.ok("GET", "/api/v1/policy")["enabled"] == "none"
    assert_reset_refused(demo, ALICE, "SSPR_0009")

    # Selected with the group and two methods: Alice needs two gates, Carol is outside.
    by_id(browser, "enabled-selected").click()
    assert by_id(browser, "policy-group").is_displayed()
    Select(by_id(browser, "policy-group")).select_by_value("SSPR Users")
    by_id(browser, "required-2").click()
    assert save_policy(browser, wait).get_attribute("class") == "result-ok"
    policy = demo.api.ok("GET", "/api/v1/policy")
    assert (policy["enabled"], policy["group"], policy["methods_required"]) == (
        "selected", "SSPR Users", 2)
    flow = start_reset(demo, ALICE)
    assert flow.status_code == 201, h.describe_response(flow)
    assert flow.json()["gates_required"] == 2
    assert_reset_refused(demo, "carol@contoso.example", "SSPR_0013")

    # The app as the only method under one gate is refused with the server's explanation.
    by_id(browser, "required-1").click()
    set_methods(browser, {"app_code"})
    assert not by_id(browser, "policy-questions").is_displayed()
    result = save_policy(browser, wait)
    assert result.get_attribute("class") == "result-error"
    envelope = demo.api.request("PATCH", "/api/v1/policy",
                                json={"methods_required": 1, "methods": ["app_code"]}).json()
    assert envelope["error"]["message"] in result.text
    assert envelope["error"]["code"] in result.text
    assert result.find_element(By.CSS_SELECTOR, "dl.error-details").is_displayed()
    assert demo.api.ok("GET", "/api/v1/policy")["methods_required"] == 2


def test_diagnose_explains_every_demo_user(demo, browser, wait):
    demo.api.ok("PATCH", "/api/v1/policy", json=DEMO_POLICY)
    signed_in_as = None
    for upn, code in SITUATIONS:
        admin = OPS.get(upn, ADMIN)
        if admin != signed_in_as:
            sign_in(browser, wait, demo.base_url, admin,
                    ADMIN_PASSWORD if admin == ADMIN else OPS_PASSWORD)
            open_console(browser, wait, demo.base_url, "diagnose")
            signed_in_as = admin
        result = by_id(browser, "diagnose-result")
        browser.execute_script("arguments[0].replaceChildren();", result)
        field = by_id(browser, "diagnose-upn")
        field.clear()
        field.send_keys(upn + Keys.ENTER)
        verdict = wait.until(lambda d: d.find_element(By.ID, "diagnose-verdict"))
        checks = result.find_elements(By.CSS_SELECTOR, "li.check")
        assert len(checks) >= 6, result.text
        if code is None:
            assert "ok-text" in verdict.get_attribute("class"), (upn, result.text)
            assert not result.find_elements(By.ID, "diagnose-code")
        else:
            assert "field-error" in verdict.get_attribute("class"), (upn, result.text)
            assert by_id(browser, "diagnose-code").text.startswith(code), (upn, result.text)
            failed = [c for c in checks if c.get_attribute("data-result") == "failed"]
            assert failed and code in failed[0].text, (upn, result.text)
            assert "Fix:" in failed[0].text or "fix" in failed[0].text.lower(), failed[0].text


def test_admin_resets_a_password_and_the_user_signs_in_with_it(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "users")
    wait.until(lambda d: d.find_elements(By.XPATH, f"//button[text()='{ALICE}']"))[0].click()
    visible(wait, "user-detail")
    wait.until(lambda d: "PREMIUM_P1" in by_id(d, "user-licenses").text
               or "Sales" in by_id(d, "user-groups").text)
    assert "Sales" in by_id(browser, "user-groups").text
    wait.until(lambda d: by_id(d, "user-methods").text.strip())
    assert "Mobile phone" in by_id(browser, "user-methods").text
    field = by_id(browser, "admin-new-password")
    field.send_keys("password1")
    feedback = by_id(browser, "admin-reset-feedback")
    wait.until(lambda d: "field-error" in feedback.find_element(By.TAG_NAME, "p")
               .get_attribute("class"))
    field.clear()
    new_password = "Quartz-Violin-8-Tundra"
    field.send_keys(new_password)
    wait.until(lambda d: "ok-text" in feedback.find_element(By.TAG_NAME, "p")
               .get_attribute("class"))
    by_id(browser, "admin-reset-form").find_element(By.TAG_NAME, "button").click()
    result = by_id(browser, "admin-reset-result")
    wait.until(lambda d: result.get_attribute("class") == "result-ok")
    signed_in = requests.post(demo.base_url + "/api/v1/session",
                              json={"user_id": ALICE, "password": new_password},
                              headers={"Origin": demo.base_url}, timeout=h.HTTP_TIMEOUT_SECONDS)
    assert signed_in.status_code == 201, h.describe_response(signed_in)
    events = audit_events(demo.api.ok("GET", "/api/v1/audit?limit=200"))
    assert any(e["activity"] == "Reset password (by admin)" and e["actor"] == ADMIN
               and e["target"] == ALICE for e in events), events


def test_groups_show_nested_members(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "groups")
    wait.until(lambda d: d.find_elements(By.XPATH, "//button[text()='SSPR Users']"))[0].click()
    nested = wait.until(lambda d: d.find_elements(
        By.CSS_SELECTOR, "#group-members > li.member-group ul li.member-user"))
    assert any(ALICE in item.text for item in nested)
    direct = browser.find_elements(By.CSS_SELECTOR, "#group-members > li.member-user")
    assert any("bob@contoso.example" in item.text for item in direct)
    assert all(ALICE not in item.text for item in direct)


def test_support_code_lookup_shows_the_story(demo, browser, wait):
    german = h.Api(demo.base_url)
    german.session.headers["Accept-Language"] = "de"
    refused = reset_client.start(german, "bob@contoso.example")
    error = refused.json()["error"]
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "support")
    by_id(browser, "support-code").send_keys(error["support_code"] + Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#support-result table tbody tr"))
    text = by_id(browser, "support-result").text
    assert error["code"] in text and "bob@contoso.example" in text
    assert "UserNotLicensed" in text
    # The user read it in German: the console (in English) shows it as the user saw it too.
    assert "User was told\n(de) " + error["message"] in text, text
    assert "Technical details\n" + error["technical"] in text, text
    # On a phone the labels stand above their values, so the values get the whole width.
    browser.set_window_size(412, 915)
    try:
        facts = browser.find_element(By.CSS_SELECTOR, "#support-result dl.facts").rect
        values = browser.find_elements(By.CSS_SELECTOR, "#support-result dl.facts dd")
        assert values and all(dd.rect["width"] >= 0.95 * facts["width"] for dd in values), facts
    finally:
        browser.set_window_size(1024, 768)
    field = by_id(browser, "support-code")
    field.clear()
    field.send_keys("00000000-0000-0000-0000-000000000000" + Keys.ENTER)
    wait.until(lambda d: by_id(d, "support-result").get_attribute("class") == "result-error")


def test_custom_banned_terms_are_added_and_removed(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "protection")
    by_id(browser, "banned-term").send_keys("harbourview" + Keys.ENTER)
    wait.until(lambda d: "harbourview" in by_id(d, "banned-list").text)
    assert "harbourview" in demo.api.ok("GET", "/api/v1/banned-passwords")["terms"]
    by_id(browser, "banned-term").send_keys("abc" + Keys.ENTER)  # too short: refused
    wait.until(lambda d: by_id(d, "banned-result").get_attribute("class") == "result-error")
    browser.find_element(By.CSS_SELECTOR, "#banned-list button[aria-label$='harbourview']").click()
    wait.until(lambda d: "harbourview" not in by_id(d, "banned-list").text)
    assert "harbourview" not in demo.api.ok("GET", "/api/v1/banned-passwords")["terms"]


def test_console_is_labelled_and_fits_a_phone(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    browser.set_window_size(360, 740)
    try:
        for section in ("overview", "users", "policy", "diagnose", "audit"):
            open_console(browser, wait, demo.base_url, section)
            width = browser.execute_script("return document.documentElement.scrollWidth;")
            assert width <= 360, (section, width)
        unlabelled = browser.execute_script(
            "return Array.from(document.querySelectorAll('#console-main input, "
            "#console-main select')).filter((e) => e.labels.length === 0).map((e) => e.id);")
        assert unlabelled == []
        # Keyboard: following a navigation link moves focus to the section's heading.
        link = browser.find_element(By.CSS_SELECTOR, "#console-nav a[href='#groups']")
        link.send_keys(Keys.ENTER)
        wait.until(lambda d: d.switch_to.active_element.tag_name == "h1")
        assert link.get_attribute("aria-current") == "page"
    finally:
        browser.set_window_size(1024, 768)


def test_console_speaks_german(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "policy", query="?lang=de")
    wait.until(lambda d: "Richtlinie" in d.find_element(
        By.CSS_SELECTOR, "#section-policy h1").text)
    assert by_id(browser, "enabled-none").find_element(By.XPATH, "..").text.strip() == "Keine"


def test_each_finding_shows_its_technical_line_under_its_title(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "overview")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#overview-findings li.finding"))
    findings = browser.find_elements(By.CSS_SELECTOR, "#overview-findings li.finding")
    # The demo tenant has users without a licence, synced users without writeback and users
    # without methods: each finding names its error, on a line of its own, whatever the
    # length of its title.
    assert len(findings) >= 3, [f.text for f in findings]
    for finding in findings:
        title = finding.find_element(By.TAG_NAME, "strong")
        technical = finding.find_element(By.CSS_SELECTOR, ".code")
        assert technical.text.startswith("SSPR_00"), finding.text
        assert technical.rect["x"] == title.rect["x"], finding.text
        assert technical.rect["y"] >= title.rect["y"] + title.rect["height"] - 1, finding.text


def test_an_unlicensed_administrator_is_told_why_sspr_is_unavailable(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, UNLICENSED_ADMIN, OPS_PASSWORD)
    open_console(browser, wait, demo.base_url, "overview")
    notice = visible(wait, "sspr-unavailable")
    assert "PREMIUM_P1" in notice.text or "P1" in notice.text
    assert "licence" in notice.text
    open_console(browser, wait, demo.base_url, "policy")
    assert "licence" in visible(wait, "policy-unavailable").text
    assert not by_id(browser, "policy-form").is_displayed()
    open_console(browser, wait, demo.base_url, "audit")
    categories = [o.get_attribute("value") for o in
                  by_id(browser, "audit-category").find_elements(By.TAG_NAME, "option")]
    assert "Self-service password management" not in categories


def test_audit_filters_paging_and_csv_download(demo, browser, wait):
    assert_reset_refused(demo, "bob@contoso.example", "SSPR_0012")
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "audit")
    Select(by_id(browser, "audit-result")).select_by_value("failure")
    by_id(browser, "audit-user").send_keys("bob@contoso.example")
    by_id(browser, "audit-form").find_element(By.TAG_NAME, "button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#audit-rows tr.audit-row"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#audit-rows tr.audit-row")
    assert all("bob@contoso.example" in row.text for row in rows)
    assert any("UserNotLicensed" in row.text for row in rows)
    link = by_id(browser, "audit-csv").get_attribute("href")
    assert "result=failure" in link and "format=csv" in link
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    download = requests.get(link, cookies=cookies, timeout=h.HTTP_TIMEOUT_SECONDS)
    assert download.status_code == 200, h.describe_response(download)
    assert "UserNotLicensed" in download.text
    assert "alice@contoso.example" not in download.text
    # Paging: with no filter there are more events than one page of the console.
    for _ in range(3):
        assert_reset_refused(demo, "erin@contoso.example", "SSPR_0014")
    Select(by_id(browser, "audit-result")).select_by_value("")
    by_id(browser, "audit-user").clear()
    by_id(browser, "audit-form").find_element(By.TAG_NAME, "button").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#audit-rows tr.audit-row")) == 50)
    visible(wait, "audit-next").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#audit-rows tr.audit-row")) > 50)


def test_the_audit_table_keeps_its_words_whole_and_scrolls_instead(demo, browser, wait):
    assert_reset_refused(demo, "bob@contoso.example", "SSPR_0012")
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "audit")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#audit-rows tr.audit-row"))
    # Each word of a header or a result ("Result", "success", "failure") on one line: a
    # squeezed column broke them a letter or three a line.
    broken = browser.execute_script(r"""
        const lines = (cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
        };
        const table = document.getElementById("audit-rows").closest("table");
        const column = Array.from(table.querySelectorAll("thead th"))
          .findIndex((th) => th.textContent.trim() === "Result");
        const cells = Array.from(table.querySelectorAll("thead th"));
        table.querySelectorAll("#audit-rows tr.audit-row").forEach((row) => {
          if (row.children[column]) cells.push(row.children[column]);
        });
        return cells.filter((cell) => !/\s/.test(cell.textContent.trim()) && lines(cell) > 1)
          .map((cell) => cell.textContent);""")
    assert broken == [], broken


def test_reports_draw_their_charts(demo, browser, wait):
    sign_in(browser, wait, demo.base_url, ADMIN, ADMIN_PASSWORD)
    open_console(browser, wait, demo.base_url, "reports")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report-registration-chart svg rect"))
    totals = demo.api.ok("GET", "/api/v1/reports/registration?format=json")["totals"]
    text = by_id(browser, "report-registration-totals").text
    assert f"{totals['registered']} ({totals['registered_percent']:g} %)" in text
    rows = browser.find_elements(By.CSS_SELECTOR, "#report-registration-rows tr")
    alice = next(row for row in rows if ALICE in row.text)
    # Methods by their names, not their API identifiers.
    assert "Mobile phone" in alice.text and "mobile_phone" not in alice.text, alice.text
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report-usage-chart svg"))
    usage = demo.api.ok("GET", "/api/v1/reports/usage?format=json")
    bars = browser.find_elements(By.CSS_SELECTOR, "#report-usage-chart svg rect")
    assert len(bars) == 3 * len(usage["per_day"])
    failures = by_id(browser, "report-usage-failures").text
    for row in usage["failures_by_reason"]:
        assert f"{row['reason']}: {row['count']}" in failures
    assert not by_id(browser, "reports-missing").is_displayed()
