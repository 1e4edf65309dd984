"""Bad input: a one-line error naming the file (and line), a non-zero exit, no partial output."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT
from papersite.cli import main
from papersite.errors import PaperError
from papersite.paperyml import load_record
from papersite.pipeline import convert_paper
from papersite.source import decode_source

SLUG = "xu-liu-distribution-relations"


def copy_paper(tmp_path, slug=SLUG) -> Path:
    dest = tmp_path / "papers" / slug
    shutil.copytree(CONTENT / "papers" / slug, dest)
    return dest


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n ", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b"\xff\xfe\xfa\xfb" * 10, "neither UTF-8 nor GB18030"),
])
def test_unreadable_sources_are_refused(data, message):
    with pytest.raises(PaperError) as err:
        decode_source(data, "x/source.txt")
    assert str(err.value).startswith("x/source.txt") and message in str(err.value)


def test_gb18030_bom_and_crlf_are_decoded_to_the_same_text():
    text = "新质生产力\n发展相适应的分配关系\n"
    plain = decode_source(text.encode("utf-8"), "a").lines
    assert decode_source(text.encode("gb18030"), "a").lines == plain
    assert decode_source(b"\xef\xbb\xbf" + text.encode("utf-8"), "a").lines == plain
    assert decode_source(text.replace("\n", "\r\n").encode("utf-8"), "a").lines == plain


def test_gbk_source_converts_like_utf8(tmp_path):
    folder = copy_paper(tmp_path)
    original = convert_paper(folder).document
    data = (folder / "source.txt").read_text(encoding="utf-8").encode("gb18030")
    (folder / "source.txt").write_bytes(data)
    import hashlib
    yml = (folder / "paper.yml").read_text(encoding="utf-8")
    (folder / "paper.yml").write_text(yml.replace(load_record(folder / "paper.yml").sha256, hashlib.sha256(data).hexdigest()), encoding="utf-8")
    assert convert_paper(folder).document.blocks == original.blocks


def _line_of(text: str, start: str) -> int:
    """The 1-based number of the first line of ``text`` that starts with ``start``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


@pytest.mark.parametrize("edit, message, where", [
    # An unclosed bracket is blamed on its own line, not on the next one where the parser notices.
    (lambda y: y.replace("title:\n", "title: [\n", 1), "YAML syntax error", "title: ["),
    (lambda y: y.replace("  zh_provenance: source\n", ""), "missing required key 'title.zh_provenance'", "title:"),
    (lambda y: y + "colour: blue\n", "unknown key 'colour'", "colour:"),
    (lambda y: y.replace("zh_provenance: source", "zh_provenance: guess"), "must be one of source, editor",
     "  zh_provenance: guess"),
    (lambda y: y.replace("加快形成与新质生产力发展相适应的分配关系", "另一个标题"), "title.zh is marked as from the source",
     "  zh: 另一个标题"),
    (lambda y: y + "title:\n  zh: 重复\n", "key 'title' appears twice", "title:\n  zh: 重复"),
    # values inside lists and mappings are typed too (each of these ended in a traceback)
    (lambda y: y.replace("  pinyin: Xu Ji", "  pinyin: 12345"), "'authors[0].pinyin' must be text, not a whole number",
     "  pinyin: 12345"),
    (lambda y: y + "keywords:\n  en:\n  - [x]\n", "'keywords.en[0]' must be text, not a list", "  - [x]"),
    (lambda y: y + "year: true\n", "'year' must be a whole number, not true or false", "year: true"),
    (lambda y: y + "source_fields:\n  基金项目: [a, b]\n", "'source_fields.基金项目' must be the field's text as printed",
     "  基金项目"),
])
def test_bad_paper_yml_names_file_and_line(tmp_path, edit, message, where):
    folder = copy_paper(tmp_path)
    yml = folder / "paper.yml"
    edited = edit(yml.read_text(encoding="utf-8"))
    yml.write_text(edited, encoding="utf-8")
    with pytest.raises(PaperError) as err:
        convert_paper(folder)
    text = str(err.value)
    assert message in text and text.startswith(str(yml))
    expected = (edited.index(where) and edited[:edited.index(where)].count("\n") + 1) if "\n" in where else _line_of(edited, where)
    assert err.value.line == expected, (text, expected)
    assert "\n" not in text


@pytest.mark.parametrize("data, name", [
    (b"\xff\xfe" + "摘要：新质生产力\n".encode("utf-16-le"), "UTF-16LE"),
    (b"\xfe\xff" + "摘要：新质生产力\n".encode("utf-16-be"), "UTF-16BE"),
    ("Abstract: new quality productive forces\n".encode("utf-16-le"), "UTF-16LE"),
])
def test_utf16_sources_are_named_as_what_they_are(data, name):
    with pytest.raises(PaperError) as err:
        decode_source(data, "x/source.txt")
    assert f"source is {name} text" in str(err.value) and "binary" not in str(err.value)


