"""Plain HTML blocks set aside before the HTML parsers (papersite.rawhtml): every page renders exactly as
Python-Markdown renders it without them, with the same anchors for MkDocs' link checks; and the blocks
that are plainly HTML are indeed set aside (the build's speed depends on it)."""
import markdown
import pytest
import yaml
from mkdocs.structure.pages import _RawHTMLPreprocessor
from mkdocs.utils.yaml import get_yaml_loader

from conftest import ROOT
from papersite.rawhtml import RawBlocks, _SetAside
from papersite.site import build_site


def _extensions():
    """The site's Markdown extensions and their settings (mkdocs.yml), without the snippets (no files here)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader(yaml.SafeLoader))
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "pymdownx.snippets":
            names.append(name)
            settings[name] = options or {}
    return names, settings


NAMES, SETTINGS = _extensions()


def render(text: str, aside: bool):
    """The HTML, MkDocs' anchors and what was set aside (stashed blocks, hidden paragraphs)."""
    md = markdown.Markdown(extensions=NAMES + ([RawBlocks()] if aside else []), extension_configs=SETTINGS)
    anchors = _RawHTMLPreprocessor()
    anchors._register(md)
    html = md.convert(text)
    pre = md.preprocessors["papersite_raw_blocks"] if aside else None
    return html, anchors.present_anchor_ids, (pre.stashed, len(pre.hidden)) if pre else None


BLOCK = '<div class="x" id="a1">\n<p>one &amp; <a href="#b">two</a><br>three</p>\n</div>'
CASES = [
    # (name, Markdown, set aside: stashed blocks, hidden paragraphs)
    ("a plain block", f"# T\n\n{BLOCK}\n\nafter\n", (1, 0)),
    ("two blocks and a paragraph with inline tags",
     f"# T\n\n{BLOCK}\n\n<span id=\"s\">x</span> and *y*\n\n{BLOCK}\n\nend\n", (2, 1)),
    ("markdown inside (md_in_html)", '# T\n\n<div class="x" markdown="1">\n*em*\n</div>\n\nafter\n', (0, 0)),
    ("a comment", f"# T\n\n<div class=\"x\"><!-- c --></div>\n\n{BLOCK}\n\nafter\n", (0, 0)),
    ("opened in one paragraph, closed in another", f"# T\n\n<div class=\"x\">\n\n{BLOCK}\n\n</div>\n\nafter\n", (0, 0)),
    ("text after the last tag", f"# T\n\n{BLOCK} tail\n\nafter\n", (0, 0)),
    # Python-Markdown ends the text with a blank line: the last block is followed by one too.
    ("the page's last block", f"# T\n\n{BLOCK}", (1, 0)),
    ("an entity without its semicolon", '# T\n\n<div class="x">a &amp b</div>\n\nafter\n', (0, 0)),
    ("a script", f'# T\n\n<div class="x"><script>if (a<b) {{}}</script></div>\n\n{BLOCK}\n\nafter\n', (0, 0)),
    ("a stray <", f"# T\n\na <b c\n\n{BLOCK}\n\nafter\n", (0, 0)),
    ("a block-level tag inside a paragraph", f"para\n<div class=\"x\">\n\n{BLOCK}\n\nafter\n", (0, 0)),
    ("an svg title", '# T\n\n<div class="x"><svg><title>t</title></svg></div>\n\nafter\n', (1, 0)),
    ("an hr first", "# T\n\n<hr>\n\nafter\n", (0, 0)),
]


@pytest.mark.parametrize("name,text,aside", CASES, ids=[c[0] for c in CASES])
def test_a_page_renders_as_without_setting_aside(name, text, aside):
    plain_html, plain_ids, _ = render(text, aside=False)
    html, ids, set_aside = render(text, aside=True)
    assert html == plain_html
    assert ids == plain_ids
    assert set_aside == aside


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant", "en"])
def test_every_page_of_the_site_renders_as_without_setting_aside(variant):
    for uri, text in build_site(ROOT / "content", variant).pages.items():
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text   # MkDocs reads the front matter
        plain_html, plain_ids, _ = render(body, aside=False)
        html, ids, _ = render(body, aside=True)
        assert html == plain_html, uri
        assert ids == plain_ids, uri


def test_most_of_a_concept_page_is_set_aside():
    """The concordances and reading lists are what the parsers are spared (the point of the module)."""
    text = build_site(ROOT / "content", "zh-Hans").pages["concepts/new-quality-productive-forces.md"]
    md = markdown.Markdown(extensions=NAMES + [RawBlocks()], extension_configs=SETTINGS)
    seen = {}
    run = _SetAside.run

    def spy(self, lines):
        out = run(self, lines)
        seen["left"] = sum(len(line) for line in out if not line.startswith("\x02"))
        return out
    _SetAside.run = spy
    try:
        md.convert(text)
    finally:
        _SetAside.run = run
    assert seen["left"] < len(text) / 4
