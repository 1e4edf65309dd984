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
               "The article as printed, in Chinese (GB/T 7714-2025):", "",
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


def home_zh(papers, variant: str, convert=_identity, concept_index: str | None = None, teaching: str | None = None,
            config: SiteConfig = SiteConfig("")) -> str:
    """The Chinese home page (zh-Hans, or zh-Hant through ``convert``); its title and first sentence are
    content/site.yml's ``site.title`` and ``site.intro``."""
    C = convert
    variant = variants.get(variant)
    label = Labels(variant, convert)
    # The language button leads to each other variant (their names in their own language).
    others = [v for v in variants.VARIANTS if v != variant]
    intro = C(config.intro(variant, len(papers)))
    out = front_matter(C(config.title(variant)), description=first_sentence(intro))
    out += [f"# {md_text(C(config.title(variant)))}", "",
            md_text(intro + C("文本由论文 PDF 提取的原始文字转换而成，"
                      "保留原文的全部正文、注释与参考文献，去除页眉等版面信息，原刊页码（源文本印有或可据以推定者）在页边标出；提供简体、繁体两种字形，"
                      "并为每篇论文提供英文导读页（英文标题、摘要与关键词）。")), "",
            f"## {label('sections.papers')}", ""]
    out += _papers_list_zh(papers, convert, label)
    out += [f"## {label('home.how_to_read')}", "",
            "- " + md_text(C("论文页依次为：标题、论文信息（作者、刊名、收稿日期、基金项目、作者简介）、摘要与关键词、正文、注释、参考文献；"
                             "宽屏时右侧为本文目录。")),
            "- " + md_text(C("每个段落前都有固定编号（¶1、¶2……），点击即得该段的链接，可用于引用或布置阅读任务（见教学栏目的教师指南）；"
                             "标题为编者所拟、译名为编者所译之处均有标注。")),
            "- " + md_text(C("页边的“第91页”表示原刊第 91 页从此处开始（细竖线为换页之处），段落的引文随之带上所在页码；"
                             "源文本未印页码的论文不标页码。")),
            "- " + C("页眉的语言按钮可切换到同一页面的") + C("或").join(
                f"<a href=\"{cross_variant_href(variant, 0, v, 'index.html')}\" hreflang=\"{v.lang}\" lang=\"{v.lang}\">"
                + html_text(v.name) + "</a>" for v in others) + C("版本。"),
            "- " + md_text(C("搜索支持整词、双字词与词的一部分（如“富裕”可找到“共同富裕”），简体、繁体输入均可。")), ""]
    out += [f"## {label('home.how_to_cite')}", "",
            md_text(C("每篇论文页末的“如何引用”给出原文的 GB/T 7714—2025 格式（及 2015 版格式）与 BibTeX、RIS、CSL-JSON 格式，可直接导入文献管理软件；"
                      "页面也带有 Google Scholar 等工具可识别的引文元数据。每个段落编号旁的“引用”按钮可复制该段的引文及其固定链接。")), ""]
    if concept_index:
        out += [f"## {label('sections.concepts')}", "", f"[{C('概念索引')}]({concept_index})" + md_text(C("将全部论文中的核心概念相互链接。")), ""]
    if teaching:
        out += [f"## {label('sections.teaching')}", "", f"[{C('教师指南')}]({teaching})" + md_text(C(
            "：如何把概念页、段落和阅读指南布置给学生，建议的概念学习顺序，可打印的阅读材料包。")), ""]
    out += [f"## {label('about.title')}", "", f"[{label('about.title')}](about.md)" + md_text(C("：文本来源与校验值、转换中所做的规范化处理、如何报告错误。")), ""]
    return "\n".join(out)


