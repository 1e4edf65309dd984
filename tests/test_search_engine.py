"""papersite.search on small cases: passages from HTML, folding, and the index files (read back and
matched here the way docs/assets/javascripts/search.js matches, to check what the index says)."""
from __future__ import annotations

import json
import re

import pytest

from papersite.script import to_simplified
from papersite.search import Passage, build_folder, build_index, page_passages
from papersite.search.index import gram_hash


def folder_for(texts, to_traditional):
    return build_folder({c for t in texts for c in t}, to_simplified, to_traditional)


def read(files, name):
    head, _, body = files[name].partition(",")
    assert head == f'__papersiteSearch.add("{name[:-3]}"' and body.endswith(");\n")
    return json.loads(body[:-3])


def postings(files, meta, gram):
    shard = read(files, f"g/{gram_hash(gram) % meta['shards']}.js")
    out, pid = {}, 0
    for entry in filter(None, shard.get(gram, "").split(";")):
        d, _, pos = entry.partition(":")
        pid += int(d)
        at, positions = 0, []
        for p in pos.split(","):
            at += int(p)
            positions.append(at)
        out[pid] = positions
    return out


def is_word(c):
    return c.isascii() and c.isalnum()


def covering(q):
    """(gram, offset) pairs for a folded query, as search.js's covering picks them: ^ + each Latin word,
    then every other character in a pair with a neighbour (never two letters or two spaces), or alone."""
    need, covered = [], set()
    for m in re.finditer("[a-z0-9]+", q):
        need.append(("^" + m.group(), m.start()))
        covered.update(range(m.start(), m.end()))

    def pair(a):
        return 0 <= a < len(q) - 1 and q[a:a + 2] != "  " and not (is_word(q[a]) and is_word(q[a + 1]))
    for i, c in enumerate(q):
        if i in covered:
            continue
        if pair(i):
            need.append((q[i:i + 2], i))
            covered.add(i + 1)
        elif pair(i - 1):
            need.append((q[i - 1:i + 1], i - 1))
        elif c != " ":
            need.append((c, i))
    return need


def search(files, folder, query):
    """pid -> occurrences: the query's covering grams at consecutive positions (as search.js does)."""
    meta = read(files, "meta.js")
    need = covering(folder.fold(query).strip())
    lists = [postings(files, meta, g) for g, _ in need]
    hits = {}
    for pid, positions in lists[0].items():
        start_of = need[0][1]
        count = sum(all(pid in lst and start - start_of + off in lst[pid] for lst, (_, off) in zip(lists, need))
                    for start in positions)
        if count:
            hits[pid] = count
    return hits


def brute_force(texts, folder, query):
    """pid -> occurrences of the folded query in the folded text, a Latin query from a word start only."""
    q, hits = folder.fold(query).strip(), {}
    for pid, text in enumerate(texts):
        t = folder.fold(text)
        count = sum(t.startswith(q, i) and not (is_word(q[0]) and i and is_word(t[i - 1])) for i in range(len(t)))
        if count:
            hits[pid] = count
    return hits


PAGES = [
    ("a.html", "A", [Passage("", "title", "", "共同富裕的逻辑"), Passage("p-1", "para", "¶1", "促进共同富裕是目标。"),
                     Passage("p-2", "para", "¶2", "富裕的生活，发展新质生产力。")]),
    ("b.html", "B", [Passage("p-1", "para", "¶1", "共同的富裕与新质的生产力不是一回事。"),
                     Passage("p-2", "para", "¶2", "Redistribution and distribution, Distribution-wise.")]),
]


@pytest.fixture()
def index(to_traditional):
    texts = [p.text for _, _, ps in PAGES for p in ps]
    folder = folder_for(texts, to_traditional)
    return build_index(PAGES, (), folder), folder


@pytest.mark.parametrize("query, expected", [
    ("共同富裕", {0: 1, 1: 1}),            # the phrase, not its characters apart (b.html ¶1 has 共同的富裕)
    ("富裕", {0: 1, 1: 1, 2: 1, 3: 1}),    # a sub-word, wherever it is
    ("富", {0: 1, 1: 1, 2: 1, 3: 1}),      # one character
    ("發展", {2: 1}), ("发展", {2: 1}),     # either script
    ("新质生产力", {2: 1}),                 # not b.html's 新质的生产力
    ("新質生產力", {2: 1}),
    ("distribution", {4: 2}),              # from a word start, any case, not inside Redistribution
    ("Distribution wise", {4: 1}),         # punctuation folds to a space
    ("distrib", {4: 2}),                   # a word's beginning is enough
    ("and distribution", {4: 1}),          # words in a row, each from a word start
    ("tribution", {}),                     # not from a word start
    ("and  distribution", {}),             # two spaces are not the text's one
    ("量子", {}),
])
def test_exact_matching(index, query, expected):
    files, folder = index
    assert search(files, folder, query) == expected


