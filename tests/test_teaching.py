"""The teaching layer, read from the built site as students and instructors see it: objectives, suggested
reading with its time, comparative discussion questions, self-check answers grounded in the paragraphs
they cite, reading guides, the instructor guide and reading packs; paragraph addresses that stay put."""
from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT, VARIANT_DIRS
from papersite.errors import PaperError
from papersite.model import Heading, plain_text
from papersite.pipeline import convert_paper
from papersite.siteconfig import load_site_config
from papersite.teaching import check_guide, check_teaching, load_guide, parse_teaching
from papersite.yamlfile import load_mapping
from test_concept_pages import BY_SLUG, CONCEPTS, paragraphs, resolve, soup

CONFIG = load_site_config(CONTENT)
RATE = CONFIG.chars_per_minute
HAN = re.compile(r"[\u3400-\u9fff]")
SLUGS = sorted(p.name for p in (CONTENT / "papers").iterdir() if p.is_dir())


def section(page, anchor: str):
    """The elements of a page section: from the heading with ``anchor`` to the next heading of its level."""
    heading = page.find(id=anchor)
    assert heading is not None, anchor
    out = []
    for sib in heading.find_next_siblings():
        if sib.name == heading.name:
            break
        out.append(sib)
    return out


def linked_text(page_path: Path, a) -> str:
    """The published text of the paragraph a link lands on (it must exist)."""
    target, anchor = resolve(page_path, a["href"])
    assert target.is_file(), a["href"]
    paras = paragraphs(target)
    assert anchor in paras, a["href"]
    return paras[anchor]


# ---- concept pages -------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_every_concept_page_has_objectives_reading_discussion_and_self_check(built_site, variant):
    for c in CONCEPTS:
        path = built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html"
        page = soup(path)
        objectives = [li for el in section(page, "objectives") for li in el.select("ul.objectives > li")]
        assert 2 <= len(objectives) <= 4, (variant, c.slug)
        questions = [li for el in section(page, "discussion") for li in el.select("ol.discussion > li")]
        assert len(questions) >= 3, (variant, c.slug)
        papers_per_question = []
        for q in questions:
            links = q.select("a.para-ref")
            assert links, (variant, c.slug, q.get_text())
            for a in links:
                linked_text(path, a)
            papers_per_question.append({resolve(path, a["href"])[0].stem for a in links})
        # The questions make students compare the papers: at least one sets two papers' passages side by side.
        assert any(len(p) >= 2 for p in papers_per_question), (variant, c.slug)
        checks = [d for el in section(page, "self-check") for d in el.select("details.question")]
        assert len(checks) >= 2, (variant, c.slug)
        # Curated material is marked as the editors', generated material as generated.
        marks = {m.get_text() for m in page.select(".questions-lead .editor-mark, .objectives-lead .editor-mark")}
        assert marks and all(("编者" in m or "編者" in m or "editors" in m) for m in marks), (variant, c.slug)


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_self_check_answers_are_hidden_and_grounded_in_the_cited_paragraph(built_site, variant):
    """Each answer is inside a closed <details>; its evidence is quoted verbatim from the paragraph its link
    lands on (the zh-Hant page for zh-Hant; the Simplified text for English pages)."""
    n = 0
    for c in CONCEPTS:
        path = built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html"
        for d in soup(path).select(".self-check details.question"):
            assert not d.has_attr("open")
            assert d.summary.get_text().strip() and d.select_one("p.answer").get_text().strip()
            evidence = d.select_one("p.evidence")
            a = evidence.select_one("a.para-ref")
            quoted = re.search(r"“(.+)”$", evidence.get_text().strip()).group(1)
            assert quoted in linked_text(path, a), (variant, c.slug, quoted)
            n += 1
    assert n >= 2 * len(CONCEPTS)


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_suggested_reading_links_land_on_paragraphs_and_time_is_their_length(built_site, variant):
    """The reading time is the linked paragraphs' length (as published in Simplified) at the site's rate."""
    for c in CONCEPTS:
        path = built_site / VARIANT_DIRS[variant] / "concepts" / f"{c.slug}.html"
        page = soup(path)
        heading = page.find(id="reading").get_text()
        links = [a for el in section(page, "reading") for a in el.select("a.para-ref")]
        assert len(links) >= 3, (variant, c.slug)
        hans = []
        for a in links:
            linked_text(path, a)
            target, anchor = resolve(path, a["href"])
            hans.append(paragraphs(built_site / "papers" / target.name)[anchor])
        minutes = max(1, math.ceil(sum(len(t) for t in hans) / RATE))
        assert re.search(rf"\b{minutes}\s*(分鐘|分钟|min)", heading), (variant, c.slug, heading, minutes)
        # Everything the curated material cites is in the reading list.
        listed = {resolve(path, a["href"])[1] + "@" + resolve(path, a["href"])[0].stem for a in links}
        for ref in c.teaching.cited():
            assert f"{ref.paragraph}@{ref.paper}" in listed, (variant, c.slug, str(ref))


