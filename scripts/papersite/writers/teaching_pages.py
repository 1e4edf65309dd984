"""The teaching layer on the page: a concept page's objectives, suggested reading, discussion and
self-check questions; a paper's reading guide; the instructor guide; a printable reading pack per
concept sequence.

The material is the editors' (content/concepts/*.yml ``teaching``, content/papers/<slug>/guide.yml,
content/site.yml ``teaching.sequences``, content/teaching/instructors.*.md) and is marked as theirs.
A concept without a ``teaching`` block gets material generated from its quotations, marked as
generated. Everything that points into a paper points at a ¶ paragraph address.
"""
from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

from .. import records
from ..concepts import Concept
from ..mentions import CorpusIndex
from ..model import Heading, Paragraph
from ..teaching import Bilingual, Evidence, Guide, GuideSection, ParaRef, Question, SelfCheck, Teaching, guide_heading
from .concept_pages import concept_uri, para_number
from .context import PageContext
from ..prose import safe_markdown
from ..source import read_text_file
from .escape import english_in_chinese, html_text, md_text
from .. import variants
from .pages import first_sentence, front_matter, paper_path, short_title

KEY_CONCEPTS = 8         # key concepts of a guide without a curated list
HREFLANG_ZH = f' hreflang="{variants.as_printed().lang}"'   # a link from an English page to the text as printed
ZH_LINK = f'{HREFLANG_ZH} lang="{variants.as_printed().lang}"'
TEASER = 36              # characters of a paragraph shown in a reading list


def minutes(chars: int, rate: int) -> int:
    """Reading time in whole minutes (at least one)."""
    return max(1, math.ceil(chars / rate))


