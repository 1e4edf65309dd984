"""The site's own pages around the papers: home, "about this edition", English paper landing pages,
and the "how to cite" section every paper page ends with.

Chinese text here is written in Simplified characters and passed through ``convert`` (identity for
zh-Hans, OpenCC for zh-Hant), like the article text. Links between variants are raw HTML (MkDocs
validates Markdown links within one variant only); tests/test_links.py checks every one resolves.
"""
from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from .. import citation as cite
from .. import variants
from ..labels import Labels
from ..siteconfig import SiteConfig
from ..variants import Variant
from .escape import chinese_in_english, english_in_chinese, html_text, md_text


def _identity(s: str) -> str:
    return s


def front_matter(title: str, citation_tags=None, searchable: bool = True, head=None, description=None) -> list[str]:
    """YAML front matter: the page title, (on paper pages) the citation metadata for the head, the page's
    meta description, and whether the page is left out of the search index (pages that only repeat text
    found elsewhere).

    ``title`` is plain text. MkDocs treats a page title as HTML (a title taken from a page's first heading
    is rendered Markdown) and Material prints it unescaped in <title>, the header, the navigation and the
    search index, so the title is escaped here, once, for all of them (the MkDocs plugin marks it as escaped).
    ``head`` (paper pages): :func:`head_meta`'s Dublin Core pairs and JSON-LD, which overrides/main.html
    writes into the head (the pairs escaped there with ``| e``; the JSON-LD already escaped for a script).
    ``description`` is plain text; Material prints page.meta.description unescaped into its
    <meta name="description">, so it is escaped here."""
    out = ["---", f"title: {json.dumps(html_text(title), ensure_ascii=False)}"]
    if description:
        out.append(f"description: {json.dumps(html.escape(' '.join(description.split()), quote=True), ensure_ascii=False)}")
    if citation_tags:
        out.append(f"citation: {json.dumps([list(t) for t in citation_tags], ensure_ascii=False)}")
    if head:
        out.append(f"dublin_core: {json.dumps([list(t) for t in head['dublin_core']], ensure_ascii=False)}")
        out.append(f"json_ld: {json.dumps(head['json_ld'], ensure_ascii=False)}")
    if not searchable:
        out += ["search:", "  exclude: true"]
    return out + ["---", ""]


def head_meta(c) -> dict:
    """What a paper page's head carries besides the Highwire tags: Dublin Core pairs and the schema.org
    JSON-LD (text for a <script> element: papersite.citation.script_json)."""
    return {"dublin_core": cite.dublin_core(c), "json_ld": cite.script_json(cite.json_ld(c))}