def test_english_teaching_text_is_english_and_chinese_passages_are_tagged(built_site):
    """On English concept pages and guides, any Chinese text of the teaching sections carries lang=zh-*."""
    pages = [*(built_site / "en" / "concepts").glob("*.html"), *(built_site / "en" / "guides").glob("*.html")]
    for path in pages:
        for el in soup(path).select(".objectives li, .discussion li, .self-check summary, .self-check p.answer, "
                                    ".guide-argument, .guide-line, .reading-list li, .self-check p.evidence"):
            for text in el.find_all(string=HAN):
                holder = text.parent
                assert holder.find_parent(lang=re.compile("^zh")) or (holder.get("lang") or "").startswith("zh"), \
                    (path.name, str(text)[:40])


# ---- reading guides --------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANT_DIRS)
@pytest.mark.parametrize("slug", SLUGS)
def test_reading_guide_lists_every_section_in_order_with_a_line(built_site, corpus, variant, slug):
    path = built_site / VARIANT_DIRS[variant] / "guides" / f"{slug}.html"
    page = soup(path)
    entries = page.select("ul.guide-structure > li")
    headings = [b for b in corpus[slug].document.blocks if isinstance(b, Heading)]
    anchors = [resolve(path, li.a["href"])[1] for li in entries]
    assert [a for a in anchors if not a.startswith("p-")] == [h.id for h in headings]
    for li in entries:
        target, anchor = resolve(path, li.a["href"])
        assert soup(target).find(id=anchor) is not None, li.a["href"]
        assert li.select_one(".guide-line") is not None, (variant, slug, li.get_text()[:40])
    argument = page.select_one(".guide-argument").get_text()
    assert len(argument) > 100 and ("编者" in argument or "編者" in argument or "editors" in argument)
    concepts = page.select("ul.guide-concepts > li > a")
    assert 5 <= len(concepts) <= 8
    for a in concepts:
        assert (path.parent / a["href"]).resolve().is_file(), a["href"]
    questions = page.select("ol.discussion > li")
    assert len(questions) >= 4
    for q in questions:
        for a in q.select("a.para-ref"):
            linked_text(path, a)


def test_papers_link_to_their_guides(built_site):
    for variant, folder in VARIANT_DIRS.items():
        for slug in SLUGS:
            page = built_site / folder / "papers" / f"{slug}.html"
            assert soup(page).select_one(f'a[href="../guides/{slug}.html"]'), (variant, slug)


