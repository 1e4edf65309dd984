"""What ``mkdocs serve`` keeps from one rebuild to the next, so that the page being edited is served sooner.

Used by the MkDocs plugin (papersite.mkdocs_plugin) under ``mkdocs serve`` only: ``mkdocs build`` renders
everything afresh. Each keeps only what the last rebuild used, so a long serve session does not grow.

- RenderMemo: each page's rendering (Markdown -> HTML, with what MkDocs keeps from it: the table of
  contents, the title, the page's anchors and its links to other pages' anchors), reused when the page's
  Markdown and everything its rendering reads (the Markdown extensions and their settings, the link
  checks, every file's address) are those of the previous rebuild. An edit to one concept changes a
  few pages; the others are not rendered again.
- TemplateCache: Jinja's compiled templates (MkDocs makes a new Jinja environment for every build, and
  compiling the theme's templates again is a noticeable part of a rebuild); Jinja checks each template's
  source against the one the code was compiled from.
- Background: the search index, written in a thread once the pages are built, so the pages are served
  without waiting for it; a rebuild that starts meanwhile stops it (its own index replaces it).
"""
from __future__ import annotations

import logging
import threading

from jinja2 import BytecodeCache

SNIPPETS = "--8<--"   # pymdownx.snippets: the page's text is not all in its Markdown


class _Records(logging.Handler):
    """Counts the messages MkDocs logs while a page renders (a rendering that says anything is not kept:
    a rebuild reusing it would not say it again)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record):
        self.count += 1


class RenderMemo:
    def __init__(self):
        self.kept: dict[tuple, tuple] = {}
        self.used: dict[tuple, tuple] = {}
        self.context: str | None = None

    def begin(self) -> None:
        """A new rebuild: its rendering context is taken from its first page."""
        self.context = None
        self.used = {}

    def end(self) -> None:
        """Keep what this rebuild rendered (nothing older)."""
        self.kept, self.used = self.used, {}

    @staticmethod
    def _context(config, files) -> str:
        listing = sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
        return repr((config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"],
                     config["validation"], listing))

    def prepare(self, page, markdown: str, config, files) -> None:
        """Give ``page`` a render() that reuses the rendering kept for the same input, or keeps its own."""
        if SNIPPETS in markdown:
            return
        if self.context is None:
            self.context = self._context(config, files)
        key = (self.context, page.file.src_uri, page.file.dest_uri, page.file.url, markdown)
        kept = self.kept.get(key)
        render_afresh = type(page).render

        def render(config, files):
            if kept is not None:
                content, toc, title, anchors, links = kept
                page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
                if links is not None:
                    page.links_to_anchors = {f: v for f, v in ((files.get_file_from_path(uri), v)
                                                               for uri, v in links.items()) if f is not None}
                self.used[key] = kept
                return
            records = _Records()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(records)
            try:
                render_afresh(page, config, files)
            finally:
                mkdocs_log.removeHandler(records)
            if not records.count:
                links = page.links_to_anchors
                self.used[key] = (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                                  None if links is None else {f.src_uri: v for f, v in links.items()})

        page.render = render


class TemplateCache(BytecodeCache):
    """Jinja bytecode kept in memory (jinja2.BytecodeCache: a template whose source changed is compiled again)."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()

    def clear(self):
        self.code.clear()


class Background:
    """One piece of work at a time in a thread; starting another, or stop(), stops the one under way (the
    work checks its ``stopped`` event and returns when it is set)."""

    def __init__(self, name: str):
        self.name = name
        self.thread: threading.Thread | None = None
        self.stopped = threading.Event()

    def start(self, work) -> None:
        self.stop()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=work, args=(self.stopped,), name=self.name, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.thread is not None:
            self.stopped.set()
            self.thread.join()
            self.thread = None

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
