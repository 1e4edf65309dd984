"""Shared fixtures: the converted corpus (once per session) and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

from papersite.pipeline import convert_corpus, convert_paper, paper_folders
from papersite.variants import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def corpus():
    """Every paper converted, by slug."""
    return {p.slug: p for p in convert_corpus(CONTENT)}


def all_slugs():
    """The slugs of the papers under content/papers."""
    return [f.name for f in paper_folders(CONTENT)]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The whole site (all variants) built once with `mkdocs build --strict` into a temporary folder."""
    import os
    import subprocess
    import sys
    out = tmp_path_factory.mktemp("built") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr, run.stderr
    return out


@pytest.fixture(scope="session")
def to_traditional():
    """The zh-Hant converter as the site configures it (OpenCC + the exceptions list)."""
    from papersite.script import traditional_converter
    from papersite.siteconfig import load_site_config
    config = load_site_config(CONTENT)
    return traditional_converter(config.opencc, config.exceptions)


# Each variant's folder under the built site (papersite.variants: the registry).
VARIANT_DIRS = {v.code: v.root.rstrip("/") for v in VARIANTS}


@pytest.fixture(scope="module")
def server(built_site, tmp_path_factory):
    """The built site served under a sub-path, as a course server would (tests/browser.py)."""
    from browser import serve_under_sub_path
    with serve_under_sub_path(built_site, tmp_path_factory.mktemp("web")) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium, headless, driven by Playwright."""
    from browser import browser
    with browser() as b:
        yield b
