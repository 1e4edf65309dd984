"""Playwright driving Debian's chromium (never a downloaded browser), and a static server under a sub-path."""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SUB_PATH = "/course/xinzhi/"


@contextmanager
def browser():
    """A headless chromium."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve_under_sub_path(site: Path, tmp: Path):
    """Serve ``site`` at http://127.0.0.1:<port>/course/xinzhi/ (as a course server would)."""
    root = tmp / "webroot"
    (root / SUB_PATH.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    link = root / SUB_PATH.strip("/")
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()


def search(page, query: str, timeout: float = 20000) -> list[str]:
    """Type ``query`` into Material's search box and return the hrefs of every result (sections included).

    Playwright's fill() types CJK as an IME would, which fires no key events; Material listens for keyup,
    so the query is finished with a key press, as a person's IME does.
    """
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("")
    box.press("End")
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """q => { const m = document.querySelector('.md-search-result__meta');
                 return m && document.querySelector('input[data-md-component=search-query]').value === q
                        && /\\d|没有|沒有|No matching/.test(m.textContent); }""", arg=query, timeout=timeout)
    page.wait_for_timeout(150)
    # Material renders ten pages of results, then more each time the list is scrolled to its end (it
    # reacts to reaching the end, so the list is scrolled up and down again), as a reader scrolling
    # through the results would see them.
    total = page.eval_on_selector(".md-search-result__meta", "m => parseInt((m.textContent.match(/\\d+/) || ['0'])[0])")
    for _ in range(100):
        shown = page.locator(".md-search-result__list > li").count()
        if shown >= total:
            break
        page.eval_on_selector(".md-search__scrollwrap", "w => { w.scrollTop = 0; }")
        page.wait_for_timeout(50)
        page.eval_on_selector(".md-search__scrollwrap", "w => { w.scrollTop = w.scrollHeight; }")
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__list > li').length > n", arg=shown,
                               timeout=timeout)
    return page.eval_on_selector_all(".md-search-result__list a[href]", "els => els.map(e => e.href)")


def choose_language(page, lang: str) -> None:
    """Open the header's language menu as a reader does (pointer over it) and pick ``lang``.

    The pointer is first moved away: after a navigation it may already rest over the menu, and
    chromium only re-evaluates :hover on the new page when the pointer moves.
    """
    page.wait_for_load_state("networkidle")   # Material's handlers are attached once its bundle has run
    page.mouse.move(0, 0)
    page.hover(".md-select")
    page.click(f".md-select__link[hreflang={lang}]")
