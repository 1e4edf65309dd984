"""papersite new always writes a draft paper.yml, listing each open decision with its evidence."""
from papersite.cli import main
from papersite.paperyml import load_record
from papersite.pipeline import convert_paper

from synthetic import sentence_lines

TEXT = sentence_lines(40)


def test_draft_written_whatever_is_undecided(tmp_path, capsys):
    raw = (["加快形成与新质生产力发展相适应的分配关系", "续继  刘学良", "摘　要：发展新质生产力，必须加快形成与之相适应的生产关系。",
            "关键词：新质生产力；分配关系", "一、引言"] + TEXT[:12] + ["见表1。", "表1　三项", "甲", "乙", "丙",
            "（一）问题", TEXT[12] + "①", TEXT[13][:-1] + "。", "四、结论", TEXT[14][:-1] + "。"])
    src = tmp_path / "paper.txt"
    src.write_text("\n".join(raw) + "\n", encoding="utf-8")
    content = tmp_path / "content"
    assert main(["new", str(src), "--slug", "xu-2024-test", "--content", str(content)]) == 0
    yml = content / "papers" / "xu-2024-test" / "paper.yml"
    text = yml.read_text(encoding="utf-8")
    assert "# Open decisions" in text
    assert "[decision] 表1" in text and "[orphan-marker]" in text and "[numbering]" in text
    record = load_record(yml)
    assert record.title_zh == "加快形成与新质生产力发展相适应的分配关系"
    paper = convert_paper(yml.parent)
    assert paper.document.paragraphs()
    out = capsys.readouterr().out
    assert "needs a human decision" in out