def home_en(papers, concept_index: str | None = None, teaching: str | None = None, config: SiteConfig = SiteConfig(""),
            variant: str | Variant = "en") -> str:
    """The English home page; its title and first sentence are content/site.yml's ``site.title`` and ``site.intro``."""
    variant = variants.get(variant)
    label = Labels(variant)
    intro = config.intro(variant, len(papers))
    out = front_matter(config.title(variant), description=intro.rstrip(".") + ", in Simplified and Traditional "
                       "characters, with an English page for each.")
    out += [f"# {md_text(config.title(variant))}", "",
            chinese_in_english(intro, escape=md_text) + " Each article's full text is given in Chinese, in Simplified and in Traditional "
            "characters, converted from the text extracted from its PDF; each also has an English page with its "
            "English title, abstract and key words.", "", f"## {label('sections.papers')}", ""]
    for paper in papers:
        r = paper.record
        mark = ' <span class="editor-mark">(editors\' translation)</span>' if r.title_en_provenance == "editor" else ""
        out += [f"### [{md_text(r.title_en)}]({paper_uri(r.slug)}){mark}", "",
                f'<p class="paper-title-zh" lang="zh-Hans">{html_text(r.title_zh)}</p>', "",
                md_text(", ".join(a.pinyin for a in r.authors) + (f" · {r.journal_en or r.journal}" if r.journal else "")
                        + (f" · {r.year}" if r.year else "")), ""]
        if r.summary_en:
            out += [f'<p class="summary"><span class="editor-mark">Editors\' summary</span> {html_text(r.summary_en)}</p>', ""]
    out += [f"## {label('home.how_to_read')}", "",
            "- Each paper's English page gives its title, authors, English abstract and key words as printed in the "
            "source (anything the editors supplied is marked), and links to the full Chinese text in "
            f"<a href=\"{cross_variant_href(variant, 0, variants.as_printed(), 'index.html')}\">Simplified</a> and "
            f"<a href=\"{cross_variant_href(variant, 0, variants.traditional(), 'index.html')}\">Traditional</a> characters.",
            "- The language button in the header leads to the same page in the other versions.",
            "- Every paragraph of the Chinese text begins with a stable number (¶1, ¶2 …) that links to the "
            "paragraph, for citing and for reading assignments (see the instructor guide under Teaching).",
            "- Where the source shows the journal's page numbers, a margin note (<span lang=\"zh-Hans\">第91页</span>, page 91) marks where each "
            "printed page begins, and a paragraph's citation gives its page.", "",
            f"## {label('home.how_to_cite')}", "",
            "Each paper page ends with the article's reference in GB/T 7714-2025 (and 2015), BibTeX, RIS and CSL-JSON, ready for a "
            "reference manager; the pages also carry citation metadata that Google Scholar and Zotero read.", ""]
    if concept_index:
        out += [f"## {label('sections.concepts')}", "", f"The [concept index]({concept_index}) links the key concepts across all papers.", ""]
    if teaching:
        out += [f"## {label('sections.teaching')}", "", f"The [instructor guide]({teaching}): how to assign concept pages, paragraphs and "
                "reading guides, suggested sequences of concepts, and printable reading packs.", ""]
    out += [f"## {label('about.title')}", "", f"[{label('about.title')}](about.md): where each text came from, what the "
            "conversion normalised, and how to report an error.", ""]
    return "\n".join(out)


