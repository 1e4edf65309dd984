"""The MkDocs adapter as a plugin: registered by the package, typed options, bad settings refused clearly."""
import os
import subprocess
import sys
from importlib.metadata import entry_points

from conftest import ROOT


def test_the_plugin_is_registered_by_the_package():
    (ep,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "papersite"]
    from papersite.mkdocs_plugin import PapersitePlugin
    assert ep.load() is PapersitePlugin


def _build(tmp_path, config_text):
    config = tmp_path / "mkdocs.yml"
    config.write_text(config_text, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "scripts"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path / "out")],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    return config, run


def test_an_unknown_variant_is_refused_naming_the_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("x", encoding="utf-8")
    config, run = _build(tmp_path, "site_name: t\ntheme: {name: material}\nplugins: [papersite]\n"
                                   "extra: {variant: zh-TW}\n")
    assert run.returncode != 0
    assert str(config) in run.stderr and "extra.variant" in run.stderr and "zh-TW" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


def test_the_content_option_must_name_a_folder(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("x", encoding="utf-8")
    _, run = _build(tmp_path, "site_name: t\ntheme: {name: material}\nplugins: [{papersite: {content: nowhere}}]\n")
    assert run.returncode != 0
    assert "content" in run.stderr and "nowhere" in run.stderr
    assert "Traceback" not in run.stderr