class Teacher:
    """Writes the teaching sections and pages of one variant from the corpus records (papersite.records:
    each concept's material and reading, computed once), with the variant's page context ``w``."""

    def __init__(self, ctx: PageContext, index: CorpusIndex, rate: int):
        self.w, self.index, self.rate = ctx, index, rate
        self.en, self.C, self.L, self.label = ctx.en, ctx.C, ctx.L, ctx.label

    # ---- small pieces ----------------------------------------------------------------------------

    def text(self, b: Bilingual) -> str:
        return b.en if self.en else self.C(b.zh)

    def ref_link(self, ref: ParaRef, named: bool = True) -> str:
        """``<a>`` to a cited paragraph: the paper's authors (when ``named``) and the ¶ number."""
        hreflang = HREFLANG_ZH if self.en else ""
        name = f"{html_text(self.w.paper_short(ref.paper))} " if named else ""
        return (f'<a class="para-ref" href="{self.w.para_href(ref.paper, ref.paragraph)}"{hreflang}>'
                f'{name}¶{para_number(ref.paragraph)}</a>')

    def para_text(self, ref: ParaRef) -> str:
        return self.index.span(ref.paper, ref.paragraph, 0, len(self.index.texts[(ref.paper, ref.paragraph)]), self.C)

    def evidence_text(self, e: Evidence) -> str:
        start = self.index.texts[(e.ref.paper, e.ref.paragraph)].index(e.text)   # verified on load
        return self.index.span(e.ref.paper, e.ref.paragraph, start, start + len(e.text), self.C)

    def zh_span(self, text: str) -> str:
        """Chinese text inside an English page carries its language."""
        return f'<span lang="zh-Hans">{html_text(text)}</span>' if self.en else html_text(text)

    def editors(self, generated: bool = False) -> str:
        note = self.label("teaching.generated" if generated else "teaching.editors_wrote")
        return f'<span class="editor-mark">{html_text(note)}</span>'

    # ---- a concept's material --------------------------------------------------------------------

    def material(self, c: Concept) -> tuple[Teaching, bool]:
        """The concept's teaching block, or the one generated from its quotations (and whether it was):
        the corpus records'."""
        m = self.w.corpus.material[c.slug]
        return m.teaching, m.generated

    def reading(self, c: Concept, t: Teaching | None = None) -> list[ParaRef]:
        """The paragraphs to read for the concept (papersite.records.reading: those its material cites and
        its quotations', topped up from the paragraphs that mention it most): the corpus records'."""
        return list(self.w.corpus.material[c.slug].reading)

    def chars(self, refs) -> int:
        return records.chars(self.index, refs)

    def concept_sections_top(self, c: Concept) -> list[str]:
        """Learning objectives and suggested reading (after the definition)."""
        t, generated = self.material(c)
        return self.objectives(t, generated) + self.reading_list(self.reading(c, t))

    def concept_sections_bottom(self, c: Concept) -> list[str]:
        """Discussion and self-check questions (at the end of the page)."""
        t, generated = self.material(c)
        return self.discussion(t, generated) + self.self_check(t, generated)

    def objectives(self, t: Teaching, generated: bool, level: str = "##", anchor: str = "") -> list[str]:
        out = [f"{level} {self.label('teaching.objectives')} {{#{anchor}objectives}}", "",
               f'<p class="objectives-lead">{html_text(self.label("teaching.objectives_lead"))} '
               f"{self.editors(generated)}</p>", "", '<ul class="objectives">']
        out += [f"<li>{html_text(self.text(o))}</li>" for o in t.objectives]
        return out + ["</ul>", ""]

    def reading_list(self, refs: list[ParaRef], level: str = "##", anchor: str = "") -> list[str]:
        chars = self.chars(refs)
        n = minutes(chars, self.rate)
        title = self.label("teaching.reading", n=n)
        lead = self.label("teaching.reading_lead", paragraphs=len(refs), chars=chars, rate=self.rate, n=n)
        screen = self.label("teaching.reading_screen")
        out = [f"{level} {title} {{#{anchor}reading}}", "",
               f'<p>{html_text(lead)}<span class="screen-only">{html_text(screen)}</span></p>', "",
               '<div class="reading" data-search-exclude><ul class="reading-list">']
        by_paper: dict[str, list[ParaRef]] = {}
        for r in refs:
            by_paper.setdefault(r.paper, []).append(r)
        for paper, items in by_paper.items():
            out.append(f'<li><span class="reading-paper"{self.w.zh_attr() if not self.en else ""}>'
                       f'{html_text(self.w.titles[paper])}</span>（{html_text(self.w.paper_short(paper))}）<ul>'
                       if not self.en else
                       f'<li><span class="reading-paper">{html_text(self.w.titles[paper])}</span> '
                       f'({html_text(self.w.paper_short(paper))})<ul>')
            for r in items:
                text = self.para_text(r)
                teaser = text[:TEASER] + ("…" if len(text) > TEASER else "")
                size = self.label("teaching.paragraph_size", n=len(text))
                out.append(f'<li>{self.ref_link(r, named=False)} <span class="reading-teaser">{self.zh_span(teaser)}</span> '
                           f'<span class="reading-size">{html_text(size)}</span></li>')
            out.append("</ul></li>")
        return out + ["</ul></div>", ""]

    def question_link(self, qid: str, n: int) -> str:
        """A question's own address, as a small link (an instructor assigns one question by it)."""
        label = html_text(self.label("teaching.question_link", n=n))
        return f'<a class="question-link" href="#{qid}" title="{label}" aria-label="{label}">#</a>'

    def questions(self, questions: tuple[Question, ...], anchor: str = "", cls: str = "") -> list[str]:
        out = [f'<ol class="discussion{" " + cls if cls else ""}">']
        for n, q in enumerate(questions, 1):
            cites = self.label("punctuation.list").join(self.ref_link(r) for r in q.cites)
            label = self.label("teaching.read")
            qid = question_id(f"{anchor}discussion", q.text.zh)
            out.append(f'<li id="{qid}">{html_text(self.text(q.text))} <span class="question-cites">{label}: {cites}</span> '
                       f'{self.question_link(qid, n)}</li>'
                       if self.en else
                       f'<li id="{qid}">{html_text(self.text(q.text))} <span class="question-cites">（{label}：{cites}）</span>'
                       f'{self.question_link(qid, n)}</li>')
        return out + ["</ol>", ""]

    def discussion(self, t: Teaching, generated: bool, level: str = "##", anchor: str = "", cls: str = "") -> list[str]:
        out = [f"{level} {self.label('teaching.discussion')} {{#{anchor}discussion}}", "",
               f'<p class="questions-lead">{html_text(self.label("teaching.discussion_lead"))} '
               f"{self.editors(generated)}</p>", ""]
        return out + self.questions(t.discussion, anchor, cls)

    def self_check(self, t: Teaching, generated: bool, level: str = "##", anchor: str = "") -> list[str]:
        lead = (f'<span class="screen-only">{html_text(self.label("teaching.self_check_screen"))}</span>'
                + html_text(self.label("teaching.self_check_lead")))
        choice = self.label("teaching.print_answers")
        out = [f"{level} {self.label('teaching.self_check')} {{#{anchor}self-check}}", "",
               f'<p class="questions-lead">{lead} {self.editors(generated)}</p>', "",
               f'<p class="print-choice" data-search-exclude><label><input type="checkbox" data-print-answers checked> '
               f"{html_text(choice)}</label></p>", "", '<div class="self-check">']
        for i, item in enumerate(t.self_check, 1):
            qid = question_id(f"{anchor}self-check", item.question.zh)
            out += [f'<details class="question" id="{qid}">',
                    f"<summary>{i}. {html_text(self.text(item.question))}</summary>",
                    *self.answer(item),
                    # The question's own address (a link inside <summary> would nest interactive elements).
                    f'<p class="question-address">{self.question_link(qid, i)}</p>',
                    "</details>"]
        return out + ["</div>", ""]

    def answer(self, item: SelfCheck) -> list[str]:
        """A self-check question's answer and the verbatim words of the paragraph it rests on."""
        e = item.evidence
        basis, colon = html_text(self.label("teaching.evidence")), self.label("punctuation.colon")
        quote = f"“{self.zh_span(self.evidence_text(e))}”"
        return [f'<p class="answer">{html_text(self.text(item.answer))}</p>',
                f'<p class="evidence" data-search-exclude>{basis}{colon}{self.ref_link(e.ref)}{colon}{quote}</p>']


