"""The reset wizard (web/reset.html) in headless Chromium against `sspr demo` (file outbox, small
CAPTCHA): a complete two-gate reset by email and mobile phone with the codes read from the
outbox file, after which the new password signs in and the old one fails; the error page with
its code and support code for each demo user of SSPR_0009 ... SSPR_0014, on a phone-sized
screen; and the page in German via ?lang=de."""

import json
import pathlib
import re
import shutil
import tempfile
import time

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from browser_fixtures import browser  # noqa: F401 (pytest fixture)
import sspr_harness as h

DIFFICULTY = 300
ALICE = "alice@contoso.example"
ALICE_PASSWORD = "Violet-Harbor-58"
ALICE_MOBILE = "+45 20 12 34 56"  # pre-populated by the demo
NEW_PASSWORD = "Quartz-Violin-8-Tundra"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DEMO_ERRORS = [
    ("frank@fabrikam.example", "SSPR_0009", "TenantSSPRFlagDisabled"),
    ("dave@contoso.example", "SSPR_0010", "WritebackNotEnabled"),
    ("grace@tailspin.example", "SSPR_0011", "SsprNotEnabledInUserPolicy"),
    ("bob@contoso.example", "SSPR_0012", "UserNotLicensed"),
    ("carol@contoso.example", "SSPR_0013", "UserNotMemberOfScopedAccessGroup"),
    ("erin@contoso.example", "SSPR_0014", "UserNotProperlyConfigured"),
]