# ---- instructor guide and reading packs ----------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_instructor_guide_lists_sequences_from_foundations_and_links_packs(built_site, variant):
    path = built_site / VARIANT_DIRS[variant] / "teaching" / "index.html"
    page = soup(path)
    for seq in CONFIG.sequences:
        items = [li for el in section(page, f"seq-{seq.id}") for li in el.select("ol > li")]
        slugs = [Path(li.a["href"]).stem for li in items]
        by_term = {c.term: c.slug for c in CONCEPTS}
        assert slugs == [by_term[t] for t in seq.terms]
        pack = [a for el in section(page, f"seq-{seq.id}") for a in el.select(f'a[href="{seq.id}.html"]')]
        assert pack, (variant, seq.id)
    # Every sequence starts from the foundations of political economy.
    first = {BY_SLUG[{c.term: c.slug for c in CONCEPTS}[s.terms[0]]].category for s in CONFIG.sequences}
    assert first == {"foundations"}
    # The example addresses are real pages and paragraphs of this site.
    root = built_site
    for code in page.select("table code"):
        address, _, anchor = code.get_text().partition("#")
        target = root / address
        assert target.is_file(), address
        if anchor:
            assert soup(target).find(id=anchor) is not None, code.get_text()


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_reading_pack_holds_each_concepts_material_and_full_paragraphs(built_site, variant):
    for seq in CONFIG.sequences:
        path = built_site / VARIANT_DIRS[variant] / "teaching" / f"{seq.id}.html"
        page = soup(path)
        by_term = {c.term: c.slug for c in CONCEPTS}
        for term in seq.terms:
            slug = by_term[term]
            assert page.find(id=slug) is not None, (variant, seq.id, slug)
            assert page.find(id=f"{slug}-objectives") and page.find(id=f"{slug}-self-check")
        # Each paragraph is printed in full once, and exactly as on its paper page.
        printed = page.select("figure.pack-paragraph")
        seen = set()
        for fig in printed:
            a = fig.select_one("a.para-ref")
            key = a["href"]
            assert key not in seen
            seen.add(key)
            assert fig.blockquote.get_text() == linked_text(path, a)
        ids = [el["id"] for el in page.select("[id]")]
        assert len(ids) == len(set(ids)), "duplicate anchors in the pack"


@pytest.mark.parametrize("variant", VARIANT_DIRS)
def test_a_reading_pack_has_one_reading_time_the_instructor_guide_and_the_pack_agree_on(built_site, variant):
    """One reading time per pack: the pack's paragraphs, each counted once (as the pack prints each once),
    at the site's reading rate; the instructor guide quotes the same paragraphs, characters and minutes."""
    guide = soup(built_site / VARIANT_DIRS[variant] / "teaching" / "index.html")
    number = re.compile(r"(\d+)")
    for seq in CONFIG.sequences:
        line = next(a.parent for el in section(guide, f"seq-{seq.id}") for a in el.select(f'a[href="{seq.id}.html"]'))
        pack = soup(built_site / VARIANT_DIRS[variant] / "teaching" / f"{seq.id}.html")
        lead = pack.select_one("p.pack-lead").get_text()
        # paragraphs and characters as the pack itself counts them (each printed paragraph once)
        printed = pack.select("figure.pack-paragraph blockquote")
        chars = sum(len(b.get_text()) for b in printed)
        minutes = math.ceil(chars / RATE)
        said = [int(n) for n in number.findall(line.get_text())]
        in_pack = [int(n) for n in number.findall(lead)]
        assert len(printed) in said and len(printed) in in_pack, (variant, seq.id, len(printed), said, in_pack)
        assert minutes in said and minutes in in_pack, (variant, seq.id, minutes, said, in_pack)
        assert ("counted once" if variant == "en" else ("只计一次" if variant == "zh-Hans" else "只計一次")) in line.get_text()


# ---- paragraph addresses -------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", SLUGS)
def test_paragraph_addresses_depend_only_on_the_papers_own_source(built_site, tmp_path, slug):
    """Rebuilt alone (no other papers, no concepts, no site settings), a paper gets the same ¶ numbers for the
    same paragraphs as on the published site: assigning ¶12 today still means ¶12 after any rebuild. The
    addresses are the paper's lock's (content/papers/<slug>/addresses.lock), which is part of its own source."""
    alone = tmp_path / "content" / "papers" / slug
    alone.mkdir(parents=True)
    for name in ("source.txt", "paper.yml", "addresses.lock"):
        shutil.copy(CONTENT / "papers" / slug / name, alone / name)
    paper = convert_paper(alone)
    rebuilt = {p.id: plain_text(p.inlines) for p in paper.document.paragraphs()}
    published = paragraphs(built_site / "papers" / f"{slug}.html")
    assert rebuilt == published
    assert sorted(rebuilt) == sorted(e.id for e in paper.addresses.lock.entries if e.live)


