"""Front matter: masthead, a title over two lines, letter-spaced or broken author names, split labels."""
import pytest

from papersite.reader import read_text

ABSTRACT = ["摘　要：发展新质生产力，必须加快形成与之相适应的生产关系。分配关系作为生产关",
            "系的重要方面，与新质生产力的发展关系密切。"]
KEYWORDS = ["关键词：新质生产力；分配关系；共同富裕"]
BODY = ["一、引言", "习近平总书记强调，发展新质生产力是推动高质量发展的内在要求和重要着力点。"]
ENGLISH = ["Accelerating the Formation of Distribution Relations", "Xu Ji, Liu Xueliang",
           "Abstract: The development of new quality productive forces requires new relations.",
           "Key words: new quality productive forces; distribution relations; common prosperity"]


@pytest.mark.parametrize("head", [
    ["现代产业研究", "MODERN INDUSTRY STUDIES", "2024年第3期（总第87期）", "ISSN 1009-0000", "CN 11-0000/F",
     "https://xdcy.journal.example/2024/03", "加快形成与新质生产力发展相适应的分配关", "系", "续", "继", "刘学良"],
    ["理论经济评论　2024年第6期", "加快形成与", "新质生产力发展相适应的分配关系", "续　继　　刘学良"],
    ["加快形成与新质生产力发展相适应的分配关系", "续继  刘学良", "（中国社会科学院 经济研究所，北京 100836）"],
    # pdfminer: the letter-spacing and the gap between names each one ASCII space
    ["现代产业研究", "MODERN INDUSTRY STUDIES", "加快形成与新质生产力发展相适应的分配关", "系", "续 继 刘学良"],
])
def test_title_authors_and_masthead(head):
    doc = read_text(head + ABSTRACT + KEYWORDS + BODY + ENGLISH, "t.txt")
    assert doc.meta.title == "加快形成与新质生产力发展相适应的分配关系"
    assert doc.meta.authors == ("续继", "刘学良")
    assert doc.meta.abstract.startswith("发展新质生产力")
    assert "2024年" not in "".join(b.text if hasattr(b, "text") else "" for b in doc.blocks)


def test_label_split_over_lines():
    head = ["加快形成与新质生产力发展相适应的分配关系", "摘", "续继  刘学良", "要：发展新质生产力，必须加快形成与之相适应的生产关系。"]
    doc = read_text(head + KEYWORDS + BODY + ENGLISH, "t.txt")
    assert doc.meta.abstract == "发展新质生产力，必须加快形成与之相适应的生产关系。"
    assert doc.meta.title == "加快形成与新质生产力发展相适应的分配关系"
    assert doc.meta.authors == ("续继", "刘学良")
