"""The security-info page (web/security-info.html) in a real browser at phone width, against
the real binary sending real messages: SMS codes to a loopback JSON webhook (HttpSink), email
codes to a loopback SMTP server (SmtpSink). A user signs in, is asked to register, registers a
mobile phone, an email address, security questions and an authenticator app (codes computed
with pyotp from the otpauth URI the page shows), and sees all four after signing in again. And
the demo outbox page under `sspr demo` shows the code the demo "sent"."""

import json
import pathlib
import re
import shutil
import tempfile
import urllib.parse

import pyotp
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_fixtures import backend, browser  # noqa: F401 (pytest fixtures; sets sys.path)
import sspr_harness as h  # noqa: E402
from message_sinks import HttpSink, SmtpSink  # noqa: E402

DOMAIN = "fabrikam.test"
ALICE = "alice@" + DOMAIN
PASSWORD = "Kx7!morning-Tide"
PHONE = "+45 20 12 34 56"
PHONE_E164 = "+4520123456"
HOME_EMAIL = "alice.home@example.net"
ALLOWED = ["mobile_phone", "email", "app_code", "security_questions"]
ANSWERS = ["Copenhagen harbour", "Grandma Ingrid", "A red bicycle", "Lakeside school",
           "Blue whale"]


def write_config(path, smtp, sms):
    settings = {"email": "smtp", "smtp_url": smtp.url, "smtp_starttls": False,
                "smtp_from": "OpenSSPR Fabrikam <noreply@fabrikam.test>", "sms": "webhook",
                "sms_url": sms.url + "/sms", "connect_timeout_seconds": 3,
                "timeout_seconds": 10, "retry_backoff_ms": 100}
    path.write_text("[notify]\n" + "".join(
        f"{key} = {json.dumps(value)}\n" for key, value in settings.items()))
    return path


def start_server(backend, *extra_args, command=("serve",)):
    server = h.Server(backend.binary, [*backend.store_args, *extra_args],
                      backend.work_dir / "logs", command=command,
                      name=f"server-{len(backend.servers) + 1}")
    backend.servers.append(server)
    return server.start()


def sign_in(browser, wait, base_url, upn, password):
    browser.get(base_url + "/signin.html")
    wait.until(ec.visibility_of_element_located((By.ID, "user-id"))).send_keys(upn)
    browser.find_element(By.ID, "password").send_keys(password + Keys.ENTER)
    wait.until(ec.url_contains("/security-info.html"))
    wait.until(ec.visibility_of_element_located((By.ID, "status")))


def focused_id(browser):
    return browser.switch_to.active_element.get_attribute("id")


def choose_method(browser, wait, method_type, first_field):
    wait.until(ec.element_to_be_clickable((By.ID, "add-method"))).click()
    chooser = wait.until(ec.visibility_of_element_located((By.ID, "method-type")))
    assert focused_id(browser) == "method-type"
    Select(chooser).select_by_value(method_type)
    browser.find_element(By.CSS_SELECTOR, "#chooser-form button[type=submit]").click()
    field = wait.until(ec.visibility_of_element_located((By.ID, first_field)))
    wait.until(lambda driver: focused_id(driver) == first_field)
    return field


def wait_for_method(wait, method_type):
    return wait.until(ec.visibility_of_element_located(
        (By.CSS_SELECTOR, f"#method-list li[data-type={method_type}]")))


def code_in(text, digits):
    match = re.search(rf"(?<!\d)(\d{{{digits}}})(?!\d)", text)
    return match.group(1) if match else None


def email_text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def assert_fits_phone_width(browser):
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"), \
        "the page scrolls sideways at phone width"


