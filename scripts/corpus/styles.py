"""The journal styles: page furniture, front-matter order, heading numbering, note markers, columns.

Each style is data read by ``typeset``. The journals are fictitious (names, ISSN, URLs), so their
furniture cannot occur in the articles' own text.
"""
from __future__ import annotations

from dataclasses import dataclass

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Style:
    """How one journal sets an article."""
    name: str
    journal: str
    issue: str
    summary: str
    columns: str            # "one" | "two" (body in two columns) | "mixed" (last section and references in two)
    english: str            # "end" | "front" (after the Chinese abstract)
    note_marker: str        # "circled" ①② | "paren" (1)(2) | "bracket" [注1]
    notes_restart: bool     # restart numbering on every page, or run on through the article
    numbering: str          # "original" (as the source) | "decimal" (1 / 1.1 / 1.1.1)
    masthead: tuple[str, ...] = ()
    journal_en: str | None = None
    typesetter: str = "weasyprint"  # or "xelatex"
    page_offset: int = 0            # added to each article's first page (scripts/corpus/make_corpus.START_PAGES)

    def folio(self, page: int) -> str:
        """The printed page number."""
        if self.name == "a-one-column":
            return f"· {page} ·"
        if self.name == "b-two-column":
            return f"— {page} —"
        if self.name == "e-two-column-circled":
            return str(page)
        return f"{page:03d}"

    def note_label(self, n: int) -> str:
        """The printed marker of note ``n`` (1-based)."""
        if self.note_marker == "circled":
            return CIRCLED[n - 1] if n <= len(CIRCLED) else f"({n})"
        if self.note_marker == "paren":
            return f"({n})"
        if self.note_marker == "arabic-paren":
            return f"{n})"
        return f"[注{n}]"


STYLES = {
    "a-one-column": Style(
        name="a-one-column", journal="理论经济评论", issue="2024年第6期",
        summary="one column; running head: journal name on even pages, article title on odd pages; "
                "folio '· 38 ·' centred at the foot; notes ①② restarting on every page; title over two lines; "
                "letter-spaced author names; English block at the end; the source's heading numbers",
        columns="one", english="end", note_marker="circled", notes_restart=True, numbering="original"),
    "b-two-column": Style(
        name="b-two-column", journal="现代产业研究", issue="2024年第3期",
        summary="two columns; masthead block on page 1 (journal, issue, ISSN, URL); running head "
                "'现代产业研究　2024年第3期' / article title, the article's pages '第156—166页' on page 1; folio '— 38 —' at the foot; notes (1)(2) running on "
                "through the article; English block at the end; the source's heading numbers",
        columns="two", english="end", note_marker="paren", notes_restart=False, numbering="original",
        masthead=("现代产业研究", "MODERN INDUSTRY STUDIES", "2024年第3期（总第87期）", "ISSN 1009-0000　CN 11-0000/F",
                  "https://xdcy.journal.example/2024/03"), journal_en="MODERN INDUSTRY STUDIES"),
    "c-mixed": Style(
        name="c-mixed", journal="社会科学论衡", issue="2025年第1期",
        summary="one column, last section and reference list in two columns; bare folio '074' in the head "
                "line beside the journal name or article title; notes [注1] restarting on every page; English "
                "block right after the Chinese abstract (before the body); headings renumbered 1 / 1.1 / 1.1.1; "
                "title over two lines",
        columns="mixed", english="front", note_marker="bracket", notes_restart=True, numbering="decimal",
        masthead=("社会科学论衡　2025年第1期　第41卷",)),
    "d-xelatex": Style(
        name="d-xelatex", journal="区域经济论丛", issue="2023年第4期",
        summary="typeset by XeLaTeX (ctex, fancyhdr, booktabs) instead of WeasyPrint: one column; running head "
                "'区域经济论丛　2023年第4期' on even pages and page 1, article title on odd pages, over a rule; folio "
                "'第 38 页' centred at the foot; notes 1) 2) restarting on every page; title over two lines; English "
                "block at the end; the source's heading numbers",
        columns="one", english="end", note_marker="arabic-paren", notes_restart=True, numbering="original",
        typesetter="xelatex"),
    # Made after the reader's rules for a-d were written, to test them on a combination none of a-d has:
    # two columns with a rule between them, notes with circled markers restarting on every page under
    # two columns, a bare folio at the outer foot corner, running heads centred over a rule.
    "e-two-column-circled": Style(
        name="e-two-column-circled", journal="发展经济学刊", issue="2025年第2期",
        summary="two columns with a column rule, leading 1.45; masthead block on page 1 (journal, volume/issue, "
                "ISSN, DOI prefix); running heads centred over a rule: journal and volume/issue on even pages, "
                "'first author等：title' on odd pages; bare folio at the outer foot corner; notes ①② restarting "
                "on every page; title over two lines; English block at the end; the source's heading numbers",
        columns="two", english="end", note_marker="circled", notes_restart=True, numbering="original",
        masthead=("发展经济学刊", "第12卷　第2期　2025年4月", "ISSN 2095-0000　CN 10-0000/F", "DOI: 10.0000/fzjj.2025.02"),
        journal_en="DEVELOPMENT ECONOMICS REVIEW", page_offset=300),  # its own pagination: no folio of c-mixed's
}
