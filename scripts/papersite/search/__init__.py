"""The site's own search index: exact matching on the text of every passage, in either script.

    passages.py  built HTML page -> passages (paragraph, heading, note, concept-page block) with addresses
    fold.py      one character -> its matching form (Traditional -> Simplified, case, width, accents)
    names.py     concept and paper names (terms, aliases, other script, English, pinyin, authors)
    index.py     passages + names -> the files the browser loads: a small manifest, gram shards, text chunks

The browser side is docs/assets/javascripts/search.js. Matching is on characters, not words: a
query's character pairs (one character alone where no pair covers it) and its Latin words (^ + the word,
a prefix of a word of the text: English matches start at a word) are looked up in positional posting
lists, sharded by a hash of the gram, so a query fetches only the shards of its grams and the text chunks
of the results it shows; a passage matches when the query's grams sit at consecutive positions, which is
exactly "the folded passage contains the folded query" (from a word start when the query starts with a
Latin letter or digit).
"""
from .fold import Folder, build_folder
from .index import build_index
from .names import Name, site_names
from .passages import Passage, page_passages

__all__ = ["Folder", "build_folder", "build_index", "Name", "site_names", "Passage", "page_passages"]
