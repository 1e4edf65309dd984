"""What `mkdocs serve` keeps from one rebuild to the next (papersite.serving) is only what the last rebuild
used, and reusing it gives the pages a fresh build gives; the variants' projects are not kept across
rebuilds; the session's folders go when it ends."""
from __future__ import annotations

import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from conftest import ROOT


# -- the template outputs (PageOutputs), with stand-ins for MkDocs' page and navigation --------------------
@dataclass
class _File:
    src_uri: str
    dest_uri: str


@dataclass(eq=False)
class _Page:
    slug: str
    content: str = "<p>text</p>"
    title: str = "Title"
    meta: dict = field(default_factory=dict)
    toc: list = field(default_factory=list)
    parent: object = None
    previous_page: object = None
    next_page: object = None
    is_homepage: bool = False
    update_date: str = "2026-12-01"
    canonical_url: str = None
    abs_url: str = None
    edit_url: str = None
    is_page = True

    @property
    def file(self):
        return _File(f"{self.slug}.md", f"{self.slug}.html")

    @property
    def url(self):
        return f"{self.slug}.html"


class _Nav:
    def __init__(self, pages):
        self.items = pages


class _Template:
    def __init__(self):
        self.rendered = []

    def render(self, context):
        self.rendered.append(context["page"].slug)
        return f"<html>{context['page'].title}: {context['page'].content} ({len(context['nav'].items)} in nav)</html>"


class _Env:
    def __init__(self, template):
        self.template = template

    def get_template(self, name, parent=None, globals=None):
        return self.template


def _rebuild(memo, template, pages, config=None):
    """One rebuild's page renderings through ``memo`` (as MkDocs asks its environment for each page's template)."""
    env = _Env(template)
    memo.begin()
    memo.install(env)
    nav = _Nav(pages)
    config = config or {"site_name": "t", "plugins": {}}
    out = {p.slug: env.get_template("main.html").render({"page": p, "nav": nav, "config": config, "pages": [],
                                                          "base_url": "."}) for p in pages}
    memo.end()
    return out


def test_a_page_whose_template_input_is_unchanged_is_not_rendered_again():
    from papersite.serving import PageOutputs
    memo, template = PageOutputs(), _Template()
    a, b = _Page("a"), _Page("b")
    first = _rebuild(memo, template, [a, b])
    assert template.rendered == ["a", "b"]
    b.content = "<p>edited</p>"
    second = _rebuild(memo, template, [a, b])
    assert template.rendered == ["a", "b", "b"]   # only the edited page
    assert second["a"] == first["a"] and "edited" in second["b"]


def test_what_every_page_shows_of_others_renders_them_all_again():
    from papersite.serving import PageOutputs
    memo, template = PageOutputs(), _Template()
    a, b = _Page("a"), _Page("b")
    _rebuild(memo, template, [a, b])
    b.title = "A new title"          # in the navigation of every page
    _rebuild(memo, template, [a, b])
    assert template.rendered == ["a", "b", "a", "b"]
    b.meta = {"status": "new"}       # another page's metadata (the navigation shows it)
    _rebuild(memo, template, [a, b])
    assert template.rendered[-2:] == ["a", "b"]
    _rebuild(memo, template, [a, b], {"site_name": "another", "plugins": {}})   # the configuration
    assert template.rendered[-2:] == ["a", "b"]


def test_an_edited_template_of_the_project_renders_every_page_again(tmp_path):
    import os
    from papersite.serving import PageOutputs

    class Theme:
        custom_dir = str(tmp_path)
    (tmp_path / "main.html").write_text("{{ page.content }}", encoding="utf-8")
    memo, template = PageOutputs(), _Template()
    pages = [_Page("a"), _Page("b")]
    config = {"site_name": "t", "plugins": {}, "theme": Theme()}
    _rebuild(memo, template, pages, config)
    _rebuild(memo, template, pages, config)
    assert template.rendered == ["a", "b"]
    os.utime(tmp_path / "main.html", ns=(1, 10**18))   # saved again
    _rebuild(memo, template, pages, config)
    assert template.rendered == ["a", "b", "a", "b"]


