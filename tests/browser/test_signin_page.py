"""The sign-in page (web/signin.html) in a real browser: localised labels, sign in with the
keyboard, "Signed in as", change the password, sign out."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from browser_fixtures import backend, browser  # noqa: F401 (pytest fixtures)

DOMAIN = "fabrikam.test"
ALICE = "alice@" + DOMAIN
PASSWORD = "Kx7!morning-Tide"
NEW_PASSWORD = "Fresh!Quartz-42x"


def test_sign_in_change_password_and_sign_out(backend, browser, tmp_path):
    backend.cli_ok("tenant", "create", "--name", "Fabrikam", "--domain", DOMAIN)
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    backend.cli_ok("user", "create", "--upn", ALICE, "--display-name", "Alice Lindqvist",
                   "--password-file", str(password_file))
    server = backend.server()
    wait = WebDriverWait(browser, 10)

    browser.get(server.base_url + "/signin.html?lang=de")
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "label[for=password]"),
                                                "Kennwort"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    browser.get(server.base_url + "/signin.html")
    wait.until(ec.visibility_of_element_located((By.ID, "user-id")))

    # Wrong password: the localised error is announced, no sign-in.
    browser.find_element(By.ID, "user-id").send_keys(ALICE)
    browser.find_element(By.ID, "password").send_keys("Not-it-42!" + Keys.ENTER)
    wait.until(ec.text_to_be_present_in_element((By.ID, "message"), "incorrect"))
    assert browser.find_element(By.ID, "account-section").is_displayed() is False

    browser.find_element(By.ID, "password").send_keys(PASSWORD + Keys.ENTER)
    # Signing in lands on the security-info page; the password is changed on the sign-in page.
    wait.until(ec.url_contains("/security-info.html"))
    wait.until(ec.text_to_be_present_in_element((By.ID, "signed-in-name"), "Alice Lindqvist"))
    browser.find_element(By.ID, "password-link").click()
    wait.until(ec.visibility_of_element_located((By.ID, "current-password")))
    wait.until(ec.text_to_be_present_in_element((By.ID, "signed-in-name"), "Alice Lindqvist"))

    # A banned new password shows the reasons; then a good one is accepted.
    browser.find_element(By.ID, "current-password").send_keys(PASSWORD)
    browser.find_element(By.ID, "new-password").send_keys("Password123!")
    browser.find_element(By.ID, "confirm-password").send_keys("Password123!" + Keys.ENTER)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#message li")))
    for field, value in (("current-password", PASSWORD), ("new-password", NEW_PASSWORD),
                         ("confirm-password", NEW_PASSWORD)):
        element = browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    browser.find_element(By.ID, "confirm-password").send_keys(Keys.ENTER)
    wait.until(ec.text_to_be_present_in_element((By.ID, "message"), "has been changed"))

    # The session survives a reload (cookie), and sign-out ends it.
    browser.refresh()
    wait.until(ec.text_to_be_present_in_element((By.ID, "signed-in-name"), "Alice Lindqvist"))
    browser.find_element(By.ID, "sign-out").click()
    wait.until(ec.visibility_of_element_located((By.ID, "signin-section")))
    browser.refresh()
    wait.until(ec.visibility_of_element_located((By.ID, "user-id")))
    assert browser.get_cookie("sspr_session") is None
