"""Source text with Markdown/HTML metacharacters renders literally, never as markup."""
import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from papersite.model import Document, Meta, Paragraph, Text
from papersite.writers.markdown import inline_markdown

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc"]
ALPHABET = st.sampled_from(list("*_[]<>#|\\`&!()-.+{}:^~=\"' 新质生产力abc12") + ["<script>", "&amp;", "[^1]", "{: #x }", "**", "1. ", "> "])


def render(text: str) -> str:
    doc = Document(Meta(), (Paragraph("p-1", (Text(text),), 1, 1),))
    md = inline_markdown(doc.blocks[0].inlines, doc) + "\n{: #p-1 }\n"
    html = markdown.markdown(md, extensions=EXTENSIONS)
    return html


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=40).map("".join))
def test_text_renders_literally(text):
    text = text.strip()
    if not text:
        return
    soup = BeautifulSoup(render(text), "html.parser")
    paragraphs = soup.find_all("p")
    assert len(paragraphs) == 1 and paragraphs[0].get("id") == "p-1"
    assert " ".join(paragraphs[0].get_text().split()) == " ".join(text.split())  # as a browser shows it
    assert not soup.find_all(["script", "em", "strong", "code", "a", "h1", "li", "table", "blockquote", "sup"])


def test_script_tag_is_text():
    html = render("注意<script>alert(1)</script>和*强调*")
    assert "<script>" not in html and "&lt;script&gt;" in html
