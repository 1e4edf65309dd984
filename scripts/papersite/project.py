"""Where a project is: the folder a command or a build acts on (never where the package is installed)."""
from __future__ import annotations

from pathlib import Path


def project_root(start: Path | None = None) -> Path:
    """The project a command acts on: the nearest folder, from ``start`` (the working directory) up, that
    holds content/ and mkdocs.yml; else ``start`` itself (so `papersite new` can begin a project there)."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder
    return here
