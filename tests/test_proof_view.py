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
