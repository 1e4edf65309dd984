"""Loading the project's YAML files (paper.yml, site.yml): a mapping, its keys' line numbers, a schema check.

Errors are PaperErrors naming the file and line, and the README that documents the keys.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import PaperError


def key_lines(node, prefix="") -> dict[str, int]:
    """Line number of every dotted key (``a.b``, ``list[0]``) in a composed YAML node."""
    out: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            path = f"{prefix}.{k.value}" if prefix else str(k.value)
            out[path] = k.start_mark.line + 1
            out.update(key_lines(v, path))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            path = f"{prefix}[{i}]"
            out[path] = item.start_mark.line + 1
            out.update(key_lines(item, path))
    return out


# libyaml's parser when PyYAML has it (about ten times faster on the long concept and guide files).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str):
    """The document's data and its keys' line numbers, from one parse."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        return loader.construct_document(node), key_lines(node)
    finally:
        loader.dispose()


def load_mapping(path: Path, schema: dict, docs: str) -> tuple[dict, dict[str, int]]:
    """Read a YAML mapping and check it against ``schema`` (nested dicts of key -> type); ``docs`` names the README."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PaperError(path, f"{name} is missing") from None
    except UnicodeDecodeError:
        raise PaperError(path, f"{name} is not UTF-8 text") from None
    try:
        data, lines = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PaperError(path, f"YAML syntax error: {problem}", mark.line + 1 if mark else None) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PaperError(path, f"{name} must be a mapping of keys (see {docs})", 1)
    check_schema(data, schema, "", path, lines, docs)
    return data, lines


def check_schema(data, schema, prefix, path, lines, docs):
    """Unknown keys and values of the wrong type are errors naming their line."""
    for key, value in data.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        if key not in schema:
            raise PaperError(path, f"unknown key '{dotted}' (see {docs})", lines.get(dotted))
        expected = schema[key]
        if isinstance(expected, dict):
            if value is None:
                continue
            if not isinstance(value, dict):
                raise PaperError(path, f"'{dotted}' must be a mapping", lines.get(dotted))
            check_schema(value, expected, dotted, path, lines, docs)
        elif value is not None and not isinstance(value, expected):
            raise PaperError(path, f"'{dotted}' must be a {expected.__name__}", lines.get(dotted))