def test_register_all_four_methods_and_see_them_after_signing_in_again(backend, browser,
                                                                       tmp_path):
    backend.cli_ok("tenant", "create", "--name", "Fabrikam", "--domain", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    backend.cli_ok("user", "create", "--upn", ALICE, "--display-name", "Alice Lindqvist",
                   "--password-file", str(password_file))
    backend.cli_ok("policy", "set", "--tenant", DOMAIN, "--enabled", "all", "--methods",
                   ",".join(ALLOWED), "--require-registration", "on")
    browser.set_window_size(360, 800)
    wait = WebDriverWait(browser, 15)

    with SmtpSink() as smtp, HttpSink() as sms:
        config = write_config(tmp_path / "sspr.toml", smtp, sms)
        server = start_server(backend, "--config", str(config))
        sign_in(browser, wait, server.base_url, ALICE, PASSWORD)

        # Not registered: the interrupt notice with its way out, nothing listed yet.
        wait.until(ec.visibility_of_element_located((By.ID, "required-notice")))
        assert browser.find_element(By.ID, "cancel-registration").is_displayed()
        wait.until(ec.visibility_of_element_located((By.ID, "no-methods")))
        assert browser.find_element(By.ID, "status-missing").is_displayed()
        assert_fits_phone_width(browser)

        # The chooser offers exactly the policy's methods.
        browser.find_element(By.ID, "add-method").click()
        chooser = wait.until(ec.visibility_of_element_located((By.ID, "method-type")))
        offered = [option.get_attribute("value") for option in Select(chooser).options]
        assert sorted(offered) == sorted(ALLOWED)
        browser.find_element(By.CSS_SELECTOR, "#chooser-form .cancel-step").click()

        # Mobile phone: a code by SMS; a wrong one is refused inline, the right one saves it.
        phone = choose_method(browser, wait, "mobile_phone", "phone")
        phone.send_keys(PHONE + Keys.ENTER)
        code_input = wait.until(ec.visibility_of_element_located((By.ID, "code")))
        assert code_input.get_attribute("inputmode") == "numeric"
        assert code_input.get_attribute("autocomplete") == "one-time-code"
        wait.until(lambda driver: focused_id(driver) == "code")
        sms_code = wait.until(
            lambda _: sms.requests and code_in(sms.requests[-1]["json"]["body"], 6))
        assert sms.requests[-1]["json"]["to"] == PHONE_E164
        assert sms.requests[-1]["json"]["channel"] == "sms"
        wrong = "000000" if sms_code != "000000" else "111111"
        code_input.send_keys(wrong + Keys.ENTER)
        error = wait.until(ec.visibility_of_element_located((By.ID, "code-error")))
        assert error.get_attribute("role") == "alert" and error.text.strip()
        assert code_input.get_attribute("aria-invalid") == "true"
        assert focused_id(browser) == "code"
        # Two more wrong codes end this registration: back to the number, told why.
        code_input.clear()
        # The submit clears aria-invalid, the server's answer sets it again.
        code_input.send_keys(wrong + Keys.ENTER)
        wait.until(lambda _: code_input.get_attribute("aria-invalid") == "true")
        code_input.clear()
        code_input.send_keys(wrong + Keys.ENTER)
        phone_error = wait.until(ec.visibility_of_element_located((By.ID, "phone-error")))
        assert phone_error.get_attribute("role") == "alert" and phone_error.text.strip()
        assert not browser.find_element(By.ID, "verify-form").is_displayed()
        sent = len(sms.requests)
        browser.find_element(By.ID, "phone").send_keys(Keys.ENTER)  # send a new code
        code_input = wait.until(ec.visibility_of_element_located((By.ID, "code")))
        sms_code = wait.until(lambda _: len(sms.requests) > sent
                              and code_in(sms.requests[-1]["json"]["body"], 6))
        code_input.send_keys(sms_code + Keys.ENTER)
        listed = wait_for_method(wait, "mobile_phone")
        assert "20" in listed.find_element(By.CLASS_NAME, "method-display").text

        # Email: an 8-digit code by SMTP.
        choose_method(browser, wait, "email", "email").send_keys(HOME_EMAIL + Keys.ENTER)
        code_input = wait.until(ec.visibility_of_element_located((By.ID, "code")))
        email_code = wait.until(
            lambda _: smtp.messages and code_in(email_text(smtp.messages[-1]), 8))
        assert smtp.envelopes[-1]["rcpt_tos"] == [HOME_EMAIL]
        code_input.send_keys(email_code + Keys.ENTER)
        wait_for_method(wait, "email")

        # Security questions: distinct questions (a chosen one is disabled in the other lists).
        choose_method(browser, wait, "security_questions", "question-0")
        selects = browser.find_elements(By.CSS_SELECTOR, "#question-rows select")
        assert len(selects) >= 3
        for index, select in enumerate(selects):
            Select(select).select_by_index(index + 1)
            browser.find_element(By.ID, f"answer-{index}").send_keys(ANSWERS[index])
        first_choice = Select(selects[0]).first_selected_option.get_attribute("value")
        taken = selects[1].find_element(By.CSS_SELECTOR, f"option[value='{first_choice}']")
        assert taken.get_attribute("disabled") is not None
        browser.find_element(By.ID, f"answer-{len(selects) - 1}").send_keys(Keys.ENTER)
        listed = wait_for_method(wait, "security_questions")
        assert str(len(selects)) in listed.text

        # Authenticator app: QR code (a data: image the CSP lets load), key, otpauth link.
        choose_method(browser, wait, "app_code", "code")
        link = browser.find_element(By.ID, "app-link").get_attribute("href")
        assert link.startswith("otpauth://totp/")
        secret = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["secret"][0]
        assert browser.find_element(By.ID, "app-secret").text.replace(" ", "") == secret
        qr = browser.find_element(By.ID, "app-qr")
        assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
        assert qr.get_attribute("alt")
        wait.until(lambda driver: driver.execute_script(
            "const img = document.getElementById('app-qr');"
            "return img.complete && img.naturalWidth > 0;"))
        browser.find_element(By.ID, "code").send_keys(pyotp.TOTP(secret).now() + Keys.ENTER)
        wait_for_method(wait, "app_code")

        wait.until(ec.visibility_of_element_located((By.ID, "status-registered")))
        assert_fits_phone_width(browser)

        # Sign out and in again: all four are listed, and registration is no longer asked for.
        browser.find_element(By.ID, "sign-out").click()
        wait.until(ec.url_contains("/signin.html"))
        sign_in(browser, wait, server.base_url, ALICE, PASSWORD)
        for method_type in ALLOWED:
            wait_for_method(wait, method_type)
        assert len(browser.find_elements(By.CSS_SELECTOR, "#method-list li")) == 4
        assert not browser.find_element(By.ID, "required-notice").is_displayed()
        assert browser.find_element(By.ID, "status-registered").is_displayed()

        # "Delete" removes a method (keyboard: the button is focusable and named for the method).
        delete = browser.find_element(
            By.CSS_SELECTOR, "#method-list li[data-type=email] button[aria-label='Delete: Email']")
        delete.send_keys(Keys.ENTER)
        wait.until(ec.invisibility_of_element_located(
            (By.CSS_SELECTOR, "#method-list li[data-type=email]")))
        assert len(browser.find_elements(By.CSS_SELECTOR, "#method-list li")) == 3

        # The language switch: the page and the method labels in German.
        browser.find_element(By.CSS_SELECTOR, ".languages a[hreflang=de]").click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "heading"),
                                                    "Sicherheitsinformationen"))
        wait.until(ec.text_to_be_present_in_element(
            (By.CSS_SELECTOR, "#method-list li[data-type=app_code] .method-type"),
            "Authenticator-App"))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"

        # Nothing secret reached the server's output.
        logs = server.logs()
        for secret_text in (sms_code, email_code, secret, *ANSWERS[:len(selects)]):
            assert secret_text not in logs


