"""The MkDocs adapter: the only module that imports MkDocs, as a plugin (``plugins: - papersite``).

Registered as the ``papersite`` entry point of the ``mkdocs.plugins`` group (pyproject.toml). Every
variant's project (mkdocs.yml = zh-Hans; variants/zh-Hant, variants/en) uses it; ``extra.variant`` says
which pages to generate (the templates read it too). All state lives on the plugin instance, one per
project and process (MkDocs keeps a plugin with on_startup for every rebuild of a ``mkdocs serve``
session: what it keeps from one rebuild to the next is only the last rebuild's, papersite.serving).

Options (typed, checked by MkDocs):
- ``content``: the corpus folder (default: ``content/`` of the project the configuration file is in;
  the environment variable PAPERSITE_CONTENT overrides both: benchmarks and trial corpora).

Events used (MkDocs 1.6):
- on_startup: remember whether this is ``build`` or ``serve``.
- on_config: find the project, make its ``scripts/`` importable and reload the pipeline, so that ``mkdocs
  serve`` picks up code edits without a restart; set the Markdown extensions' interface strings; add the
  Markdown extension that sets plain HTML blocks aside before the HTML parsers read a page (papersite.rawhtml).
- on_pre_build (priority 100, before Material's projects plugin builds the other variants):
  convert the corpus (once for all variants: papersite.corpuscache). A bad input stops the build with
  its file:line error before anything is written; under ``mkdocs serve`` the last good pages are
  served instead, with the error at the top of every page (on_post_page, on_post_template). Then, for the
  top-level ``build`` only, empty site/ (the projects plugin disables MkDocs' own cleaning so that nested
  variants survive; stale pages must not).
- on_files: add the generated pages in memory (nothing is written into docs/); under ``mkdocs serve`` only,
  the top-level project also serves each paper's proof (papersite.proof.proof_pages) at proof/<slug>.html:
  plain HTML files outside the navigation, the search index and the sitemap, never in ``mkdocs build``'s
  output (nothing but the edition may be published). Each paper page, the about page and the error banner
  link to them under serve.
- on_nav: name the papers' section in the variant's language.
- on_post_page: take the page's passages (paragraphs, headings, notes, blocks) from its final HTML
  for the search index (papersite.search).
- on_post_build: write the variant's search index, search/*.js (papersite.search.index; the
  browser side is docs/assets/javascripts/search.js). Material's search plugin is not used. The top-level
  ``build`` then waits for the other variants, which build beside it (VariantBuilds).
- on_env: each navigation item rendered once per folder, not once per page (papersite.navcache); under
  ``mkdocs build``, the theme's templates compiled once for all variants' processes (SharedTemplates).
- under ``mkdocs build`` only: the garbage collector runs less often, and not over what is loaded before the
  pages are rendered (_collect_less; put back at on_shutdown).
- under ``mkdocs serve`` only (papersite.serving): on_env gives Jinja the templates compiled in earlier
  rebuilds and makes a page whose template would be given what it was given before reuse its output,
  on_page_markdown reuses an unchanged page's rendering, and the top-level project writes its
  search index in a thread once its pages are built (on_shutdown waits for it).
"""
from __future__ import annotations

import gc
import html
import importlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .navcache import NavFragments
from .project import project_root
from .rawhtml import RawBlocks
from .serving import Background, PageOutputs, RenderMemo, TemplateCache, ThemeFiles, release_memory

from .variants import CODES as VARIANTS   # the variant registry
# The pipeline code last imported (file, mtime): not a build's state, a record of what is in sys.modules.
_LOADED: dict = {}
log = logging.getLogger("mkdocs.plugins.papersite")


ERROR_BANNER = ('<div class="papersite-build-error" role="alert" style="position:sticky;top:0;z-index:10;'
                'padding:.8em 1.2em;background:#b00020;color:#fff;font:16px/1.6 sans-serif">'
                '<strong>{title}</strong> <code style="color:#fff;background:none">{error}</code> {advice} '
                '<a style="color:#fff" href="{proof}">{proof_words}</a></div>')