NORMALISATIONS = [
    ("行末换行与断词", "Line breaks",
     "PDF 行末的硬换行并入段落；跨行断开的英文单词依词典复原（如 develop-ment → development）。",
     "Hard line breaks inside paragraphs are joined; English words hyphenated across lines are rejoined when the dictionary knows the whole word."),
    ("版面信息", "Page furniture",
     "删除页眉、页脚、页码及他文混入的英文摘要片段；每页的脚注移到文末并与正文标记配对。",
     "Running heads, folios and page numbers, and fragments of other articles' English abstracts, are removed; per-page footnotes are moved to the end and paired with their markers."),
    ("字间空格", "Letter-spacing",
     "删除 PDF 字距造成的汉字间空格（全面深 化 改 革 → 全面深化改革）。",
     "Spaces the PDF put between Chinese characters are removed."),
    ("标点宽度", "Punctuation width",
     "中文语境中的半角标点改为全角（GB/T 15834）；英文摘要中的全角逗号、分号改为半角。",
     "Half-width punctuation in Chinese text is made full-width (GB/T 15834); full-width commas and semicolons in English abstracts are made half-width."),
    ("数字", "Numbers", "删除小数点后多余的空格（19. 0% → 19.0%）。", "Stray spaces after decimal points are removed (19. 0% → 19.0%)."),
    ("表格", "Tables", "被拉平成单列的表格按表题与列数复原为表格。", "Tables flattened into one cell per line are rebuilt from their caption and column count."),
    ("繁体", "Traditional characters",
     "繁体版由简体文本经 OpenCC（s2tw：台湾标准字形，不替换词汇，以保留引文原貌）在构建时生成，个别误转词语由例外词表修正。",
     "The Traditional version is generated from the Simplified text at build time with OpenCC (s2tw: Taiwan-standard characters, no vocabulary substitution, so quotations keep their wording); a short exceptions list fixes words it gets wrong."),
]


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
    for zh_name, en_name, zh_text, en_text in NORMALISATIONS:
        out.append(f"- **{en_name}.** {md_text(en_text)}" if en else f"- **{C(zh_name)}**：{md_text(C(zh_text))}")
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


def english_paper_page(paper, url: str | None, guide_href: str | None = None, outline: list[str] | None = None,
                       variant: str | Variant = "en") -> str:
    """An English landing page: English title, pinyin authors, English abstract and key words, the outline
    (``outline``: the sections under the editors' English headings with their ¶ ranges, the key concepts), links."""
    r, meta = paper.record, paper.document.meta
    c = cite.citation_data(r, url)
    out = front_matter(r.title_en, cite.highwire(c), head=head_meta(c),
                       description=first_sentence(meta.english.abstract))
    out += [f"# {md_text(r.title_en)}", ""]
    if r.title_en_provenance == "editor":
        out += ['<p class="editor-note">English title translated by the editors: the source prints none.</p>'
                if not meta.english.title else
                '<p class="editor-note">English title supplied by the editors.</p>', ""]
    rows = [("Authors", html_text(", ".join(a.pinyin for a in r.authors))),
            ("Chinese title", f'<span lang="zh-Hans">{html_text(r.title_zh)}</span>'
             + (' <span class="editor-mark">(supplied by the editors)</span>' if r.title_zh_provenance == "editor" else ""))]
    if r.journal:
        rows.append(("Journal", html_text(r.journal_en or r.journal) + (f' (<span lang="zh-Hans">{html_text(r.journal)}</span>)' if r.journal_en else "")))
    if c.year:
        rows.append(("Published", html_text(str(c.year) + (f", issue {c.issue}" if c.issue else "") + (f", pp. {c.pages}" if c.pages else ""))))
    received = meta.field("收稿日期")
    if received:
        rows.append(("Received", html_text(received)))
    out.append('<dl class="paper-meta">')
    for label, value in rows:
        out.append(f"<dt>{label}</dt><dd>{value}</dd>")
    out += ["</dl>", ""]
    if meta.english.abstract:
        out += ['!!! abstract "Abstract"', "", "    " + md_text(meta.english.abstract), ""]
    else:
        out += ['<p class="editor-note">The source prints no English abstract.</p>', ""]
    if meta.english.keywords:
        out += ["**Key words:** " + md_text("; ".join(meta.english.keywords)), ""]
    else:
        out += ['<p class="editor-note">The source prints no English key words.</p>', ""]
    out += outline or []
    path = paper_path(r.slug)
    hans, hant = variants.as_printed(), variants.traditional()
    out += ["## Full text", "",
            f'The full Chinese text with notes and references: <a href="{cross_variant_href(variant, 1, hans, path)}" hreflang="{hans.lang}">'
            f'Simplified characters</a> · <a href="{cross_variant_href(variant, 1, hant, path)}" hreflang="{hant.lang}">Traditional characters</a>.', ""]
    if guide_href:
        out += [f'A <a href="{guide_href}">reading guide</a> in English sets out the paper\'s argument, its '
                "sections one line each, its key concepts and questions for discussion.", ""]
    out += cite_section(r, url, Labels(variant))
    return "\n".join(out)
