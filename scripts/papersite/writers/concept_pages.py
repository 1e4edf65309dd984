"""Concept pages and the concept index, in the three variants.

A concept page: header (term, other script, pinyin, English), the editors' definition, verbatim
quotations side by side, counts (chart), a keyword-in-context concordance, curated and
co-occurring related concepts with a map. Chinese text is written in Simplified characters and
passed through ``convert`` (OpenCC for zh-Hant). Quotations, the chart, the concordance and the
maps are excluded from the search index (data-search-exclude): they repeat the papers' text, which
is found on the paper pages themselves.
"""
from __future__ import annotations

from collections import defaultdict

from .. import variants
from ..addresses import display_number
from ..concepts import Category, Concept
from ..mentions import CorpusIndex
from ..pinyin import sort_key
from . import svg
from .escape import english_in_chinese, html_text, md_text
from .context import PageContext
from .pages import cross_variant_href, first_sentence, front_matter

MAP_NEIGHBOURS = 10
PRINT_KWIC = 3           # concordance lines per paper on a printed concept page


def concept_uri(slug: str) -> str:
    """A concept page's source path in every variant's docs tree."""
    return f"concepts/{slug}.md"


def concept_order(concepts, variant: str) -> list[Concept]:
    """The order readers look concepts up in: by pinyin (zh variants) or by English term (en)."""
    key = (lambda c: c.english_term.lower()) if variants.get(variant).english else (lambda c: sort_key(c.pinyin))
    return sorted(concepts, key=key)


def para_number(paragraph_id: str) -> str:
    """The paragraph number shown to readers (p-12 -> 12, p-12-1 -> 12.1)."""
    return display_number(paragraph_id)


