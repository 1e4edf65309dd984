"""What readers find on the generated pages: metadata panel, citations, Highwire tags, English pages, about."""
import hashlib

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, all_slugs


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("slug", all_slugs())
def test_paper_page_metadata_and_citation(built_site, corpus, slug):
    paper = corpus[slug]
    page = soup(built_site, f"papers/{slug}.html")
    panel = page.select_one("dl.paper-meta").get_text()
    for author in paper.record.authors:
        assert author.display_zh in panel
    english = page.select_one("dl.paper-meta a[hreflang=en]")
    assert (built_site / "papers" / english["href"]).resolve() == (built_site / "en" / "papers" / f"{slug}.html").resolve()
    cite = page.select_one("#cite").find_next("p", class_="cite-gbt").get_text()
    assert paper.record.title_zh in cite
    formats = {d.summary.get_text(): d.pre.get_text() for d in page.select("details.cite-format")}
    assert formats["BibTeX"].startswith(("@article{", "@misc{")) and paper.record.title_zh in formats["BibTeX"]
    assert formats["RIS"].startswith("TY  - ") and "ER  - " in formats["RIS"]
    meta = [(m["name"], m["content"]) for m in page.select("meta[name^=citation_]")]
    assert ("citation_title", paper.record.title_zh) in meta
    # the Chinese name, or (pinyin only) "Surname, Given", so that the surname is unambiguous
    assert [c for n, c in meta if n == "citation_author"] == [
        a.name or ", ".join(a.pinyin.split(" ", 1)) for a in paper.record.authors]
    assert ("citation_language", "zh") in meta
    if paper.record.journal:
        assert ("citation_journal_title", paper.record.journal) in meta


@pytest.mark.parametrize("slug", all_slugs())
def test_english_landing_page(built_site, corpus, slug):
    paper = corpus[slug]
    page = soup(built_site, f"en/papers/{slug}.html")
    article = page.select_one("article")
    assert article.h1.get_text().rstrip("¶") == paper.record.title_en
    english = paper.document.meta.english
    if paper.record.title_en_provenance == "editor":
        assert "editors" in article.select_one(".editor-note").get_text()
    if english.abstract:
        assert article.select_one(".admonition.abstract p:not(.admonition-title)").get_text() == english.abstract
    else:
        assert "no English abstract" in article.get_text()
    for kw in english.keywords:
        assert kw in article.get_text()
    for author in paper.record.authors:
        assert author.pinyin in article.select_one("dl.paper-meta").get_text()
    assert paper.record.title_zh in article.select_one("[lang=zh-Hans]").get_text()
    links = {a["hreflang"]: a["href"] for a in article.select("a[hreflang]") if a["hreflang"].startswith("zh")}
    assert (built_site / "en/papers" / links["zh-Hans"]).resolve() == (built_site / f"papers/{slug}.html").resolve()
    assert (built_site / "en/papers" / links["zh-Hant"]).resolve() == (built_site / f"zh-Hant/papers/{slug}.html").resolve()


@pytest.mark.parametrize("rel", ["about.html", "zh-Hant/about.html", "en/about.html"])
def test_about_page_names_each_source_and_its_checksum(built_site, rel):
    text = soup(built_site, rel).select_one("article").get_text()
    for folder in sorted((CONTENT / "papers").iterdir()):
        if (folder / "source.txt").is_file():
            assert hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest() in text
    assert "OpenCC" in text


@pytest.mark.parametrize("rel", ["index.html", "zh-Hant/index.html", "en/index.html"])
def test_home_lists_every_paper_with_both_titles_and_a_summary(built_site, corpus, rel):
    article = soup(built_site, rel).select_one("article")
    text = article.get_text()
    for paper in corpus.values():
        assert paper.record.title_en in text
        href = f"papers/{paper.slug}.html"
        assert article.select_one(f'a[href="{href}"]'), href
    assert len(article.select(".summary .editor-mark")) == len(corpus)


INTERFACE = {"": ("本节链接", "返回正文第 1 个注释处", "新质生产力论文选读"),
             "zh-Hant": ("本節連結", "返回正文第 1 個註釋處", "新質生產力論文選讀"),
             "en": ("Link to this section", "Back to note 1 in the text", "New Quality Productive Forces: A Reader")}