def test_edited_source_is_refused(tmp_path):
    folder = copy_paper(tmp_path)
    with open(folder / "source.txt", "a", encoding="utf-8") as f:
        f.write("多出的一行\n")
    with pytest.raises(PaperError, match="does not match the sha256"):
        convert_paper(folder)


def test_cli_exits_nonzero_with_one_line(tmp_path, capsys):
    folder = copy_paper(tmp_path)
    (folder / "paper.yml").write_text("source: [\n", encoding="utf-8")
    assert main(["convert", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "paper.yml:" in err


def test_scaffold_leaves_nothing_behind_on_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    content = tmp_path / "content"
    assert main(["new", str(bad), "--slug", "bad-paper", "--content", str(content)]) == 1
    assert not (content / "papers" / "bad-paper").exists()


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "content"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copyfile)(src, project / name)
    site = project / "site"
    site.mkdir()
    (site / "marker.html").write_text("previous build")
    yml = project / "content" / "papers" / SLUG / "paper.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("authors:", "authors: [", 1), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True)
    assert run.returncode != 0
    assert f"{yml}:" in run.stderr
    assert (site / "marker.html").read_text() == "previous build"
    assert not (site / "index.html").exists()


@pytest.mark.parametrize("text, message, line", [
    ("traditional:\n  opencc: s2tw\n  exeptions: x.txt\n", "unknown key 'traditional.exeptions'", 3),
    ("errata:\n  zh: 1\n", "'errata.zh' must be text, not a whole number", 2),
    ("errata:\n  zh: 报告\ntraditional:\n  opencc: t2s\n", "'t2s' is not an OpenCC configuration from Simplified to Traditional", 4),
    ("traditional:\n  exceptions: missing.txt\n", "does not exist", 2),
    ("traditional: [s2tw\n", "YAML syntax error", 1),   # the line with the unclosed bracket
    ("errata:\n  zh: 报告\n  url: javascript:alert(1)\n", "errata.url must be an http:, https: or mailto:", 3),
    ("site:\n  title:\n    zh: 论文选读\n    fr: Lectures\n", "unknown key 'site.title.fr'", 4),
    ("site:\n  intro:\n    en: [a, b]\n", "'site.intro.en' must be text, not a list", 3),
    ("site:\n  title:\n    zh: '  '\n", "site.title.zh must not be empty", 3),
    ("site:\n  search_example:\n    part: 富裕\n", "site.search_example must give both 'part' and 'word'", 2),
    ("site:\n  search_example:\n    part: 富裕\n    word: ' '\n", "site.search_example must give both 'part' and 'word'", 2),
    ("site:\n  search_example:\n    part: 共享\n    word: 共同富裕\n", "'共享' must be a part of the word '共同富裕'", 3),
    ("site:\n  search_example:\n    part: 共同富裕\n    word: 共同富裕\n", "must be a part of the word '共同富裕', shorter", 3),
    ("site:\n  search_example:\n    part: 富裕\n    word: [共同富裕]\n", "'site.search_example.word' must be text, not a list", 4),
    ("site:\n  search_example:\n    part: 富裕\n    words: 共同富裕\n", "unknown key 'site.search_example.words'", 4),
])
def test_bad_site_yml_names_file_and_line(tmp_path, text, message, line):
    from papersite.siteconfig import load_site_config
    (tmp_path / "site.yml").write_text(text, encoding="utf-8")
    with pytest.raises(PaperError) as err:
        load_site_config(tmp_path)
    assert str(err.value).startswith(f"{tmp_path / 'site.yml'}:{line}:") and message in str(err.value)


def test_malformed_exception_line_names_file_and_line(tmp_path):
    from papersite.script import read_exceptions
    bad = tmp_path / "exceptions.txt"
    bad.write_text("# fixes\n分配制度\t分配制度\n只有一列\n", encoding="utf-8")
    with pytest.raises(PaperError) as err:
        read_exceptions(bad)
    assert str(err.value).startswith(f"{bad}:3:")


def test_check_fails_where_the_build_fails_an_unknown_sequence_term(tmp_path):
    """`papersite check` runs the build's own validation: a sequence naming no concept fails both."""
    import os
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = content / "site.yml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("concepts: [马克思主义政治经济学, 生产力,", "concepts: [马克思主义政治经济学, 生产力量,", 1),
                    encoding="utf-8")
    line = next(i for i, l in enumerate(site.read_text(encoding="utf-8").splitlines(), 1) if "生产力量" in l)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    run = subprocess.run([sys.executable, "-m", "papersite", "check", "--content", str(content)],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{site}:{line}: teaching.sequences foundations: '生产力量' is not a term" in run.stderr


def test_new_warns_when_the_same_source_is_already_in_the_corpus(tmp_path):
    import os
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    source = CONTENT / "papers" / SLUG / "source.txt"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    run = subprocess.run([sys.executable, "-m", "papersite", "new", str(source), "--slug", "copy-of-xu-liu",
                          "--content", str(content)], capture_output=True, text=True, env=env)
    assert f"already in the corpus as '{SLUG}'" in run.stderr