MIXED = ["GDP增长了5%，TFP与GDP2020年的增长率；gdp-growth（GDP growth）", "A. B. Atkinson: inequality, in-equality",
         "Income distribution and income-distribution; 收入分配 income  distribution", "数字经济 digital economy 2.0 与 Web3"]


def test_index_finds_exactly_what_the_text_contains(to_traditional):
    """Every piece of the texts (and pieces with one character changed) is found where, and as often as, it
    occurs: the index's grams (Latin words, pairs, characters) answer exactly "contains, from a word start"."""
    folder = folder_for(MIXED, to_traditional)
    files = build_index([("m.html", "M", [Passage(f"p-{i}", "para", f"¶{i}", t) for i, t in enumerate(MIXED)])], (), folder)
    queries = {t[i:j] for t in MIXED for i in range(len(t)) for j in range(i + 1, min(len(t), i + 12) + 1)}
    queries |= {q[:-1] + "x" for q in list(queries)} | {"Web4", "growthx", "收入 分配"}
    queries = sorted(q for q in queries if folder.fold(q).strip())
    assert len(queries) > 1000
    wrong = [q for q in queries if search(files, folder, q) != brute_force(MIXED, folder, q)]
    assert not wrong, wrong[:10]


def test_fold_keeps_offsets_and_joins_scripts(to_traditional):
    folder = folder_for(["發展与发展", "xīnzhì"], to_traditional)
    assert folder.fold("發展") == folder.fold("发展") == "发展"
    assert folder.fold("ＡＢｃ，Xīnzhì") == "abc xinzhi"
    text = "促進共同富裕，「發展」。"
    assert len(folder.fold(text)) == len(text)
    assert all(folder.fold(folder.fold(c)) == folder.fold(c) for c in "發展與进步")   # idempotent


def test_manifest_and_chunks(index):
    files, _ = index
    meta = read(files, "meta.js")
    assert [p[:4] for p in meta["pages"]] == [["a.html", "A", "page", 0], ["b.html", "B", "page", 3]]
    assert meta["pages"][0][4] == "tpp" and meta["passages"] == 5
    chunk = read(files, "t/0.js")
    assert chunk["a"] == ["", "p-1", "p-2"] and chunk["l"][1] == "¶1" and chunk["x"][1] == "促进共同富裕是目标。"
    assert meta["chunks"] == [0, 3]                     # chunks never cross pages


def test_index_is_deterministic(to_traditional):
    texts = [p.text for _, _, ps in PAGES for p in ps]
    a = build_index(PAGES, (), folder_for(texts, to_traditional))
    b = build_index(list(reversed(PAGES)), (), folder_for(list(reversed(texts)), to_traditional))
    assert a == b


HTML = """<html><nav>导航 新质生产力</nav><article class="md-content__inner md-typeset">
<h1 id="_1">标题<a class="headerlink" href="#_1">¶</a></h1>
<dl class="paper-meta"><dt>作者</dt><dd>武扬波</dd></dl>
<h2 id="s1">引言<a class="headerlink" href="#s1">¶</a></h2>
<p class="para" id="p-1"><a class="para-num" href="#p-1" data-n="1"></a>发展<a class="concept-link" href="x">新质生产力</a>是要求<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>。</p>
<div class="kwic" data-search-exclude><p>重复的文字</p></div>
<p>无编号的段落</p>
<div class="footnote"><ol><li id="fn:1"><p>注释文字<a class="footnote-backref" href="#fnref:1">↩</a></p></li></ol></div>
</article></html>"""


def test_passages_from_html():
    assert page_passages(HTML, ("注", "注 {n}")) == [
        Passage("", "title", "", "标题"),
        Passage("", "text", "", "作者：武扬波"),
        Passage("s1", "heading", "", "引言"),
        Passage("p-1", "para", "¶1", "发展新质生产力是要求。"),
        Passage("s1", "text", "引言", "无编号的段落"),
        Passage("fn:1", "note", "注 1", "注释文字"),
    ]


def test_a_note_is_labelled_with_the_number_the_page_shows_not_its_id():
    # Python-Markdown numbers the notes by their place in the list; the id is the converter's name (fn:n7).
    page = ('<article class="md-content__inner md-typeset"><p>正文</p><div class="footnote"><ol>'
            '<li id="fn:n7"><p>第一条</p></li><li id="fn:a"><p>第二条</p></li></ol></div></article>')
    notes = [p for p in page_passages(page, ("註", "註 {n}")) if p.kind == "note"]
    assert [(p.anchor, p.label, p.text) for p in notes] == [("fn:n7", "註 1", "第一条"), ("fn:a", "註 2", "第二条")]


