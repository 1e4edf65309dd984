"""Loading the project's YAML files (paper.yml, site.yml): a mapping, its keys' line numbers, a schema check.

Errors are PaperErrors naming the file and line, and the README that documents the keys.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import PaperError
from .source import read_text_file


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


def _duplicate_key(node):
    """The first key that a mapping repeats (YAML loaders keep the last value silently), or None."""
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    return k
                seen.add(k.value)
            found = _duplicate_key(v)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _duplicate_key(item)
            if found is not None:
                return found
    return None


class DuplicateKey(Exception):
    """A mapping names the same key twice."""

    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


def _parse(text: str):
    """The document's data and its keys' line numbers, from one parse."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        dup = _duplicate_key(node)
        if dup is not None:
            raise DuplicateKey(dup.value, dup.start_mark.line + 1)
        return loader.construct_document(node), key_lines(node)
    finally:
        loader.dispose()


def syntax_error_line(exc: yaml.YAMLError) -> int | None:
    """The line to blame for a YAML syntax error: where an unclosed bracket or quote opens (the parser
    notices only at the next line), else where the parser stopped."""
    problem, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    opened = getattr(exc, "context", "") or ""
    if context is not None and ("flow" in opened or "quoted scalar" in opened):
        return context.line + 1
    return problem.line + 1 if problem is not None else None


def load_mapping(path: Path, schema: dict, docs: str) -> tuple[dict, dict[str, int]]:
    """Read a YAML mapping and check it against ``schema`` (nested dicts of key -> type); ``docs`` names the README."""
    data, lines = read_mapping(path, docs)
    check_schema(data, schema, "", path, lines, docs)
    return data, lines


def read_mapping(path: Path, docs: str) -> tuple[dict, dict[str, int]]:
    """Read a YAML mapping and its dotted keys' line numbers (a syntax error or a repeated key names its line)."""
    path = Path(path)
    name = path.name
    try:
        text = read_text_file(path)
    except FileNotFoundError:
        raise PaperError(path, f"{name} is missing") from None
    try:
        data, lines = _parse(text)
    except DuplicateKey as exc:
        raise PaperError(path, f"key '{exc.key}' appears twice in one mapping (the second would silently win)",
                         exc.line) from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        what = f"{context}: {problem}" if context and ("flow" in context or "quoted scalar" in context) else problem
        raise PaperError(path, f"YAML syntax error: {what}", syntax_error_line(exc)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PaperError(path, f"{name} must be a mapping of keys (see {docs})", 1)
    return data, lines


def check_schema(data, schema, prefix, path, lines, docs):
    """Unknown keys and values of the wrong type are errors naming their line.

    A schema maps each key to a type, a nested schema (a mapping), or ``[item]``: a list whose every item is
    ``item`` (a type or a nested schema). A true/false value is not a number."""
    for key, value in data.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        if key not in schema:
            raise PaperError(path, f"unknown key '{dotted}' (see {docs})", lines.get(dotted))
        _check_value(value, schema[key], dotted, path, lines, docs)


KINDS = {str: "text", int: "a whole number", float: "a number", bool: "true or false", list: "a list",
         dict: "a mapping"}


def kind_of(value) -> str:
    """What a YAML value is, in the words of the errors (``true or false`` for a boolean, not a number)."""
    if isinstance(value, bool):
        return KINDS[bool]
    return next((words for kind, words in KINDS.items() if isinstance(value, kind)), type(value).__name__)


def _wrong(value, expected, dotted, path, lines):
    raise PaperError(path, f"'{dotted}' must be {KINDS.get(expected, expected.__name__)}, not {kind_of(value)}",
                     lines.get(dotted))


def _check_value(value, expected, dotted, path, lines, docs):
    if value is None:
        return
    if isinstance(expected, dict):
        if not isinstance(value, dict):
            _wrong(value, dict, dotted, path, lines)
        check_schema(value, expected, dotted, path, lines, docs)
    elif isinstance(expected, list):
        if not isinstance(value, list):
            _wrong(value, list, dotted, path, lines)
        for i, item in enumerate(value):
            where = f"{dotted}[{i}]"
            if item is None:
                raise PaperError(path, f"'{where}' is empty", lines.get(where) or lines.get(dotted))
            _check_value(item, expected[0], where, path, lines, docs)
    elif not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        _wrong(value, expected, dotted, path, lines)
