"""What ``mkdocs serve`` keeps from one rebuild to the next, so that the page being edited is served sooner.

Used by the MkDocs plugin (papersite.mkdocs_plugin) under ``mkdocs serve`` only: ``mkdocs build`` renders
everything afresh. Each keeps only what the last rebuild used, so a long serve session does not grow.

- RenderMemo: each page's rendering (Markdown -> HTML, with what MkDocs keeps from it: the table of
  contents, the title, the page's anchors and its links to other pages' anchors), reused when the page's
  Markdown and everything its rendering reads (the Markdown extensions and their settings, the link
  checks, every file's address) are those of the previous rebuild. An edit to one concept changes a
  few pages; the others are not rendered again.
- PageOutputs: each page's HTML from the theme's template, reused when everything the template is given
  (the page: its rendering, metadata, title and address, its neighbours; the whole navigation with every
  page's title and metadata; the configuration; the project's template files (custom_dir); the rest of
  the template context) is what the previous
  rebuild gave it. The template's output is all that is reused: the plugins' on_post_page still runs on
  it (the search index's passages, the error banner), and MkDocs writes it as before. Rendering the
  theme's templates (above all the navigation, on every page) is most of a rebuild; an edit to one
  concept changes a handful of pages.
- TemplateCache: Jinja's compiled templates (MkDocs makes a new Jinja environment for every build, and
  compiling the theme's templates again is a noticeable part of a rebuild); Jinja checks each template's
  source against the one the code was compiled from.
- ThemeFiles: the theme's static files. MkDocs lists every file of the theme's folders at each build
  (Material's thousands of icons among them) and matches each name against its patterns; the list is
  made again only when the theme's folders, its settings or a file of the project's custom folder
  (custom_dir) change (the installed theme's own files do not change during a session).
- Background: the search index, written in a thread once the pages are built, so the pages are served
  without waiting for it; a rebuild that starts meanwhile stops it (its own index replaces it).
"""
from __future__ import annotations

import ctypes
import gc
import hashlib
import logging
import os
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


class _LastRebuild:
    """What one rebuild made (``used``), kept for the next (``kept``) and nothing older; ``context``: what
    every page of the rebuild shares, taken from its first page."""

    def __init__(self):
        self.kept: dict = {}
        self.used: dict = {}
        self.context: str | None = None

    def begin(self) -> None:
        self.context = None
        self.used = {}

    def end(self) -> None:
        self.kept, self.used = self.used, {}


class RenderMemo(_LastRebuild):

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


def _toc(items) -> list:
    return [(i.title, i.id, i.level, _toc(i.children)) for i in items]


def _nav(items) -> list:
    """The navigation as the templates see it on every page (titles, addresses, sections, every page's metadata)."""
    out = []
    for item in items:
        page = item if getattr(item, "is_page", False) else None
        out.append((type(item).__name__, str(item.title), getattr(item, "url", None),
                    repr(page.meta) if page else None, page.file.src_uri if page else None,
                    _nav(getattr(item, "children", None) or [])))
    return out


def _page(page) -> tuple:
    def neighbour(other):
        return None if other is None else (other.url, str(other.title))
    parents, parent = [], page.parent
    while parent is not None:
        parents.append(str(parent.title))
        parent = parent.parent
    return (page.file.src_uri, page.file.dest_uri, page.url, page.canonical_url, page.abs_url, page.edit_url,
            repr(page.title), page.content, _toc(page.toc), repr(page.meta), page.update_date, page.is_homepage,
            neighbour(page.previous_page), neighbour(page.next_page), parents)


class PageOutputs(_LastRebuild):
    # The context's entries keyed separately (page, nav, config) or not read by the templates (the build's time).
    SEPARATE = ("page", "nav", "config", "pages", "build_date_utc")

    def _key(self, name: str, context) -> bytes:
        if self.context is None:   # once a rebuild, at its first page (every page has been read by then)
            config = context["config"]
            settings = sorted((k, repr(v)) for k, v in config.items() if k != "plugins")
            theme = config.get("theme")
            self.context = repr((settings, list(config["plugins"]), _nav(context["nav"].items),
                                 custom_templates(theme) if getattr(theme, "custom_dir", None) else (),
                                 [(f.src_uri, f.dest_uri, f.url) for f in context["pages"] or []]))
        rest = sorted((k, repr(v)) for k, v in context.items() if k not in self.SEPARATE)
        return hashlib.sha256(repr((self.context, name, _page(context["page"]), rest)).encode("utf-8")).digest()

    def install(self, env) -> None:
        """Make the templates MkDocs asks ``env`` for (a page's template, by name alone) reuse their outputs."""
        get_template, memo = env.get_template, self

        class Remembered:
            def __init__(self, template, name):
                self.template, self.name = template, name

            def __getattr__(self, attr):
                return getattr(self.template, attr)

            def render(self, context):
                if context.get("page") is None:   # 404.html, sitemap.xml: no page
                    return self.template.render(context)
                key = memo._key(self.name, context)
                output = memo.kept.get(key)
                if output is None:
                    output = self.template.render(context)
                memo.used[key] = output
                return output

        def remembered(name, *args, **kwargs):
            template = get_template(name, *args, **kwargs)
            return Remembered(template, name) if not args and not kwargs and isinstance(name, str) else template

        env.get_template = remembered


def custom_templates(theme) -> tuple:
    """The project's own theme files (custom_dir) and their modification times: the installed theme's files
    do not change during a session, these may."""
    folder = theme.custom_dir
    if not folder or not os.path.isdir(folder):
        return ()
    return tuple(sorted((os.path.join(root, name), os.stat(os.path.join(root, name)).st_mtime_ns)
                        for root, _, names in os.walk(folder) for name in names))


class ThemeFiles:
    def __init__(self):
        self.kept: dict[tuple, list] = {}

    def install(self, theme) -> None:
        """Make the Jinja environments ``theme`` gives list its files once (papersite.serving, above)."""
        get_env, kept = theme.get_env, self.kept

        def env_listing_once():
            env = get_env()
            list_templates = env.list_templates

            def listing(extensions=None, filter_func=None):
                key = (tuple(theme.dirs), tuple(theme.static_templates), repr(extensions),
                       getattr(filter_func, "__code__", filter_func), custom_templates(theme))
                if key not in kept:
                    kept.clear()
                    kept[key] = list_templates(extensions=extensions, filter_func=filter_func)
                return list(kept[key])

            env.list_templates = listing
            return env

        theme.get_env = env_listing_once


def release_memory() -> None:
    """Give back to the system what a rebuild freed: a cyclic collection (MkDocs' pages, navigation and Markdown
    objects refer to one another), then glibc's malloc_trim (without it, blocks freed in the heaps of the
    rebuild's threads stay resident)."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):   # not glibc
        pass


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