class Demo:
    """One `sspr demo` with its own data directory, outbox file and printed API token."""

    def __init__(self, broken_outbox=False):
        binary = h.sspr_binary()
        if not binary.is_file():
            pytest.fail(f"sspr binary not found at {binary}", pytrace=False)
        self.work_dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-btest-reset-"))
        self.outbox = self.work_dir / "outbox.jsonl"
        if broken_outbox:  # a directory: every send fails
            self.outbox.mkdir()
        config = self.work_dir / "sspr.toml"
        config.write_text(f'[captcha]\ndifficulty = {DIFFICULTY}\n'
                          f'[notify]\noutbox_path = "{self.outbox}"\n')
        self.server = h.Server(binary, ["--data", str(self.work_dir / "data"), "--config",
                                        str(config)], self.work_dir / "logs",
                               command=("demo",), name="demo")
        self.server.start()
        tokens = re.findall(r"Bearer (sspr_[0-9a-f]+)", self.server.stdout())
        assert tokens, self.server.logs()
        self.api = h.Api(self.server.base_url, tokens[0])

    @property
    def base_url(self):
        return self.server.base_url

    def outbox_lines(self):
        if not self.outbox.is_file():
            return []
        return [json.loads(line) for line in self.outbox.read_text().splitlines() if line]

    def wait_for_code(self, channel, digits, after):
        """The code of the first message on `channel` after the first `after` messages."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            for message in self.outbox_lines()[after:]:
                if message["channel"] == channel:
                    codes = re.findall(rf"(?<!\d)\d{{{digits}}}(?!\d)", message["body"])
                    assert len(codes) == 1, message
                    return codes[0]
            time.sleep(0.05)
        raise AssertionError(f"no {channel} code in the outbox\n{self.outbox_lines()}")

    def close(self):
        try:
            self.server.stop_gracefully()
        finally:
            self.server.kill()
            shutil.rmtree(self.work_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def demo():
    """One demo server for the tests that change nothing in its directory."""
    server = Demo()
    yield server
    server.close()


@pytest.fixture
def fresh_demo():
    server = Demo()
    yield server
    server.close()


def visible(wait, element_id):
    return wait.until(ec.visibility_of_element_located((By.ID, element_id)))


def start_reset(browser, wait, base_url, upn, query=""):
    browser.get(base_url + "/reset.html" + query)
    field = visible(wait, "user-id")
    wait.until(lambda driver: driver.switch_to.active_element == field)
    field.send_keys(upn + Keys.ENTER)


def focused_id(browser):
    return browser.switch_to.active_element.get_attribute("id")


def type_into(browser, element_id, text):
    element = browser.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(text)
    return element


def sign_in(base_url, password):
    return requests.post(base_url + "/api/v1/session",
                         json={"user_id": ALICE, "password": password},
                         headers={"Origin": base_url}, timeout=h.HTTP_TIMEOUT_SECONDS)


def live_evaluation_available(base_url):
    """False while the server has no /password/evaluate route inside a reset flow."""
    response = requests.post(
        base_url + "/api/v1/reset/flows/00000000-0000-0000-0000-000000000000/password/evaluate",
        json={"password": "x"}, timeout=h.HTTP_TIMEOUT_SECONDS)
    error = response.json().get("error", {}) if response.content else {}
    return not (response.status_code == 404 and "route" in error.get("technical", ""))


def test_two_gate_reset_by_email_and_mobile_phone_then_the_new_password_signs_in(
        fresh_demo, browser):
    demo = fresh_demo
    demo.api.ok("PATCH", "/api/v1/policy", json={"methods_required": 2})
    wait = WebDriverWait(browser, 15)

    start_reset(browser, wait, demo.base_url, ALICE)
    # The CAPTCHA's progress is visible while the worker solves it; then gate 1 of 2.
    wait.until(ec.text_to_be_present_in_element((By.ID, "method-heading"), "step 1 of 2"))
    assert focused_id(browser) == "method-heading"
    choices = browser.find_elements(By.CSS_SELECTOR, "#method-list label")
    assert len(choices) == 2, [choice.text for choice in choices]
    email = next(choice for choice in choices if "@example.org" in choice.text)
    assert "alice.andersen" not in email.text  # masked
    email.find_element(By.TAG_NAME, "input").click()
    sent_before = len(demo.outbox_lines())
    browser.find_element(By.ID, "method-submit").click()

    visible(wait, "code")
    assert focused_id(browser) == "code-heading"
    code = demo.wait_for_code("email", 8, sent_before)
    type_into(browser, "code", "00000000" if code != "00000000" else "11111111").send_keys(
        Keys.ENTER)
    wait.until(lambda driver: driver.find_element(By.ID, "code-error").text.strip())
    type_into(browser, "code", code).send_keys(Keys.ENTER)

    # Gate 2: the email is not offered again; the phone needs the whole number first.
    wait.until(ec.text_to_be_present_in_element((By.ID, "method-heading"), "step 2 of 2"))
    choices = browser.find_elements(By.CSS_SELECTOR, "#method-list label")
    assert len(choices) == 1 and "XXXXXX56" in choices[0].text, [c.text for c in choices]
    browser.find_element(By.ID, "method-submit").click()
    visible(wait, "phone")
    assert "XXXXXX56" in browser.find_element(By.ID, "phone-prompt").text
    assert browser.find_element(By.ID, "channel-sms").is_selected()
    type_into(browser, "phone", "+45 20 12 34 99").send_keys(Keys.ENTER)
    wait.until(lambda driver: driver.find_element(By.ID, "phone-error").text.strip())
    assert browser.find_element(By.ID, "phone").get_attribute("aria-invalid") == "true"
    sent_before = len(demo.outbox_lines())
    type_into(browser, "phone", ALICE_MOBILE).send_keys(Keys.ENTER)
    visible(wait, "code")
    type_into(browser, "code", demo.wait_for_code("sms", 6, sent_before)).send_keys(Keys.ENTER)

    # The new password: live feedback (when the server evaluates inside a flow), a client-side
    # mismatch check, a refusal with its reasons, then success.
    visible(wait, "new-password")
    assert focused_id(browser) == "password-heading"
    type_into(browser, "new-password", "contoso")
    if live_evaluation_available(demo.base_url):
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#feedback-list li")))
        type_into(browser, "new-password", NEW_PASSWORD)
        wait.until(ec.text_to_be_present_in_element((By.ID, "feedback-summary"), "can be used"))
    type_into(browser, "new-password", "Contoso1!")
    type_into(browser, "confirm-password", "Contoso1?")
    wait.until(ec.text_to_be_present_in_element((By.ID, "confirm-feedback"), "don't match"))
    type_into(browser, "confirm-password", "Contoso1!").send_keys(Keys.ENTER)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#password-error li")))
    assert sign_in(demo.base_url, ALICE_PASSWORD).status_code == 201  # nothing changed yet
    type_into(browser, "new-password", NEW_PASSWORD)
    type_into(browser, "confirm-password", NEW_PASSWORD).send_keys(Keys.ENTER)
    done = visible(wait, "done-heading")
    assert "has been reset" in done.text
    assert focused_id(browser) == "done-heading"
    # The way on is a button, not a bare link.
    link = browser.find_element(By.ID, "signin-link")
    assert link.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)",
                                                                  "transparent")

    assert sign_in(demo.base_url, NEW_PASSWORD).status_code == 201
    h.assert_api_error(sign_in(demo.base_url, ALICE_PASSWORD), 401)


def test_each_demo_user_sees_their_error_with_a_support_code_on_a_phone_sized_screen(
        demo, browser):
    browser.set_window_size(360, 740)
    wait = WebDriverWait(browser, 15)
    for upn, code, name in DEMO_ERRORS:
        start_reset(browser, wait, demo.base_url, upn)
        visible(wait, "error-heading")
        assert focused_id(browser) == "error-heading", upn
        technical = browser.find_element(By.ID, "error-technical").text
        assert technical.startswith(f"{code}: {name}"), (upn, technical)
        support_code = browser.find_element(By.ID, "error-support-code").text
        assert UUID.match(support_code), (upn, support_code)
        assert browser.find_element(By.ID, "error-time").text.startswith("20")
        message = browser.find_element(By.ID, "error-message").text
        assert "administrator" in message, (upn, message)
        assert browser.find_element(By.ID, "error-alert").get_attribute("role") == "alert"
        # Nothing wider than the screen: no horizontal scrolling at 360 px.
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (upn, overflow)

    # On a larger phone too the labels stand above their values, so the technical line gets the
    # whole width instead of a column too narrow to read.
    browser.set_window_size(412, 915)
    details = browser.find_element(By.ID, "error-details").rect
    technical = browser.find_element(By.ID, "error-technical").rect
    assert technical["width"] >= 0.95 * details["width"], (technical, details)

    # "Start again" goes back to the first step.
    browser.find_element(By.ID, "start-again").click()
    visible(wait, "user-id")
    assert focused_id(browser) == "start-heading"


def test_the_wizard_speaks_german_with_lang_de(demo, browser):
    wait = WebDriverWait(browser, 15)
    browser.get(demo.base_url + "/reset.html?lang=de")
    wait.until(ec.text_to_be_present_in_element((By.ID, "start-heading"),
                                                "Kennwort zurücksetzen"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    assert "Benutzer-ID" in browser.find_element(By.CSS_SELECTOR, "label[for=user-id]").text
    assert browser.find_element(By.ID, "start-submit").text == "Weiter"
    browser.find_element(By.ID, "user-id").send_keys("frank@fabrikam.example" + Keys.ENTER)
    heading = visible(wait, "error-heading")
    assert heading.text == "Der Vorgang konnte nicht fortgesetzt werden"
    assert "Organisation" in browser.find_element(By.ID, "error-message").text
    assert browser.find_element(By.ID, "start-again").text == "Neu beginnen"
    assert browser.find_element(By.ID, "error-technical").text.startswith("SSPR_0009")


def test_a_failed_send_offers_to_try_again_after_the_pause(browser):
    demo = Demo(broken_outbox=True)
    try:
        wait = WebDriverWait(browser, 15)
        start_reset(browser, wait, demo.base_url, ALICE)
        wait.until(ec.text_to_be_present_in_element((By.ID, "method-heading"), "step 1 of 1"))
        choices = browser.find_elements(By.CSS_SELECTOR, "#method-list label")
        email = next(choice for choice in choices if "@example.org" in choice.text)
        email.find_element(By.TAG_NAME, "input").click()
        browser.find_element(By.ID, "method-submit").click()

        visible(wait, "send-failed-heading")
        assert focused_id(browser) == "send-failed-heading"
        assert browser.find_element(By.ID, "send-failed-message").text.strip()
        assert "seconds" in browser.find_element(By.ID, "send-failed-wait").text
        assert not browser.find_element(By.ID, "retry-send").is_displayed()
        # "Try again" only after the pause (10 s); it tries the same method again.
        retry = WebDriverWait(browser, 15).until(
            ec.visibility_of_element_located((By.ID, "retry-send")))
        assert focused_id(browser) == "retry-send"
        retry.click()
        wait.until(lambda driver: "seconds" in driver.find_element(By.ID, "send-failed-wait").text)
        assert not browser.find_element(By.ID, "retry-send").is_displayed()
    finally:
        demo.close()
