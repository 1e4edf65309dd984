"""Malformed inputs: `papersite check` and the build refuse the same ones, with the same one-line error.

Each case is a copy of content/ with one file spoilt the way hands spoil files: a value of the wrong type
(a list, a mapping, a number, true, an impossible date, markup), a key line deleted or repeated, a tab, a
file cut short, saved as UTF-16 or with stray bytes, an addresses.lock line deleted or garbled, a stray line in
the Traditional-script exceptions or reviewed words. For each,
`papersite check` (the CLI, in this process) and the build's pipeline (papersite.site.build_site, what the
MkDocs plugin runs, for every variant) must both pass or both fail; a failure must be a PaperError (no
traceback) naming a file of the corpus and the line, and check must print the error the build raises.
Mutations are drawn with a fixed seed, every kind in turn, so a failure here is reproducible.
"""
from __future__ import annotations

import contextlib
import io
import random
import re
import shutil

import pytest
import yaml

from conftest import CONTENT
from papersite import cli
from papersite.errors import PaperError
from papersite.site import build_site

VALUES = ["[1, 2]", "{a: 1}", "12345", "true", '"<b>x</b>"', "-1", "3.5", "[]", "'2024-13-45'", "[[x]]", '""']
YAML_KINDS = ("value", "value", "value", "delete", "repeat", "tab", "truncate", "utf16", "bytes")
LOCK_KINDS = ("delete", "fingerprint", "status", "successor", "lines", "garbage", "utf16", "bytes")
TEXT_KINDS = ("utf16", "bytes", "garbage")   # the other text files: exceptions, reviewed words, instructors' guide
CASES = 48


def _scalars(text: str) -> list[tuple[int, int, int]]:
    """(line, first column, end column) of every one-line scalar value in a YAML text."""
    out = []

    def walk(node):
        children = [v for _, v in node.value] if isinstance(node, yaml.MappingNode) else \
            node.value if isinstance(node, yaml.SequenceNode) else []
        for v in children:
            if isinstance(v, yaml.ScalarNode) and v.start_mark.line == v.end_mark.line:
                out.append((v.start_mark.line, v.start_mark.column, v.end_mark.column))
            walk(v)
    walk(yaml.compose(text))
    return out


def _spoil_yaml(path, kind: str, rng: random.Random) -> str:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if kind == "value":
        no, start, end = rng.choice(_scalars(text))
        value = rng.choice(VALUES)
        lines[no] = lines[no][:start] + value + lines[no][end:]
        what = f"line {no + 1}: value -> {value}"
    elif kind in ("delete", "repeat"):
        keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*[a-z_]+:", line)]
        no = rng.choice(keyed)
        lines[no:no + 1] = [] if kind == "delete" else [lines[no], lines[no]]
        what = f"line {no + 1} {kind}d"
    elif kind == "tab":
        no = rng.randrange(len(lines))
        lines[no] = "\t" + lines[no]
        what = f"tab before line {no + 1}"
    elif kind == "truncate":
        cut = rng.randrange(len(text))
        path.write_text(text[:cut], encoding="utf-8")
        return f"cut at character {cut}"
    elif kind == "utf16":
        path.write_bytes(text.encode("utf-16"))
        return "saved as UTF-16"
    else:
        data = text.encode("utf-8")
        at = rng.randrange(len(data))
        path.write_bytes(data[:at] + b"\xff\xfe\x00" + data[at:])
        return f"stray bytes at byte {at}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return what


def _spoil_encoding(path, kind: str, rng: random.Random) -> str | None:
    text = path.read_text(encoding="utf-8")
    if kind == "utf16":
        path.write_bytes(text.encode("utf-16"))
        return "saved as UTF-16"
    if kind == "bytes":
        data = text.encode("utf-8")
        at = rng.randrange(len(data))
        path.write_bytes(data[:at] + b"\xff\xfe\x00" + data[at:])
        return f"stray bytes at byte {at}"
    return None


def _spoil_text(path, kind: str, rng: random.Random) -> str:
    done = _spoil_encoding(path, kind, rng)
    if done:
        return done
    lines = path.read_text(encoding="utf-8").split("\n")
    no = rng.randrange(len(lines))
    lines.insert(no, "not\ta\tline of this file")
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"a stray line before line {no + 1}"


