"""One citation record per paper, and every form of it: GB/T 7714-2025 and -2015, BibTeX, RIS, CSL-JSON,
Highwire Press and Dublin Core meta tags, and schema.org ScholarlyArticle JSON-LD.

Pure (no I/O). Every form is written from the one :class:`Citation` record built by :func:`citation_data`
from paper.yml and what the source prints (its 文章编号), so the forms cannot disagree. Nothing is invented:
a fact that neither the record nor its 文章编号 gives is left out of every form, and what remains is still
well-formed. tests/test_citation.py parses each form back (bibtexparser, rispy, citeproc-py with the
official CSL style) and compares it field by field with the record.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import NamedTuple

from .paperyml import PaperRecord

_DASH = "[-－‐–]"
_ARTICLE_NUMBER = re.compile(  # ISSN（YEAR）ISSUE-FIRSTPAGE-PAGECOUNT
    rf"(\d{{4}}{_DASH}\d{{3}}[\dX])\s*[（(]\s*(\d{{4}})\s*[）)]"
    rf"\s*(\d{{1,3}})\s*{_DASH}\s*(\d{{1,5}})\s*{_DASH}\s*(\d{{1,3}})", re.IGNORECASE)
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
                   "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                   "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_KEY = re.compile(r"[A-Za-z0-9_:./+-]+")
EDITIONS = ("2025", "2015")
LANGUAGE = "zh"  # every paper of the corpus is a Chinese article (ISO 639-1, as Highwire and RIS want it)


@dataclass(frozen=True)
class ArticleNumber:
    """The facts a 文章编号 ISSN（YEAR）ISSUE-FIRSTPAGE-PAGECOUNT states (CAJ-CD B/T 1-2006 §6.6 gives this form
    to journal articles only: a 文章编号 is itself evidence that the paper is a journal article)."""
    issn: str
    year: int
    issue: int
    first_page: int
    page_count: int

    @property
    def last_page(self) -> int:
        """The article's last page (first page + page count - 1)."""
        return self.first_page + self.page_count - 1


@dataclass(frozen=True)
class Person:
    """An author: the Chinese name where the source prints one, and the pinyin ("Surname Given")."""
    name_zh: str | None
    pinyin: str

    @property
    def surname(self) -> str:
        return self.pinyin.partition(" ")[0]

    @property
    def given(self) -> str:
        return self.pinyin.partition(" ")[2]

    @property
    def latin(self) -> str:
        """``Surname, Given``: the inverted form that leaves no doubt which part is the surname."""
        return f"{self.surname}, {self.given}" if self.given else self.surname

    @property
    def native(self) -> str:
        """The name in the paper's own script: the Chinese name, else (the source prints none) the inverted pinyin."""
        return self.name_zh or self.latin


@dataclass(frozen=True)
class Citation:
    """Everything a citation of a paper may say; None (or empty) means the fact is unknown.

    ``page`` (the page or pages of a passage inside the article, ``"91"`` or ``"91-92"``) is for the citation
    of one passage: :meth:`at_page` sets it from the paragraph's pages (model.Paragraph.pages); a passage
    whose pages are not known carries the article's range."""
    title_zh: str
    title_en: str | None
    persons: tuple[Person, ...]
    journal: str | None = None
    journal_en: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: int | None = None
    first_page: int | None = None
    last_page: int | None = None
    article_number: str | None = None  # 文章编号 as printed
    issn: str | None = None
    doi: str | None = None
    url: str | None = None
    key: str = "paper"
    page: str | None = None

    @property
    def authors(self) -> tuple[str, ...]:
        """Names in the paper's own script (Chinese, else inverted pinyin)."""
        return tuple(p.native for p in self.persons)

    @property
    def authors_zh(self) -> tuple[str | None, ...]:
        return tuple(p.name_zh for p in self.persons)

    @property
    def authors_pinyin(self) -> tuple[str, ...]:
        return tuple(p.pinyin for p in self.persons)

    @property
    def is_article(self) -> bool:
        """A journal article: the journal is named, or a 文章编号 (given to journal articles only) is printed."""
        return bool(self.journal or self.article_number)

    @property
    def pages(self) -> str | None:
        """Page range "89-97" (or a single page), None when unknown."""
        if self.first_page is None:
            return None
        if self.last_page is None or self.last_page == self.first_page:
            return str(self.first_page)
        return f"{self.first_page}-{self.last_page}"

    def at_page(self, page: str | int | None) -> "Citation":
        """The citation of a passage on ``page`` (None: the page is not known, the article's range stands)."""
        page = str(page) if page is not None else None
        from dataclasses import replace
        return replace(self, page=page)


