"""The concept list (content/concepts), its validation, mention matching, pinyin and the candidate command."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import CONTENT
from papersite.cli import main
from papersite.concepts import Concept, Rendering, load_concepts
from papersite.errors import PaperError
from papersite.mentions import Matcher, build_index, defining_sentences
from papersite.model import ConceptRef, Text, plain_text
from papersite.pinyin import term_pinyin
from papersite.search.names import site_names
from papersite.site import concept_corpus
from papersite.siteconfig import load_site_config
from papersite.suggest import suggest

CONFIG = load_site_config(CONTENT)


@pytest.fixture(scope="module")
def concepts():
    return load_concepts(CONTENT, CONFIG.categories)


@pytest.fixture(scope="module")
def linked(corpus):
    papers, index = concept_corpus(CONTENT, CONFIG, list(corpus.values()))
    return {p.slug: p for p in papers}, index


def concept(slug, term, aliases=()):
    return Concept(slug, f"{slug}.yml", term, tuple(aliases), "", (Rendering("x"),), "c", "定义", "gloss")


# ---- the list ------------------------------------------------------------------------------------

def test_at_least_forty_concepts_each_used_by_the_papers(concepts, linked):
    _, index = linked
    assert len(concepts) >= 40
    never = [c.term for c in concepts if index.count(c.slug) == 0]
    assert never == []
    categories = {c.category for c in concepts}
    assert categories == {c.id for c in CONFIG.categories}  # every category is used


def test_every_concept_has_definitions_renderings_and_relations(concepts):
    for c in concepts:
        assert len(c.definition_zh) >= 40 and re.search(r"[\u4e00-\u9fff]", c.definition_zh), c.slug
        assert len(c.definition_en.split()) >= 15 and not re.search(r"[\u4e00-\u9fff]", c.definition_en), c.slug
        assert c.english and all(r.text == r.text.strip() for r in c.english)
        assert c.related or c.broader or c.narrower, f"{c.slug} is linked to no other concept"


def test_relations_hold_both_ways(concepts):
    by = {c.slug: c for c in concepts}
    for c in concepts:
        for b in c.broader:
            assert c.slug in by[b].narrower, (c.slug, b)
        for n in c.narrower:
            assert c.slug in by[n].broader, (c.slug, n)
        for r in c.related:
            assert c.slug in by[r].related or c.slug in by[r].broader + by[r].narrower, (c.slug, r)


def test_renderings_follow_the_articles_own_english(concepts):
    by = {c.term: c for c in concepts}
    english = lambda t: [r.text for r in by[t].english]
    assert english("新质生产力")[:2] == ["new quality productive forces", "new quality productivity"]
    assert english("新型生产关系")[0] == "new-type production relations"
    assert english("共同富裕")[0] == "common prosperity"
    assert "technological unemployment" in english("技术性失业")
    assert "income polarization" in english("收入极化")


# ---- pinyin --------------------------------------------------------------------------------------

@pytest.mark.parametrize("term, expected", [
    # Readings reviewed by hand: each has a character with more than one reading.
    ("全要素生产率", "quán yàosù shēngchǎnlǜ"),      # 率 lǜ (rate), not shuài
    ("劳动收入份额", "láodòng shōurù fèn'é"),        # apostrophe before a syllable starting with e
    ("分配关系", "fēnpèi guānxì"),                  # 分 fēn
    ("再分配", "zài fēnpèi"),
    ("第三次分配", "dìsāncì fēnpèi"),
    ("战略性新兴产业", "zhànlüèxìng xīnxīng chǎnyè"),  # 兴 xīng, 略 lüè
    ("科技成果转化", "kējì chéngguǒ zhuǎnhuà"),        # 转 zhuǎn
    ("新型举国体制", "xīnxíng jǔguó tǐzhì"),
    ("数据要素", "shùjù yàosù"),                     # 数 shù, 要 yào
    ("生产关系", "shēngchǎn guānxì"),               # written by word, as GB/T 16159 asks
])
def test_generated_pinyin_readings(term, expected):
    assert term_pinyin(term) == expected


def test_pinyin_words_are_those_of_jiebas_full_dictionary():
    # term_pinyin cuts each term with the part of jieba's dictionary inside it (papersite.pinyin._Lexicon), not
    # with jieba's full prefix dictionary: the words must be the same, for terms and for any stretch of text.
    from papersite import pinyin
    from papersite.segment import tokenizer
    full = tokenizer()
    han = re.compile(r"[\u4e00-\u9fff]+")
    texts = set()
    for path in sorted(CONTENT.rglob("*")):
        if path.suffix in (".yml", ".txt") and path.is_file():
            runs = han.findall(path.read_text(encoding="utf-8"))
            texts.update(r for r in runs if len(r) <= 12)
            joined = "".join(runs)
            texts.update(joined[i:i + 2 + i % 11] for i in range(0, len(joined), 37))
    assert len(texts) > 5000
    differ = [t for t in sorted(texts)
              if pinyin._tokenizer_for(t).lcut(t, HMM=False) != full.lcut(t, HMM=False)]
    assert differ == []


def test_every_concept_has_one_toned_syllable_per_character(concepts):
    toned = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
    for c in concepts:
        words = c.pinyin.replace("'", " ").split()
        assert all(toned.search(w) or w == "de" for w in words), c.pinyin
        n_syllables = sum(len(re.findall(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", w)) or 1 for w in words)
        assert n_syllables == len(c.term), (c.term, c.pinyin)


# ---- matching ------------------------------------------------------------------------------------

MATCHER = Matcher((concept("pf", "生产力"), concept("nqpf", "新质生产力"), concept("rp", "生产关系"),
                   concept("ntrp", "新型生产关系"), concept("tr", "新一轮科技革命和产业变革", ["新一轮科技革命"]),
                   concept("str", "科技革命")))


@pytest.mark.parametrize("text, expected", [
    ("发展新质生产力", [Text("发展"), ConceptRef("nqpf", "新质生产力")]),
    ("生产力", [ConceptRef("pf", "生产力")]),
    ("新型生产关系与生产力", [ConceptRef("ntrp", "新型生产关系"), Text("与"), ConceptRef("pf", "生产力")]),
    ("生产力生产关系", [ConceptRef("pf", "生产力"), ConceptRef("rp", "生产关系")]),
    ("新一轮科技革命和产业变革中", [ConceptRef("tr", "新一轮科技革命和产业变革"), Text("中")]),
    ("新一轮科技革命带来", [ConceptRef("tr", "新一轮科技革命"), Text("带来")]),    # an alias
    ("三次科技革命", [Text("三次"), ConceptRef("str", "科技革命")]),
    ("没有概念", [Text("没有概念")]),
])
def test_longest_match_marks_each_character_once(text, expected):
    assert MATCHER.split(text) == expected


def test_marking_mentions_changes_no_text(corpus, linked):
    papers, _ = linked
    for slug, paper in corpus.items():
        before = [plain_text(p.inlines) for p in paper.document.paragraphs()]
        after = [plain_text(p.inlines) for p in papers[slug].document.paragraphs()]
        assert before == after, slug


def test_mentions_cover_every_occurrence_and_resolve_nesting_by_the_longest(linked, concepts):
    """Checked on the text, independently of the matcher: every occurrence of any term or alias is
    (part of) a mention; mentions never overlap; none lies inside an occurrence of a longer term.
    Where two terms overlap without nesting (收入分配|制度 vs 收入|分配制度), the leftmost is the mention."""
    papers, index = linked
    forms = {f: c.slug for c in concepts for f in c.forms}
    for slug, paper in papers.items():
        for para in paper.document.paragraphs():
            text = plain_text(para.inlines)
            spans, pos = [], 0
            for node in para.inlines:
                n = len(plain_text([node]))
                if isinstance(node, ConceptRef):
                    assert text[pos:pos + n] == node.text and forms[node.text] == node.concept
                    spans.append((pos, pos + n))
                pos += n
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), (slug, para.id)
            for form in forms:
                for m in re.finditer(re.escape(form), text):
                    assert any(s < m.end() and m.start() < e for s, e in spans), (slug, para.id, form)
                    for s, e in spans:   # a mention strictly inside a longer occurrence would be wrong
                        assert not (m.start() <= s and e <= m.end() and e - s < len(form)), (slug, para.id, form)
    total = sum(len(v) for v in index.mentions.values())
    assert total == sum(1 for p in papers.values() for para in p.document.paragraphs()
                        for n in para.inlines if isinstance(n, ConceptRef))


def test_defining_sentences_are_found_when_a_file_has_no_quotes(corpus):
    docs = {s: p.document for s, p in corpus.items()}
    found = defining_sentences(concept("nqpf", "新质生产力"), docs)
    assert found, "papers defining 新质生产力 should yield a sentence"
    for q in found:
        para = next(p for p in docs[q.paper].paragraphs() if p.id == q.paragraph)
        assert q.text in plain_text(para.inlines) and "新质生产力" in q.text


def test_concept_forms_are_search_names(linked, concepts, to_traditional):
    """Every term and alias, and its Traditional form, is a name of its concept page in search."""
    papers, _ = linked
    names = {n.url: set(n.forms) for n in site_names(concepts, list(papers.values()), to_traditional)}
    for c in concepts:
        assert set(c.forms) | {to_traditional(f) for f in c.forms} <= names[f"concepts/{c.slug}.html"], c.slug


# ---- candidates ----------------------------------------------------------------------------------

def test_suggestions_find_a_concept_the_list_lacks(corpus, concepts):
    docs = {s: p.document for s, p in corpus.items()}
    known = {f for c in concepts for f in c.forms}
    full = suggest(docs, known, top=60)
    assert not {c.term for c in full} & known
    assert all(c.count >= 3 and c.papers >= 2 for c in full)
    # Take two concepts out of the list: the command must propose them again.
    fewer = suggest(docs, known - {"数字经济", "人工智能"}, top=40)
    assert {"数字经济", "人工智能"} <= {c.term for c in fewer}


def test_suggest_command_lists_new_terms_with_their_evidence(capsys, concepts, corpus):
    """The table an editor reads: ranks 1..N, terms not yet in the list, counts that the text bears out."""
    assert main(["suggest-concepts", "--top", "5"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split()[:2] == ["rank", "term"] and len(lines) == 6
    known = {f for c in concepts for f in c.forms}
    text = "".join(plain_text(p.inlines) for paper in corpus.values() for p in paper.document.paragraphs())
    for i, line in enumerate(lines[1:], 1):
        rank, term, count, papers, _zipf, slug, paragraph = line.split()
        assert int(rank) == i and term not in known
        assert text.count(term) >= int(count) >= 3 and 2 <= int(papers) <= len(corpus)
        assert slug in corpus and paragraph.startswith("p-")


# ---- bad concept files ---------------------------------------------------------------------------

GOOD = """term: 测试概念
english:
  - text: test concept
