"""The whole-corpus pass: converted papers -> the site's generated pages (src_uri -> Markdown)."""
from __future__ import annotations

from pathlib import Path

from .pipeline import Paper, convert_corpus
from .writers.escape import md_text
from .writers.markdown import paper_markdown


def paper_uri(paper: Paper) -> str:
    """Where a paper's page lives in the docs tree."""
    return f"papers/{paper.slug}.md"


def home_markdown(papers: list[Paper]) -> str:
    """The home page: what the site is and the papers it holds."""
    lines = ["---", "title: 新质生产力论文选读", "---", "", "# 新质生产力论文选读", "",
             "本站收录五篇关于新质生产力的中文期刊论文，文本由提取自 PDF 的原始文字转换而成。", "",
             "## 论文", ""]
    for paper in papers:
        authors = "、".join(a.display_zh for a in paper.record.authors)
        lines.append(f"- [{md_text(paper.record.title_zh)}]({paper_uri(paper)})（{md_text(authors)}）")
    return "\n".join(lines) + "\n"


def build_pages(content: Path) -> dict[str, str]:
    """Every generated page of the site."""
    papers = convert_corpus(content)
    pages = {"index.md": home_markdown(papers)}
    for paper in papers:
        pages[paper_uri(paper)] = paper_markdown(paper.document, paper.record)
    return pages
