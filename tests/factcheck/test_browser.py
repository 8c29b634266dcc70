"""The site as a person uses it: headless Chromium (Debian's) driven by Playwright.

A reader opens the home page, a claim, a speaker and an article on a phone-sized and a
desktop-sized screen; an editor signs in and publishes a verdict, and a reader sees the new
badge. Screenshots go to var/screenshots/ (or $FACTCHECK_SCREENSHOT_DIR). Skipped when
/usr/bin/chromium is missing: scripts/install-browser installs it.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User

from factcheck import editorial
from factcheck.models import Claim, Speaker

CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: nothing in the background may try to reach out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(
    os.environ.get(
        "FACTCHECK_SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "var" / "screenshots"
    )
)
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
PASSWORD = "correct horse battery"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="browser tests need Debian's Chromium at /usr/bin/chromium (scripts/install-browser)",
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    # Playwright's sync API keeps an asyncio loop in this thread, and Django refuses ORM
    # calls from a thread with a loop; the test itself makes them synchronously, so allow it
    # for this module only.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_api.sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture
def site(transactional_db, editors_group, founding_article, live_server) -> dict:
    """The founding article, with one claim rated, and an editor."""
    editor = User.objects.create_user("editor", password=PASSWORD)
    editor.groups.add(editors_group)
    rated = Claim.objects.get(text__startswith="چندی پیش اجلاس وزرای ارتباطات")
    editorial.verdict_create(
        claim=rated,
        editor=editor,
        rating="mostly-true",
        summary="نمایندگان ۱۲ کشور در اجلاس حاضر بودند.",
        reasoning="فهرست شرکت‌کنندگان اجلاس را دیدیم.",
        publish=True,
    )
    unrated = Claim.objects.exclude(pk=rated.pk).order_by("id").first()
    return {
        "base": live_server.url,
        "editor": editor,
        "rated": rated,
        "unrated": unrated,
        "speaker": Speaker.objects.get(),
        "article": founding_article,
    }


def open_page(context, url: str):
    """A page at ``url``, with every request's address and every console error recorded."""
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


def layout(page) -> dict:
    return page.evaluate(
        """() => ({
            dir: document.dir,
            direction: getComputedStyle(document.body).direction,
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            font: document.fonts.check('16px Vazirmatn'),
        })"""
    )


@pytest.mark.parametrize("screen", VIEWPORTS)
def test_reader_pages_are_rtl_fit_the_screen_and_stay_on_the_site(browser, site, screen):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[screen], locale="fa-IR")
    pages = {
        "home": "/",
        "claim": site["rated"].get_absolute_url(),
        "speaker": site["speaker"].get_absolute_url(),
        "article": site["article"].get_absolute_url(),
        "claims": "/claims/",
    }
    host = urlsplit(site["base"]).netloc
    for name, path in pages.items():
        page = open_page(context, site["base"] + path)
        shape = layout(page)
        assert shape["dir"] == "rtl" and shape["direction"] == "rtl", name
        assert shape["scrollWidth"] <= shape["innerWidth"], (name, shape)
        assert shape["font"], f"{name}: Vazirmatn was not loaded"
        assert {urlsplit(url).netloc for url in page.requests} == {host}, name
        assert page.errors == [], (name, page.errors)  # CSP violations are console errors
        page.screenshot(path=SCREENSHOTS / f"{name}-{screen}.png", full_page=True)
        page.close()
    context.close()


def test_claim_page_shows_the_verdict_badge_and_chart_reads_without_script(browser, site):
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(site["base"] + site["rated"].get_absolute_url())
    assert page.locator(".verdict .badge").inner_text() == "عمدتاً درست"
    page.goto(site["base"] + site["speaker"].get_absolute_url())
    chart = page.get_by_role("img", name="حکم‌های ۱ ادعای بررسی‌شدهٔ عیسی زارع‌پور")
    assert chart.is_visible()
    assert "عمدتاً درست" in chart.locator("text").all_text_contents()
    context.close()


def test_keyboard_user_can_skip_to_the_content(browser, site):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = open_page(context, site["base"] + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"
    context.close()


def test_editor_publishes_a_verdict_and_a_reader_sees_the_new_badge(browser, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    claim_url = site["base"] + site["unrated"].get_absolute_url()

    editor = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = open_page(editor, site["base"] + "/accounts/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/review/")
    page.goto(claim_url)
    form = page.locator("form[action$='/verdicts/']")
    form.locator("select[name=rating]").select_option("false")
    form.locator("input[name=summary]").fill("آمار رسمی این ادعا را رد می‌کند.")
    form.locator("textarea[name=reasoning]").fill("گزارش مرکز آمار را ببینید.")
    form.locator("input[name=publish]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "حکم منتشر شد" in page.locator(".messages").inner_text()
    page.screenshot(path=SCREENSHOTS / "editor-published.png", full_page=True)
    editor.close()

    reader = browser.new_context(viewport=VIEWPORTS["phone"])
    page = open_page(reader, claim_url)
    assert page.locator(".verdict .badge").inner_text() == "نادرست"
    assert "آمار رسمی این ادعا را رد می‌کند." in page.locator(".verdict").inner_text()
    assert page.locator("form[action$='/verdicts/']").count() == 0
    page.screenshot(path=SCREENSHOTS / "reader-sees-verdict.png", full_page=True)
    reader.close()