def test_paragraph_numbers_are_shown_as_links_to_themselves(built_site):
    for variant, folder in VARIANT_DIRS.items():
        if variant == "en":
            continue
        for slug in SLUGS:
            page = soup(built_site / folder / "papers" / f"{slug}.html")
            for p in page.select("article p.para"):
                mark = p.select_one("a.para-num")
                assert mark is not None and mark["href"] == f"#{p['id']}" and mark["data-n"] == p["id"][2:].replace("-", ".")
                assert mark.get_text() == "" and mark.get("aria-label"), "the number must not enter the text"


# ---- validation -------------------------------------------------------------------------------------

def _teaching(tmp_path, text: str):
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    data, lines = load_mapping(path, {"teaching": dict}, "README")
    return path, data, lines


GOOD = """teaching:
  objectives:
    - {zh: 说明一。, en: Explain one.}
    - {zh: 说明二。, en: Explain two.}
  discussion:
    - {zh: 问一？, en: "One?", cites: [xu-liu-distribution-relations#p-1]}
    - {zh: 问二？, en: "Two?", cites: [xu-liu-distribution-relations#p-1]}
    - {zh: 问三？, en: "Three?", cites: [xu-liu-distribution-relations#p-1]}
  self_check:
    - question: {zh: 问？, en: "Q?"}
      answer: {zh: 答。, en: A.}
      evidence: {paragraph: xu-liu-distribution-relations#p-1, text: 生产力决定生产关系}
    - question: {zh: 问？, en: "Q?"}
      answer: {zh: 答。, en: A.}
      evidence: {paragraph: xu-liu-distribution-relations#p-1, text: 生产力决定生产关系}
"""


@pytest.mark.parametrize("change, message, line", [
    (("    - {zh: 说明二。, en: Explain two.}\n", ""), "2 to 4 learning objectives, found 1", 2),
    (("xu-liu-distribution-relations#p-1]}\n    - {zh: 问三", "xu-liu#1]}\n    - {zh: 问三"), "must name a paragraph", 7),
    (("{zh: 说明一。", "{zh: 说明 一。"), "space between Chinese characters", 3),
    (("  self_check:", "  selfcheck:"), "unknown keys (selfcheck)", 1),
])
def test_bad_teaching_block_names_file_and_line(tmp_path, change, message, line):
    path, data, lines = _teaching(tmp_path, GOOD.replace(*change))
    with pytest.raises(PaperError) as err:
        parse_teaching(data["teaching"], path, lines)
    assert message in str(err.value) and str(err.value).startswith(f"{path}:{line}:"), str(err.value)


@pytest.mark.parametrize("change, message, line", [
    (("text: 生产力决定生产关系}\n    - question", "text: 生产力决定分配关系}\n    - question"), "not in that paragraph", 12),
    (("cites: [xu-liu-distribution-relations#p-1]}\n    - {zh: 问二", "cites: [xu-liu-distribution-relations#p-999]}\n    - {zh: 问二"),
     "has no paragraph p-999", 6),
])
def test_teaching_citing_a_missing_paragraph_or_unverbatim_evidence_fails(tmp_path, corpus, change, message, line):
    path, data, lines = _teaching(tmp_path, GOOD.replace(*change, 1))
    teaching = parse_teaching(data["teaching"], path, lines)
    with pytest.raises(PaperError) as err:
        check_teaching(str(path), teaching, {s: p.document for s, p in corpus.items()})
    assert message in str(err.value) and str(err.value).startswith(f"{path}:{line}:"), str(err.value)