def test_security_info_page_in_danish_and_requires_sign_in(backend, browser):
    backend.cli_ok("tenant", "create", "--name", "Fabrikam", "--domain", DOMAIN)
    server = backend.server()
    wait = WebDriverWait(browser, 10)
    browser.get(server.base_url + "/security-info.html?lang=da")
    # Not signed in: on to the sign-in page, in the same language.
    wait.until(ec.url_contains("/signin.html?lang=da"))
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "label[for=password]"),
                                                "Adgangskode"))
    # No demo outbox on a normal server: no link to it (once the page has asked).
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#outbox-link[data-checked]")))
    assert not browser.find_element(By.ID, "outbox-link").is_displayed()


def test_demo_outbox_page_shows_the_code_sent(browser):
    binary = h.sspr_binary()
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-btest-demo-"))
    demo = h.Server(binary, ["--data", str(work_dir / "data")], work_dir / "logs",
                    command=("demo",), name="demo")
    try:
        demo.start()
        assert f"{demo.base_url}/outbox.html" in demo.stdout()
        wait = WebDriverWait(browser, 15)

        browser.get(demo.base_url + "/signin.html")
        wait.until(ec.visibility_of_element_located((By.ID, "outbox-link")))
        sign_in(browser, wait, demo.base_url, "alice@contoso.example", "Violet-Harbor-58")
        choose_method(browser, wait, "email", "email").send_keys(HOME_EMAIL + Keys.ENTER)
        code_input = wait.until(ec.visibility_of_element_located((By.ID, "code")))
        registration_tab = browser.current_window_handle

        # The person reads the code on the outbox page in another tab.
        browser.switch_to.new_window("tab")
        browser.get(demo.base_url + "/outbox.html")
        message = wait.until(ec.visibility_of_element_located(
            (By.XPATH, f"//ol[@id='messages']/li[.//dd[normalize-space()='{HOME_EMAIL}']]")))
        assert "email" in message.text
        code = code_in(message.find_element(By.TAG_NAME, "pre").text, 8)
        assert code, message.text

        browser.switch_to.window(registration_tab)
        code_input.send_keys(code + Keys.ENTER)
        wait_for_method(wait, "email")
        demo.stop_gracefully()
    finally:
        demo.kill()
        shutil.rmtree(work_dir, ignore_errors=True)
