"""Fixtures of the browser suite (imported by the test modules, so the suite can run in one
pytest call with tests/integration, whose conftest would clash): headless Chromium through
Selenium against the real binary (SQLite), reusing the integration harness. Chromium runs
offline: no first-run, sync, component updates or background networking."""

import pathlib
import shutil
import sys
import tempfile

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "integration"))

import sspr_harness as h  # noqa: E402

CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
    "--disable-extensions", "--metrics-recording-only", "--window-size=1024,768",
)


@pytest.fixture
def backend():
    binary = h.sspr_binary()
    if not binary.is_file():
        pytest.fail(f"sspr binary not found at {binary}", pytrace=False)
    work_dir = pathlib.Path(tempfile.mkdtemp(prefix="sspr-btest-"))
    backend = h.Backend("sqlite", binary, ["--data", str(work_dir / "data")], work_dir)
    yield backend
    backend.stop_all()
    shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