SERVE_NOTE = ('<div class="papersite-serve-proof" style="padding:.3em 1.2em;background:#fff6d8;color:#000;'
              'font:14px/1.6 sans-serif">{words} <a href="{proof}">{link}</a></div>')
# The words of the serve note and of the error banner: papersite/labels/<variant>.yml, ``serve``.


def _interrupt(signum, frame):
    raise KeyboardInterrupt


# ``mkdocs build`` (a process that ends with the build) runs the cyclic garbage collector less often than Python
# does by default (700 allocations between two collections of the youngest generation): the pipeline and the
# pages' rendering allocate millions of objects, most freed as they go by reference counts.
GC_THRESHOLD = 20_000


def _collect_less(loaded: bool) -> None:
    """``mkdocs build`` only (not serve, whose process lives on from one rebuild to the next): the collector runs
    less often; once ``loaded`` (the code, the converted corpus, the pages' Markdown: kept until the end), what
    is in memory is set aside from its full collections, which would scan it again each time (gc.freeze).
    on_shutdown puts both back."""
    if loaded:
        gc.freeze()
    else:
        _GC_DEFAULTS.setdefault("threshold", gc.get_threshold())
        gc.set_threshold(GC_THRESHOLD, *_GC_DEFAULTS["threshold"][1:])


def _collect_as_before() -> None:
    gc.unfreeze()
    if "threshold" in _GC_DEFAULTS:
        gc.set_threshold(*_GC_DEFAULTS.pop("threshold"))


_GC_DEFAULTS: dict = {}

# ``mkdocs build``: the folder where the variants' processes share the theme's compiled templates (SharedTemplates)
TEMPLATES_ENV = "PAPERSITE_BUILD_TEMPLATES"


class SharedTemplates:
    """``mkdocs build`` only: every variant's process renders its pages with the same theme templates, and Jinja
    compiles each from its source in each process. The top-level process makes a folder for this build's compiled
    templates (named to the variants' processes, which it starts, in an environment variable); each process loads
    a template's code from it when another has compiled it (Jinja's FileSystemBytecodeCache: keyed by the
    template's file and its source's checksum, written whole or not at all). The folder is removed when the
    build ends: nothing is kept from one build to the next."""

    def __init__(self):
        self.folder: str | None = None   # the top-level process's: made and removed by it

    def begin(self) -> None:
        if self.folder is None and TEMPLATES_ENV not in os.environ:
            self.folder = tempfile.mkdtemp(prefix="papersite-templates-")
            os.environ[TEMPLATES_ENV] = self.folder

    def install(self, env) -> None:
        folder = os.environ.get(TEMPLATES_ENV)
        if folder and os.path.isdir(folder) and env.bytecode_cache is None:
            from jinja2 import FileSystemBytecodeCache
            env.bytecode_cache = FileSystemBytecodeCache(folder)

    def end(self) -> None:
        if self.folder is not None:
            if os.environ.get(TEMPLATES_ENV) == self.folder:
                del os.environ[TEMPLATES_ENV]
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def _at_top(output: str, banner: str) -> str:
    head, sep, rest = output.partition("<body")
    if not sep:
        return banner + output
    tag_end = rest.index(">") + 1
    return head + sep + rest[:tag_end] + banner + rest[tag_end:]


def _own_site_url(project, root) -> None:
    """The variants inherit mkdocs.yml's site_url; Material's projects plugin places a variant at the path
    between its site_url and the root's, so an inherited one with a sub-path (https://host/course/) would put
    it beside site/, not in it. Without it, the plugin gives the variant the root's site_url + its folder."""
    if project.config.site_url == root.config.site_url:
        project.config.site_url = None


def _group_concepts(section, groups) -> None:
    """The concepts section as the index page and one sub-section per category (SiteBuild.concept_groups),
    instead of every concept in one list."""
    from mkdocs.structure.nav import Section
    if not groups:
        return
    by_uri = {child.file.src_uri: child for child in section.children if getattr(child, "file", None)}
    grouped = {uri for _, uris in groups for uri in uris}
    children = [child for child in section.children if getattr(getattr(child, "file", None), "src_uri", None) not in grouped]
    for title, uris in groups:
        members = [by_uri[u] for u in uris if u in by_uri]
        sub = Section(title, members)
        sub.parent = section
        for page in members:
            page.parent = sub
        children.append(sub)
    section.children = children


