"""The editors' Markdown (papersite.prose): formatting yes, HTML no, only safe links and attribute lists."""
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from papersite.errors import PaperError
from papersite.prose import link_scheme_ok, safe_markdown

PATH = Path("content/teaching/instructors.en.md")


def render(text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(safe_markdown(text, PATH), extensions=["attr_list", "md_in_html", "toc", "fenced_code"]),
                         "html.parser")


def test_tags_in_prose_show_as_text():
    soup = render('A <img src=x onerror=alert(1)> and <script>alert(2)</script> and <b>bold</b>.')
    assert not soup.find_all(["img", "script", "b"])
    assert soup.get_text() == 'A <img src=x onerror=alert(1)> and <script>alert(2)</script> and <b>bold</b>.'


def test_markdown_formatting_links_and_code_are_kept():
    soup = render("## Heading {#assign}\n\nSome **bold**, a [link](../concepts/x.html), <https://example.org/a>, "
                  "`<code>` and [mail](mailto:a@b.org).\n\n```\n<pre>\n```")
    assert soup.find("h2")["id"] == "assign"
    assert soup.find("strong").get_text() == "bold"
    assert [a["href"] for a in soup.find_all("a")] == ["../concepts/x.html", "https://example.org/a", "mailto:a@b.org"]
    assert [c.get_text() for c in soup.find_all("code")] == ["<code>", "<pre>\n"]


def test_marker_lines_pass_unchanged():
    assert safe_markdown("a\n<!-- addresses -->\nb", PATH, keep=("<!-- addresses -->",)) == "a\n<!-- addresses -->\nb"


@pytest.mark.parametrize("line", [
    "[x](javascript:alert(1))", "[x]( JavaScript:alert(1))", "[x](java&#115;cript:alert(1))", "[x](java\\script:1)",
    "![i](data:text/html;base64,PHNjcmlwdD4=)", "[ref]: vbscript:msgbox(1)", "[x](file:///etc/passwd)",
])
def test_unsafe_links_are_refused_with_their_line(line):
    with pytest.raises(PaperError) as err:
        safe_markdown(f"# Title\n\nfine\n{line}\n", PATH)
    assert err.value.line == 4 and str(err.value).startswith(f"{PATH}:4: link to")


@pytest.mark.parametrize("line", ['Text {: onclick="alert(1)" }', "## H {: style=x }", '*x*{: onmouseover=alert(1)}'])
def test_attribute_lists_beyond_id_and_class_are_refused(line):
    with pytest.raises(PaperError) as err:
        safe_markdown(f"intro\n\n{line}\n", PATH)
    assert err.value.line == 3 and "only #id and .class" in err.value.message


@pytest.mark.parametrize("url, ok", [("https://a.org", True), ("http://a", True), ("mailto:x@y", True),
                                     ("../a.html#p-1", True), ("#self-check", True), ("javascript:x", False),
                                     ("JAVASCRIPT:x", False), ("data:x", False), ("java\tscript:x", False),
                                     ("&#106;avascript:x", False)])
def test_link_schemes(url, ok):
    assert link_scheme_ok(url) is ok


def test_check_and_build_refuse_a_script_link_in_the_instructor_guide(tmp_path):
    """`papersite check` and the build stop at the line, without a traceback."""
    import os
    import shutil
    import subprocess
    import sys
    from conftest import CONTENT, ROOT
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    guide = content / "teaching" / "instructors.en.md"
    lines = guide.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "See [the answers](javascript:alert(document.cookie)).")
    guide.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PAPERSITE_CONTENT=str(content),
               PYTHONPATH=str(ROOT / "scripts"))
    check = subprocess.run([sys.executable, "-m", "papersite", "check", "--content", str(content)],
                           capture_output=True, text=True, env=env)
    assert check.returncode == 1 and f"{guide}:5: link to 'javascript:" in check.stderr
    assert "Traceback" not in check.stderr
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")], cwd=ROOT,
                           capture_output=True, text=True, env=env)
    assert build.returncode != 0 and f"{guide}:5: link to 'javascript:" in build.stderr
    assert "Traceback" not in build.stderr