category: foundations
definition:
  zh: 编者的定义。
  en: The editors' gloss.
related: [生产力]
"""


def concept_dir(tmp_path, files: dict[str, str]) -> Path:
    content = tmp_path / "content"
    (content / "concepts").mkdir(parents=True)
    shutil.copy(CONTENT / "site.yml", content / "site.yml")
    shutil.copy(CONTENT / "zh-Hant-exceptions.txt", content / "zh-Hant-exceptions.txt")
    for name, text in {"productive-forces.yml": GOOD.replace("测试概念", "生产力").replace("related: [生产力]\n", ""),
                       **files}.items():
        (content / "concepts" / name).write_text(text, encoding="utf-8")
    return content


@pytest.mark.parametrize("name, text, message, line", [
    ("test.yml", GOOD.replace("[生产力]", "[生产力, 不存在的概念]"), "related: unknown concept '不存在的概念'", 8),
    ("test.yml", GOOD.replace("测试概念", "生产力"), "duplicate term '生产力'", 1),
    ("test.yml", GOOD.replace("category: foundations", "category: nowhere"), "unknown category 'nowhere'", 4),
    ("test.yml", GOOD.replace("  en: The editors' gloss.\n", ""), "missing 'definition.en'", 5),
    ("test.yml", GOOD.replace("related: [生产力]", "related: [测试概念]"), "cannot be related to itself", 8),
    ("test.yml", GOOD + "aliases: [生产力]\n", "duplicate term '生产力'", 9),
    ("test.yml", GOOD + "colour: red\n", "unknown key 'colour'", 9),
    ("Test Concept.yml", GOOD, "lower-case ASCII slug", None),
])
def test_bad_concept_file_names_file_and_line(tmp_path, name, text, message, line):
    content = concept_dir(tmp_path, {name: text})
    with pytest.raises(PaperError) as err:
        load_concepts(content, CONFIG.categories)
    assert name in str(err.value) and message in str(err.value)
    assert err.value.line == line


@pytest.mark.parametrize("extra, message", [
    ("quotes:\n  - paper: wu-common-prosperity-logic\n    paragraph: p-2\n    text: 这句话不在论文里。\n",
     "not in wu-common-prosperity-logic p-2 as published"),
    ("quotes:\n  - paper: wu-common-prosperity-logic\n    paragraph: p-999\n    text: 新质生产力\n", "has no paragraph p-999"),
])
def test_quotes_must_be_verbatim(tmp_path, corpus, extra, message):
    content = concept_dir(tmp_path, {"test.yml": GOOD + extra})
    concepts = load_concepts(content, CONFIG.categories)
    with pytest.raises(PaperError) as err:
        build_index(concepts, {s: p.document for s, p in corpus.items()})
    assert "test.yml" in str(err.value) and message in str(err.value) and err.value.line == 10


def test_rendering_said_to_be_the_articles_must_occur_in_their_english(tmp_path, corpus):
    text = GOOD.replace("  - text: test concept\n", "  - text: test concept\n    used_in: [wu-common-prosperity-logic]\n")
    content = concept_dir(tmp_path, {"test.yml": text})
    with pytest.raises(PaperError) as err:
        concept_corpus(content, CONFIG, list(corpus.values()))
    assert "test.yml" in str(err.value) and "does not occur in the English" in str(err.value) and err.value.line == 4


def test_check_command_reports_a_bad_concept_file_and_fails(tmp_path, capsys):
    content = concept_dir(tmp_path, {"test.yml": GOOD.replace("[生产力]", "[无此概念]")})
    shutil.copytree(CONTENT / "papers", content / "papers")
    assert main(["check", "--content", str(content)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "test.yml:8" in err and len(err.splitlines()) == 1
