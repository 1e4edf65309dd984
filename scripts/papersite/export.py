"""``papersite export <dir>``: each variant's complete Markdown tree and a plain MkDocs configuration.

The site is normally built by MkDocs with the project's hook, which adds the generated pages in memory.
An export writes those pages to disk beside the hand-written docs/, with a configuration that needs no
hook and no third-party plugin: MkDocs + Material build it as they are, and so can engines that read
mkdocs.yml but run no MkDocs plugins (Zensical). What the papersite plugin adds beyond the pages is written into the
configuration where it can be (the navigation's order and section titles); what it cannot be (the
search index's re-segmentation, the name of Material's search dialog) is listed in the README.

Layout: ``<dir>/<variant>/{mkdocs.yml, docs/, overrides/, snippets/}``. Build the whole site with
``mkdocs build -f <dir>/zh-Hans/mkdocs.yml -d out`` and the same for zh-Hant and en into ``out/zh-Hant``
and ``out/en`` (each variant's language links point there).
"""
from __future__ import annotations

import fnmatch
import os
import shutil
from pathlib import Path

import yaml

from . import variants
from .site import SECTIONS, VARIANTS, apply_markdown_labels, build_site, section_titles


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs reads it: ``!ENV [NAME, …, default]`` is the first variable set, else the default."""


def _env(loader, node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_Loader.add_constructor("!ENV", _env)


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _merged(project: Path, variant: str) -> dict:
    """The variant's configuration with its INHERIT resolved (a variant file overrides the top one)."""
    base = _load(project / "mkdocs.yml")
    if variants.get(variant).mkdocs == "mkdocs.yml":
        return base
    own = _load(project / variants.get(variant).mkdocs)
    own.pop("INHERIT", None)
    out = dict(base)
    for key, value in own.items():
        out[key] = {**base.get(key, {}), **value} if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out


def _nav(pages: dict[str, str], order: dict[str, int], variant: str, docs: list[str], groups=(), not_in_nav=()) -> list:
    """The navigation the plugin builds: home, the four sections in their order and titles (the concepts by
    category), then the rest, without the pages mkdocs.yml's ``not_in_nav`` keeps out of it."""
    uris = sorted(u for u in set(pages) | set(docs)
                  if not any(fnmatch.fnmatch("/" + u, p if p.startswith("/") else "*/" + p) for p in not_in_nav))
    nav: list = ["index.md"] if "index.md" in uris else []
    for section in SECTIONS:
        children = [u for u in uris if u.startswith(section + "/")]
        if children:
            children.sort(key=lambda u: (order.get(u, -1), u))
            if section == "concepts" and groups:
                grouped = {u for _, members in groups for u in members}
                children = [u for u in children if u not in grouped] + [{title: list(members)} for title, members in groups]
            nav.append({section_titles()[section][variant]: children})
    nav += [u for u in uris if "/" not in u and u != "index.md"]
    return nav


def export_site(project: Path, content: Path, dest: Path, site_url: str | None = None) -> list[Path]:
    """Write every variant's tree under ``dest``; returns the configuration files written."""
    project, dest = Path(project), Path(dest)
    written = []
    for variant in VARIANTS:
        build = build_site(content, variant, site_url)
        root = dest / variant
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(project / "docs", root / "docs")
        shutil.copytree(project / "overrides", root / "overrides")
        (root / "snippets").mkdir()
        for f in (project / "benchmarks" / "results").glob("*.md"):
            shutil.copy(f, root / "snippets" / f.name)
        for uri, markdown in build.pages.items():
            target = root / "docs" / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
        hand_written = [p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")]
        config = _merged(project, variant)
        for key in ("hooks", "watch", "INHERIT"):
            config.pop(key, None)
        config.update(docs_dir="docs", site_dir="site", nav=_nav(build.pages, build.nav_order, variant, hand_written, build.concept_groups,
                                                                (config.get("not_in_nav") or "").split()))
        # What the hook would set: the site root's address for the canonical and hreflang links and sitemap.xml.
        root_url = site_url or config.get("site_url")
        if root_url:
            config["extra"] = dict(config.get("extra") or {}, site_root=root_url.rstrip("/") + "/")
        config["theme"] = dict(config.get("theme") or {}, custom_dir="overrides")
        plugins = []
        for plugin in config.get("plugins") or []:
            name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
            if name in ("projects", "papersite"):
                continue   # each variant is built on its own, from the pages written here
            if name == "search" and isinstance(plugin, dict):
                options = dict(plugin["search"] or {})
                options.pop("fields", None)   # the plugin's index-only field is not written without the plugin
                plugin = {"search": options}
            plugins.append(plugin)
        config["plugins"] = plugins
        extensions = []
        for ext in config.get("markdown_extensions") or []:
            if isinstance(ext, dict) and "pymdownx.snippets" in ext:
                # Snippet paths are read from the working directory: the variant's folder or the export's.
                ext = {"pymdownx.snippets": dict(ext["pymdownx.snippets"], base_path=["snippets", f"{variant}/snippets"])}
            extensions.append(ext)
        # The interface strings the plugin would set (site.apply_markdown_labels), written into the extensions.
        settings = {}
        apply_markdown_labels(settings, variant)
        for i, ext in enumerate(extensions):
            name = next(iter(ext)) if isinstance(ext, dict) else ext
            if name in settings:
                extensions[i] = {name: {**((ext[name] or {}) if isinstance(ext, dict) else {}), **settings[name]}}
        config["markdown_extensions"] = extensions
        path = root / "mkdocs.yml"
        path.write_text("# Exported by `papersite export`: a plain MkDocs + Material project (no hook, no projects plugin).\n"
                        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append(path)
    return written
