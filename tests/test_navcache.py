"""The navigation's items rendered once per folder (papersite.navcache): every page is byte for byte what
Material renders without it (the current page, its sections and their open state, links relative to the
page's folder), and the items of other folders are indeed reused."""
import os
import subprocess
import sys

from conftest import ROOT

from papersite.navcache import MACRO, patched

HOOK = '''
from pathlib import Path
from papersite.navcache import NavFragments
nav = NavFragments()
def on_env(env, config, files):
    nav.install(env)
    return env
def on_post_build(config):
    Path(config.site_dir, "counts.txt").write_text(f"{nav.rendered} {nav.reused}")
'''


def _site(tmp_path, hook: bool):
    docs = tmp_path / "docs"
    if not docs.is_dir():
        for uri in ("index.md", "about.md", "a/one.md", "a/two.md", "a/deeper/three.md", "b/four.md", "b/five.md",
                    *(f"c/page-{i}.md" for i in range(12))):
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_text(f"# {uri}\n\n## Part\n\ntext [home](../index.md)\n", encoding="utf-8")
        (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    name = "with" if hook else "without"
    config = tmp_path / f"{name}.yml"
    config.write_text("site_name: t\nuse_directory_urls: false\ntheme:\n  name: material\n  features: "
                      "[navigation.sections, toc.follow]\n" + ("hooks: [hook.py]\n" if hook else ""), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "scripts"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path / name)],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    return tmp_path / name


def test_pages_are_what_material_renders_and_other_folders_items_are_reused(tmp_path):
    without, with_ = _site(tmp_path, hook=False), _site(tmp_path, hook=True)
    pages = sorted(p.relative_to(without) for p in without.rglob("*.html"))
    assert len(pages) == 20   # the nineteen pages and the 404 page
    for page in pages:
        assert (with_ / page).read_bytes() == (without / page).read_bytes(), page
    # The current page is marked in its own navigation (the patched template still renders it).
    assert 'md-nav__link--active' in (with_ / "a" / "two.html").read_text(encoding="utf-8")
    # Without it, every page renders all 23 items (19 pages, 4 sections): 20 x 23 renderings; with it, the
    # first page of each of the 5 folders renders them, the others only their own path.
    rendered, reused = map(int, (with_ / "counts.txt").read_text().split())
    assert reused and rendered < 20 * 23 / 2


def test_an_unexpected_template_is_left_as_it_is():
    assert patched("{% macro render(nav_item, path, level) %}{% endmacro %}") is None
    assert patched(MACRO + MACRO) is None
    source = MACRO + "x{% endmacro %}"
    assert "papersite_nav_item" in patched(source) and patched(patched(source)) is None
