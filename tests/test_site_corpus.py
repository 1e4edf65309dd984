"""Another corpus with the same code: PAPERSITE_CONTENT names a content folder whose site.yml gives its own title,
home text and search example; the home pages show them, and nothing of 新质生产力's subject is left."""
import os
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

PAPER = ROOT / "tests" / "corpus" / "a-one-column" / "own-irrigation-treatises" / "pdftotext"
SITE_YML = """\
site:
  title:
    zh: 农书研究论文选读
    en: "Agricultural Treatises: A Reader"
  intro:
    zh: 本站收录{papers}篇讨论中国古代农书的论文。
    en: This site publishes {papers} article on ancient Chinese agricultural treatises.
  search_example:
    part: 器具
    word: 灌溉器具
traditional:
  opencc: s2twp
"""
# The words of this corpus's subject that only its own home text and search example could bring in.
NQPF = ("新质生产力", "New Quality Productive Forces", "new quality productive forces", "共同富裕", "富裕")


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("other-corpus")
    content = tmp / "content"
    shutil.copytree(PAPER, content / "papers" / "lin-zhou-irrigation")
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    out = tmp / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PAPERSITE_CONTENT=str(content))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(out)], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def home(site, root: str) -> BeautifulSoup:
    return BeautifulSoup((site / root / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("root, title, intro, search", [
    ("", "农书研究论文选读", "本站收录1篇讨论中国古代农书的论文。", "（如“器具”可找到“灌溉器具”）"),
    ("zh-Hant", "農書研究論文選讀", "本站收錄1篇討論中國古代農書的論文。", "（如“器具”可找到“灌溉器具”）"),
    ("en", "Agricultural Treatises: A Reader", "This site publishes 1 article on ancient Chinese agricultural treatises.", None),
], ids=["zh-Hans", "zh-Hant", "en"])
def test_the_home_page_is_the_corpus_own(other_site, root, title, intro, search):
    page = home(other_site, root)
    article = page.select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert article.h1.get_text().rstrip("¶") == title
    assert page.title.get_text().startswith(title)
    assert page.select_one('meta[name="description"]')["content"].startswith(intro.rstrip("."))
    assert intro in text
    if search:
        assert search in text
    # Its one paper is listed; nothing of 新质生产力 is said anywhere on the page.
    assert ("Records of Irrigation Devices" if root == "en" else "灌溉器具") in text
    html = str(page)
    assert not [w for w in NQPF if w in html]


@pytest.mark.parametrize("root, says", [
    ("", "OpenCC（s2twp：台湾标准字形，并将词汇替换为台湾惯用语）"),
    ("zh-Hant", "OpenCC（s2twp：臺灣標準字形，並將詞彙替換為臺灣慣用語）"),
    ("en", "OpenCC (s2twp: Taiwan-standard characters, with words replaced by those usual in Taiwan)"),
], ids=["zh-Hans", "zh-Hant", "en"])
def test_the_about_page_names_the_corpus_own_traditional_conversion(other_site, root, says):
    # This corpus converts with s2twp, which replaces words: the page must not claim s2tw's "quotations keep
    # their wording".
    page = BeautifulSoup((other_site / root / "about.html").read_text(encoding="utf-8"), "html.parser")
    text = " ".join(page.select_one("article").get_text(" ").split())
    assert says in text
    assert "s2tw：" not in text and "s2tw:" not in text and "保留引文原貌" not in text and "keep their wording" not in text


def test_without_a_search_example_the_home_page_gives_none(tmp_path):
    """site.search_example is the corpus's own: without it the Chinese home page names no example words."""
    from papersite.siteconfig import SiteConfig
    from papersite.writers.pages import home_zh
    page = home_zh([], "zh-Hans", config=SiteConfig("site.yml"))
    line = next(l for l in page.splitlines() if "搜索支持" in l)
    assert "可找到" not in line and "富裕" not in page