LATE_S = 1.0   # serve: how long after a variant's change is reported its build is started if none has been


class VariantBuilds:
    """Material's projects builder (the zh-Hant and en projects, each built in a process of its own) run in
    a thread, so that the variants build while this process builds the zh-Hans pages instead of before
    them: the projects plugin's on_pre_build would otherwise wait for both before the first zh-Hans page.

    ``mkdocs build`` waits for them at the end of its own build (on_post_build, before MkDocs counts the
    warnings for ``strict``) and fails with their error. Under ``mkdocs serve`` the zh-Hans pages are
    served as soon as they are built (the page being edited comes first); the variants' processes run at
    a lower priority beside it, and when they are done the open pages reload once more (MkDocs' livereload
    reloaded them when the zh-Hans build ended). A rebuild asked for while the variants are still building
    is not waited for: they build once more when done, with every change made meanwhile; so does a variant
    whose change Material's watcher reported only after the build had scheduled it."""

    def __init__(self, builder):
        self.builder = builder
        self.material_build = builder.build     # bound: ProjectsBuilder.build(serve, dirty)
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.running = False
        self.again: tuple | None = None         # serve: a build asked for while one was running
        self.error: BaseException | None = None
        builder.build = self.start
        # Material's watcher drops a variant's job (taint) when a file it depends on changes; under serve a drop
        # that comes when no build is under way any more starts one (after LATE_S: a save's own rebuild usually
        # comes first, and takes it in).
        self.material_taint = getattr(builder, "taint", None)
        if self.material_taint is not None:
            builder.taint = self._taint
        self.serving: tuple | None = None       # (serve, dirty) of the last build under serve

    @classmethod
    def install(cls, builder) -> "VariantBuilds":
        """The wrapper of ``builder`` (made once: the projects plugin keeps its builder across serve rebuilds)."""
        current = getattr(builder, "_papersite_variants", None)
        if current is None:
            current = builder._papersite_variants = cls(builder)
        return current

    def start(self, serve: bool = False, dirty: bool = False) -> None:
        with self.lock:
            if serve:
                self.serving = (serve, dirty)
            if self.running:
                self.again = (serve, dirty)
                return
            self.running = True
            self.thread = threading.Thread(target=self._run, args=(serve, dirty), name="papersite-variants",
                                           daemon=True)
        self.thread.start()

    def _run(self, serve: bool, dirty: bool) -> None:
        while True:
            # Material keeps the projects it schedules in a set on its class, and every build makes new ones
            # (with their configurations): a serve session would keep them all. This build's are enough.
            self.builder.projects = set()
            try:
                self.material_build(serve, dirty)
            except BaseException as exc:    # noqa: BLE001  (raised by wait() under build, logged under serve)
                if serve:
                    log.error(f"building the other variants failed: {exc}")
                else:
                    self.error = exc
            with self.lock:
                if self.again is None and serve and self._tainted():
                    self.again = (serve, dirty)
                if self.again is None:
                    self.running = False
                    break
                (serve, dirty), self.again = self.again, None
        if serve:
            release_memory()
            self._reload_browsers()

    def _taint(self, project) -> None:
        self.material_taint(project)
        if self.serving is not None and project is not getattr(self.builder, "root", None):
            timer = threading.Timer(LATE_S, self._late)
            timer.daemon = True
            timer.start()

    def _late(self) -> None:
        """A variant's change reported after its build: build the variants again unless that is under way."""
        if self._tainted():
            self.start(*self.serving)

    def _tainted(self) -> bool:
        """Whether a variant was changed after its build had been scheduled: Material's watcher marks a project
        to build again by dropping its job (``taint``), and a change it reports while the builder is already
        running (the watchers of the three projects see one save at slightly different moments) would be
        built only at the next save, leaving that variant's pages stale meanwhile."""
        jobs = getattr(self.builder, "pool_jobs", None)
        return jobs is not None and any(project.slug not in jobs for project in self.builder.projects)

    def _reload_browsers(self) -> None:
        """Tell the pages open under ``mkdocs serve`` to reload (MkDocs' livereload: a new epoch), unless a
        rebuild is under way (its end reloads them)."""
        server = getattr(getattr(self.builder, "watcher", None), "server", None)
        if server is None or not hasattr(server, "_epoch_cond") or not hasattr(server, "_rebuild_cond"):
            return
        from mkdocs.livereload import _timestamp
        with server._rebuild_cond, server._epoch_cond:
            if server._visible_epoch == server._wanted_epoch and not server._want_rebuild:
                server._visible_epoch = server._wanted_epoch = _timestamp()
                server._epoch_cond.notify_all()

    def remove_sites(self) -> None:
        """At the end of ``mkdocs serve``: remove the folders the variants were built into for it (Material's
        projects plugin builds them in each variant's folder, variants/<variant>/site, and links them into
        the served site), as MkDocs removes its own temporary site folder."""
        thread = self.thread
        if thread is not None:
            thread.join(timeout=60)
        for project in list(self.builder.projects):
            folder = Path(project.config.site_dir).resolve()
            if folder.is_dir() and Path(project.config.config_file_path).resolve().parent in folder.parents:
                shutil.rmtree(folder, ignore_errors=True)

    def wait(self) -> None:
        """Wait for the variants' build under way; raise its error (``mkdocs build``)."""
        thread = self.thread
        if thread is not None:
            thread.join()
        error, self.error = self.error, None
        if error is not None:
            raise error


