"""jieba tokenizers whose dictionary caches are kept in papersite's own cache folder.

jieba parses its dictionary once and keeps the result (about 9 MB for its default dictionary) in the
system temp folder, ``tempfile.gettempdir()``: every build on a fresh machine would leave it there. The
tokenizers made here keep it in ``$XDG_CACHE_HOME/papersite/jieba`` (``~/.cache/papersite/jieba``): a
cache that depends only on the dictionary file, reused by later builds and other projects. Where that
folder cannot be made, jieba's own choice stands.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "papersite" / "jieba"


def tokenizer(dictionary: str | None = None):
    """A private jieba tokenizer (its words are its own: adding a word changes no other tokenizer)."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    out = jieba.Tokenizer() if dictionary is None else jieba.Tokenizer(dictionary)
    try:
        cache_folder().mkdir(parents=True, exist_ok=True)
        out.tmp_dir = str(cache_folder())
    except OSError:
        pass
    return out


def wordfreq_chinese() -> None:
    """wordfreq's Chinese tokenizer (``zipf_frequency(text, "zh")``) made here, before wordfreq makes its own."""
    from wordfreq import chinese
    if getattr(chinese, "jieba_tokenizer", False) is None:
        chinese.jieba_tokenizer = tokenizer(chinese.DICT_FILENAME)