def test_only_the_last_rebuilds_outputs_are_kept():
    from papersite.serving import PageOutputs
    memo, template = PageOutputs(), _Template()
    pages = [_Page(f"p{i}") for i in range(5)]
    for i in range(20):
        pages[0].content = f"<p>edit {i}</p>"
        _rebuild(memo, template, pages)
        assert len(memo.kept) == len(pages) and not memo.used


def test_a_template_without_a_page_is_rendered_each_time():
    from papersite.serving import PageOutputs
    memo = PageOutputs()

    class Static:
        calls = 0

        def render(self, context):
            Static.calls += 1
            return "<urlset/>"
    env = _Env(Static())
    for _ in range(2):
        memo.begin()
        memo.install(env)
        env.get_template("sitemap.xml").render({"page": None, "nav": _Nav([]), "config": {"plugins": {}}})
        memo.end()
    assert Static.calls == 2 and not memo.kept


# -- the variants' projects (VariantBuilds) ------------------------------------------------------------------
class _ProjectsBuilder:
    """Material's ProjectsBuilder as far as memory goes: a set on the class that each build adds new projects to."""
    projects: set = set()

    def build(self, serve=False, dirty=False):
        self.projects.add(object())
        self.projects.add(object())


@dataclass(eq=False)
class _Project:
    slug: str


class _VariantsBuilder:
    """Material's ProjectsBuilder as the serve loop sees it: a job per variant, dropped when its watcher reports
    a change (taint), and a build that builds the variants without a job."""
    projects: set = set()

    def __init__(self):
        self.root, self.pool_jobs, self.built = _Project("."), {}, []
        self.variants = [_Project("zh-Hant"), _Project("en")]

    def taint(self, project):
        self.pool_jobs.pop(project.slug, None)

    def build(self, serve=False, dirty=False):
        for project in self.variants:
            self.projects.add(project)
            if project.slug not in self.pool_jobs:
                self.pool_jobs[project.slug] = "done"
                self.built.append(project.slug)


def test_the_variants_projects_of_past_rebuilds_are_not_kept():
    from papersite.mkdocs_plugin import VariantBuilds
    builder = _ProjectsBuilder()
    variants = VariantBuilds.install(builder)
    for _ in range(10):
        variants.start(serve=False)
        variants.wait()
    assert len(builder.projects) == 2


def test_under_serve_a_variant_changed_while_the_variants_build_is_built_again():
    # Material's builder builds the projects whose job its watcher dropped (taint); the watchers of the three
    # projects report one save at slightly different moments, and a drop that comes once the build has
    # scheduled its jobs was built only at the next save: the zh-Hant page stayed stale meanwhile (seen in 3
    # of 9 saves under mkdocs serve).
    from papersite.mkdocs_plugin import VariantBuilds

    class Builder(_VariantsBuilder):
        def __init__(self):
            super().__init__()
            self.late = ["zh-Hant"]

        def build(self, serve=False, dirty=False):
            super().build(serve, dirty)
            while self.late:   # the zh-Hant watcher's report of the save, after its job was scheduled
                self.pool_jobs.pop(self.late.pop())

    builder = Builder()
    builder.pool_jobs = {"en": "done"}   # the save changed both; en's drop came in time, zh-Hant's late
    variants = VariantBuilds.install(builder)
    variants.start(serve=True)
    variants.thread.join(timeout=30)
    assert builder.built == ["zh-Hant", "zh-Hant"]   # scheduled before the late report, and again after it


def test_under_serve_a_variant_changed_after_the_variants_build_is_built_without_another_save(monkeypatch):
    # The late report can also come once the variants' build is over: nothing would build it until the next
    # save (the serve benchmark's 7th save, with only the check above).
    import time
    from papersite import mkdocs_plugin
    monkeypatch.setattr(mkdocs_plugin, "LATE_S", 0.05)

    builder = _VariantsBuilder()
    variants = mkdocs_plugin.VariantBuilds.install(builder)
    variants.start(serve=True)
    variants.thread.join(timeout=30)
    assert builder.built == ["zh-Hant", "en"]
    builder.taint(builder.variants[0])          # the watcher's report of a save, after the build
    deadline = time.time() + 10
    while builder.built == ["zh-Hant", "en"] and time.time() < deadline:
        time.sleep(0.02)
    variants.thread.join(timeout=30)
    assert builder.built == ["zh-Hant", "en", "zh-Hant"]
    builder.taint(builder.root)                 # the top-level project's own change: its rebuild starts them
    time.sleep(0.3)
    assert builder.built == ["zh-Hant", "en", "zh-Hant"]


