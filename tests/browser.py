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


SEARCH_INPUT = ".papersite-search .md-search__input"


def run_search(page, query: str, timeout: float = 20000) -> dict:
    """Type ``query`` into the header's search box, wait for the results, open every "more" button (a
    reader scrolling through all of them), and return the meta line, the result state (exact | partial |
    none), the pages in order and every passage link."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.fill("")
    box.fill(query)
    page.wait_for_function(
        """q => { const b = document.querySelector('.papersite-search');
                 return b.querySelector('.md-search__input').value === q && b.getAttribute('data-search-state') === 'done'; }""",
        arg=query, timeout=timeout)
    for _ in range(500):
        more = page.locator(".papersite-search .md-search-result__more:not([disabled])")
        if not more.count():
            break
        count = page.locator(".papersite-search .md-search-result__list a[href]").count()
        more.first.click()
        page.wait_for_function("n => document.querySelectorAll('.papersite-search .md-search-result__list a[href]').length > n",
                               arg=count, timeout=timeout)
    return page.evaluate("""() => {
        const b = document.querySelector('.papersite-search');
        return {meta: b.querySelector('.md-search-result__meta').textContent.trim(),
                state: b.getAttribute('data-search-result'),
                pages: [...b.querySelectorAll('.papersite-search__group > a.md-search-result__link')].map(a => a.href),
                passages: [...b.querySelectorAll('.papersite-search__passage')].map(a => a.href)};
    }""")


def search(page, query: str, timeout: float = 20000) -> list[str]:
    """The hrefs of every result of ``query`` (pages and passages)."""
    r = run_search(page, query, timeout)
    return r["pages"] + r["passages"]


def choose_language(page, lang: str) -> None:
    """Open the header's language menu as a reader does (pointer over it) and pick ``lang``.

    The pointer is first moved away: after a navigation it may already rest over the menu, and
    chromium only re-evaluates :hover on the new page when the pointer moves.
    """
    page.wait_for_load_state("networkidle")   # Material's handlers are attached once its bundle has run
    page.mouse.move(0, 0)
    page.hover(".md-select")
    page.click(f".md-select__link[hreflang={lang}]")


# Times a search from the keystroke to the results being shown (search.js sets data-search-state="done"):
# evaluate it once per page load; window.__probe.ms is the last query's time. The tests and the benchmark use it.
SEARCH_LATENCY_PROBE = """() => {
    if (window.__probe) return;
    const box = document.querySelector('.papersite-search');
    window.__probe = {t0: 0, ms: null};
    box.querySelector('.md-search__input').addEventListener('input', () => { window.__probe.t0 = performance.now(); }, true);
    new MutationObserver(() => {
        if (box.getAttribute('data-search-state') === 'done' && window.__probe.t0)
            window.__probe.ms = performance.now() - window.__probe.t0, window.__probe.t0 = 0;
    }).observe(box, {attributes: true, attributeFilter: ['data-search-state']});
}"""
