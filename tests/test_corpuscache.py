"""The corpus is converted once per build and shared by the variants' processes (papersite.corpuscache)."""
from __future__ import annotations

import multiprocessing
import tempfile
from pathlib import Path

import pytest

from papersite import corpuscache
from papersite.script import _converter, traditional_converter


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "papers" / "a").mkdir(parents=True)
    (content / "papers" / "a" / "source.txt").write_text("正文", encoding="utf-8")
    return content


def test_computed_once_then_read_back_and_recomputed_when_content_changes(tmp_path):
    content = _content(tmp_path)
    calls = []
    compute = lambda: calls.append(1) or {"pages": len(calls)}
    assert corpuscache.cached(content, compute) == {"pages": 1}
    assert corpuscache.cached(content, compute) == {"pages": 1} and len(calls) == 1
    (content / "papers" / "a" / "source.txt").write_text("正文改", encoding="utf-8")
    assert corpuscache.cached(content, compute) == {"pages": 2}


def test_errors_are_not_cached(tmp_path):
    content = _content(tmp_path)

    def broken():
        raise ValueError("bad input")
    with pytest.raises(ValueError):
        corpuscache.cached(content, broken)
    assert corpuscache.cached(content, lambda: "fixed") == "fixed"


def test_old_entries_are_removed(tmp_path):
    content = _content(tmp_path)
    for i in range(corpuscache.KEEP + 3):
        (content / "x.txt").write_text(str(i))
        corpuscache.cached(content, lambda: i)
    assert len(list(corpuscache.cache_folder(content).glob("corpus--*.pickle"))) == corpuscache.KEEP


def _worker(content: str, log: str) -> None:
    def compute():
        with open(log, "a") as f:
            f.write("computed\n")
        import time
        time.sleep(0.5)
        return "corpus"
    assert corpuscache.cached(Path(content), compute) == "corpus"


def test_concurrent_variant_processes_convert_once(tmp_path):
    content = _content(tmp_path)
    log = tmp_path / "log"
    procs = [multiprocessing.get_context("spawn").Process(target=_worker, args=(str(content), str(log))) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert log.read_text().count("computed") == 1


def test_the_traditional_converter_leaves_no_temporary_folder(tmp_path):
    exceptions = tmp_path / "exceptions.txt"
    exceptions.write_text("说明了\t說明了\n", encoding="utf-8")
    before = set(Path(tempfile.gettempdir()).glob("papersite-*"))
    _converter.cache_clear()
    convert = traditional_converter("s2tw", exceptions)
    assert convert("这说明了") == "這說明了"
    assert set(Path(tempfile.gettempdir()).glob("papersite-*")) == before


def test_an_edit_elsewhere_leaves_a_papers_conversion_cached(tmp_path):
    content = _content(tmp_path)
    calls = []
    paper = content / "papers" / "a"
    convert = lambda: calls.append(1) or "converted"
    corpuscache.cached(content, convert, part=paper, name="paper.a")
    (content / "concepts").mkdir()
    (content / "concepts" / "x.yml").write_text("term: 新质生产力\n", encoding="utf-8")
    corpuscache.cached(content, convert, part=paper, name="paper.a")
    assert len(calls) == 1
    (paper / "paper.yml").write_text("title: {}\n", encoding="utf-8")
    corpuscache.cached(content, convert, part=paper, name="paper.a")
    assert len(calls) == 2


def test_an_edit_keeping_size_and_modification_time_still_changes_the_key(tmp_path):
    """The key's file hashes are kept per file status: an edit of the same length whose modification time is
    set back (as some editors and copy tools do) still changes the key."""
    import os
    content = _content(tmp_path)
    source = content / "papers" / "a" / "source.txt"
    before = corpuscache.content_key(content)
    stat = source.stat()
    source.write_text("正说", encoding="utf-8")   # the same number of bytes
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert source.stat().st_size == stat.st_size and source.stat().st_mtime_ns == stat.st_mtime_ns
    assert corpuscache.content_key(content) != before
    source.write_text("正文", encoding="utf-8")
    assert corpuscache.content_key(content) == before


def test_the_kept_file_hashes_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(corpuscache, "MAX_DIGESTS", 3)
    corpuscache._DIGESTS.clear()
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text(str(i), encoding="utf-8")
        corpuscache._digest(tmp_path / f"{i}.txt")
        assert len(corpuscache._DIGESTS) <= 3


def test_a_value_that_cannot_be_stored_leaves_no_temporary_file(tmp_path):
    content = _content(tmp_path)
    with pytest.raises(Exception):
        corpuscache.cached(content, lambda: (lambda: None))   # a lambda cannot be pickled
    folder = corpuscache.cache_folder(content)
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".lock")] == []


def test_jieba_keeps_its_dictionary_cache_out_of_the_temp_folder(tmp_path, monkeypatch):
    # jieba keeps the dictionary it parsed (9 MB) in tempfile.gettempdir(): each build on a fresh machine (the
    # concepts' pinyin) and each `papersite suggest` (wordfreq's Chinese frequencies) left a file there.
    import wordfreq.chinese
    from papersite import pinyin
    from papersite.segment import wordfreq_chinese
    temp, cache = tmp_path / "temp", tmp_path / "cache"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    monkeypatch.setattr(wordfreq.chinese, "jieba_tokenizer", None)
    pinyin._lexicon.cache_clear()
    try:
        assert pinyin.term_pinyin("生产关系") == "shēngchǎn guānxì"
        wordfreq_chinese()
        # (wordfreq keeps its frequencies in a cache: tokenize directly, as zipf_frequency does for a new word)
        assert wordfreq.chinese.jieba_tokenize("数字经济") == ["数字", "经济"]
    finally:
        pinyin._lexicon.cache_clear()
    assert list(temp.iterdir()) == []
    # (the pinyin reads jieba's word list without jieba's start-up, which is what writes a cache: wordfreq's only)
    assert len(list((cache / "papersite" / "jieba").glob("jieba*.cache"))) == 1
