"""The MkDocs adapter: the only module that imports MkDocs.

Events used (MkDocs 1.6):
- on_config: make ``scripts/`` importable and reload the pipeline, so that ``mkdocs serve``
  picks up code edits without a restart.
- on_pre_build: convert the corpus. This runs before MkDocs cleans site/, so a bad input
  stops the build with its file:line error and leaves no half-written output.
- on_files: add the generated pages in memory (nothing is written into docs/).
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

_pages: dict[str, str] = {}


def _reload_pipeline():
    # MkDocs may reset sys.path between loading hooks and running them: add scripts/ here.
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    importlib.invalidate_caches()
    for name in sorted((n for n in list(sys.modules) if n == "papersite" or n.startswith("papersite.")), reverse=True):
        del sys.modules[name]
    return importlib.import_module("papersite.site"), importlib.import_module("papersite.errors")


def on_config(config):
    """Reload the pipeline package (code edits take effect under ``mkdocs serve``)."""
    _reload_pipeline()
    return config


def on_pre_build(config):
    """Convert every paper under content/; a bad input raises a one-line file:line error."""
    site, errors = _reload_pipeline()
    try:
        _pages.clear()
        _pages.update(site.build_pages(ROOT / "content"))
    except errors.PaperError as exc:
        raise PluginError(str(exc)) from None


def on_files(files: Files, config) -> Files:
    """Add the generated pages; a hand-written page of the same name in docs/ is an error."""
    for uri, markdown in _pages.items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} would be overwritten by a generated page; remove it")
        files.append(File.generated(config, uri, content=markdown))
    return files
