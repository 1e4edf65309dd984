"""papersite proof: every source line beside its role, markers with their notes, decisions and warnings."""
from papersite.cli import main
from papersite.proof import proof_lines, proof_text


def test_every_line_has_a_role(corpus):
    for slug in ("li-zhang-2025-generative-logic", "xu-liu-distribution-relations", "wu-common-prosperity-logic"):
        lines = proof_lines(corpus[slug])
        assert lines and not [l for l in lines if l.role == "?"], slug


def test_proof_names_roles_markers_and_decisions(corpus):
    text = proof_text(corpus["xu-liu-distribution-relations"])
    for role in ("title", "author", "front matter: 摘要", "heading h2", "body", "note A", "furniture", "foreign (withheld)"):
        assert f" {role}" in text, role
    assert "markers and their notes:" in text and "-> n1" in text
    assert "running head" in text or "short line recurring" in text


def test_html_proof(tmp_path):
    out = tmp_path / "proof.html"
    assert main(["proof", "li-zhang-2025-generative-logic", "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and 'id="L1"' in page and "note (1)" in page


# ---- the proof pages served under `mkdocs serve` (papersite.proof.proof_pages) ----------------------------

PAYLOAD = "<img src=x onerror=alert(1)>"


def _paper(content, slug, raw, yml_extra=""):
    import hashlib
    folder = content / "papers" / slug
    folder.mkdir(parents=True)
    data = ("\n".join(raw) + "\n").encode("utf-8")
    (folder / "source.txt").write_bytes(data)
    (folder / "paper.yml").write_text(
        f"source: {{original_name: s.txt, sha256: {hashlib.sha256(data).hexdigest()}}}\n"
        "title: {zh: 试论分配关系, zh_provenance: source, en: On distribution, en_provenance: editor}\n"
        "authors: [{name: 张三, pinyin: Zhang San}]\n" + yml_extra, encoding="utf-8")
    return folder


def _elements(page):
    """Every start tag of an HTML page, with its attributes (what a browser would build)."""
    from html.parser import HTMLParser
    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))
    Collect().feed(page)
    return found


def test_served_proof_shows_untrusted_lines_as_text(tmp_path):
    from synthetic import sentence_lines
    from papersite.proof import proof_pages
    text = sentence_lines(6)
    raw = ["试论分配关系", "张三", "摘　要：发展新质生产力，必须加快形成与之相适应的生产关系。", "关键词：新质生产力；分配关系",
           "一、引言", text[0], text[1] + "①", PAYLOAD, text[2][:-1] + "。",
           "① 参见《资本论》第1卷，人民出版社2009年版，第12页。", "二、结论", text[3][:-1] + "。"]
    content = tmp_path / "content"
    _paper(content, "zhang-2024-test", raw)
    pages = proof_pages(content)
    assert set(pages) == {"proof/index.html", "proof/zhang-2024-test.html"}
    page = pages["proof/zhang-2024-test.html"]
    tags = _elements(page)
    assert not [t for t, a in tags if t in ("img", "script", "svg")]
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
    assert "&lt;img src=x onerror=alert(1)&gt;" in page          # shown, as text
    # every source line beside its role, the paragraph it joined, the marker and its note
    assert '<tr id="L8" class="body">' in page and "<td>p-1</td>" in page and "heading h2" in page
    assert '<tr id="L1" class="title">' in page and '<tr id="L10" class="note">' in page
    assert "p-1 ① → <a href=\"#L10\">n1 (line 10)</a>" in page
    assert 'href="../papers/zhang-2024-test.html"' in page and 'href="index.html"' in page
    assert 'href="zhang-2024-test.html"' in pages["proof/index.html"]


def test_served_proof_of_a_paper_that_does_not_build(tmp_path):
    from papersite.proof import proof_pages
    content = tmp_path / "content"
    _paper(content, "zhang-2024-test", ["试论分配关系", "张三", "一、引言", "正文第一句话。"],
           "conversion:\n  lines:\n    '99': furniture\n")
    pages = proof_pages(content)
    page = pages["proof/zhang-2024-test.html"]
    assert "paper.yml:" in page and "the source has 5 lines" in page   # the error, with its file:line
    assert '<tr id="L4" class="body">' in page                         # and the lines, read without it
    assert "zhang-2024-test</a>: does not build" in pages["proof/index.html"]