@pytest.mark.parametrize("folder", list(INTERFACE))
def test_interface_strings_are_in_the_variants_language(built_site, folder):
    """Permalink and footnote back-link titles in the page's language; the home page titled once."""
    permalink, backlink, name = INTERFACE[folder]
    prefix = f"{folder}/" if folder else ""
    for page in (built_site / prefix / "papers").glob("*.html"):
        s = soup(built_site, f"{prefix}papers/{page.name}")
        assert {a["title"] for a in s.select("a.headerlink")} <= {permalink}, page
        backs = s.select("a.footnote-backref")
        if backs:
            assert backs[0]["title"] == backlink, page
    assert soup(built_site, f"{prefix}index.html").title.get_text() == name


@pytest.mark.parametrize("folder", list(INTERFACE))
def test_the_404_pages_language_links_lead_to_each_variants_home(built_site, folder):
    s = soup(built_site, f"{folder + '/' if folder else ''}404.html")
    links = {a["hreflang"]: a["href"] for a in s.select("a.md-select__link")}
    assert links == {"zh-Hans": "/", "zh-Hant": "/zh-Hant/", "en": "/en/"}


def test_adjacent_note_markers_are_kept_apart(built_site):
    """Two note markers side by side get a separator drawn by CSS (no character added to the text)."""
    seps = 0
    for page in (built_site / "papers").glob("*.html"):
        for sep in soup(built_site, f"papers/{page.name}").select(".fn-sep"):
            assert sep.get_text() == ""
            assert sep.find_previous_sibling().name == "sup" and sep.find_next_sibling().name == "sup"
            seps += 1
    assert seps >= 1


@pytest.mark.parametrize("folder, heading", [("", "注释"), ("zh-Hant", "註釋")])
def test_notes_stand_under_their_own_heading_before_how_to_cite(built_site, corpus, folder, heading):
    for slug, paper in corpus.items():
        page = soup(built_site, f"{folder + '/' if folder else ''}papers/{slug}.html")
        notes = page.select_one("#notes")
        if not paper.document.notes:
            assert notes is None
            continue
        assert notes.get_text().strip("¶") == heading
        footnotes = page.select_one("div.footnote")
        # The notes follow their heading and come before "how to cite"; the heading is in the table of contents.
        assert notes.find_next("div", class_="footnote") is footnotes
        assert footnotes.find_next(id="cite") is not None
        assert page.select_one('.md-nav--secondary a[href="#notes"]') is not None


def test_a_paper_that_cites_without_a_reference_list_says_so(built_site, corpus):
    for slug, paper in corpus.items():
        page = soup(built_site, f"papers/{slug}.html")
        refs = page.select_one("#references")
        if paper.document.references:
            assert refs.find_next("ol", class_="references")
        elif "liu-pei" in slug:   # 28 markers [1]–[28] and no list in the source
            note = refs.find_next("p", class_="editor-note").get_text()
            assert "28 个文献序号（[1]–[28]）" in note and "未载参考文献表" in note


@pytest.mark.parametrize("rel, words, about", [("papers/zhang-factor-allocation.html", "著作权归其作者与原刊所有", "../about.html#errata"),
                                               ("zh-Hant/index.html", "著作權歸其作者與原刊所有", "about.html#errata"),
                                               ("en/concepts/common-prosperity.html", "copyright of their authors", "../about.html#errata")])
def test_every_page_footer_states_the_rights_and_where_to_report_an_error(built_site, rel, words, about):
    footer = soup(built_site, rel).select_one(".md-copyright__highlight")
    assert words in footer.get_text()
    link = footer.select_one("a")["href"]
    assert link == about and (built_site / rel).parent.joinpath(link.split("#")[0]).resolve().is_file()


def test_the_site_title_and_home_intro_come_from_site_yml():
    """Another corpus, another subject: content/site.yml's site.title and site.intro make the home page
    ({papers} counted), in each variant; nothing of this corpus's subject is left in them."""
    from papersite.siteconfig import SiteConfig
    from papersite.writers.pages import home_en, home_zh
    config = SiteConfig("site.yml", title_zh="农史论文选读", title_en="Papers in Agricultural History",
                        intro_zh="本站收录{papers}篇农业史论文。", intro_en="This site publishes {papers} papers on agricultural history.")
    zh = home_zh([], "zh-Hans", config=config)
    en = home_en([], config=config)
    assert "title: \"农史论文选读\"" in zh and "# 农史论文选读" in zh and "本站收录0篇农业史论文。" in zh
    plain = en.replace("\\", "")  # Markdown escapes in the page's source
    assert "# Papers in Agricultural History" in en and "This site publishes 0 papers on agricultural history." in plain
    assert "新质生产力" not in zh + en