def question_id(prefix: str, zh: str) -> str:
    """A question's address: from its Chinese wording, not its position, so that adding or reordering
    questions never moves another question's address (``discussion-3f2a1c``)."""
    return f"{prefix}-{hashlib.sha1(zh.encode('utf-8')).hexdigest()[:6]}"


def guide_uri(slug: str) -> str:
    """A paper's reading guide in every variant's docs tree."""
    return f"guides/{slug}.md"


def section_spans(doc) -> list[tuple[Heading, list[str]]]:
    """Each heading with the ids of the paragraphs under it (down to the next heading of its level or above)."""
    out: list[tuple[Heading, list[str]]] = []
    open_: list[tuple[Heading, list[str]]] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            while open_ and open_[-1][0].level >= block.level:
                open_.pop()
            entry = (block, [])
            out.append(entry)
            open_.append(entry)
        elif isinstance(block, Paragraph):
            for _, ids in open_:
                ids.append(block.id)
    return out


class Guides:
    """A paper's reading guide: argument, structure (one line per section), key concepts, questions."""

    def __init__(self, teacher: Teacher):
        self.t = teacher
        self.w, self.index, self.en, self.C, self.L = teacher.w, teacher.index, teacher.en, teacher.C, teacher.L
        self.label = teacher.label

    def key_concepts(self, paper) -> list[Concept]:
        by_term = {form: c for c in self.index.concepts.values() for form in c.forms}
        if paper.guide and paper.guide.key_concepts:
            return [by_term[t] for t in paper.guide.key_concepts]
        ranked = sorted(self.index.concepts.values(), key=lambda c: (-self.index.count(c.slug, paper.slug), c.slug))
        return [c for c in ranked if self.index.count(c.slug, paper.slug)][:KEY_CONCEPTS]

    def page(self, paper) -> str:
        t, en, C = self.t, self.en, self.C
        guide: Guide | None = paper.guide
        record, doc = paper.record, paper.document
        heading = self.label("guide.heading", title=record.title_en if en else record.title_zh)
        # Navigation (section "Reading guides") names the guide by the paper's short title; the page's
        # description is the guide's argument (or the abstract), its own first lines.
        argument = t.text(guide.argument) if guide else (doc.meta.english.abstract if en else C(doc.meta.abstract or ""))
        out = front_matter(short_title(record, en, C), description=first_sentence(argument)) + [f"# {md_text(heading)}", ""]
        body = [p.id for p in doc.paragraphs()]
        chars = sum(len(self.index.texts[(paper.slug, i)]) for i in body)
        n = minutes(chars, t.rate)
        paper_href = self.w.text_href(paper_path(paper.slug))
        authors = [a.pinyin for a in record.authors] if en else [C(a.display_zh) for a in record.authors]
        rows = [(self.label("paper.authors"), html_text(self.label("punctuation.list").join(authors))),
                (self.label("guide.the_paper"), f'<a href="{paper_href}"{ZH_LINK if en else ""}>'
                 f'{html_text(record.title_zh if en else C(record.title_zh))}</a>'),
                (self.label("guide.length"), html_text(
                    self.label("guide.length_value", paragraphs=len(body), chars=chars, rate=t.rate, n=n)))]
        out += ['<dl class="paper-meta">', *(f"<dt>{a}</dt><dd>{b}</dd>" for a, b in rows), "</dl>", ""]
        out += [f"## {self.label('guide.argument')} {{#argument}}", ""]
        if guide:
            out += [f'<p class="guide-argument">{html_text(t.text(guide.argument))} {t.editors()}</p>', ""]
        else:
            abstract = doc.meta.english.abstract if en else doc.meta.abstract
            note = self.label("guide.abstract_note")
            out += [f'<p class="guide-argument">{html_text(abstract or "" if en else C(abstract or ""))} '
                    f'<span class="editor-mark">{html_text(note)}</span></p>', ""]
        out += self.structure(paper)
        out += self.concepts(paper)
        if guide and guide.questions:
            out += [f"## {self.label('guide.discussion')} {{#discussion}}", "",
                    f'<p class="questions-lead">{t.editors()}</p>', ""]
            out += t.questions(guide.questions)
        return "\n".join(out).rstrip() + "\n"

    def paper_outline(self, paper) -> list[str]:
        """For the English paper page: the sections under the editors' English headings with their ¶ ranges
        (the guide's one-line summaries left to the guide), and the key concepts with their English renderings."""
        return self.structure(paper, heading="## Outline {#outline}", summaries=False) + self.concepts(paper)

    def structure(self, paper, heading: str | None = None, summaries: bool = True) -> list[str]:
        t, en, C = self.t, self.en, self.C
        lead = self.label("guide.structure_lead")
        out = [heading or f"## {self.label('guide.structure')} {{#structure}}", "",
               f'<p class="questions-lead">{html_text(lead)}{" " + t.editors() if paper.guide else ""}</p>', "",
               '<ul class="guide-structure">']
        first = next((i for i, b in enumerate(paper.document.blocks) if isinstance(b, Heading)), None)
        opening = [b.id for b in paper.document.blocks[:first] if isinstance(b, Paragraph)]
        if opening:
            line = GuideSection("", "", paper.guide.opening) if paper.guide and paper.guide.opening else None
            out.append(self._line(paper, html_text(self.label("guide.opening")), f"#{opening[0]}", opening, 0, line,
                                  summaries))
        spans = section_spans(paper.document)
        base = min((h.level for h, _ in spans), default=2)
        for heading, ids in spans:
            level = heading.level - base
            line = guide_heading(paper.guide, heading) if paper.guide else None
            if en:
                name = f'{html_text(line.title_en)} <span lang="zh-Hans" class="guide-zh-heading">{html_text(heading.label)}</span>' \
                    if line else f'<span lang="zh-Hans">{html_text(heading.label)}</span>'
            else:
                name = html_text(C(heading.label))
            out.append(self._line(paper, name, f"#{heading.id}", ids, level, line, summaries))
        return out + ["</ul>", ""]

    def _line(self, paper, name: str, anchor: str, ids: list[str], level: int, line, summaries: bool = True) -> str:
        """One entry of the structure: the heading (HTML) linked to the text, its paragraphs and time, the guide's line."""
        t, en = self.t, self.en
        href = self.w.text_href(f"{paper_path(paper.slug)}{anchor}")
        span = ""
        if ids:
            chars = sum(len(self.index.texts[(paper.slug, i)]) for i in ids)
            first, last = para_number(ids[0]), para_number(ids[-1])
            where = f"¶{first}" if first == last else f"¶{first}–{last}"
            span = self.label("guide.span", where=where, n=minutes(chars, t.rate))
        summary = f'<br><span class="guide-line">{html_text(t.text(line.summary))}</span>' if line and summaries else ""
        return (f'<li class="guide-level-{level}"><a href="{href}"{HREFLANG_ZH if en else ""}>{name}</a>'
                f'<span class="guide-span">{html_text(span)}</span>{summary}</li>')

    def concepts(self, paper) -> list[str]:
        en, C = self.en, self.C
        out = [f"## {self.label('guide.key_concepts')} {{#key-concepts}}", "", '<ul class="guide-concepts">']
        for c in self.key_concepts(paper):
            n = self.index.count(c.slug, paper.slug)
            count = self.label("guide.mentions", n=n)
            name = (f'{html_text(c.english_term)} <span lang="zh-Hans">{html_text(c.term)}</span>' if en
                    else html_text(C(c.term)))
            gloss = c.definition_en if en else C(c.definition_zh)
            first = _first_sentence(gloss, self.label("punctuation.full_stop"))
            out.append(f'<li><a href="../{concept_uri(c.slug)[:-3]}.html">{name}</a> '
                       f'<span class="reading-size">{html_text(self.label("punctuation.parenthesis", text=count))}</span>'
                       f"<br>{html_text(first)}</li>")
        return out + ["</ul>", ""]


