"""Citations of a paper from its paper.yml record: GB/T 7714-2015, BibTeX, RIS and Highwire Press meta tags.

Pure (no I/O). Nothing is invented: a fact that neither the record nor its 文章编号 gives is left out of
every format, and what remains is still well-formed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .paperyml import PaperRecord

_DASH = "[-－‐–]"
_ARTICLE_NUMBER = re.compile(  # ISSN（YEAR）ISSUE-FIRSTPAGE-PAGECOUNT
    rf"(\d{{4}}{_DASH}\d{{3}}[\dX])\s*[（(]\s*(\d{{4}})\s*[）)]"
    rf"\s*(\d{{1,3}})\s*{_DASH}\s*(\d{{1,5}})\s*{_DASH}\s*(\d{{1,3}})", re.IGNORECASE)
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
                   "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                   "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_KEY = re.compile(r"[A-Za-z0-9_:./+-]+")


@dataclass(frozen=True)
class ArticleNumber:
    """The facts a 文章编号 ISSN（YEAR）ISSUE-FIRSTPAGE-PAGECOUNT states."""
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
class Citation:
    """What a citation of a paper may say; None (or empty) means the fact is unknown."""
    title_zh: str
    title_en: str | None
    authors: tuple[str, ...]            # Chinese name where known, else pinyin
    authors_pinyin: tuple[str, ...]
    authors_zh: tuple[str | None, ...]  # Chinese name, or None where the source gives none
    journal: str | None = None
    journal_en: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: int | None = None
    first_page: int | None = None
    last_page: int | None = None
    issn: str | None = None
    url: str | None = None

    @property
    def pages(self) -> str | None:
        """Page range "89-97" (or a single page), None when unknown."""
        if self.first_page is None:
            return None
        if self.last_page is None or self.last_page == self.first_page:
            return str(self.first_page)
        return f"{self.first_page}-{self.last_page}"


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
    """Collect a paper's citable facts from its record (and the 文章编号 among its source fields)."""
    number = next((n for label, value in record.source_fields
                   if label.strip() == "文章编号" and (n := parse_article_number(value))), None)
    return Citation(
        title_zh=_clean(record.title_zh) or "", title_en=_clean(record.title_en),
        authors=tuple(_clean(a.display_zh) or "" for a in record.authors),
        authors_pinyin=tuple(_clean(a.pinyin) or "" for a in record.authors),
        authors_zh=tuple(_clean(a.name) for a in record.authors),
        journal=_clean(record.journal), journal_en=_clean(record.journal_en),
        year=record.year if record.year is not None else (number.year if number else None),
        issue=number.issue if number else None, first_page=number.first_page if number else None,
        last_page=number.last_page if number else None, issn=number.issn if number else None,
        url=_clean(url))


def _split_pinyin(pinyin: str) -> tuple[str, str]:
    surname, _, given = pinyin.partition(" ")
    return surname, given


def gbt7714(c: Citation) -> str:
    """GB/T 7714-2015 reference: [J] with a journal, else [EB/OL] with the URL, else [Z] (see below).

    A journal article: "Authors. Title[J]. Journal, year, volume(issue): pages." with unknown parts left out;
    the article is cited as printed, so the site's URL (not the journal's) is not added. Without a journal the
    paper can only be cited as the electronic resource at ``url`` (§4.8): "Authors. Title[EB/OL]. URL."; the
    print year and pages describe the unnamed journal issue, not that resource, so they are not given there.
    With neither, the type is [Z] (其他, table B.1). Pinyin names follow §8.1.2: surname in capitals.
    More than three authors: the first three, then "等" (§8.1.3).
    """
    names = [zh or " ".join(x for x in (_split_pinyin(p)[0].upper(), _split_pinyin(p)[1]) if x)
             for zh, p in zip(c.authors_zh, c.authors_pinyin)]
    if len(names) > 3:
        names = names[:3] + ["等"]
    head = f"{', '.join(names)}. " if names else ""
    if c.journal:
        source = c.journal
        if c.year is not None:
            source += f", {c.year}"
        if c.volume:
            source += f", {c.volume}"
        if c.issue is not None:
            source += f"({c.issue})"
        if c.pages:
            source += f": {c.pages}"
        return f"{head}{c.title_zh}[J]. {source}."
    if c.url:
        return f"{head}{c.title_zh}[EB/OL]. {c.url}."
    return f"{head}{c.title_zh}[Z]."


def bibtex_escape(text: str) -> str:
    """Escape BibTeX/LaTeX special characters (braces as \\textbraceleft{}: BibTeX counts "\\{" as a brace)."""
    return "".join(_BIBTEX_ESCAPES.get(ch, ch) for ch in text)


def _bibtex_author(zh: str | None, pinyin: str) -> str:
    if zh:
        return "{" + bibtex_escape(zh) + "}"
    surname, given = _split_pinyin(pinyin)
    return bibtex_escape(f"{surname}, {given}" if given else surname)


def bibtex(c: Citation, key: str) -> str:
    """BibTeX entry: @article with a journal, else @misc; unknown fields are left out."""
    if not _BIBTEX_KEY.fullmatch(key):
        raise ValueError(f"unusable BibTeX key {key!r}: use letters, digits and _:./+-")
    url = c.url
    if url:  # braces and backslashes would break the entry; percent-encode them as a URL allows
        url = url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
    fields = [
        ("title", bibtex_escape(c.title_zh)),
        ("author", " and ".join(_bibtex_author(z, p) for z, p in zip(c.authors_zh, c.authors_pinyin))),
        ("journal", c.journal and bibtex_escape(c.journal)),
        ("year", c.year), ("volume", c.volume and bibtex_escape(c.volume)), ("number", c.issue),
        ("pages", c.pages and c.pages.replace("-", "--")), ("issn", c.issn), ("url", url),
        ("note", c.title_en and "English title: " + bibtex_escape(c.title_en)),
        ("language", "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value not in (None, ""))
    return f"@{'article' if c.journal else 'misc'}{{{key},\n{body}\n}}\n"


def ris(c: Citation) -> str:
    """RIS record, "XX  - value" lines ending in "\\n": TY JOUR with a journal, else ELEC with a URL, else GEN."""
    kind = "JOUR" if c.journal else "ELEC" if c.url else "GEN"
    authors = [zh or ", ".join(x for x in _split_pinyin(p) if x)
               for zh, p in zip(c.authors_zh, c.authors_pinyin)]
    tags = [("TY", kind), *(("AU", a) for a in authors), ("TI", c.title_zh), ("TT", c.title_en),
            ("T2", c.journal), ("PY", c.year), ("VL", c.volume), ("IS", c.issue), ("SP", c.first_page),
            ("EP", c.last_page), ("SN", c.issn), ("UR", c.url), ("LA", "zh")]
    lines = [f"{tag}  - {text}" for tag, value in tags if (text := _clean(value))]
    return "\n".join(lines + ["ER  - "]) + "\n"


def highwire(c: Citation) -> list[tuple[str, str]]:
    """Highwire Press <meta name content> pairs for Google Scholar; tags with unknown values are left out."""
    tags = [("citation_title", c.title_zh), *(("citation_author", a) for a in c.authors),
            ("citation_journal_title", c.journal), ("citation_publication_date", c.year),
            ("citation_volume", c.volume), ("citation_issue", c.issue),
            ("citation_firstpage", c.first_page), ("citation_lastpage", c.last_page),
            ("citation_issn", c.issn), ("citation_language", "zh"),
            ("citation_abstract_html_url", c.url), ("citation_fulltext_html_url", c.url)]
    return [(name, text) for name, value in tags if (text := _clean(value))]