def page_span(pages) -> str | None:
    """A passage's printed pages as a citation gives them: ``91``, ``91-92`` (None: not known)."""
    pages = sorted(set(pages or ()))
    if not pages:
        return None
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"


def _clean(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def parse_article_number(value: str) -> ArticleNumber | None:
    """Parse a 文章编号 such as 1005-9245（2025）01-0089-09; None when it does not have that form."""
    m = _ARTICLE_NUMBER.fullmatch(value.strip())
    if not m:
        return None
    issn, year, issue, first, count = m.groups()
    issue, first, count = int(issue), int(first), int(count)
    if not (issue and first and count):
        return None
    return ArticleNumber(re.sub(_DASH, "-", issn.upper()), int(year), issue, first, count)


def citation_data(record: PaperRecord, url: str | None) -> Citation:
    """The paper's one citation record: paper.yml, and the 文章编号 among its source fields."""
    raw, number = None, None
    for label, value in record.source_fields:
        if label.strip() == "文章编号" and (n := parse_article_number(value)):
            raw, number = _clean(value), n
            break
    doi = next((_clean(v) for k, v in record.source_fields if k.strip().upper() == "DOI"), None)
    return Citation(
        title_zh=_clean(record.title_zh) or "", title_en=_clean(record.title_en),
        persons=tuple(Person(_clean(a.name), _clean(a.pinyin) or "") for a in record.authors),
        journal=_clean(record.journal), journal_en=_clean(record.journal_en),
        year=record.year if record.year is not None else (number.year if number else None),
        issue=number.issue if number else None, first_page=number.first_page if number else None,
        last_page=number.last_page if number else None, article_number=raw,
        issn=number.issn if number else None, doi=doi, url=_clean(url), key=record.slug.replace("-", "_"))


# --- GB/T 7714 --------------------------------------------------------------------------------------

def _gbt_name(p: Person, edition: str, latin: bool = False) -> str:
    if p.name_zh and not latin:
        return p.name_zh
    surname = p.surname.upper() if edition == "2015" else p.surname
    return " ".join(x for x in (surname, p.given) if x)


class _Marks(NamedTuple):
    """The identifying symbols (著录用符号) of an edition other than "." and "[ ]"."""
    comma: str
    colon: str
    open: str
    close: str


# GB/T 7714-2025 §7: "." and "[ ]" are half-width, every other identifying symbol full-width (，：（）), as the
# standard's own examples are set, Latin-script references included (e.g. ``Caplan P. Cataloging internet
# resources[J]. The Public-Access Computer Systems Review，1993，4（2）：61-66.``). 2015 set them half-width,
# with a space after the comma and the colon.
MARKS = {"2025": _Marks("，", "：", "（", "）"), "2015": _Marks(", ", ": ", "(", ")")}


def _gbt_source(c: Citation, journal: str, marks: _Marks) -> str:
    """``Journal, year, volume(issue): pages`` with unknown parts left out (2015 §4.4, §8.8.2), in the
    edition's marks; a passage's page, when known, in place of the article's range."""
    source = journal
    if c.year is not None:
        source += f"{marks.comma}{c.year}"
    if c.volume:
        source += f"{marks.comma}{c.volume}"
    if c.issue is not None:
        source += f"{marks.open}{c.issue}{marks.close}"
    pages = str(c.page) if c.page is not None else c.pages
    if pages:
        source += f"{marks.colon}{pages}"
    return source


def gbt7714(c: Citation, edition: str = "2025", english: bool = False) -> str:
    """The article's reference as GB/T 7714 writes it: ``edition`` "2025" (GB/T 7714-2025, in force since
    2026-07-01) or "2015" (GB/T 7714-2015, which it replaces); ``english`` for the English pages (below).

    A journal article (GB/T 7714-2015 §4.4 连续出版物中的析出文献, §8.8.2 页码):
    ``Authors. Title[J]. Journal, year, volume(issue): pages.`` with unknown parts left out (the article is
    cited as printed, so the site's URL is not added). Where the source prints a 文章编号 but names no
    journal, the serial is identified by what it prints, its ISSN (``ISSN 1005-9245``) in the journal's
    place: the standard has no rule for an unnamed journal, and the ISSN is the one fact that names it.
    Without journal or 文章编号 the paper can only be cited as the electronic resource at ``url``
    ([EB/OL], 2015 §4.8); without a URL either, as [Z] (其他, table B.1). More than three authors: the
    first three, then "等" (2015 §8.1.3; the 2025 edition keeps three, as far as the implementations show).

    What differs between the editions, for the references this site writes:

    - Pinyin names. 2015 §8.1.2: the surname in capitals (``LIU Qian``). 2025 changed the rules for
      personal names (个人责任者, per the drafting institution's announcement of the 2025 edition, Wuhan
      University, 2025); its implementation in gbt7714-bibtex-style 3.x no longer capitalises Latin
      surnames (``Liu Qian``). That is followed here; the 2025 clause number is not verified.
    - Access dates. 2025 drops the access date ([2026-07-01]) of resources that are not on the web and
      makes it required for web pages; 2015 gave it with every online resource ([引用日期] in its
      templates for /OL items). The [J] forms
      here carry none in either edition; the [EB/OL] form of a paper without a journal carries none
      because the site cannot know the day it is read (a known gap of that fallback form).

    - Punctuation. 2025 §7 sets "." and "[ ]" half-width and every other identifying symbol full-width
      (``李勇坚，张海汝. 题名[J]. 期刊，2025（1）：89-97.``), as its examples are printed, Latin-script
      references included (MARKS); 2015 sets them half-width (``李勇坚, 张海汝. 题名[J]. 期刊, 2025(1): 89-97.``).
      Sources: the standard's clause as quoted by the implementations (gbt7714-bibtex-style 3.x, option
      bibpunct; biblatex-gb7714-2025, gbpunctwidth=mixed; the zotero-chinese GB/T 7714—2025 styles) and
      the drafter's own reference to it (陈浩元, 编辑学报，2026，38（2）：150-158). Page ranges keep the
      short hyphen (``150-158``); the 2025 dash (一字线) is for open ranges of serials, which a journal
      article's reference does not have.

    Nothing else in these forms differs, as far as can be checked without the full text of the 2025
    standard.

    ``english``: the form for the English pages: pinyin names (in the edition's case), the English title,
    the journal's English name where the source prints one, and "(in Chinese)". The English title is the
    one paper.yml records (printed in the source, or the editors' translation, as the page says)."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown GB/T 7714 edition {edition!r}; expected one of {', '.join(EDITIONS)}")
    marks = MARKS[edition]
    names = [_gbt_name(p, edition, latin=english) for p in c.persons]
    if len(names) > 3:
        names = names[:3] + ["et al." if english else "等"]
    head = marks.comma.join(names)
    head = (head if head.endswith(".") else head + ".") + " " if names else ""  # "et al." ends with its own stop
    title = (c.title_en or c.title_zh) if english else c.title_zh
    space = " " if edition == "2015" else ""
    tail = f"{space}{marks.open}in Chinese{marks.close}." if english else "."
    if c.is_article:
        journal = ((c.journal_en or c.journal) if english else c.journal) or f"ISSN {c.issn}"
        return f"{head}{title}[J]. {_gbt_source(c, journal, marks)}{tail}"
    if c.url:
        return f"{head}{title}[EB/OL]. {c.url}{tail if english else '.'}"
    return f"{head}{title}[Z]{tail}"


# The ¶ label's default; the site's pages pass their catalogue's cite.paragraph (papersite/labels).
PARAGRAPH_LABEL = {"zh": "第 {n} 段", "en": "para. {n}"}


def gbt7714_passage(c: Citation, n: str, edition: str = "2025", english: bool = False, label=None) -> str:
    """The citation of one paragraph: the article's reference with the passage's page when known (the
    article's range otherwise), followed by the paragraph's ¶ number (``label`` formats it; the caller
    converts it to the reader's variant). The page view's script appends the paragraph's address."""
    label = label or PARAGRAPH_LABEL["en" if english else "zh"]
    return f"{gbt7714(c, edition, english)} {label.format(n=n)}."


# --- BibTeX, RIS, CSL-JSON ---------------------------------------------------------------------------

def bibtex_escape(text: str) -> str:
    """Escape BibTeX/LaTeX special characters (braces as \\textbraceleft{}: BibTeX counts "\\{" as a brace)."""
    return "".join(_BIBTEX_ESCAPES.get(ch, ch) for ch in text)


def _bibtex_author(p: Person) -> str:
    if p.name_zh:
        return "{" + bibtex_escape(p.name_zh) + "}"
    return bibtex_escape(p.latin)


def _safe_url(url: str | None) -> str | None:
    """Braces and backslashes would break a BibTeX entry; percent-encode them as a URL allows."""
    return url and url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def bibtex(c: Citation, key: str | None = None) -> str:
    """BibTeX entry: @article for a journal article, else @misc; unknown fields are left out.

    A journal article without a journal name gets no ``journal`` field (its ISSN is in ``issn``)."""
    key = key or c.key
    if not _BIBTEX_KEY.fullmatch(key):
        raise ValueError(f"unusable BibTeX key {key!r}: use letters, digits and _:./+-")
    fields = [
        ("title", bibtex_escape(c.title_zh)),
        ("author", " and ".join(_bibtex_author(p) for p in c.persons)),
        ("journal", c.journal and bibtex_escape(c.journal)),
        ("year", c.year), ("volume", c.volume and bibtex_escape(c.volume)), ("number", c.issue),
        ("pages", c.pages and c.pages.replace("-", "--")), ("issn", c.issn),
        ("doi", c.doi and bibtex_escape(c.doi)), ("url", _safe_url(c.url)),
        ("note", c.title_en and "English title: " + bibtex_escape(c.title_en)),
        ("language", "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value not in (None, ""))
    return f"@{'article' if c.is_article else 'misc'}{{{key},\n{body}\n}}\n"


def ris(c: Citation) -> str:
    """RIS record, "XX  - value" lines ending in "\\n": TY JOUR for a journal article, else ELEC with a URL,
    else GEN. Authors as ``Surname, Given`` where the source gives no Chinese name."""
    kind = "JOUR" if c.is_article else "ELEC" if c.url else "GEN"
    tags = [("TY", kind), *(("AU", a) for a in c.authors), ("TI", c.title_zh), ("TT", c.title_en),
            ("T2", c.journal), ("PY", c.year), ("VL", c.volume), ("IS", c.issue), ("SP", c.first_page),
            ("EP", c.last_page), ("SN", c.issn), ("DO", c.doi), ("UR", c.url), ("LA", LANGUAGE)]
    lines = [f"{tag}  - {text}" for tag, value in tags if (text := _clean(value))]
    return "\n".join(lines + ["ER  - "]) + "\n"


def _csl_name(p: Person) -> dict:
    if p.name_zh:  # CSL has no split for a Chinese name the source does not divide; keep it whole
        return {"literal": p.name_zh}
    return {"family": p.surname, "given": p.given} if p.given else {"literal": p.surname}


def csl_json(c: Citation) -> dict:
    """The CSL-JSON item (Citation Style Language 1.0.2 schema): article-journal for a journal article."""
    item = {"id": c.key, "type": "article-journal" if c.is_article else "webpage" if c.url else "document",
            "title": c.title_zh, "author": [_csl_name(p) for p in c.persons], "language": "zh-CN"}
    optional = {"container-title": c.journal, "issued": {"date-parts": [[c.year]]} if c.year else None,
                "volume": c.volume, "issue": str(c.issue) if c.issue is not None else None,
                "page": c.pages, "page-first": str(c.first_page) if c.first_page is not None else None,
                "ISSN": c.issn, "DOI": c.doi, "URL": c.url,
                "note": f"English title: {c.title_en}" if c.title_en else None}
    item.update({k: v for k, v in optional.items() if v not in (None, "")})
    return item


def csl_json_text(c: Citation) -> str:
    """CSL-JSON as a file holds it: a list of items."""
    return json.dumps([csl_json(c)], ensure_ascii=False, indent=2) + "\n"


# --- Head metadata: Highwire, Dublin Core, schema.org ---------------------------------------------------

def highwire(c: Citation) -> list[tuple[str, str]]:
    """Highwire Press <meta name content> pairs (Google Scholar's inclusion guidelines); tags with unknown
    values are left out. Authors in the paper's own script, pinyin-only names as ``Surname, Given``."""
    tags = [("citation_title", c.title_zh), *(("citation_author", a) for a in c.authors),
            ("citation_journal_title", c.journal), ("citation_publication_date", c.year),
            ("citation_volume", c.volume), ("citation_issue", c.issue),
            ("citation_firstpage", c.first_page), ("citation_lastpage", c.last_page),
            ("citation_issn", c.issn), ("citation_doi", c.doi), ("citation_language", LANGUAGE),
            ("citation_abstract_html_url", c.url), ("citation_fulltext_html_url", c.url)]
    return [(name, text) for name, value in tags if (text := _clean(value))]


def dublin_core(c: Citation) -> list[tuple[str, str]]:
    """Dublin Core ``DC.*`` meta pairs (DCMI's HTML encoding): title, creators, date, source, identifiers."""
    source = None
    if c.journal or c.article_number:
        source = ", ".join(x for x in (c.journal, f"ISSN {c.issn}" if c.issn else None,
                                       str(c.year) if c.year else None) if x)
        if c.issue is not None:
            source += f"({c.issue})"
        if c.pages:
            source += f": {c.pages}"
    tags = [("DC.title", c.title_zh), *(("DC.creator", a) for a in c.authors), ("DC.date", c.year),
            ("DC.type", "Text"), ("DC.source", source), ("DC.identifier", c.url),
            ("DC.identifier", c.doi and f"doi:{c.doi}"), ("DC.language", LANGUAGE)]
    return [(name, text) for name, value in tags if (text := _clean(value))]


def json_ld(c: Citation) -> dict:
    """schema.org ScholarlyArticle, isPartOf the PublicationIssue / PublicationVolume / Periodical it knows."""
    person = lambda p: ({"@type": "Person", "name": p.name_zh, "alternateName": p.pinyin} if p.name_zh else
                        {"@type": "Person", "name": p.pinyin, "familyName": p.surname,
                         **({"givenName": p.given} if p.given else {})})
    data = {"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": c.title_zh,
            "name": c.title_zh, "inLanguage": "zh-CN", "author": [person(p) for p in c.persons]}
    if c.title_en:
        data["alternativeHeadline"] = c.title_en
    if c.year:
        data["datePublished"] = str(c.year)
    if c.first_page is not None:
        data["pageStart"] = str(c.first_page)
    if c.last_page is not None:
        data["pageEnd"] = str(c.last_page)
    if c.url:
        data["url"] = c.url
    if c.doi:
        data["identifier"] = f"https://doi.org/{c.doi}"
    part = None
    if c.journal or c.issn:
        part = {"@type": "Periodical", **({"name": c.journal} if c.journal else {}),
                **({"issn": c.issn} if c.issn else {})}
    if c.volume:
        part = {"@type": "PublicationVolume", "volumeNumber": c.volume, **({"isPartOf": part} if part else {})}
    if c.issue is not None:
        part = {"@type": "PublicationIssue", "issueNumber": str(c.issue), **({"isPartOf": part} if part else {})}
    if part:
        data["isPartOf"] = part
    return data


_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data) -> str:
    """JSON for the inside of a <script> element: no "<", ">" or "&" (written \\u003c …), so no text in it
    can close the element or open a comment; U+2028/2029 escaped too. Still the same JSON to a parser."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group()], text)
