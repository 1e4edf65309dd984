"""The interface strings' catalogues (papersite/labels/<variant>.yml): complete, consistent, and used as written."""
import shutil
from pathlib import Path

import pytest

from papersite import variants
from papersite.errors import PaperError
from papersite.labels import LABELS_DIR, Labels, catalogues


def copy_catalogues(tmp_path: Path) -> Path:
    for v in variants.VARIANTS:
        shutil.copy(LABELS_DIR / f"{v.code}.yml", tmp_path / f"{v.code}.yml")
    return tmp_path


def test_every_variant_has_a_catalogue_and_they_agree():
    cats = catalogues()
    assert set(cats) == set(variants.CODES)
    full = [c for c in cats.values() if c.derive is None]
    assert full and all(c.entries.keys() == full[0].entries.keys() for c in full)


def test_a_key_missing_in_one_catalogue_is_an_error_naming_file_and_key(tmp_path):
    folder = copy_catalogues(tmp_path)
    en = folder / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace("    pinyin: Pinyin\n", ""), encoding="utf-8")
    with pytest.raises(PaperError) as err:
        catalogues(folder)
    assert str(err.value).startswith(f"{en}: no entry for 'concept.pinyin'")
    assert "zh-Hans.yml:" in str(err.value)   # where the key is found


def test_a_deriving_catalogue_may_not_invent_keys(tmp_path):
    folder = copy_catalogues(tmp_path)
    hant = folder / "zh-Hant.yml"
    hant.write_text(hant.read_text(encoding="utf-8") + "  extra:\n    word: 詞\n", encoding="utf-8")
    with pytest.raises(PaperError, match=r"zh-Hant.yml:\d+: 'extra.word' is not in zh-Hans.yml"):
        catalogues(folder)


def test_fields_must_be_the_same_in_every_catalogue(tmp_path):
    folder = copy_catalogues(tmp_path)
    en = folder / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace('page: "p. {n}"', 'page: "p. {page}"'), encoding="utf-8")
    with pytest.raises(PaperError, match=r"en.yml:\d+: 'paper.page' fills in \['page'\], but zh-Hans.yml:\d+ fills in \['n'\]"):
        catalogues(folder)


def test_a_missing_catalogue_is_named(tmp_path):
    folder = copy_catalogues(tmp_path)
    (folder / "en.yml").unlink()
    with pytest.raises(PaperError, match="en.yml: variant en has no label catalogue"):
        catalogues(folder)


def test_a_derived_entry_is_the_source_converted_after_filling_in_and_an_own_entry_wins():
    seen = []
    convert = lambda s: seen.append(s) or s.replace("个", "個").replace("简", "簡")
    hant = Labels("zh-Hant", convert)
    assert hant("concept_index.lead", concepts=3, papers=5) == "3 個概念，取自本站 5 篇论文。"
    assert seen == ["3 个概念，取自本站 5 篇论文。"]   # the whole phrase, once, fields filled in
    assert hant("markdown.permalink_title") == "本節連結"   # zh-Hant.yml's own: OpenCC would write 鏈接
    assert hant("concept.other_scripts") == "簡體"        # not the conversion of zh-Hans's 繁体


def test_derived_labels_need_the_converter():
    with pytest.raises(ValueError, match="converter"):
        Labels("zh-Hant")("concept.pinyin")
    assert Labels("zh-Hant")("sections.papers") == "論文"   # an own entry needs none


def test_an_unknown_key_is_refused():
    with pytest.raises(KeyError, match="no interface string 'concept.nonesuch' in en.yml"):
        Labels("en")("concept.nonesuch")


def test_the_catalogues_are_package_data():
    """A non-editable install ships them: pyproject's package-data names them."""
    import tomllib
    project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["papersite.labels"]
    assert all(any(Path(f"{v.code}.yml").match(p) for p in patterns) for v in variants.VARIANTS)


@pytest.mark.parametrize("code,title,advice,proof", [
    ("zh-Hans", "构建出错：", "改正该文件并保存，页面会自动更新", "查看转换校样"),
    ("zh-Hant", "構建出錯：", "改正該檔案並儲存，頁面會自動更新", "查看轉換校樣"),
    ("en", "Build error:", "Fix the file and save it", "Proof of the conversion")])
def test_the_serve_error_banner_is_in_the_variants_words_from_its_catalogue(code, title, advice, proof):
    """Under mkdocs serve a failed build's banner (papersite.mkdocs_plugin) reads labels/<variant>.yml ``serve``."""
    from types import SimpleNamespace
    from conftest import ROOT
    from papersite.mkdocs_plugin import PapersitePlugin
    plugin = PapersitePlugin()
    plugin.root, plugin.config = ROOT, SimpleNamespace(content=None)
    plugin.error = f"{ROOT}/content/papers/wu-common-prosperity-logic/paper.yml:3: bad <value>"
    config = SimpleNamespace(extra={"variant": code}, site_url=None, config_file_path=str(ROOT / "mkdocs.yml"))
    out = plugin._with_error("<html><body><p>page</p></body></html>", config)
    banner = out[out.index("<body>") + len("<body>"):out.index("<p>page")]
    assert title in banner and advice in banner and proof in banner
    assert "bad &lt;value&gt;" in banner and "proof/wu-common-prosperity-logic.html" in banner
    assert Labels(code)("serve.build_error") == title


def test_a_tilde_entry_is_a_text_the_variant_does_not_show(tmp_path):
    """``~``: the key is named in every catalogue (none forgotten), but that variant's pages have no such text;
    a writer asking for it is told so, and a deriving catalogue may not say ~ (it has its source's texts)."""
    assert Labels("en")("home.language_button").startswith("The language button")
    with pytest.raises(KeyError, match="'home.language_button' is ~ in zh-Hans.yml"):
        Labels("zh-Hans")("home.language_button")
    with pytest.raises(KeyError, match="'home.language_button' is ~ in zh-Hant.yml"):
        Labels("zh-Hant", lambda s: s)("home.language_button")   # derived from zh-Hans's ~
    folder = copy_catalogues(tmp_path)
    hant = folder / "zh-Hant.yml"
    hant.write_text(hant.read_text(encoding="utf-8") + "  pack:\n    answer_key: ~\n", encoding="utf-8")
    with pytest.raises(PaperError, match=r"zh-Hant.yml:\d+: 'pack.answer_key' is ~ here"):
        catalogues(folder)



def test_an_entry_that_is_neither_text_nor_tilde_is_named(tmp_path):
    folder = copy_catalogues(tmp_path)
    en = folder / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace("    answer_key: Answer key\n", "    answer_key: 3\n"), encoding="utf-8")
    with pytest.raises(PaperError, match=r"en.yml:\d+: 'labels.pack.answer_key' must be a text, ~ or a mapping of texts"):
        catalogues(folder)
