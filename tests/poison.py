"""A copy of content/ with a markup payload in every field, for the output-encoding tests.

Each field gets its own payload, tagged with an id (``⟪F12⟫``), so that a finding names the field.
A payload tries every way out of every context the site writes text into: an element with an event
handler (HTML text), quotes (attributes), ``</title>`` and ``</script>`` (raw-text elements), Markdown
emphasis and an attribute list (``{: onclick=… }``), an entity that must stay literal. A synthetic paper
carries payloads in what comes from a source (title, authors, abstract, key words, headings, paragraphs,
notes, references, the English block) and mentions a concept, so that its payloads reach concordance
lines, quotations, link texts and search.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The editors' Markdown is Markdown (emphasis and entities are theirs to use) and refuses attribute lists
# (papersite.prose): its payload tries the HTML only.
PROSE_TEMPLATE = ('⟪{id}⟫<img src=x onerror=alert("{id}")>"\'><svg onload=alert("{id}")>'
                  '</title></textarea><script>alert("{id}")</script>')
# Source text goes through the converter's declared normalisations (half-width punctuation next to Chinese
# becomes full-width, key words are split at semicolons): its payload has no entity, so no semicolon.
SOURCE_TEMPLATE = ('⟪{id}⟫<img src=x onerror=alert("{id}")>"\'><svg onload=alert("{id}")>'
                   '</title></textarea><script>alert("{id}")</script>*em*{{: onclick=alert("{id}") }}')
TEMPLATE = ('⟪{id}⟫<img src=x onerror=alert("{id}")>"\'><svg onload=alert("{id}")>'
            '</title></textarea><script>alert("{id}")</script>*em*&lt;b&gt;{{: onclick=alert("{id}") }}')


def payload(tag: str, template: str = TEMPLATE) -> str:
    """The payload for one field."""
    return template.format(id=tag)


@dataclass
class Poisoned:
    """The poisoned copy: where it is, and which payload went into which field."""
    content: Path
    fields: dict[str, str] = field(default_factory=dict)  # id -> "file: dotted.key"
    payloads: dict[str, str] = field(default_factory=dict)  # id -> the payload text
    slug: str = "zz-injection-test"
    concept_slug: str = ""
    concept_term: str = ""

    def add(self, where: str, template: str = TEMPLATE) -> str:
        tag = f"F{len(self.fields) + 1:03d}"
        self.fields[tag] = where
        self.payloads[tag] = payload(tag, template)
        return self.payloads[tag]


# Which YAML string values carry a payload: dotted paths with list indices removed ("a[3].b" -> "a.b").
PAPER_FIELDS = {"source.original_name", "title.zh", "title.en", "authors.name", "authors.pinyin", "journal.name",
                "journal.name_en", "summary.zh", "summary.en"}
CONCEPT_FIELDS = {"definition.zh", "definition.en", "english.text", "teaching.objectives.zh", "teaching.objectives.en",
                  "teaching.discussion.zh", "teaching.discussion.en", "teaching.self_check.question.zh",
                  "teaching.self_check.question.en", "teaching.self_check.answer.zh", "teaching.self_check.answer.en"}
GUIDE_FIELDS = {"argument.zh", "argument.en", "opening.zh", "opening.en", "sections.title_en", "sections.zh",
                "sections.en", "questions.zh", "questions.en"}
SITE_FIELDS = {"site.title.zh", "site.title.en", "site.intro.zh", "site.intro.en", "site.search_example.word", "errata.zh", "errata.en", "rights.zh", "rights.en", "concepts.categories.zh", "concepts.categories.en", "teaching.sequences.zh",
               "teaching.sequences.en", "teaching.sequences.about.zh", "teaching.sequences.about.en"}


def _poison_tree(node, path: str, wanted: set[str], name: str, p: Poisoned, limit: dict):
    if isinstance(node, dict):
        return {k: _poison_tree(v, f"{path}.{k}" if path else str(k), wanted, name, p, limit) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison_tree(v, f"{path}[{i}]", wanted, name, p, limit) for i, v in enumerate(node)]
    key = re.sub(r"\[\d+\]", "", path)
    if isinstance(node, str) and key in wanted:
        # Every field kind once per file is enough to find a missing escape; a few more of the long lists.
        seen = limit.setdefault(key, 0)
        limit[key] = seen + 1
        if seen < 2:
            return node + p.add(f"{name}: {path}")
    return node


def _rewrite_yaml(path: Path, wanted: set[str], p: Poisoned, edit=None) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if edit:
        edit(data)
    data = _poison_tree(data, "", wanted, str(path.relative_to(p.content)), p, {})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


def _mark_editor(data: dict) -> None:
    # Poisoned titles and names are no longer the source's: say so, or the build rightly refuses them.
    data["title"]["zh_provenance"] = data["title"]["en_provenance"] = "editor"
    for a in data.get("authors") or []:
        if a.get("name"):
            a["name_provenance"] = "editor"
    if data.get("journal"):
        data["journal"]["provenance"] = "editor"


ENGLISH_TITLE = "Injection test paper{} and a few more English words of the same kind"


def synthetic_source(mark, term: str = "耐心资本") -> str:
    """A small article, ``mark(part)`` appended to each of its parts (a Markdown-like extraction, as some
    extractors write): title, author line, abstract, key words, English title, abstract and key words,
    headings, paragraphs mentioning concepts, a reference, 作者简介."""
    # Each mark is followed by Chinese words: a line of markup alone would read as English text, and the
    # reader rightly sets English text that is not this article's aside.
    pads = {True: " and a few more English words of the same kind", False: "这几个字让本行仍以中文为主"}
    P = lambda part: mark(part) + pads[part.startswith("English")]
    return "\n".join([
        "", f"# 注入测试论文的标题{P('title')}", "", f"文 / 张三{P('author line')}", "",
        f"**摘要：**本文讨论新质生产力与{term}的关系。{P('abstract')}", "",
        f"**关键词：**新质生产力；注入测试{P('keywords')}；共同富裕", "",
        "## " + ENGLISH_TITLE.format(mark("English title")), "", "ZhangSan", "",
        f"**Abstract:** This paper discusses new quality productive forces {P('English abstract')}.", "",
        f"**Key words:** new quality productive forces; injection {P('English key words')}", "",
        f"### 1. 第一部分{P('heading')}", "",
        f"新质生产力是本文讨论的对象，{term}也是。这一段落的文字含有标记{P('paragraph')}。[1]", "",
        f"第二段再次提到新质生产力与{term}{P('second paragraph')}。", "",
        f"### 2. 第二部分{P('second heading')}", "",
        f"新质生产力与共同富裕在第三段中出现{P('third paragraph')}。[1]", "",
        "### 参考文献：", "",
        f"- [1] 张三. 注入测试文献{P('reference')}[J]. 测试学报, 2024(1):1-9", "",
        f"(作者简介：张三，某大学经济学院{P('作者简介')}。)", "",
    ]) + "\n"


def write_paper(folder: Path, source: str, english_title: str, mark=lambda part: "") -> None:
    """``folder``/source.txt and a paper.yml for it (titles and names supplied by the editors, English title
    as printed), ``mark(key)`` appended to each of paper.yml's free-text values."""
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(source, encoding="utf-8")
    record = {"source": {"original_name": "injection.txt" + mark("source.original_name"),
                         "sha256": hashlib.sha256(source.encode("utf-8")).hexdigest()},
              "title": {"zh": "注入测试论文" + mark("title.zh"), "zh_provenance": "editor",
                        "en": english_title, "en_provenance": "source"},
              "authors": [{"name": "张三", "pinyin": "Zhang San" + mark("authors[0].pinyin"), "name_provenance": "editor"}],
              "journal": {"name": "测试学报" + mark("journal.name"), "name_en": "Journal of Tests" + mark("journal.name_en"),
                          "provenance": "editor"},
              "year": 2024,
              "summary": {"zh": "编者提要" + mark("summary.zh"), "en": "Editors' summary" + mark("summary.en")}}
    (folder / "paper.yml").write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=10**6),
                                      encoding="utf-8")