class ConceptPages:
    """Writes every concept page and the index of one variant from the corpus index; ``teacher`` (a
    writers.teaching_pages.Teacher of the same context) adds the teaching sections."""

    def __init__(self, ctx: PageContext, index: CorpusIndex, categories: tuple[Category, ...], teacher=None):
        self.ctx, self.index, self.categories, self.teacher = ctx, index, categories, teacher
        self.variant, self.en, self.C, self.T, self.label = ctx.variant, ctx.en, ctx.C, ctx.T, ctx.label
        self.titles = ctx.titles
        self.name, self.para_href, self.zh_attr, self.paper_short = ctx.name, ctx.para_href, ctx.zh_attr, ctx.paper_short

    def relations(self) -> dict[str, str]:
        """The names of the relations between concepts (the list's labels, the map's legend)."""
        return {k: self.label(f"relation.{k}") for k in ("broader", "narrower", "related", "cooccur")}

    # ---- a concept page --------------------------------------------------------------------------

    def page(self, concept: Concept) -> str:
        """The Markdown of one concept page."""
        gloss = self.ctx.text(concept.definition_zh, concept.definition_en)
        out = front_matter(self.name(concept), description=first_sentence(gloss))  # the editors' gloss
        out += [f"# {md_text(self.name(concept))}", ""]
        out += self._header(concept)
        out += self._definition(concept)
        if self.teacher:
            out += self.teacher.concept_sections_top(concept)
        out += self._quotes(concept)
        out += self._occurrences(concept)
        if not self.en:
            out += self._concordance(concept)
        out += self._related(concept)
        if self.teacher:
            out += self.teacher.concept_sections_bottom(concept)
        return "\n".join(out).rstrip() + "\n"

    def _header(self, c: Concept) -> list[str]:
        # The term in the other Chinese variants' scripts.
        scripts = " · ".join(f'<span lang="{v.lang}">{html_text(v.converter(self.T)(c.term))}</span>'
                             for v in variants.chinese() if v != self.variant)
        rows = [(self.label("concept.other_scripts"), scripts)]
        rows.append((self.label("concept.pinyin"), f'<span lang="zh-Latn-pinyin">{html_text(c.pinyin)}</span>'))
        renderings = []
        for r in c.english:
            if r.used_in:
                names = self.ctx.corpus.names
                who = ", ".join(names[p].en for p in r.used_in if p in names)
                note = self.label("concept.used_in", who=who)
            else:
                note = self.label("concept.editors_rendering")
            renderings.append(f'<span lang="en">{html_text(r.text)}</span> <span class="editor-mark">{html_text(note)}</span>')
        rows.append((self.label("concept.english"), "<br>".join(renderings)))
        if c.aliases:
            rows.append((self.label("concept.aliases"), "、".join(f'<span{self.zh_attr()}>{html_text(self.C(a))}</span>' for a in c.aliases)))
        cat = next(k for k in self.categories if k.id == c.category)
        rows.append((self.label("concept.category"), f'<a href="index.html#{cat.id}">{html_text(self.ctx.text(cat.zh, cat.en))}</a>'))
        total, papers = self.index.count(c.slug), self.index.papers_mentioning(c.slug)
        rows.append((self.label("concept.occurs"), html_text(
            self.label("concept.occurs_value", total=total, papers=papers, all=len(self.index.papers)))))
        out = ['<dl class="paper-meta concept-meta">']
        out += [f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows]
        return out + ["</dl>", ""]

    def _definition(self, c: Concept) -> list[str]:
        title = self.label("concept.gloss")
        text = self.ctx.text(c.definition_zh, c.definition_en)
        return [f'!!! info "{html_text(title)}"', "", "    " + md_text(text), ""]

    def _quotes(self, c: Concept) -> list[str]:
        quotes = self.index.quotes[c.slug]
        out = [f"## {self.label('concept.definitions')} {{#definitions}}", ""]
        if not quotes:
            return out + [md_text(self.label("concept.no_definitions")), ""]
        intro, link = self.label("concept.quotes_intro"), self.label("concept.quotes_link")
        out += [f'<p>{html_text(intro)}<span class="screen-only">{html_text(link)}</span>{html_text(self.label("punctuation.full_stop"))}</p>', "",
                '<div class="quote-grid" data-search-exclude>']
        for q in quotes:
            href = self.para_href(q.paper, q.paragraph)
            where = f"¶{para_number(q.paragraph)}"
            page = self.index.page_at(q.paper, q.paragraph, self.index.texts[(q.paper, q.paragraph)].index(q.text))
            if page is not None:   # the printed page, to cite the quotation by
                where += " · " + self.label("paper.page", n=page)
            out += ['<figure class="concept-quote">',
                    f'<blockquote{self.zh_attr()}>{english_in_chinese(self._quote_text(q))}</blockquote>',
                    f'<figcaption><a href="{href}">{html_text(self.paper_short(q.paper))} · {where}</a><br>'
                    f'<span class="quote-source"{self.zh_attr() if not self.en else ""}>{html_text(self.titles[q.paper])}</span></figcaption>',
                    "</figure>"]
        return out + ["</div>", ""]

    def _quote_text(self, q) -> str:
        start = self.index.texts[(q.paper, q.paragraph)].index(q.text)   # verified on load
        return self.index.span(q.paper, q.paragraph, start, start + len(q.text), self.C)

    def _occurrences(self, c: Concept) -> list[str]:
        out = [f"## {self.label('concept.occurrences')} {{#occurrences}}", ""]
        rows = []
        for paper in self.index.papers:
            n = self.index.count(c.slug, paper)
            href = None if self.en or not n else f"#in-{paper}"
            rows.append((self.paper_short(paper), n, href))
        if self.en:
            forms = "、".join(c.forms)
            caption = self.label("concept.mentions_caption", forms=f'<span lang="{variants.as_printed().lang}">{html_text(forms)}</span>')
        else:
            forms = "、".join(self.C(f) for f in c.forms)
            caption = html_text(self.label("concept.mentions_caption", forms=forms))
        title = f"{self.name(c)}: " + ", ".join(f"{label} {n}" for label, n, _ in rows)
        # Papers differ in length (the shortest has a third of the longest's body text): mentions per 10,000
        # characters of the same body paragraphs the mentions are counted in.
        chars = {paper: self.index.body_chars(paper) for paper in self.index.papers}
        rates = [(label, round(n * 10000 / chars[paper], 1) if chars[paper] else 0.0, href)
                 for (label, n, href), paper in zip(rows, self.index.papers)]
        rate_title = self.label("concept.rate_title", term=self.name(c) if self.en else c.term) + ": " + \
            ", ".join(f"{label} {r:.1f}" for label, r, _ in rates)
        if self.en:
            zh = cross_variant_href(self.variant, 1, variants.as_printed(), f"concepts/{c.slug}.html#concordance")
            out += [f'<p>Every mention with its context, grouped by paper, is listed on the '
                    f'<a href="{zh}" hreflang="zh-Hans">Chinese page\'s concordance</a>.</p>', ""]
        width = 170 if self.en else 150
        per = self.label("concept.per_10000")
        out += ['<figure class="concept-occurrences" data-search-exclude>',
                f'<p class="chart-heading">{html_text(self.label("concept.mentions"))}</p>',
                svg.bar_chart(rows, title, label_width=width),
                f'<p class="chart-heading">{html_text(self.label("concept.mentions_rate"))}</p>',
                svg.bar_chart(rates, rate_title, label_width=width, fmt=lambda r: f"{r:.1f}", cls="concept-chart concept-chart-rate"),
                f"<figcaption>{caption}</figcaption>", "</figure>", ""]
        head = (self.label("concept.paper"), self.label("concept.body_chars"), self.label("concept.mentions"), per)
        out += ['<table class="occurrence-table" data-search-exclude>',
                "<thead><tr>" + "".join(f"<th>{html_text(h)}</th>" for h in head) + "</tr></thead><tbody>"]
        for (label, n, _), (_, rate, _), paper in zip(rows, rates, self.index.papers):
            out.append(f"<tr><td>{html_text(label)}</td><td>{chars[paper]}</td><td>{n}</td><td>{rate:.1f}</td></tr>")
        out += ["</tbody></table>", ""]
        return out

    def _concordance(self, c: Concept) -> list[str]:
        by_paper = defaultdict(list)
        for m in self.index.mentions[c.slug]:
            by_paper[m.paper].append(m)
        # In print, each paper's count and first PRINT_KWIC lines (papers.css); the note says where the rest is.
        rest = sum(max(0, len(found) - PRINT_KWIC) for found in by_paper.values())
        out = [f"## {self.label('concept.concordance')} {{#concordance}}", "",
               f'<p>{html_text(self.label("concept.concordance_intro"))}<span class="screen-only">'
               f'{html_text(self.label("concept.concordance_link"))}</span>{html_text(self.label("punctuation.full_stop"))}</p>', ""]
        if rest:
            out += [f'<p class="print-only">{html_text(self.label("concept.concordance_print", lines=PRINT_KWIC, rest=rest))}</p>', ""]
        out.append('<div class="kwic" data-search-exclude>')
        for paper in self.index.papers:
            found = by_paper.get(paper)
            if not found:
                continue
            out.append(f'<details class="kwic-paper" id="in-{paper}"><summary>{html_text(self.titles[paper])}'
                       f'（{html_text(self.paper_short(paper))}，{len(found)} {self.label("concept.times")}）</summary>')
            out.append('<table class="kwic-lines"><tbody>')
            for m in found:
                href = self.para_href(m.paper, m.paragraph)
                left, key, right = self.index.kwic(m, self.C)
                out.append(f'<tr><td class="kwic-left">{html_text(left)}</td>'
                           f'<td class="kwic-key"><a href="{href}">{html_text(key)}</a></td>'
                           f'<td class="kwic-right">{html_text(right)}</td>'
                           f'<td class="kwic-where"><a href="{href}">¶{para_number(m.paragraph)}</a></td></tr>')
            out += ["</tbody></table>", "</details>"]
        return out + ["</div>", ""]

    def _related(self, c: Concept) -> list[str]:
        labels = self.relations()
        out = [f"## {self.label('concept.related')} {{#related}}", ""]
        concepts = self.index.concepts
        for key in ("broader", "narrower", "related"):
            slugs = getattr(c, key)
            if slugs:
                links = self.label("punctuation.list").join(f"[{md_text(self.name(concepts[s]))}]({s}.md)" for s in slugs)
                out.append(f"- **{labels[key]}**{self.label('punctuation.colon')}{links}")
        neighbours = self.index.neighbours[c.slug][:8]
        if neighbours:
            items = []
            for n in neighbours:
                other = concepts[n.concept]
                strength = self.label("concept.cooccur_strength", shared=n.shared, dice=n.dice)
                items.append(f"[{md_text(self.name(other))}]({other.slug}.md)" + self.label("punctuation.aside", text=strength))
            out.append(f"- **{labels['cooccur']}**{self.label('punctuation.colon')}" + self.label("punctuation.semicolon").join(items))
        out += ["", md_text(self.label("concept.dice_note")), ""]
        out += ['<figure class="concept-map-figure" data-search-exclude>', self._map(c),
                f"<figcaption>{html_text(self.label('concept.map_caption'))}</figcaption>",
                "</figure>", ""]
        return out

    def _map(self, c: Concept) -> str:
        concepts = self.index.concepts
        chosen: list[tuple[svg.Node, str, float]] = []
        seen = {c.slug}
        strength = {n.concept: n.dice for n in self.index.neighbours[c.slug]}
        # Hierarchy first, then the curated related concepts that share most paragraphs, then the
        # strongest co-occurring ones: at most MAP_NEIGHBOURS boxes, so the map stays readable.
        candidates = [(s, key) for key in ("broader", "narrower") for s in getattr(c, key)]
        candidates += [(s, "related") for s in sorted(c.related, key=lambda s: (-strength.get(s, 0.0), s))]
        candidates += [(n.concept, "cooccur") for n in self.index.neighbours[c.slug]]
        for s, key in candidates:
            if len(chosen) >= MAP_NEIGHBOURS:
                break
            if s not in seen:
                seen.add(s)
                chosen.append((svg.Node(s, self.name(concepts[s]), f"{s}.html", key), key, strength.get(s, 0.0)))
        order = {"broader": 0, "related": 1, "cooccur": 2, "narrower": 3}
        chosen.sort(key=lambda item: order[item[1]])
        legend = self.relations()
        title = self.label("concept.map_title", term=self.name(c) if self.en else c.term) + ": " + \
            ", ".join(n.label for n, _, _ in chosen)
        return svg.neighbourhood_map(svg.Node(c.slug, self.name(c), None, "centre"), chosen, title, legend)

    # ---- the index -------------------------------------------------------------------------------

    def index_page(self) -> str:
        """The concept index: by category, alphabetically (pinyin / English), and the whole map."""
        concepts = concept_order(self.index.concepts.values(), self.variant)
        title = self.label("concept_index.title")
        lead = self.label("concept_index.lead", concepts=len(concepts), papers=len(self.index.papers))
        out = front_matter(title, description=lead) + [f"# {title}", ""]
        out.append(md_text(self.label("concept_index.about", concepts=len(concepts), papers=len(self.index.papers))))
        out += ["", f"## {self.label('concept_index.by_category')} {{#by-category}}", ""]
        head = (self.label("concept_index.table_head"), self.label("concept_index.table_align"))
        for cat in self.categories:
            members = [c for c in concepts if c.category == cat.id]
            if not members:
                continue
            out += [f"### {md_text(self.ctx.text(cat.zh, cat.en))} {{#{cat.id}}}", "", *head]
            for c in members:
                out.append(self._index_row(c))
            out.append("")
        out += self._alphabetical(concepts)
        out += [f"## {self.label('concept_index.map')} {{#map}}", "",
                md_text(self.label("concept_index.map_about")), "",
                '<figure class="concept-map-figure" data-search-exclude>', self._whole_map(), "</figure>", ""]
        return "\n".join(out)

    def _index_row(self, c: Concept) -> str:
        papers = self.index.papers_mentioning(c.slug)
        if self.en:
            return (f"| [{md_text(c.english_term)}]({c.slug}.md) | <span lang=\"zh-Hans\">{html_text(c.term)}</span> "
                    f"<span lang=\"zh-Latn-pinyin\">{html_text(c.pinyin)}</span> | {self.index.count(c.slug)} | {papers} |")
        return (f"| [{md_text(self.C(c.term))}]({c.slug}.md) | <span lang=\"zh-Latn-pinyin\">{html_text(c.pinyin)}</span> | "
                f"<span lang=\"en\">{html_text(c.english_term)}</span> | {self.index.count(c.slug)} | {papers} |")

    def _alphabetical(self, concepts: list[Concept]) -> list[str]:
        if self.en:
            key = lambda c: c.english_term[0].upper()
            out = [f"## {self.label('concept_index.alphabetical')} {{#a-z}}", ""]
        else:
            key = lambda c: sort_key(c.pinyin)[0][0][:1].upper()
            out = [f"## {self.label('concept_index.alphabetical')} {{#by-pinyin}}", ""]
        groups: dict[str, list[Concept]] = {}
        for c in concepts:
            groups.setdefault(key(c), []).append(c)
        for letter, members in groups.items():
            links = []
            for c in members:
                extra = f" <span lang=\"zh-Hans\">{html_text(c.term)}</span>" if self.en else f" <span class=\"pinyin\" lang=\"zh-Latn-pinyin\">{html_text(c.pinyin)}</span>"
                links.append(f"[{md_text(self.name(c))}]({c.slug}.md){extra}")
            out.append(f"- **{letter}** " + self.label("punctuation.semicolon").join(links))
        return out + [""]

    def _whole_map(self) -> str:
        concepts = concept_order(self.index.concepts.values(), self.variant)
        columns = []
        for cat in self.categories:
            members = [c for c in concepts if c.category == cat.id]
            if members:
                columns.append((self.ctx.text(cat.zh, cat.en),
                                [svg.Node(c.slug, self.name(c), f"{c.slug}.html") for c in members]))
        edges = set()
        for c in concepts:
            for s in c.broader:
                edges.add((s, c.slug, "broader"))
            for s in c.related:
                if (s, c.slug, "related") not in edges:
                    edges.add((c.slug, s, "related"))
        title = self.label("concept_index.map")
        legend = {"broader": self.label("concept_index.broader_edge"), "related": self.label("relation.related")}
        return svg.columns_map(columns, sorted(edges), title, legend)
