"""Simplified -> Traditional conversion for the zh-Hant variant, with OpenCC.

The conversion is data, as OpenCC intends: the configured OpenCC configuration (default s2tw:
Taiwan-standard characters, no vocabulary substitution, so quotations keep their wording), with the
editors' per-term exceptions (an OpenCC text dictionary, "简体<TAB>繁體" per line) chained in front of
its dictionaries, so an exception wins wherever it matches (in Simplified or already-converted text).
"""
from __future__ import annotations

import copy
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import opencc

from .errors import PaperError
from .source import read_text_file

SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"


def _absolute(node):
    """Point every dictionary file of an OpenCC config at OpenCC's own data directory."""
    if isinstance(node, dict):
        out = {k: _absolute(v) for k, v in node.items()}
        if "file" in out and not os.path.isabs(out["file"]):
            out["file"] = str(SHARE / out["file"])
        return out
    if isinstance(node, list):
        return [_absolute(v) for v in node]
    return node


def read_exceptions(path: Path) -> dict[str, str]:
    """The exceptions dictionary; a malformed line is an error naming file and line."""
    table: dict[str, str] = {}
    for number, line in enumerate(read_text_file(path).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise PaperError(path, "expected 'simplified<TAB>traditional'", number)
        table[parts[0].strip()] = parts[1].strip()
    return table


@lru_cache(maxsize=8)
def _converter(config: str, exceptions: str | None, stamp: float) -> opencc.OpenCC:
    base = SHARE / f"{config}.json"
    if not base.is_file():
        raise PaperError(base, f"unknown OpenCC configuration {config!r}")
    data = _absolute(json.loads(base.read_text(encoding="utf-8")))
    table = read_exceptions(Path(exceptions)) if exceptions else {}
    # An exception fixes the word in both scripts: its Traditional form maps to itself, so converting
    # a converted text again changes nothing (the zh-Hant pages are a fixed point of the conversion).
    table = {**{t: t for t in table.values()}, **table}
    if not table:
        return opencc.OpenCC(str(base))
    # OpenCC reads its configuration and dictionaries when the converter is made, so the files it is given
    # live only that long (nothing is left in the temporary directory, however often the plugin reloads).
    with tempfile.TemporaryDirectory(prefix="papersite-opencc-") as tmp:
        folder = Path(tmp)
        (folder / "exceptions.txt").write_text("".join(f"{k}\t{v}\n" for k, v in sorted(table.items())), encoding="utf-8")
        extra = {"type": "text", "file": str(folder / "exceptions.txt")}
        data = copy.deepcopy(data)
        seg = data["segmentation"]["dict"]
        data["segmentation"]["dict"] = {"type": "group", "match_policy": "union", "dicts": [extra, seg]}
        first = data["conversion_chain"][0]["dict"]
        data["conversion_chain"][0]["dict"] = {"type": "group", "match_policy": "short_circuit", "dicts": [extra, first]}
        (folder / "config.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return opencc.OpenCC(str(folder / "config.json"))


def traditional_converter(config: str = "s2tw", exceptions: Path | None = None):
    """A function converting Simplified text to Traditional with ``config`` and the exceptions file."""
    stamp = os.stat(exceptions).st_mtime if exceptions else 0.0
    conv = _converter(config, str(exceptions) if exceptions else None, stamp)
    return conv.convert


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC(str(SHARE / "t2s.json"))


def to_simplified(text: str) -> str:
    """Traditional (or mixed) text in Simplified characters (used to make search script-insensitive)."""
    return _t2s().convert(text)