def make_poisoned_content(src: Path, dst: Path, concept_slug: str = "patient-capital") -> Poisoned:
    """Copy ``src`` (a content/ folder) to ``dst`` with a payload in every field."""
    shutil.copytree(src, dst)
    p = Poisoned(dst)
    # A concept's term and aliases are validated as Chinese words (no markup can pass); its pinyin override is free text.
    concept_file = dst / "concepts" / f"{concept_slug}.yml"
    p.concept_slug = concept_slug
    p.concept_term = yaml.safe_load(concept_file.read_text(encoding="utf-8"))["term"]
    for f in sorted((dst / "concepts").glob("*.yml")):
        def edit(data, own=(f == concept_file)):
            if own:
                data["pinyin"] = "nàixīn zīběn" + p.add(f"concepts/{concept_slug}.yml: pinyin")
            for r in data.get("english") or []:
                r["used_in"] = []  # a poisoned rendering is no longer the papers' own wording
        _rewrite_yaml(f, CONCEPT_FIELDS, p, edit)
    for f in sorted((dst / "papers").glob("*/paper.yml")):
        _rewrite_yaml(f, PAPER_FIELDS, p, _mark_editor)
    for f in sorted((dst / "papers").glob("*/guide.yml")):
        _rewrite_yaml(f, GUIDE_FIELDS, p)
    _rewrite_yaml(dst / "site.yml", SITE_FIELDS, p)
    for lang in ("zh", "en"):
        md = dst / "teaching" / f"instructors.{lang}.md"
        md.write_text(md.read_text(encoding="utf-8")
                      + f"\n\n## {p.add(f'teaching/instructors.{lang}.md: heading', PROSE_TEMPLATE)}\n\n"
                      f"{p.add(f'teaching/instructors.{lang}.md: paragraph', PROSE_TEMPLATE)}\n", encoding="utf-8")
    exceptions = dst / "zh-Hant-exceptions.txt"
    exceptions.write_text(exceptions.read_text(encoding="utf-8").rstrip("\n") + "\n注入测试\t注入測試\n", encoding="utf-8")
    # The synthetic paper.
    marks = {}

    def mark(part):
        marks[part] = p.add(f"papers/{p.slug}/source.txt: {part}", SOURCE_TEMPLATE)
        return marks[part]
    source = synthetic_source(mark, p.concept_term)
    write_paper(dst / "papers" / p.slug, source, ENGLISH_TITLE.format(marks["English title"]),
                lambda key: p.add(f"papers/{p.slug}/paper.yml: {key}"))
    return p
