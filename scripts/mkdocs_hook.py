"""The MkDocs adapter: the only module that imports MkDocs.

Every variant's project (mkdocs.yml = zh-Hans; variants/zh-Hant, variants/en) uses this hook;
``extra.variant`` says which pages to generate.

Events used (MkDocs 1.6):
- on_startup: remember whether this is ``build`` or ``serve``.
- on_config: make ``scripts/`` importable and reload the pipeline, so that ``mkdocs serve``
  picks up code edits without a restart.
- on_pre_build (priority 100, before Material's projects plugin builds the other variants):
  convert the corpus (once for all variants: papersite.corpuscache). A bad input stops the build with
  its file:line error before anything is written; under ``mkdocs serve`` the last good pages are
  served instead, with the error at the top of every page (on_post_page, on_post_template). Then, for the top-level ``build`` only, empty site/ (the projects plugin disables
  MkDocs' own cleaning so that nested variants survive; stale pages must not).
- on_files: add the generated pages in memory (nothing is written into docs/).
- on_nav: name the papers' section in the variant's language.
- on_post_page: take the page's passages (paragraphs, headings, notes, blocks) from its final HTML
  for the search index (papersite.search).
- on_post_build: write the variant's search index, search/*.js (papersite.search.index; the
  browser side is docs/assets/javascripts/search.js). Material's search plugin is not used.
"""
from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent


def _content() -> Path:
    # PAPERSITE_CONTENT builds another corpus with the same site (benchmarks, trial corpora).
    return Path(os.environ.get("PAPERSITE_CONTENT") or ROOT / "content")

_pages: dict[str, str] = {}
_state = {"command": "build"}
_passages: dict[str, tuple] = {}   # page URL -> (title, passages), for this variant's search index


def _reload_pipeline():
    # MkDocs may reset sys.path between loading hooks and running them: add scripts/ here.
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    importlib.invalidate_caches()
    for name in sorted((n for n in list(sys.modules) if n == "papersite" or n.startswith("papersite.")), reverse=True):
        del sys.modules[name]
    return importlib.import_module("papersite.site"), importlib.import_module("papersite.errors")


def _variant(config) -> str:
    return config.extra.get("variant", "zh-Hans")


def on_startup(command, dirty):
    """Remember the command: only a top-level ``build`` empties site/."""
    _state["command"] = command


def on_config(config):
    """Reload the pipeline package (code edits take effect under ``mkdocs serve``); set the Markdown
    extensions' interface strings to the variant's (``extra.markdown_labels``)."""
    _timings.clear()
    _timings.update(start=time.perf_counter(), pipeline=0.0, search=0.0)
    site, _ = _reload_pipeline()
    site.apply_markdown_labels(config.mdx_configs, config.extra.get("markdown_labels") or {})
    # The site root's address in every variant (a variant's own site_url is the root's + its folder): what
    # page addresses, the canonical and hreflang links and sitemap.xml are written from.
    config.extra["site_root"] = site.site_root(config.site_url, _variant(config))
    projects = config.plugins.get("material/projects")
    if getattr(projects, "builder", None) is not None:
        projects.builder.root.plugin.projects_config_transform = _own_site_url
    return config


def _own_site_url(project, root) -> None:
    """The variants inherit mkdocs.yml's site_url; Material's projects plugin places a variant at the path
    between its site_url and the root's, so an inherited one with a sub-path (https://host/course/) would put
    it beside site/, not in it. Without it, the plugin gives the variant the root's site_url + its folder."""
    if project.config.site_url == root.config.site_url:
        project.config.site_url = None


# Where the time goes (scripts/benchmark.py): set PAPERSITE_TIMINGS to a file, and each variant's build
# appends one JSON line: the pipeline (conversion, concept index, page writing), the search index (passages
# read from each page's HTML, index files written),
# and the whole variant build from configuration to the last file written.
_timings: dict = {}


def _write_timings(config) -> None:
    target = os.environ.get("PAPERSITE_TIMINGS")
    if not target or "start" not in _timings:
        return
    row = {"variant": _variant(config), "pipeline_s": round(_timings["pipeline"], 3),
           "search_s": round(_timings["search"], 3), "build_s": round(time.perf_counter() - _timings["start"], 3),
           "pages": len(_pages)}
    with open(target, "a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")


@event_priority(100)
def on_pre_build(config):
    """Convert every paper under content/; a bad input raises a one-line file:line error.

    Under ``mkdocs serve`` a bad input does not stop the server (MkDocs would hold every request until the
    file is fixed): the pages of the last good build are served with the error shown at the top of each."""
    site, errors = _reload_pipeline()
    started = time.perf_counter()
    last_good = ROOT / ".cache" / "papersite" / f"last-good-{_variant(config)}.pickle"
    try:
        build = site.build_site(_content(), _variant(config), config.extra.get("site_root"))
        _state.pop("error", None)
        if _state["command"] == "serve":
            site.save_pages(build, last_good)
    except errors.PaperError as exc:
        if _state["command"] != "serve":
            raise PluginError(str(exc)) from None
        _state["error"] = str(exc)
        build = site.load_pages(last_good, _variant(config))
    _timings["pipeline"] = _timings.get("pipeline", 0.0) + time.perf_counter() - started
    _pages.clear()
    _pages.update(build.pages)
    _state["build"] = build
    # The footer (Material prints config.copyright as HTML): the rights statement and the errata link, escaped.
    config.copyright = build.footer or config.copyright
    _passages.clear()
    top_level = Path(config.config_file_path).resolve() == (ROOT / "mkdocs.yml").resolve()
    if top_level and _state["command"] == "build" and Path(config.site_dir).is_dir():
        for child in Path(config.site_dir).iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