@pytest.mark.parametrize("variant, note", [("zh-Hans", "注"), ("zh-Hant", "註")])   # en pages carry no notes
def test_a_note_in_the_results_is_labelled_in_the_variant_s_own_words(built_site, variant, note):
    # A search result for a note names it as the page around it does: 註 on a Traditional page (as in its
    # 註釋 heading), with the number the page shows.
    from conftest import VARIANT_DIRS
    folder = built_site / VARIANT_DIRS[variant] / "search"
    labels = set()
    for path in (folder / "t").glob("*.js"):
        name = f"t/{path.name}"
        chunk = read({name: path.read_text(encoding="utf-8")}, name)
        labels |= {label for anchor, label in zip(chunk["a"], chunk["l"]) if anchor.startswith("fn:")}
    assert labels, "no note in the index"
    assert all(re.fullmatch(re.escape(note) + r" \d+", label) for label in labels), sorted(labels)[:5]


def test_names_cover_every_way_to_name_a_concept(corpus, to_traditional):
    from papersite.site import build_site
    from conftest import CONTENT
    names = {n.url: n for n in build_site(CONTENT, "zh-Hans").names}
    nqpf = names["concepts/new-quality-productive-forces.html"].forms
    assert {"新质生产力", "新質生產力", "xīnzhì shēngchǎnlì", "new quality productive forces"} <= set(nqpf)
    wu = names["papers/wu-common-prosperity-logic.html"].forms
    assert {"武扬波", "Wu Yangbo"} <= set(wu)


def test_pinyin_u_umlaut_typed_as_v(to_traditional):
    """A reader types ü as v (lv for lǜ, nv for nǚ), as pinyin input methods do: that is a name too."""
    from types import SimpleNamespace
    from papersite.search.names import site_names
    concept = SimpleNamespace(slug="green-development", term="绿色发展", aliases=(), pinyin="lǜsè fāzhǎn", english=())
    author = SimpleNamespace(name="吕明", pinyin="Lǚ Míng")
    paper = SimpleNamespace(slug="lv-2024", record=SimpleNamespace(title_zh="绿色", title_en="Green", authors=(author,)))
    names = {n.url: n.forms for n in site_names([concept], [paper], to_traditional)}
    assert "lǜsè fāzhǎn" in names["concepts/green-development.html"]
    assert "lvsè fāzhǎn" in names["concepts/green-development.html"]
    assert {"Lǚ Míng", "Lv Míng"} <= set(names["papers/lv-2024.html"])
    # folded as search.js folds (tone marks off, case, spaces out), the typed form is the reader's "lvse"
    folder = folder_for(["lvsè fāzhǎn"], to_traditional)
    assert folder.fold("lvsè fāzhǎn").replace(" ", "") == "lvsefazhan"


@pytest.mark.parametrize("text", ["", " ", "a", "新", "新质 生产力", "AI 与 ai2  数字经济 GDP2024年", "  x  y ", "Ab-cd ef",
                                  "生产力" * 40 + " Marx Engels 1867 资本论", "\t新\n质 ", "ab cd"])
def test_the_grams_of_a_passage_are_those_of_grams_at(text):
    """build_index writes its posting lists from passage_grams: the same grams at the same positions, in order."""
    from collections import defaultdict
    from papersite.search.index import grams_at, passage_grams
    expected = defaultdict(list)
    for gram, pos in grams_at(text):
        expected[gram].append(pos)
    assert dict(passage_grams(text)) == dict(expected)


def test_a_text_in_many_passages_is_indexed_in_each(to_traditional):
    """build_index reads each distinct folded text once (however many passages have it, in either script): every
    gram's posting list still names each passage with the text, at the text's own positions."""
    from papersite.search.index import grams_at
    same = ["共同富裕是目标。", "共同富裕是目標。", "Common prosperity, common goal", "共同富裕是目标。"]
    texts = same + ["新质生产力发展。", "共同富裕是目标。", "Common prosperity, common goal"]   # [4]: as long, not the same
    pages = [("a.html", "A", [Passage(f"p-{i}", "para", f"¶{i}", t) for i, t in enumerate(texts[:4])]),
             ("b.html", "B", [Passage(f"p-{i}", "para", f"¶{i}", t) for i, t in enumerate(texts[4:])])]
    folder = folder_for(texts, to_traditional)
    files = build_index(pages, (), folder)
    meta = read(files, "meta.js")
    expected = {}
    for pid, text in enumerate(texts):
        for gram, pos in grams_at(folder.fold(text)):
            expected.setdefault(gram, {}).setdefault(pid, []).append(pos)
    assert {gram: postings(files, meta, gram) for gram in expected} == expected
    assert set(expected["^common"]) == {2, 6} and set(expected["目标"]) == {0, 1, 3, 5}
