"""content/site.yml: site-wide settings (keys documented in content/README.md), validated on load."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from .yamlfile import load_mapping

SCHEMA = {"traditional": {"opencc": str, "exceptions": str}, "errata": {"zh": str, "en": str}}


@dataclass(frozen=True)
class SiteConfig:
    """Validated site settings."""
    path: str
    opencc: str = "s2tw"
    exceptions: Path | None = None
    errata_zh: str = ""
    errata_en: str = ""


def load_site_config(content: Path) -> SiteConfig:
    """Read content/site.yml (every key optional); errors name the file and line."""
    path = Path(content) / "site.yml"
    if not path.is_file():
        return SiteConfig(str(path))
    data, lines = load_mapping(path, SCHEMA, "content/README.md")
    trad, errata = data.get("traditional") or {}, data.get("errata") or {}
    exceptions = None
    if trad.get("exceptions"):
        exceptions = Path(content) / trad["exceptions"]
        if not exceptions.is_file():
            raise PaperError(path, f"traditional.exceptions: {exceptions} does not exist", lines.get("traditional.exceptions"))
    return SiteConfig(str(path), trad.get("opencc") or "s2tw", exceptions,
                      errata.get("zh") or "", errata.get("en") or "")