def test_guide_with_a_heading_the_paper_lacks_names_file_and_line(tmp_path, corpus):
    slug = "wu-common-prosperity-logic"
    folder = tmp_path / slug
    folder.mkdir()
    text = (CONTENT / "papers" / slug / "guide.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    wrong = data["sections"][1]["heading"]
    (folder / "guide.yml").write_text(text.replace(wrong, wrong + "之外"), encoding="utf-8")
    guide = load_guide(folder)
    with pytest.raises(PaperError) as err:
        check_guide(guide, slug, {s: p.document for s, p in corpus.items()}, {})
    expected = next(i for i, l in enumerate(text.splitlines(), 1) if wrong in l)
    assert str(err.value).startswith(f"{folder / 'guide.yml'}:{expected}:") and "has no heading" in str(err.value)


def test_sequence_with_an_unknown_concept_names_its_line(tmp_path):
    from papersite.site import build_site
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    site = (content / "site.yml").read_text(encoding="utf-8")
    (content / "site.yml").write_text(site.replace("concepts: [马克思主义政治经济学, 生产力,",
                                                   "concepts: [马克思主义政治经济学, 生产率,"), encoding="utf-8")
    line = next(i for i, l in enumerate((content / "site.yml").read_text().splitlines(), 1) if "生产率," in l)
    with pytest.raises(PaperError) as err:
        build_site(content, "zh-Hans")
    assert str(err.value).startswith(f"{content / 'site.yml'}:{line}:") and "'生产率'" in str(err.value)


def test_concept_without_teaching_gets_generated_material_marked_as_such(tmp_path, capsys):
    """A new concept file without a teaching block: the page still has objectives, reading, comparison
    questions between the quoted papers and self-check questions answered by the quotations, all
    marked as generated; `papersite check` lists the concept."""
    from papersite.cli import main
    from papersite.site import build_site
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "concepts" / "laborers.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\nteaching:")] + "\n", encoding="utf-8")
    page = build_site(content, "zh-Hans").pages["concepts/laborers.md"]
    for anchor in ("objectives", "reading", "discussion", "self-check"):
        assert f"{{#{anchor}}}" in page
    assert page.count("据上文引文自动生成") == 3          # objectives, discussion, self-check
    discussion = page[page.index("{#discussion}"):page.index("{#self-check}")]
    for item in re.findall(r"<li>.*?</li>", discussion):
        assert len(set(re.findall(r'href="\.\./papers/([^.]+)\.html#p-\d+"', item))) == 2, item
    quotes = BY_SLUG["laborers"].quotes
    assert all(q.text in page for q in quotes)        # each quotation answers a self-check question
    assert main(["check", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "teaching: 57 of 58 concepts" in out and f"{path}: no 'teaching' block" in out


def test_every_question_has_its_own_address_the_same_in_every_variant(built_site):
    """Each discussion and self-check question carries an id (from its Chinese wording, not its position)
    and a link to it; the three variants use the same ids."""
    from bs4 import BeautifulSoup
    pages = sorted(p.name for p in (built_site / "concepts").glob("*.html") if p.name != "index.html")
    for name in pages:
        ids = {}
        for folder in ("", "zh-Hant", "en"):
            s = BeautifulSoup((built_site / folder / "concepts" / name).read_text(encoding="utf-8"), "html.parser")
            items = s.select("ol.discussion > li") + s.select("div.self-check > details.question")
            assert items and all(el.get("id") for el in items), (folder, name)
            found = [el["id"] for el in items]
            assert len(set(found)) == len(found), (folder, name)
            for el in items:
                assert el.select_one(f'a.question-link[href="#{el["id"]}"]') is not None
            ids[folder] = found
        assert ids[""] == ids["zh-Hant"] == ids["en"], name


@pytest.mark.parametrize("gloss, stop, first", [
    ("新质生产力是先进生产力。它由技术革命性突破催生。", "。", "新质生产力是先进生产力。"),
    ("数据要素（如 19.0% 的份额）参与分配", "。", "数据要素（如 19.0% 的份额）参与分配。"),   # no stop: the variant's
    ("Productivity of a new kind. It arises from breakthroughs.", ".", "Productivity of a new kind."),
    ("A share of 19.0% of output", ".", "A share of 19.0% of output."),                  # a decimal point is no stop
])
def test_a_key_concept_s_gloss_is_cut_at_its_first_sentence(gloss, stop, first):
    from papersite.writers.teaching_pages import _first_sentence
    assert _first_sentence(gloss, stop) == first
