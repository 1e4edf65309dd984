"""content/site.yml: site-wide settings (keys documented in content/README.md), validated on load."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import PaperError

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
    text = path.read_text(encoding="utf-8-sig")
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PaperError(path, f"YAML syntax error: {getattr(exc, 'problem', exc)}", mark.line + 1 if mark else None) from None
    lines = {}
    if root is not None:
        for k, v in root.value:
            lines[k.value] = k.start_mark.line + 1
            for k2, _ in getattr(v, "value", []) if isinstance(v, yaml.MappingNode) else []:
                lines[f"{k.value}.{k2.value}"] = k2.start_mark.line + 1
    if not isinstance(data, dict):
        raise PaperError(path, "site.yml must be a mapping", 1)
    for key, value in data.items():
        if key not in SCHEMA:
            raise PaperError(path, f"unknown key '{key}' (see content/README.md)", lines.get(key))
        if not isinstance(value, dict):
            raise PaperError(path, f"'{key}' must be a mapping", lines.get(key))
        for sub, v in value.items():
            if sub not in SCHEMA[key] or not isinstance(v, SCHEMA[key][sub]):
                raise PaperError(path, f"'{key}.{sub}' is not a known text key", lines.get(f"{key}.{sub}"))
    trad, errata = data.get("traditional", {}), data.get("errata", {})
    exceptions = None
    if trad.get("exceptions"):
        exceptions = Path(content) / trad["exceptions"]
        if not exceptions.is_file():
            raise PaperError(path, f"traditional.exceptions: {exceptions} does not exist", lines.get("traditional.exceptions"))
    return SiteConfig(str(path), trad.get("opencc", "s2tw"), exceptions,
                      errata.get("zh", ""), errata.get("en", ""))