ERROR_BANNER = ('<div class="papersite-build-error" role="alert" style="position:sticky;top:0;z-index:10;'
                'padding:.8em 1.2em;background:#b00020;color:#fff;font:16px/1.6 sans-serif">'
                '<strong>{title}</strong> <code style="color:#fff;background:none">{error}</code> {advice}</div>')
ERROR_WORDS = {"zh-Hans": ("构建出错：", "改正该文件并保存，页面会自动更新；下面是上次成功构建的页面。"),
               "zh-Hant": ("構建出錯：", "改正該檔案並儲存，頁面會自動更新；下面是上次成功構建的頁面。"),
               "en": ("Build error:", "Fix the file and save it: the pages update by themselves. Below are the pages "
                      "of the last good build.")}


def _with_error(output: str, config) -> str:
    """The page with the current build error (under ``mkdocs serve``) shown at its top."""
    if "error" not in _state:
        return output
    import html as _html
    title, advice = ERROR_WORDS.get(_variant(config), ERROR_WORDS["en"])
    banner = ERROR_BANNER.format(title=_html.escape(title), error=_html.escape(_state["error"]), advice=_html.escape(advice))
    head, sep, rest = output.partition("<body")
    if not sep:
        return banner + output
    tag_end = rest.index(">") + 1
    return head + sep + rest[:tag_end] + banner + rest[tag_end:]


def on_post_template(output_content, template_name, config):
    """The 404 page (reached when the failed build has no page for an address) shows the error too."""
    return _with_error(output_content, config)


def on_files(files: Files, config) -> Files:
    """Add the generated pages; a hand-written page of the same name in docs/ is an error."""
    for uri, markdown in _pages.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} would be overwritten by a generated page; remove it")
        files.append(File.generated(config, uri, content=markdown))
    return files


def on_page_markdown(markdown, page, config, files):
    """Mark the front matter's title as the escaped HTML it is (papersite.writers.pages.front_matter escapes
    it), so that templates which escape again (``| e`` in Material's footer) do not show entities."""
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = Markup(title)
    return markdown


def on_post_page(output, page, config):
    """Take the page's passages for the search index from its final HTML (papersite.search.passages); give the
    footer's link the way to the site root; under ``mkdocs serve``, show a build error at the top."""
    meta_search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    if not meta_search.get("exclude"):
        search = importlib.import_module("papersite.search")
        started = time.perf_counter()
        passages = search.page_passages(output)
        title = next((p.text for p in passages if p.kind == "title"), None)
        title = title or importlib.import_module("papersite.search.passages").unescape(str(page.title or ""))
        _passages[page.file.dest_uri] = (title, passages)
        _timings["search"] = _timings.get("search", 0.0) + time.perf_counter() - started
    root = importlib.import_module("papersite.site").FOOTER_ROOT
    output = output.replace(root, "../" * page.url.count("/"))
    return _with_error(output, config)


@event_priority(-100)
def on_post_build(config):
    """Write the variant's search index (search/*.js) from the passages of every page built."""
    search = importlib.import_module("papersite.search")
    script = importlib.import_module("papersite.script")
    build = _state["build"]
    started = time.perf_counter()
    pages = [(url, title, passages) for url, (title, passages) in _passages.items()]
    chars = {c for _, title, passages in pages for p in passages for c in p.text}
    chars |= {c for n in build.names for f in n.forms for c in f}
    folder = search.build_folder(chars, script.to_simplified, build.to_traditional)
    files = search.build_index(pages, build.names, folder)
    out = Path(config.site_dir) / "search"
    if out.is_dir():
        shutil.rmtree(out)
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    _timings["search"] = _timings.get("search", 0.0) + time.perf_counter() - started
    _write_timings(config)


def on_nav(nav, config, files):
    """Name the sections in the variant's language (MkDocs titles them from the folder) and order
    their pages as the pipeline says (concepts by pinyin or English term, not by file name)."""
    order = _state["build"].nav_order
    titles = importlib.import_module("papersite.site").SECTION_TITLES
    # Top level: home, the papers, their reading guides, the concepts, teaching, then the rest (MkDocs would sort folders by name).
    rank = {"index.md": 0, "papers": 1, "guides": 2, "concepts": 3, "teaching": 4}
    nav.items.sort(key=lambda item: rank.get(item.file.src_uri if getattr(item, "file", None) else item.title.lower(), 5))
    for item in nav.items:
        if getattr(item, "is_section", False) and item.title.lower() in titles:
            folder = item.title.lower()
            item.title = titles[folder].get(_variant(config), item.title)
            item.children.sort(key=lambda child: order.get(getattr(getattr(child, "file", None), "src_uri", ""), -1))
            if folder == "concepts":
                _group_concepts(item, _state["build"].concept_groups)
    return nav


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
