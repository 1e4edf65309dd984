"""Nothing of an article is lost or altered beyond the declared normalisations; nothing else is published."""
import re
from collections import Counter

import pytest

from conftest import all_slugs
from papersite.model import NoteRef, plain_text
from papersite.reader.frontmatter import _LABEL_RE
from papersite.textutil import is_cjk

_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})


def squash(text: str) -> str:
    """Compare modulo the declared normalisations: whitespace, punctuation width."""
    return re.sub(r"[\s\u3000]+", "", text).translate(_FULL)


def excluded_lines(paper):
    doc = paper.document
    out = set()
    for note in doc.notes:
        out.update(range(note.line, note.last_line + 1))
    for block in doc.blocks:
        if hasattr(block, "rows"):
            out.update(range(block.line, block.last_line + 1))
    out.update(e.line for e in doc.log if e.kind == "furniture")
    return out


@pytest.mark.parametrize("slug", all_slugs())
def test_paragraphs_reproduce_their_source_lines_verbatim(corpus, slug):
    paper = corpus[slug]
    lines = paper.source.lines
    skip = excluded_lines(paper)
    for para in paper.document.paragraphs():
        source = "".join(lines[n - 1] for n in range(para.first_line, para.last_line + 1) if n not in skip)
        markers = [n.label for n in para.inlines if isinstance(n, NoteRef)]
        for label in markers:
            source = source.replace(label, "", 1)
        text = plain_text(para.inlines)
        assert squash(text) == squash(source), f"{para.id} (line {para.first_line}) differs from its source"


def _ideographs(text):
    return Counter(c for c in text if is_cjk(c))


@pytest.mark.parametrize("slug", all_slugs())
def test_every_chinese_character_of_the_source_is_published_once(corpus, slug):
    """Conservation: the source's ideographs minus page furniture and field labels = the document's."""
    paper = corpus[slug]
    doc = paper.document
    # furniture, and the 参考文献 heading the page prints itself above the reference list
    furniture = {e.line for e in doc.log if e.kind in ("furniture", "structure")}
    source = Counter()
    for n, line in enumerate(paper.source.lines, start=1):
        if n not in furniture:
            source += _ideographs(_LABEL_RE.sub("", line.strip()))
    published = Counter()
    m = doc.meta
    authors = m.authors if m.authors_from == "author line" else ()
    for text in [m.title, m.abstract, *m.keywords, *authors, *(v for _, v in m.fields)]:
        published += _ideographs(text or "")
    for block in doc.blocks:
        if hasattr(block, "inlines"):
            published += _ideographs(plain_text(block.inlines))
        elif hasattr(block, "rows"):
            published += _ideographs(block.caption + "".join(block.header) + "".join("".join(r) for r in block.rows) + (block.source_note or ""))
        else:
            published += _ideographs((block.number or "") + block.text)
    for note in doc.notes:
        published += _ideographs(plain_text(note.inlines))
    for ref in doc.references:
        published += _ideographs(ref.text)
    author_prefix = Counter("文") if any(l.strip().startswith("文 /") for l in paper.source.lines[:8]) else Counter()
    lost = source - published - author_prefix
    extra = published - source
    assert not lost, f"characters missing from the page: {dict(lost.most_common(10))}"
    assert not extra, f"characters not in the source: {dict(extra.most_common(10))}"


@pytest.mark.parametrize("slug", all_slugs())
def test_every_note_is_referenced_exactly_once(corpus, slug):
    doc = corpus[slug].document
    refs = Counter(n.note_id for p in doc.paragraphs() for n in p.inlines if isinstance(n, NoteRef))
    assert sorted(refs) == sorted(n.id for n in doc.notes)
    assert all(c == 1 for c in refs.values())
    assert not [e for e in doc.log if e.kind == "unpaired"]


def test_page_furniture_is_removed(corpus):
    doc = corpus["xu-liu-distribution-relations"].document
    text = "".join(plain_text(p.inlines) for p in doc.paragraphs())
    assert "FINANCIAL MINDS" not in text and "财经智库" not in text
    assert not re.search(r"(^|\D)07[4-9](\D|$)", text), "a page number is left in the body"
    removed = [e for e in doc.log if e.kind == "furniture"]
    assert len(removed) >= 6


def test_other_articles_abstracts_are_not_published(corpus):
    english = corpus["xu-liu-distribution-relations"].document.meta.english
    assert english.abstract.startswith("The development of new quality productive forces requires")
    assert english.abstract.endswith("data as key production factors.")
    assert "ODI" not in english.abstract and "digital governance" not in english.abstract
    foreign = [e for e in corpus["xu-liu-distribution-relations"].document.log if e.kind == "foreign"]
    assert {e.line for e in foreign} == {853, 916}


def test_english_metadata_of_this_article(corpus):
    e = corpus["liu-pei-common-prosperity"].document.meta.english
    assert e.title == "Political Economy Research on Empowering Common Prosperity with New Quality Productivity"
    assert e.authors == "Liu Qian, Pei Xiaoge"
    assert "political economy." in e.abstract  # "political e-\nconomy" rejoined at the line break
    assert e.keywords[-1] == "technological self-reliance and self-improvement"
    e1 = corpus["li-zhang-2025-generative-logic"].document.meta.english
    assert "Revolutionary Technological Breakthroughs" in e1.keywords
    assert "， " not in e1.abstract and "forces, characterized" in e1.abstract


def test_front_matter_goes_to_metadata_not_body(corpus):
    doc = corpus["li-zhang-2025-generative-logic"].document
    assert doc.meta.field("文章编号") == "1005-9245（2025）01-0089-09"
    assert doc.meta.field("收稿日期") == "2024-08-02"
    assert doc.meta.field("基金项目").endswith("的阶段性成果。")
    body = "".join(plain_text(p.inlines) for p in doc.paragraphs())
    for label in ("摘要", "关键词", "中图分类号", "收稿日期", "基金项目", "作者简介"):
        assert label not in body
    wu = corpus["wu-common-prosperity-logic"].document
    assert wu.meta.field("责任编辑") == "李雪威"
    assert len(wu.references) == 6 and wu.references[0].id == "ref-1"


def test_flattened_table_is_rebuilt(corpus):
    table = next(b for b in corpus["zhang-factor-allocation"].document.blocks if hasattr(b, "rows"))
    assert table.caption == "表1 传统生产力与新质生产力的主要差异"
    assert table.header == ("维度", "传统生产力", "新质生产力")
    assert table.rows[0] == ("生产要素", "土地、资本、劳动力", "创新、技术、人才")
    assert table.rows[-1] == ("增长逻辑", "规模扩张", "创新与附加值提升")
    assert table.source_note == "资料来源：作者整理。"


def test_declared_normalisations(corpus):
    text = "".join(plain_text(p.inlines) for p in corpus["liu-pei-common-prosperity"].document.paragraphs())
    assert "19.0%" in text and "19. 0%" not in text
    assert "全面深化改革，形成与之相适应的新型生产关系" in text
    assert not re.search(r"[\u4e00-\u9fff][,;:][\u4e00-\u9fff]", text)
    assert "《中国数字经济发展研究报告（2024 年）》" in text