# A text's first sentence: up to its first Chinese full stop (or ！？), or a Latin one followed by a space.
_FIRST_SENTENCE = re.compile(r".*?(?:[。！？]|[.!?](?=\s|$))", re.S)


def _first_sentence(text: str, full_stop: str) -> str:
    """The first sentence of a gloss, with the variant's full stop where the text has none."""
    m = _FIRST_SENTENCE.match(text)
    return m.group(0) if m else text.rstrip() + full_stop


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def first_prose(markdown: str) -> str:
    """The first paragraph of prose in a Markdown text (not a heading, list, table, HTML or comment), as plain
    text: a page's own first lines, for its meta description."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", "|", "<", ">", "`", "!!!", "1.")):
            return re.sub(r"[*_`]", "", _MD_LINK.sub(r"\1", " ".join(block.split())))
    return ""


def pack_uri(sequence_id: str) -> str:
    """A sequence's reading pack in every variant's docs tree."""
    return f"teaching/{sequence_id}.md"


INSTRUCTOR_GUIDE = "teaching/index.md"


class Instruction:
    """The instructor guide (prose from content/teaching/instructors.<zh|en>.md with generated parts) and the
    reading packs, one printable page per concept sequence."""

    MARKERS = ("<!-- sequences -->", "<!-- addresses -->")

    def __init__(self, teacher: Teacher, sequences, content: Path, site_url: str | None):
        self.t, self.sequences, self.content, self.site_url = teacher, sequences, Path(content), site_url
        self.w, self.index, self.en, self.C, self.L = teacher.w, teacher.index, teacher.en, teacher.C, teacher.L
        self.label = teacher.label
        self.by_term = {c.term: c for c in self.index.concepts.values()}

    def concepts(self, seq) -> list[Concept]:
        return [self.by_term[t] for t in seq.terms]

    def pack_reading(self, seq) -> tuple[dict[str, list[ParaRef]], list[ParaRef], int, int]:
        """A sequence's reading: each concept's paragraphs, the pack's paragraphs (each counted once, as the
        pack prints each once), their characters and minutes. The instructor guide and the pack both say this."""
        reading = {c.slug: self.t.reading(c, self.t.material(c)[0]) for c in self.concepts(seq)}
        unique = list({(r.paper, r.paragraph): r for refs in reading.values() for r in refs}.values())
        chars = self.t.chars(unique)
        return reading, unique, chars, minutes(chars, self.t.rate)

    def guide_page(self) -> str | None:
        source = self.content / "teaching" / f"instructors.{'en' if self.en else 'zh'}.md"
        if not source.is_file():
            return None
        raw = read_text_file(source)
        # The page title is the first heading's words as plain text (front_matter escapes it).
        title = next((l[2:].strip() for l in raw.splitlines() if l.startswith("# ")), self.label("instructor.title"))
        text = safe_markdown(raw, source, keep=self.MARKERS)
        text = text.replace(self.MARKERS[0], "\n".join(self.sequence_list()))
        text = text.replace(self.MARKERS[1], "\n".join(self.addresses()))
        if not self.en:
            text = self.C(text)
        lead = first_sentence(self.C(first_prose(raw)) if not self.en else first_prose(raw))
        return "\n".join(front_matter(self.C(title) if not self.en else title, description=lead)) + text.rstrip() + "\n"

    def sequence_list(self) -> list[str]:
        out = []
        for seq in self.sequences:
            concepts = self.concepts(seq)
            _, unique, chars, total = self.pack_reading(seq)
            name = seq.en if self.en else seq.zh
            pack = f"{seq.id}.md"
            out += [f"### {md_text(name)} {{#seq-{seq.id}}}", "", md_text(seq.about_en if self.en else seq.about_zh), ""]
            for i, c in enumerate(concepts, 1):
                n = minutes(self.t.chars(self.t.reading(c, self.t.material(c)[0])), self.t.rate)
                label = (f"[{md_text(c.english_term)}](../{concept_uri(c.slug)}) <span lang=\"zh-Hans\">{html_text(c.term)}</span>"
                         if self.en else f"[{md_text(c.term)}](../{concept_uri(c.slug)})")
                out.append(f"{i}. {label}{self.label('instructor.minutes', n=n)}")
            link = f"[{self.label('instructor.pack_link', concepts=len(concepts))}]({pack})"
            out += ["", self.label("instructor.pack_size", link=link, paragraphs=len(unique), chars=chars, n=total), ""]
        return out

    def addresses(self) -> list[str]:
        """Examples of the addresses to give students, from the site's own pages."""
        concept = next(iter(sorted(self.index.concepts.values(), key=lambda c: -self.index.count(c.slug))))
        quote = self.index.quotes[concept.slug][0] if self.index.quotes[concept.slug] else None
        base = (self.site_url.rstrip("/") + "/") if self.site_url else ""
        root = self.w.variant.root
        rows = [(self.label("instructor.concept_page"), f"{base}{root}concepts/{concept.slug}.html")]
        if quote:
            rows.append((self.label("instructor.self_check"), f"{base}{root}concepts/{concept.slug}.html#self-check"))
            rows.append((self.label("instructor.paragraph"),
                         f"{base}{variants.as_printed().root}papers/{quote.paper}.html#{quote.paragraph}"))
            rows.append((self.label("instructor.paragraph_traditional"),
                         f"{base}{variants.traditional().root}papers/{quote.paper}.html#{quote.paragraph}"))
            rows.append((self.label("instructor.guide"), f"{base}{root}guides/{quote.paper}.html"))
        head = (self.label("instructor.table_head"), "| --- | --- |")
        out = list(head)
        for label, addr in rows:
            out.append(f"| {md_text(label)} | `{addr}` |")
        if not base:
            out += ["", md_text(self.label("instructor.relative"))]
        return out + [""]

    def pack_page(self, seq) -> str:
        t, en, C, label = self.t, self.en, self.C, self.label
        concepts = self.concepts(seq)
        title = label("pack.title", name=seq.en if en else seq.zh)
        # A pack repeats its concepts' pages and the papers' paragraphs: searching finds those instead.
        about = seq.about_en if en else C(seq.about_zh)
        out = front_matter(title, searchable=False, description=first_sentence(about)) + [f"# {md_text(title)}", "", md_text(about), ""]
        reading, unique, chars, n = self.pack_reading(seq)
        lead = label("pack.lead", concepts=len(concepts), paragraphs=len(unique), chars=chars, rate=t.rate, n=n)
        screen = label("pack.print_how")
        out += [f'<p class="pack-lead">{html_text(lead)}<span class="screen-only">{html_text(screen)}</span></p>', "",
                f'<p class="print-choice" data-search-exclude><label><input type="checkbox" data-print-answers="pack"> '
                f'{html_text(label("pack.print_answers"))}</label></p>', "",
                '<ol class="pack-contents">']
        for c in concepts:
            out.append(f'<li><a href="#{c.slug}">{html_text(c.english_term if en else C(c.term))}</a></li>')
        out += ["</ol>", ""]
        printed: dict[tuple[str, str], tuple[int, Concept]] = {}   # where each paragraph is printed in full
        for i, c in enumerate(concepts, 1):
            material, generated = t.material(c)
            page = f"../{concept_uri(c.slug)}"
            out += [f'## {i}. {self.pack_name(c)} {{#{c.slug} .pack-concept}}', "",
                    f'<p class="pack-gloss">{html_text(c.definition_en if en else C(c.definition_zh))} {t.editors()} '
                    f'<a href="{page[:-3]}.html">{html_text(label("pack.concept_page"))}</a></p>', ""]
            out += t.objectives(material, generated, "###", f"{c.slug}-")
            out += self.full_reading(reading[c.slug], printed, i, c)
            out += t.discussion(material, generated, "###", f"{c.slug}-", cls="pack-questions")
            out += self.pack_self_check(material, generated, c)
        out += self.answer_key(concepts)
        return "\n".join(out).rstrip() + "\n"

    def pack_name(self, c: Concept) -> str:
        """A concept's name as a pack's section heading (Markdown)."""
        return f'{md_text(c.english_term)} (<span lang="zh-Hans">{html_text(c.term)}</span>)' if self.en else md_text(self.C(c.term))

    def full_reading(self, refs, printed, section: int, concept: Concept) -> list[str]:
        """A concept's paragraphs in full; one printed in an earlier section is named by that section instead."""
        t, en, L = self.t, self.en, self.L
        n = minutes(t.chars(refs), t.rate)
        out = [f"### {L(f'阅读（约 {n} 分钟）', f'Reading (about {n} min)')} {{#{concept.slug}-reading}}", ""]
        for r in refs:
            where = f"{html_text(self.w.titles[r.paper])} · {t.ref_link(r)}"
            anchor = f"pack-{r.paper}-{r.paragraph}"
            if (r.paper, r.paragraph) in printed:
                k, first = printed[(r.paper, r.paragraph)]
                see = self.label("pack_reference.section", section=k, name=self.w.name(first))
                # printed, the page too: site.js (packPageReferences) puts the number in for "{page}"
                on_page = self.label("pack_reference.page", section=k, name=self.w.name(first), page="{page}")
                link = f'<a href="#{anchor}" data-page-ref="{html_text(on_page)}">{html_text(see)}</a>'
                out += [f'<p class="pack-seen">{where}（{link}）</p>' if not en else f'<p class="pack-seen">{where} ({link})</p>', ""]
                continue
            printed[(r.paper, r.paragraph)] = (section, concept)
            out += [f'<figure class="pack-paragraph" id="{anchor}">', f"<figcaption>{where}</figcaption>",
                    f"<blockquote{self.w.zh_attr()}>{english_in_chinese(t.para_text(r))}</blockquote>", "</figure>", ""]
        return out

    def pack_self_check(self, t: Teaching, generated: bool, c: Concept) -> list[str]:
        """A concept's self-check questions in a pack: the questions with room to answer; the answers are in
        the answer key at the end (answer_key), each question keeping its address."""
        lead = self.label("pack.self_check_lead")
        out = [f"### {self.label('teaching.self_check')} {{#{c.slug}-self-check}}", "",
               f'<p class="questions-lead">{html_text(lead)} {self.t.editors(generated)}</p>', "",
               '<ol class="pack-questions self-check-questions">']
        for i, item in enumerate(t.self_check, 1):
            qid = question_id(f"{c.slug}-self-check", item.question.zh)
            out.append(f'<li id="{qid}">{html_text(self.t.text(item.question))} {self.t.question_link(qid, i)}</li>')
        return out + ["</ol>", ""]

    def answer_key(self, concepts: list[Concept]) -> list[str]:
        """The answers of every self-check question, by section; printed only when the reader chooses to
        (papers.css: html[data-print-answers=yes]), folded on the screen."""
        label = self.label
        out = [f"## {label('pack.answer_key')} {{#answer-key .answer-key-heading}}", "",
               '<div class="answer-key">', f'<p class="questions-lead">{html_text(label("pack.answer_key_lead"))}</p>']
        for i, c in enumerate(concepts, 1):
            material, _ = self.t.material(c)
            name = (f'{html_text(c.english_term)} (<span lang="zh-Hans">{html_text(c.term)}</span>)' if self.en
                    else html_text(self.C(c.term)))
            out += [f'<h3 id="{c.slug}-answers">{i}. {name}</h3>', '<ol class="answer-list">']
            for n, item in enumerate(material.self_check, 1):
                qid = question_id(f"{c.slug}-self-check", item.question.zh)
                out += [f'<li><details class="question"><summary>{html_text(self.t.text(item.question))}</summary>',
                        *self.t.answer(item), f'<p class="question-address"><a href="#{qid}">'
                        f'{html_text(label("pack.back_to_question", section=i, n=n))}</a></p>',
                        "</details></li>"]
            out.append("</ol>")
        return out + ["</div>", ""]
