"""The MkDocs adapter: the only module that imports MkDocs.

Every variant's project (mkdocs.yml = zh-Hans; variants/zh-Hant, variants/en) uses this hook;
``extra.variant`` says which pages to generate.

Events used (MkDocs 1.6):
- on_startup: remember whether this is ``build`` or ``serve``.
- on_config: make ``scripts/`` importable and reload the pipeline, so that ``mkdocs serve``
  picks up code edits without a restart.
- on_pre_build (priority 100, before Material's projects plugin builds the other variants):
  convert the corpus. A bad input stops the build with its file:line error before anything is
  written. Then, for the top-level ``build`` only, empty site/ (the projects plugin disables
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
    """Reload the pipeline package (code edits take effect under ``mkdocs serve``)."""
    _timings.clear()
    _timings.update(start=time.perf_counter(), pipeline=0.0, search=0.0)
    _reload_pipeline()
    return config


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
    """Convert every paper under content/; a bad input raises a one-line file:line error."""
    site, errors = _reload_pipeline()
    started = time.perf_counter()
    try:
        build = site.build_site(_content(), _variant(config), config.site_url)
    except errors.PaperError as exc:
        raise PluginError(str(exc)) from None
    _timings["pipeline"] = _timings.get("pipeline", 0.0) + time.perf_counter() - started
    _pages.clear()
    _pages.update(build.pages)
    _state["build"] = build
    _passages.clear()
    top_level = Path(config.config_file_path).resolve() == (ROOT / "mkdocs.yml").resolve()
    if top_level and _state["command"] == "build" and Path(config.site_dir).is_dir():
        for child in Path(config.site_dir).iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


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
    """Take the page's passages for the search index from its final HTML (papersite.search.passages)."""
    meta_search = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
    if not meta_search.get("exclude"):
        search = importlib.import_module("papersite.search")
        started = time.perf_counter()
        passages = search.page_passages(output)
        title = next((p.text for p in passages if p.kind == "title"), None)
        title = title or importlib.import_module("papersite.search.passages").unescape(str(page.title or ""))
        _passages[page.file.dest_uri] = (title, passages)
        _timings["search"] = _timings.get("search", 0.0) + time.perf_counter() - started
    return output


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


SECTION_TITLES = {"papers": {"zh-Hans": "论文", "zh-Hant": "論文", "en": "Papers"},
                  "guides": {"zh-Hans": "阅读指南", "zh-Hant": "閱讀指南", "en": "Reading guides"},
                  "concepts": {"zh-Hans": "概念", "zh-Hant": "概念", "en": "Concepts"},
                  "teaching": {"zh-Hans": "教学", "zh-Hant": "教學", "en": "Teaching"}}


def on_nav(nav, config, files):
    """Name the sections in the variant's language (MkDocs titles them from the folder) and order
    their pages as the pipeline says (concepts by pinyin or English term, not by file name)."""
    order = _state["build"].nav_order
    # Top level: home, the papers, their reading guides, the concepts, teaching, then the rest (MkDocs would sort folders by name).
    rank = {"index.md": 0, "papers": 1, "guides": 2, "concepts": 3, "teaching": 4}
    nav.items.sort(key=lambda item: rank.get(item.file.src_uri if getattr(item, "file", None) else item.title.lower(), 5))
    for item in nav.items:
        if getattr(item, "is_section", False) and item.title.lower() in SECTION_TITLES:
            item.title = SECTION_TITLES[item.title.lower()].get(_variant(config), item.title)
            item.children.sort(key=lambda child: order.get(getattr(getattr(child, "file", None), "src_uri", ""), -1))
    return nav
