"""Front matter: masthead, a title over two lines, letter-spaced or broken author names, split labels."""
import pytest

from papersite.model import Paragraph, plain_text
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


def test_an_abstract_ends_at_its_sentence_end_when_each_paragraph_is_one_line():
    """pymupdf4llm writes a paragraph on one line; the article's unheaded first paragraph follows the
    abstract and is body text, not more abstract."""
    from papersite.model import Paragraph, plain_text
    from synthetic import sentence_lines
    long = ["".join(sentence_lines(4, seed=s)) for s in range(6)]  # run-on lines of a column, 96 em each
    first = "2023年9月，习近平总书记在黑龙江考察时提出发展新质生产力。" + long[0][:-1] + "。"
    raw = ["# **新质生产力重构要素配置的底层逻辑**", "",
           "**摘 要：** 加快新质生产力发展成为推动高质量发展的时代要求。主要路径是加强科技创新。", "",
           first, "", "### **一、新时代新质生产力重构要素配置的底层逻辑**", ""] + \
        [x for line in long[1:] for x in (line, "")] + ["全文完。"]
    doc = read_text(raw, "t.txt")
    assert doc.meta.abstract == "加快新质生产力发展成为推动高质量发展的时代要求。主要路径是加强科技创新。"
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert plain_text(paragraphs[0].inlines) == first


def test_an_author_line_an_extractor_marked_as_a_heading():
    from papersite.model import Heading
    head = ["## **现代产业研究**", "", "MODERN INDUSTRY STUDIES 2024年第3期（总第87期） ISSN 1009-0000", "",
            "# **加快形成与新质生产力发展相适应的分配关系**", "", "#### 续 继  刘学良", ""]
    doc = read_text(head + ["".join(ABSTRACT)] + KEYWORDS + ["## **一、引言**", BODY[1]] + ENGLISH, "t.txt")
    assert doc.meta.title == "加快形成与新质生产力发展相适应的分配关系"
    assert doc.meta.authors == ("续继", "刘学良")
    assert [(b.number, b.text) for b in doc.blocks if isinstance(b, Heading)] == [("一、", "引言")]  # no names


def test_a_running_head_run_into_a_line_of_the_english_abstract_is_cut():
    """Page 2's head (page 1's masthead line) opens the English abstract's second line (pymupdf4llm)."""
    TAIL = ("As a crucial aspect of production relations, distribution relations are closely related to the "
            "development of new quality productive forces, and they should center on incentivizing innovation.")
    head = ["社会科学论衡 2025年第1期 第41卷", "加快形成与新质生产力发展相适应的分配关系", "续继  刘学良"]
    english = ["Accelerating the Formation of Distribution Relations", "Xu Ji, Liu Xueliang",
               "Abstract: The development of new quality productive forces requires the acceleration",
               "社会科学论衡 2025年第1期 of corresponding production relations. " + TAIL,
               "Key words: new quality productive forces; distribution relations; common prosperity"]
    doc = read_text(head + ABSTRACT + KEYWORDS + english + BODY, "t.txt")
    assert doc.meta.english.abstract == ("The development of new quality productive forces requires the acceleration "
                                         "of corresponding production relations. " + TAIL)
    assert doc.meta.english.title == "Accelerating the Formation of Distribution Relations"


@pytest.mark.parametrize("lines", [
    # XeLaTeX broke the grant number (AH-/SKYY2023D047): the next line is the field's, the hyphen the typesetter's
    ["基金项目：本文系安徽省哲学社会科学规划项目“数据要素推动数实深度融合发展的机理、路径与对策研究”（AH-",
     "SKYY2023D047）的阶段性成果。"],
    # the field's second line is mostly a grant number: counted by words, it is Chinese text and the field's
    ["基金项目：本文系安徽省哲学社会科学规划项目“数据要素推动数实深度融合发展的机理、路径与对策研",
     "究”（AHSKYY2023D047）的阶段性成果。"],
])
def test_a_foot_field_goes_on_into_its_line_with_the_grant_number(lines):
    foot = lines + ["作者简介：李勇坚，中国社会科学院财经战略研究院研究员。"]
    head = ["加快形成与新质生产力发展相适应的分配关系", "续继  刘学良"]
    doc = read_text(head + ABSTRACT + KEYWORDS + foot + BODY + ENGLISH, "t.txt")
    assert doc.meta.field("基金项目") == ("本文系安徽省哲学社会科学规划项目“数据要素推动数实深度融合发展的机理、路径与对策研究”"
                                        "（AHSKYY2023D047）的阶段性成果。")
    assert doc.meta.field("作者简介") == "李勇坚，中国社会科学院财经战略研究院研究员。"
    assert "AHSKYY" not in "".join(plain_text(p.inlines) for p in doc.blocks if isinstance(p, Paragraph))


@pytest.mark.parametrize("head", [
    # a masthead whose last line is a labelled field (the DOI): the title still comes after it
    ["发展经济学刊", "第12卷　第2期　2025年4月", "ISSN 2095-0000　CN 10-0000/F", "DOI: 10.0000/fzjj.2025.02",
     "加快形成与新质生产力发展相适应的分配关", "系", "续　继　　刘学良"],
    # a Markdown-like output sets the journal's name as a smaller heading over the title's
    ["## **发展经济学刊**", "", "# **加快形成与新质生产力发展相适应的分配关系**", "", "续 继  刘学良"],
])
def test_the_journals_name_and_its_doi_above_the_title_are_masthead(head):
    doc = read_text(head + ABSTRACT + KEYWORDS + BODY + ENGLISH, "t.txt")
    assert doc.meta.title == "加快形成与新质生产力发展相适应的分配关系"
    assert doc.meta.authors == ("续继", "刘学良")
    text = "".join(b.text if hasattr(b, "text") else "" for b in doc.blocks)
    assert "发展经济学刊" not in text and "10.0000" not in text