def test_serve_removes_the_variants_site_folders_it_built_and_nothing_else(tmp_path):
    from papersite.mkdocs_plugin import VariantBuilds

    class Config:
        def __init__(self, folder, site):
            self.config_file_path, self.site_dir = str(folder / "mkdocs.yml"), str(site)

    class Project:
        def __init__(self, folder, site):
            self.config = Config(folder, site)
    inside = tmp_path / "variants" / "en"
    (inside / "site" / "concepts").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    builder = _ProjectsBuilder()
    variants = VariantBuilds.install(builder)
    builder.projects = {Project(inside, inside / "site"), Project(inside, outside)}
    variants.remove_sites()
    assert not (inside / "site").exists() and (inside / "mkdocs.yml").parent.is_dir()
    assert outside.is_dir()   # not inside the variant's folder: not the plugin's to remove


# -- reusing renderings under serve gives the pages of a fresh build -----------------------------------------
def _copy_project(target: Path) -> Path:
    target.mkdir()
    # .cache: the conversion cache (keyed by content: a copy only saves converting the papers again)
    for name in ("mkdocs.yml", "content", "scripts", "docs", "overrides", "variants", "benchmarks", ".cache"):
        src = ROOT / name
        if not src.exists():
            continue
        (shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("site", "__pycache__"))
         if src.is_dir() else shutil.copy(src, target / name))
    return target


def _serve_build(project: Path, site: Path, fresh: bool):
    """One zh-Hans build as ``mkdocs serve`` makes it (the plugins kept from the build before unless ``fresh``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig
    if fresh:   # new plugin instances (nothing kept), and no concept file read before
        for key, option in MkDocsConfig._schema:
            if key == "plugins":
                option.plugin_cache.clear()
        import papersite.concepts
        papersite.concepts._READ.update(folder=None, files={})
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    if fresh:
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = "http://127.0.0.1:8000/"
    build(config, serve_url=config.site_url)
    plugin = config.plugins["papersite"]
    plugin.index_writer.wait()
    return plugin


def test_a_rebuild_reusing_renderings_serves_what_a_fresh_build_serves(tmp_path, monkeypatch):
    import signal
    from material.plugins.projects.builder import ProjectsBuilder
    # The other variants build in fresh processes of their own (nothing kept): this is about zh-Hans.
    monkeypatch.setattr(ProjectsBuilder, "build", lambda self, serve=False, dirty=False: None)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    sigterm = signal.getsignal(signal.SIGTERM)
    # under serve the plugin imports the pipeline from the project's own scripts/ (here the copy's): the tests
    # after this one must find the package they imported, not the copy's (its classes are other classes)
    ours = lambda name: name == "papersite" or name.startswith("papersite.")
    saved_path, saved_modules = sys.path[:], {k: v for k, v in sys.modules.items() if ours(k)}
    project = _copy_project(tmp_path / "project")
    monkeypatch.chdir(project)   # as `mkdocs serve` runs (pymdownx.snippets' base_path is relative)
    served, fresh = tmp_path / "served", tmp_path / "fresh"
    try:
        _serve_build(project, served, fresh=True)
        concept = project / "content" / "concepts" / "digital-divide.yml"
        text = concept.read_text(encoding="utf-8")
        assert "缩小乃至消除数字鸿沟。" in text
        concept.write_text(text.replace("缩小乃至消除数字鸿沟。", "缩小乃至消除数字鸿沟。（修改）", 1), encoding="utf-8")
        plugin = _serve_build(project, served, fresh=False)
        assert plugin.page_outputs.kept   # the rebuild did reuse (and keep) template outputs
        _serve_build(project, fresh, fresh=True)
    finally:
        signal.signal(signal.SIGTERM, sigterm)
        sys.path[:] = saved_path
        for name in [k for k in sys.modules if ours(k)]:
            del sys.modules[name]
        sys.modules.update(saved_modules)
    pages = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert pages == sorted(p.relative_to(served) for p in served.rglob("*") if p.is_file())
    assert "（修改）" in (served / "concepts" / "digital-divide.html").read_text(encoding="utf-8")
    different = [str(p) for p in pages if (served / p).read_bytes() != (fresh / p).read_bytes()]
    assert different == []
