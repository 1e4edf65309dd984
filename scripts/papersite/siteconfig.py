"""content/site.yml: site-wide settings (keys documented in content/README.md), validated on load."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from .concepts import Category
from .yamlfile import load_mapping

SCHEMA = {"traditional": {"opencc": str, "exceptions": str}, "errata": {"zh": str, "en": str},
          "concepts": {"categories": list}}


@dataclass(frozen=True)
class SiteConfig:
    """Validated site settings."""
    path: str
    opencc: str = "s2tw"
    exceptions: Path | None = None
    errata_zh: str = ""
    errata_en: str = ""
    categories: tuple[Category, ...] = ()


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
                      errata.get("zh") or "", errata.get("en") or "", _categories(data, lines, path))


def _categories(data: dict, lines: dict, path: Path) -> tuple[Category, ...]:
    """concepts.categories: the concept index's groups, in order, each with id, zh and en names."""
    out = []
    for i, item in enumerate((data.get("concepts") or {}).get("categories") or []):
        key = f"concepts.categories[{i}]"
        if not isinstance(item, dict) or set(item) != {"id", "zh", "en"} or not all(isinstance(v, str) for v in item.values()):
            raise PaperError(path, f"{key} must have exactly 'id', 'zh' and 'en' (see content/README.md)", lines.get(key))
        if any(c.id == item["id"] for c in out):
            raise PaperError(path, f"{key}: duplicate category id {item['id']!r}", lines.get(key))
        out.append(Category(item["id"], item["zh"], item["en"]))
    return tuple(out)