_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+(?=[A-Z“\"‘(])")


def first_sentence(text: str | None, limit: int = 160) -> str | None:
    """The first sentence of ``text`` (a meta description), cut at ``limit`` characters with "…"."""
    if not text:
        return None
    text = " ".join(text.split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0].strip() or text
    return first if len(first) <= limit else first[:limit - 1].rstrip() + "…"


def short_title(record, english: bool, convert=_identity) -> str:
    """A paper's short title (the navigation's name for its reading guide): the editors' ``title.short_zh`` /
    ``short_en`` in paper.yml, else the whole title."""
    if english:
        return record.short_title_en or record.title_en
    return convert(record.short_title_zh or record.title_zh)


def cross_variant_href(from_variant: str | Variant, from_depth: int, to_variant: str | Variant, path: str) -> str:
    """Relative URL from a page (``from_depth`` folders below its variant root) to ``path`` in another variant."""
    up = "../" * (from_depth + variants.get(from_variant).depth())
    return up + variants.get(to_variant).root + path


def paper_uri(slug: str) -> str:
    """A paper page's source path in every variant's docs tree (Markdown links use it)."""
    return f"papers/{slug}.md"


def paper_path(slug: str) -> str:
    """A paper page's built path inside any variant (the twins share it; raw HTML links use it)."""
    return paper_uri(slug)[:-len(".md")] + ".html"


DOWNLOADS = (("BibTeX", "bib", "application/x-bibtex"), ("RIS", "ris", "application/x-research-info-systems"),
             ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json"))


def cite_section(record, url: str | None, label: Labels) -> list[str]:
    """"How to cite": GB/T 7714-2025 (the default) with the 2015 form beside it, the English form on the
    English pages, and BibTeX, RIS and CSL-JSON with downloads; all from the one record. The words are the
    variant's (``label``: labels/<variant>.yml ``cite``)."""
    c = cite.citation_data(record, url)
    texts = {"BibTeX": cite.bibtex(c), "RIS": cite.ris(c), "CSL-JSON": cite.csl_json_text(c)}
    english = label.variant.english
    if english:
        out = [f"## {label('cite.title')} {{#cite}}", "", label("cite.standard_2025"), "",
               f'<p class="cite-gbt" data-edition="2025" lang="en">{chinese_in_english(cite.gbt7714(c, "2025", english=True))}</p>', "",
               label("cite.standard_2015"), "",
               f'<p class="cite-gbt" data-edition="2015" lang="en">{chinese_in_english(cite.gbt7714(c, "2015", english=True))}</p>', "",
               label("cite.as_printed"), "",
               f'<p class="cite-gbt cite-original" data-edition="2025" lang="zh-Hans">{english_in_chinese(cite.gbt7714(c, "2025"))}</p>', ""]
    else:
        out = [f"## {label('cite.title')} {{#cite}}", "", label("cite.standard_2025"), "",
               f'<p class="cite-gbt" data-edition="2025" lang="zh-Hans">{english_in_chinese(cite.gbt7714(c, "2025"))}</p>', "",
               label("cite.standard_2015"), "",
               f'<p class="cite-gbt" data-edition="2015" lang="zh-Hans">{english_in_chinese(cite.gbt7714(c, "2015"))}</p>', ""]
    save = label("cite.download")
    for name, ext, mime in DOWNLOADS:
        text = texts[name]
        href = f"data:{mime};charset=utf-8,{quote(text)}"
        out += [f'<details class="cite-format"><summary>{name}</summary>',
                f'<pre><code>{chinese_in_english(text) if english else html_text(text)}</code></pre>',
                f'<p><a download="{record.slug}.{ext}" href="{href}">{save} {record.slug}.{ext}</a></p>',
                "</details>", ""]
    return out


def _papers_list_zh(papers, convert, label) -> list[str]:
    out = []
    for paper in papers:
        r = paper.record
        authors = "、".join(a.display_zh for a in r.authors)
        out += [f"### [{md_text(convert(r.title_zh))}]({paper_uri(r.slug)})", ""]
        en = html_text(r.title_en) + (' <span class="editor-mark">' + html_text(label("paper.editors_translation")) + "</span>"
                                      if r.title_en_provenance == "editor" else "")
        out += [f'<p class="paper-title-en" lang="en">{en}</p>', ""]
        out += [md_text(convert(f"{authors}" + (f"　·　{r.journal}" if r.journal else "")
                                + (f"　·　{r.year}" if r.year else ""))), ""]
        if r.summary_zh:
            out += [f'<p class="summary"><span class="editor-mark">{html_text(label("home.summary"))}</span> '
                    f'{html_text(convert(r.summary_zh))}</p>', ""]
    return out


EXAMPLE_PAGE = 91   # the home pages' example of a page marker


def _page_marker() -> str:
    """A page marker as the Chinese pages draw it (the home pages show one as an example)."""
    return Labels(variants.as_printed())("paper.page", n=EXAMPLE_PAGE)


def home_zh(papers, variant: str, convert=_identity, concept_index: str | None = None, teaching: str | None = None,
            config: SiteConfig = SiteConfig("")) -> str:
    """The Chinese home page (zh-Hans, or zh-Hant through ``convert``); its title and first sentence are
    content/site.yml's ``site.title`` and ``site.intro``, its other prose the catalogue's ``home`` texts."""
    C = convert
    variant = variants.get(variant)
    label = Labels(variant, convert)
    # The language button leads to each other variant (their names in their own language).
    others = [v for v in variants.VARIANTS if v != variant]
    intro = C(config.intro(variant, len(papers)))
    search = (label("home.search_example", part=config.search_part, word=config.search_word)
              if config.search_word else label("home.search"))
    out = front_matter(C(config.title(variant)), description=first_sentence(intro))
    out += [f"# {md_text(C(config.title(variant)))}", "",
            md_text(intro + label("home.lead")), "",
            f"## {label('sections.papers')}", ""]
    out += _papers_list_zh(papers, convert, label)
    out += [f"## {label('home.how_to_read')}", "",
            "- " + md_text(label("home.paper_layout")),
            "- " + md_text(label("home.numbers")),
            "- " + md_text(label("home.page_markers", marker=_page_marker(), n=EXAMPLE_PAGE)),
            "- " + label("home.language_links", links=label("home.language_or").join(
                f"<a href=\"{cross_variant_href(variant, 0, v, 'index.html')}\" hreflang=\"{v.lang}\" lang=\"{v.lang}\">"
                + html_text(v.name) + "</a>" for v in others)),
            "- " + md_text(search), ""]
    out += [f"## {label('home.how_to_cite')}", "", md_text(label("home.cite")), ""]
    out += _home_sections(label, concept_index, teaching)
    return "\n".join(out)


def _home_sections(label: Labels, concept_index: str | None, teaching: str | None) -> list[str]:
    """The home page's last sections: the concept index, the instructor guide, "about this edition". The
    catalogue's sentence is written into the Markdown as it is, around the link (it holds no markup)."""
    out = []
    if concept_index:
        out += [f"## {label('sections.concepts')}", "",
                label("home.concepts", link=f"[{label('home.concepts_link')}]({concept_index})"), ""]
    if teaching:
        out += [f"## {label('sections.teaching')}", "",
                label("home.teaching", link=f"[{label('home.teaching_link')}]({teaching})"), ""]
    return out + [f"## {label('about.title')}", "", label("home.about", link=f"[{label('about.title')}](about.md)"), ""]


def home_en(papers, concept_index: str | None = None, teaching: str | None = None, config: SiteConfig = SiteConfig(""),
            variant: str | Variant = "en") -> str:
    """The English home page; its title and first sentence are content/site.yml's ``site.title`` and
    ``site.intro``, its other prose the catalogue's ``home`` texts."""
    variant = variants.get(variant)
    label = Labels(variant)
    intro = config.intro(variant, len(papers))
    out = front_matter(config.title(variant), description=label("home.description", intro=intro.rstrip(".")))
    out += [f"# {md_text(config.title(variant))}", "",
            chinese_in_english(intro, escape=md_text) + md_text(label("home.lead")), "", f"## {label('sections.papers')}", ""]
    # Catalogue texts in HTML: only &, < and > need escaping (their apostrophes stay as written).
    mark = f' <span class="editor-mark">{html.escape(label("paper.editors_translation").strip(), quote=False)}</span>'
    for paper in papers:
        r = paper.record
        out += [f"### [{md_text(r.title_en)}]({paper_uri(r.slug)}){mark if r.title_en_provenance == 'editor' else ''}", "",
                f'<p class="paper-title-zh" lang="zh-Hans">{html_text(r.title_zh)}</p>', "",
                md_text(", ".join(a.pinyin for a in r.authors) + (f" · {r.journal_en or r.journal}" if r.journal else "")
                        + (f" · {r.year}" if r.year else "")), ""]
        if r.summary_en:
            out += [f'<p class="summary"><span class="editor-mark">{html.escape(label("home.summary"), quote=False)}</span> '
                    f'{html_text(r.summary_en)}</p>', ""]
    out += [f"## {label('home.how_to_read')}", "",
            "- " + label("home.english_pages", **_text_links(label, "home", variant, 0, "index.html", hreflang=False)),
            "- " + md_text(label("home.language_button")),
            "- " + md_text(label("home.numbers")),
            "- " + label("home.page_markers", n=EXAMPLE_PAGE,
                         marker=f'<span lang="{variants.as_printed().lang}">{html_text(_page_marker())}</span>'),
            "", f"## {label('home.how_to_cite')}", "", md_text(label("home.cite")), ""]
    out += _home_sections(label, concept_index, teaching)
    return "\n".join(out)


# What the conversion normalises, in this order: the catalogue's about.normalised.<key>.name and .text.
NORMALISATIONS = ("line_breaks", "furniture", "letter_spacing", "punctuation", "numbers", "tables", "traditional")


def about_page(papers, site, variant: str, convert=_identity) -> str:
    """"About this edition": sources and checksums, the normalisations, the conversion log, errata."""
    variant = variants.get(variant)
    en = variant.english
    C = (lambda s: s) if en else convert
    label = Labels(variant, C)
    title = label("about.title")
    out = front_matter(title, description=label("about.description")) + [f"# {title}", ""]
    out += [md_text(label("about.intro")), ""]
    out += [f"## {label('about.sources')} {{#sources}}", "",
            "| " + " | ".join(label(f"about.{x}") for x in ("paper", "source_file", "checksum")) + " |",
            "| --- | --- | --- |"]
    for p in papers:
        r = p.record
        name = md_text(r.title_en if en else C(r.title_zh))
        # A file name may hold a backtick or a bar: written as HTML text, not as a Markdown code span.
        out.append(f"| [{name}]({paper_uri(r.slug)}) | <code>{html_text(r.original_name)}</code> | `{r.sha256}` |")
    out += ["", f"## {label('about.normalisations')} {{#normalisations}}", ""]
    for key in NORMALISATIONS:
        fields = {"config": site.opencc, "what": label(f"about.opencc.{site.opencc}")} if key == "traditional" else {}
        name, text = label(f"about.normalised.{key}.name"), md_text(label(f"about.normalised.{key}.text", **fields))
        out.append(f"- **{name}.** {text}" if en else f"- **{name}**：{text}")
    out += ["", f"## {label('about.log')} {{#log}}", "", md_text(label("about.log_lead")), ""]
    for p in papers:
        name = p.record.title_en if en else C(p.record.title_zh)
        out += [f"<details class=\"conversion-log\"><summary>{html_text(name)} ({len(p.document.log)})</summary>", "<ul>"]
        for e in p.document.log:
            where = label("about.line", n=e.line) if e.line else ""
            # The converter's messages are English; the source's words they quote are Chinese.
            message = chinese_in_english(C(e.message), variants.as_printed().lang if en else variant.lang)
            out.append(f"<li><code>{html_text(e.kind)}</code> {html_text(where)}"
                       + (message if en else f'<span lang="en">{message}</span>') + "</li>")
        out += ["</ul>", "</details>", ""]
    out += [f"## {label('about.errata')} {{#errata}}", "", md_text(site.errata_en if en else C(site.errata_zh)), ""]
    # The catalogue's sentence is written into the Markdown as it is, around the link (it holds no markup).
    out += [label("about.developers", link=f"[{label('about.performance')}](performance.md)"), ""]
    return "\n".join(out)


def _text_links(label: Labels, group: str, variant: Variant, depth: int, path: str, hreflang: bool = True) -> dict[str, str]:
    """From an English page ``depth`` folders down, links to ``path`` in the variants with the Chinese text,
    by kind (``as_printed``, ``traditional``: the fields of the sentence they go in), each named by the
    catalogue's ``<group>.<kind>``."""
    out = {}
    for v in (variants.as_printed(), variants.traditional()):
        kind = v.text.replace("-", "_")
        lang = f' hreflang="{v.lang}"' if hreflang else ""
        out[kind] = f'<a href="{cross_variant_href(variant, depth, v, path)}"{lang}>{html_text(label(f"{group}.{kind}"))}</a>'
    return out


def english_paper_page(paper, url: str | None, guide_href: str | None = None, outline: list[str] | None = None,
                       variant: str | Variant = "en") -> str:
    """An English landing page: English title, pinyin authors, English abstract and key words, the outline
    (``outline``: the sections under the editors' English headings with their ¶ ranges, the key concepts), links."""
    r, meta = paper.record, paper.document.meta
    c = cite.citation_data(r, url)
    out = front_matter(r.title_en, cite.highwire(c), head=head_meta(c),
                       description=first_sentence(meta.english.abstract))
    label = Labels(variant)
    E = lambda key, **values: label(f"english_page.{key}", **values)   # this page's own texts
    out += [f"# {md_text(r.title_en)}", ""]
    if r.title_en_provenance == "editor":
        out += [f'<p class="editor-note">{html_text(E("title_supplied" if meta.english.title else "title_translated"))}</p>', ""]
    rows = [(label("paper.authors"), html_text(", ".join(a.pinyin for a in r.authors))),
            (E("chinese_title"), f'<span lang="zh-Hans">{html_text(r.title_zh)}</span>'
             + (f' <span class="editor-mark">{html_text(E("supplied"))}</span>' if r.title_zh_provenance == "editor" else ""))]
    if r.journal:
        rows.append((label("paper.journal"), html_text(r.journal_en or r.journal) + (f' (<span lang="zh-Hans">{html_text(r.journal)}</span>)' if r.journal_en else "")))
    if c.year:
        rows.append((E("published"), html_text(str(c.year) + (E("issue", issue=c.issue) if c.issue else "")
                                               + (E("pages", pages=c.pages) if c.pages else ""))))
    received = meta.field("收稿日期")
    if received:
        rows.append((E("received"), html_text(received)))
    out.append('<dl class="paper-meta">')
    for name, value in rows:
        out.append(f"<dt>{html_text(name)}</dt><dd>{value}</dd>")
    out += ["</dl>", ""]
    if meta.english.abstract:
        out += [f'!!! abstract "{html_text(label("paper.abstract"))}"', "", "    " + md_text(meta.english.abstract), ""]
    else:
        out += [f'<p class="editor-note">{html_text(E("no_abstract"))}</p>', ""]
    if meta.english.keywords:
        out += [f"**{md_text(label('paper.keywords'))}:** " + md_text("; ".join(meta.english.keywords)), ""]
    else:
        out += [f'<p class="editor-note">{html_text(E("no_keywords"))}</p>', ""]
    out += outline or []
    path = paper_path(r.slug)
    # The catalogue's sentences are written as they are, around the links (they hold no markup).
    out += [f"## {E('full_text')}", "", E("full_text_links", **_text_links(label, "english_page", variant, 1, path)), ""]
    if guide_href:
        out += [E("guide", link=f'<a href="{guide_href}">{html_text(E("guide_link"))}</a>'), ""]
    out += cite_section(r, url, Labels(variant))
    return "\n".join(out)