def _spoil_lock(path, kind: str, rng: random.Random) -> str:
    done = _spoil_encoding(path, kind, rng)
    if done:
        return done
    lines = path.read_text(encoding="utf-8").split("\n")
    entries = [i for i, line in enumerate(lines) if line.startswith("p-")]
    no = rng.choice(entries[:-1])   # not the last: a lock's last line deleted is not a gap (test_addresses)
    cols = lines[no].split()
    if kind == "delete":
        del lines[no]
    elif kind == "fingerprint":
        lines[no] = lines[no].replace(cols[1], "zz" + cols[1][2:], 1)
    elif kind == "status":
        lines[no] = lines[no].replace(" live ", " gone ", 1)
    elif kind == "successor":
        lines[no] = lines[no].replace(" live  - ", " live  p-9999 ", 1)
    elif kind == "lines":
        lines[no] = lines[no].replace(f" {cols[3]} ", " 9-2 ", 1)
    else:
        lines.insert(no, "not a lock line")
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"line {no + 1}: {kind}"


def _cases():
    rng = random.Random(2026)
    yml = sorted(p.relative_to(CONTENT) for p in CONTENT.rglob("*.yml"))
    locks = sorted(p.relative_to(CONTENT) for p in CONTENT.glob("papers/*/addresses.lock"))
    texts = sorted(p.relative_to(CONTENT) for p in [*CONTENT.glob("*.txt"), *CONTENT.glob("teaching/*.md")])
    for k in range(CASES):
        if k % 8 == 5:
            yield pytest.param(rng.choice(texts), TEXT_KINDS[k // 8 % len(TEXT_KINDS)], rng.randrange(10**6),
                               id=f"{k}-text")
        elif k % 4 == 3:
            yield pytest.param(rng.choice(locks), LOCK_KINDS[k // 4 % len(LOCK_KINDS)], rng.randrange(10**6),
                               id=f"{k}-lock")
        else:
            # site.yml and paper.yml (a few files, many keys) as often as the concepts and guides together
            few = [p for p in yml if p.name in ("site.yml", "paper.yml")]
            pool = few if k % 2 else [p for p in yml if p not in few]
            yield pytest.param(rng.choice(pool), YAML_KINDS[k % len(YAML_KINDS)], rng.randrange(10**6), id=f"{k}-yml")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A copy of content/ whose conversion cache is warm (each case spoils one file and restores it)."""
    content = tmp_path_factory.mktemp("malformed") / "content"
    shutil.copytree(CONTENT, content)
    build_site(content, "zh-Hans")
    return content


def _check(content) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(["check", "--content", str(content)])
    return code, out.getvalue()


def _build(content) -> PaperError | None:
    try:
        for variant in ("zh-Hans", "zh-Hant", "en"):
            build_site(content, variant)
    except PaperError as exc:
        return exc
    return None


@pytest.mark.parametrize("relative, kind, seed", list(_cases()))
def test_check_and_build_refuse_the_same_spoilt_file_with_the_same_error(corpus, relative, kind, seed):
    path = corpus / relative
    original = path.read_bytes()
    try:
        rng = random.Random(seed)
        spoil = _spoil_lock if path.name == "addresses.lock" else _spoil_yaml if path.suffix == ".yml" else _spoil_text
        what = spoil(path, kind, rng)
        code, printed = _check(corpus)
        error = _build(corpus)
    finally:
        path.write_bytes(original)
    assert "Traceback" not in printed, (what, printed[-800:])
    assert (code != 0) == (error is not None), (what, code, error, printed[-400:])
    if error is not None:
        message = str(error)
        assert re.match(rf"^{re.escape(str(corpus))}/\S+(:\d+)?: ", message), (what, message)
        assert "\n" not in message
        assert message in printed, (what, message, printed[-400:])
        if kind not in ("delete", "repeat", "value", "garbage") or path.name == "addresses.lock":
            assert message.startswith(f"{path}:"), (what, message)   # the file itself is what is wrong
