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


class _Gzip(_Quiet):
    """Sends text files gzip-compressed when the browser accepts it, as static hosts do (GitHub Pages,
    Netlify, nginx's gzip_static): what Lighthouse measures is then the site, not the test server."""
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.TEXT or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        import gzip
        import io
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_under_sub_path(site: Path, tmp: Path, compress: bool = False):
    """Serve ``site`` at http://127.0.0.1:<port>/course/xinzhi/ (as a course server would); ``compress``:
    text files gzip-compressed, as a production static host sends them."""
    root = tmp / "webroot"
    (root / SUB_PATH.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    link = root / SUB_PATH.strip("/")
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)
    handler = _Gzip if compress else _Quiet
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
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


# Times a search from the keystroke to the results being shown: window.__probe.first is the time to the
# first result on screen (search.js sets data-search-first="shown" once the best-ranked page and its
# passages are in the list), window.__probe.ms the time to all results of the first screen
# (data-search-state="done"). Evaluate it once per page load; the values are the last query's. The tests and
# the benchmark use it.
SEARCH_LATENCY_PROBE = """() => {
    if (window.__probe) return;
    const box = document.querySelector('.papersite-search');
    window.__probe = {t0: 0, ms: null, first: null};
    box.querySelector('.md-search__input').addEventListener('input', () => {
        window.__probe.t0 = performance.now(); window.__probe.first = null;
    }, true);
    new MutationObserver(() => {
        const p = window.__probe;
        if (!p.t0) return;
        if (p.first === null && box.getAttribute('data-search-first') === 'shown') p.first = performance.now() - p.t0;
        if (box.getAttribute('data-search-state') === 'done') {
            p.ms = performance.now() - p.t0, p.t0 = 0;
            if (p.first === null) p.first = p.ms;
        }
    }).observe(box, {attributes: true, attributeFilter: ['data-search-state', 'data-search-first']});
}"""