class PapersiteConfig(base.Config):
    content = c.Optional(c.Dir(exists=True))


class PapersitePlugin(BasePlugin[PapersiteConfig]):
    """Converts the corpus and adds its pages; writes the variant's search index."""

    def __init__(self):
        self.command = "build"
        self.one_off = False    # on_startup said ``build``: a process that ends with the build (_collect_less)
        self.root: Path = Path.cwd()
        self.error: str | None = None
        self.build = None
        self.pages: dict[str, str] = {}
        self.passages: dict[str, tuple] = {}   # page URL -> (title, passages), for this variant's search index
        self.proofs: dict[str, str] = {}       # under serve, top-level project only: proof/<slug>.html -> HTML
        # Where the time goes (scripts/benchmark.py): set PAPERSITE_TIMINGS to a file, and each variant's build
        # appends one JSON line: the pipeline (conversion, concept index, page writing), the search index
        # (passages read from each page's HTML, index files written), and the whole variant build.
        self.timings: dict = {}
        self.variants: VariantBuilds | None = None   # the top-level project's: the other variants' builds
        # Under serve only (papersite.serving), kept from one rebuild to the next: renderings, compiled
        # templates; the pages' HTML for the search index written in the background.
        self.renderings = RenderMemo()
        self.templates = TemplateCache()
        self.page_outputs = PageOutputs()
        self.theme_files = ThemeFiles()
        self.nav_fragments = NavFragments()
        self.shared_templates = SharedTemplates()   # mkdocs build: the variants' processes share compiled templates
        self.raw_blocks = RawBlocks()   # one instance: the same settings in every serve rebuild
        self.index_writer = Background("papersite-search-index")
        self.outputs: dict[str, tuple[str, str]] = {}
        self.background_index = False   # the top-level project under serve: its index is written in a thread

    # -- where things are --------------------------------------------------------------------------
    def _content(self) -> Path:
        # PAPERSITE_CONTENT builds another corpus with the same site (benchmarks, trial corpora).
        env = os.environ.get("PAPERSITE_CONTENT")
        if env:
            return Path(env)
        return Path(self.config.content) if self.config.content else self.root / "content"

    def _variant(self, config) -> str:
        return config.extra.get("variant", "zh-Hans")

    def _top_level(self, config) -> bool:
        return Path(config.config_file_path).resolve() == (self.root / "mkdocs.yml").resolve()

    def _reload_pipeline(self):
        """The pipeline's modules, imported afresh when their code changed since they were loaded (an edit
        under ``mkdocs serve`` takes effect without a restart; unchanged code is not loaded again, so a
        serve session's memory does not grow with each rebuild)."""
        # MkDocs may reset sys.path between loading plugins and running them: add the project's scripts/ here.
        scripts = str(self.root / "scripts")
        if (self.root / "scripts" / "papersite").is_dir() and scripts not in sys.path:
            sys.path.insert(0, scripts)
        package = Path(importlib.import_module("papersite").__file__).parent
        code = sorted((str(f), f.stat().st_mtime_ns) for f in package.rglob("*.py"))
        if _LOADED.get("code") != code:
            importlib.invalidate_caches()
            for name in sorted((n for n in list(sys.modules) if n == "papersite" or n.startswith("papersite.")),
                               reverse=True):
                if name != __name__:
                    del sys.modules[name]
            _LOADED["code"] = code
        return importlib.import_module("papersite.site"), importlib.import_module("papersite.errors")

    # -- events ------------------------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        """Remember the command: only a top-level ``build`` empties site/. Under ``mkdocs serve``, a SIGTERM
        stops the server as Ctrl-C does, so that MkDocs removes its temporary site folder (it would be left
        in /tmp by every session ended that way)."""
        self.command = command
        self.one_off = command == "build"
        if (command == "serve" and threading.current_thread() is threading.main_thread()
                and multiprocessing.parent_process() is None):   # not in a variant's build process
            signal.signal(signal.SIGTERM, _interrupt)

    # after the other plugins' on_config (Material's projects plugin makes its builder there, which the
    # site_url transform below is installed on; a hook ran last of all)
    @event_priority(-100)
    def on_config(self, config):
        """Find the project (the folder above the configuration file holding content/ and mkdocs.yml), reload
        the pipeline package (code edits take effect under ``mkdocs serve``); set the Markdown extensions'
        interface strings to the variant's (papersite/labels/<variant>.yml)."""
        if self._variant(config) not in VARIANTS:
            raise PluginError(f"{config.config_file_path}: extra.variant must be one of {', '.join(VARIANTS)}, "
                              f"got {self._variant(config)!r}")
        self.root = project_root(Path(config.config_file_path).parent)
        self.timings = {"start": time.perf_counter(), "pipeline": 0.0, "search": 0.0}
        if self.one_off:
            _collect_less(loaded=False)
        site, _ = self._reload_pipeline()
        site.apply_markdown_labels(config.mdx_configs, self._variant(config))
        # The generated pages' plain HTML blocks, set aside before the HTML parsers read the page (papersite.rawhtml).
        if self.raw_blocks not in config.markdown_extensions:
            config.markdown_extensions.append(self.raw_blocks)
        # The site root's address in every variant (a variant's own site_url is the root's + its folder): what
        # page addresses, the canonical and hreflang links and sitemap.xml are written from.
        config.extra["site_root"] = site.site_root(config.site_url, self._variant(config))
        self.background_index = self.command == "serve" and self._top_level(config)
        if self.one_off and self._top_level(config):
            self.shared_templates.begin()   # before the variants' processes are started (on_pre_build)
        if self.command == "serve":
            self.theme_files.install(config.theme)
        projects = config.plugins.get("material/projects")
        self.variants = None
        if getattr(projects, "builder", None) is not None:
            projects.builder.root.plugin.projects_config_transform = _own_site_url
            self.variants = VariantBuilds.install(projects.builder)
        elif self.command == "serve" and not self._top_level(config) and not _LOADED.get("niced"):
            # A variant's process under serve (a new one for each rebuild): the zh-Hans pages first.
            try:
                os.nice(10)
            except (AttributeError, OSError):
                pass
            _LOADED["niced"] = True
        return config

    @event_priority(100)
    def on_pre_build(self, *, config):
        """Convert every paper under content/; a bad input raises a one-line file:line error.

        Under ``mkdocs serve`` a bad input does not stop the server (MkDocs would hold every request until the
        file is fixed): the pages of the last good build are served with the error shown at the top of each."""
        site, errors = self._reload_pipeline()
        if self.command == "serve":
            self.index_writer.stop()    # the index of the rebuild before: this one's replaces it
            self.renderings.begin()
            self.page_outputs.begin()
            self.outputs = {}
        started = time.perf_counter()
        last_good = self.root / ".cache" / "papersite" / f"last-good-{self._variant(config)}.pickle"
        try:
            build = site.build_site(self._content(), self._variant(config), config.extra.get("site_root"))
            self.error = None
            if self.command == "serve":
                site.save_pages(build, last_good)
        except errors.PaperError as exc:
            if self.command != "serve":
                raise PluginError(str(exc)) from None
            self.error = str(exc)
            build = site.load_pages(last_good, self._variant(config))
        self.timings["pipeline"] = self.timings.get("pipeline", 0.0) + time.perf_counter() - started
        self.pages = dict(build.pages)
        self.build = build
        if self.one_off:
            _collect_less(loaded=True)
        # The footer (Material prints config.copyright as HTML): the rights statement and the errata link, escaped.
        config.copyright = build.footer or config.copyright
        # The site's title (content/site.yml): Material prints site_name unescaped in places, escaped in others
        if build.title:
            config.site_name = Markup(html.escape(build.title))
        self.passages = {}
        top_level = self._top_level(config)
        self.proofs = {}
        if top_level and self.command == "serve":
            try:
                self.proofs = dict(importlib.import_module("papersite.proof").proof_pages(self._content()))
            except errors.PaperError:   # no papers folder: already reported by the build error
                pass
        if top_level and self.command == "build" and Path(config.site_dir).is_dir():
            for child in Path(config.site_dir).iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()

    def on_files(self, files: Files, *, config) -> Files:
        """Add the generated pages; a hand-written page of the same name in docs/ is an error."""
        for uri, markdown in self.pages.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} would be overwritten by a generated page; remove it")
            files.append(File.generated(config, uri, content=markdown))
        for uri, page in self.proofs.items():   # static files: no navigation, no search entry, no sitemap
            files.append(File.generated(config, uri, content=page))
        return files

    def on_nav(self, nav, *, config, files):
        """Name the sections in the variant's language (MkDocs titles them from the folder) and order
        their pages as the pipeline says (concepts by pinyin or English term, not by file name)."""
        order = self.build.nav_order
        titles = importlib.import_module("papersite.site").SECTION_TITLES
        # Top level: home, the papers, their reading guides, the concepts, teaching, then the rest (MkDocs would sort folders by name).
        rank = {"index.md": 0, "papers": 1, "guides": 2, "concepts": 3, "teaching": 4}
        nav.items.sort(key=lambda item: rank.get(item.file.src_uri if getattr(item, "file", None) else item.title.lower(), 5))
        for item in nav.items:
            if getattr(item, "is_section", False) and item.title.lower() in titles:
                folder = item.title.lower()
                item.title = titles[folder].get(self._variant(config), item.title)
                item.children.sort(key=lambda child: order.get(getattr(getattr(child, "file", None), "src_uri", ""), -1))
                if folder == "concepts":
                    _group_concepts(item, self.build.concept_groups)
        return nav

    def on_env(self, env, *, config, files):
        """Each navigation item rendered once per folder (papersite.navcache); under serve: the templates
        compiled in earlier rebuilds (papersite.serving.TemplateCache)."""
        self.nav_fragments.install(env)
        if self.one_off:
            self.shared_templates.install(env)
        if self.command == "serve":
            env.bytecode_cache = self.templates
            self.page_outputs.install(env)
        return env

    # last of the plugins' on_page_markdown: the rendering kept under serve is that of the final Markdown
    @event_priority(-100)
    def on_page_markdown(self, markdown, *, page, config, files):
        """Mark the front matter's title as the escaped HTML it is (papersite.writers.pages.front_matter escapes
        it), so that templates which escape again (``| e`` in Material's footer) do not show entities. Under
        serve, a page whose rendering is that of the rebuild before is not rendered again (papersite.serving)."""
        title = page.meta.get("title")
        if isinstance(title, str):
            page.meta["title"] = Markup(title)
        if self.command == "serve":
            self.renderings.prepare(page, markdown, config, files)
        return markdown

    def on_post_page(self, output, *, page, config):
        """Take the page's passages for the search index from its final HTML (papersite.search.passages); give
        the footer's link the way to the site root; under ``mkdocs serve``, show a build error at the top."""
        meta_search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        if not meta_search.get("exclude") and self.background_index:
            self.outputs[page.file.dest_uri] = (output, str(page.title or ""))   # read in the background
        elif not meta_search.get("exclude"):
            search = importlib.import_module("papersite.search")
            started = time.perf_counter()
            passages = search.page_passages(output, self._note_labels(config))
            title = next((p.text for p in passages if p.kind == "title"), None)
            title = title or importlib.import_module("papersite.search.passages").unescape(str(page.title or ""))
            self.passages[page.file.dest_uri] = (title, passages)
            self.timings["search"] = self.timings.get("search", 0.0) + time.perf_counter() - started
        root = importlib.import_module("papersite.site").FOOTER_ROOT
        output = output.replace(root, "../" * page.url.count("/"))
        if self.proofs:   # under serve: the paper pages and the about page lead to the proofs
            slug = page.file.src_uri[len("papers/"):-len(".md")] if page.file.src_uri.startswith("papers/") else None
            if f"proof/{slug}.html" in self.proofs or page.file.src_uri == "about.md":
                label = self._labels(config)
                words, link = label("serve.preview_only"), label("serve.paper_proof" if slug else "serve.proof_link")
                output = _at_top(output, SERVE_NOTE.format(words=html.escape(words), link=html.escape(link),
                                                           proof=html.escape(self._proof_href(config, slug))))
        return self._with_error(output, config)

    def on_post_template(self, output_content, *, template_name, config):
        """The 404 page (reached when the failed build has no page for an address) shows the error too."""
        return self._with_error(output_content, config)

    @event_priority(-100)
    def on_post_build(self, *, config):
        """Write the variant's search index (search/*.js) from the passages of every page built; under serve,
        in the background once the pages are served (a rebuild that starts meanwhile stops it)."""
        if self.command == "serve":
            self.renderings.end()
            self.page_outputs.end()
        if self.background_index:
            outputs, build, out = self.outputs, self.build, Path(config.site_dir) / "search"
            self.outputs = {}
            self.index_writer.start(lambda stopped: self._write_index_from_outputs(outputs, build, out, stopped, config))
            return
        started = time.perf_counter()
        pages = [(url, title, passages) for url, (title, passages) in self.passages.items()]
        self._write_index(pages, self.build, Path(config.site_dir) / "search")
        self.timings["search"] = self.timings.get("search", 0.0) + time.perf_counter() - started
        if self.variants is not None:
            self.variants.wait()
        self.shared_templates.end()
        self._write_timings(config)

    def on_shutdown(self):
        if self.one_off:
            _collect_as_before()
        self.index_writer.wait()
        if self.command == "serve" and self.variants is not None:
            self.variants.remove_sites()

    @staticmethod
    def _write_index(pages, build, out: Path, stopped=None) -> None:
        search = importlib.import_module("papersite.search")
        script = importlib.import_module("papersite.script")
        chars = {c for _, title, passages in pages for p in passages for c in p.text}
        chars |= {c for n in build.names for f in n.forms for c in f}
        folder = search.build_folder(chars, script.to_simplified, build.to_traditional)
        files = search.build_index(pages, build.names, folder)
        if stopped is not None:
            # Written beside, then put in place: the served folder is never half old, half new.
            if stopped.is_set():
                return
            target, out = out, out.with_name(out.name + ".new")
        if out.is_dir():
            shutil.rmtree(out)
        for name, text in files.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(text, encoding="utf-8")
        if stopped is not None:
            old = target.with_name(target.name + ".old")
            if old.is_dir():
                shutil.rmtree(old)
            if target.is_dir():
                target.rename(old)
            out.rename(target)
            shutil.rmtree(old, ignore_errors=True)

    def _write_index_from_outputs(self, outputs: dict, build, out: Path, stopped, config) -> None:
        """The serve rebuild's search index, from the pages' HTML (in the background: papersite.serving)."""
        search = importlib.import_module("papersite.search")
        unescape = importlib.import_module("papersite.search.passages").unescape
        pages, note_labels = [], self._note_labels(config)
        for url, (output, page_title) in outputs.items():
            if stopped.is_set():
                return
            passages = search.page_passages(output, note_labels)
            title = next((p.text for p in passages if p.kind == "title"), None) or unescape(page_title)
            pages.append((url, title, passages))
        try:
            self._write_index(pages, build, out, stopped)
        except Exception as exc:   # noqa: BLE001  (a thread: say it, the pages are served regardless)
            log.error(f"writing the search index failed: {exc}")
        outputs.clear()   # this work's own: the pages' HTML is not kept until the next rebuild
        del pages
        release_memory()

    def on_build_error(self, *, error):
        """A failed ``mkdocs build`` still waits for the variants' processes it started (their error, if any,
        is not the one reported)."""
        if getattr(self, "variants", None) is not None and self.command != "serve":
            try:
                self.variants.wait()
            except BaseException:   # noqa: BLE001
                pass
        if getattr(self, "shared_templates", None) is not None:
            self.shared_templates.end()

    # -- helpers -----------------------------------------------------------------------------------
    def _write_timings(self, config) -> None:
        target = os.environ.get("PAPERSITE_TIMINGS")
        if not target or "start" not in self.timings:
            return
        row = {"variant": self._variant(config), "pipeline_s": round(self.timings["pipeline"], 3),
               "search_s": round(self.timings["search"], 3),
               "build_s": round(time.perf_counter() - self.timings["start"], 3), "pages": len(self.pages)}
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")

    def _labels(self, config):
        """The variant's interface strings (papersite.labels), as the pipeline last loaded them."""
        return importlib.import_module("papersite.labels").Labels(self._variant(config))

    def _note_labels(self, config) -> tuple[str, str]:
        """A note's label in the search results, unnumbered and numbered (papersite.search.page_passages)."""
        labels = self._labels(config)
        return labels("search.note"), labels("search.numbered_note")

    def _serve_root(self, config) -> str:
        """The path the top-level project is served at (``mkdocs serve`` sets site_url to the dev address; a
        variant's project is served one folder below it)."""
        path = urlsplit(config.site_url or "/").path or "/"
        path = path if path.endswith("/") else path + "/"
        return path if self._top_level(config) else path.rstrip("/").rsplit("/", 1)[0] + "/"

    def _proof_href(self, config, slug: str | None = None) -> str:
        return self._serve_root(config) + (f"proof/{slug}.html" if slug else "proof/index.html")

    def _site_name_tooltips(self, output: str) -> str:
        """Material sets the site's title in its logo links' ``title``, and its tooltips (content.tooltips) render
        a title as HTML: a title holding markup characters goes there escaped once more, so that it shows as text."""
        name = self.build.title if self.build else ""
        once = html.escape(name)
        if once == name:
            return output
        return output.replace(f'title="{once}"', f'title="{html.escape(once)}"')

    def _with_error(self, output: str, config) -> str:
        """The page with the current build error (under ``mkdocs serve``) shown at its top."""
        output = self._site_name_tooltips(output)
        if self.error is None:
            return output
        label = self._labels(config)
        title, advice = label("serve.build_error"), label("serve.fix_advice")
        # The proof of the paper whose file the error names (content/papers/<slug>/…), else the list of proofs.
        named = Path(self.error.split(":", 1)[0])
        papers = self._content() / "papers"
        slug = named.relative_to(papers).parts[0] if named.is_relative_to(papers) and named != papers else None
        banner = ERROR_BANNER.format(title=html.escape(title), error=html.escape(self.error), advice=html.escape(advice),
                                     proof=html.escape(self._proof_href(config, slug)),
                                     proof_words=html.escape(label("serve.proof_link")))
        return _at_top(output, banner)
