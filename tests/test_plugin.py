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


def test_the_variants_processes_share_the_templates_compiled_in_one_build(tmp_path, monkeypatch):
    """mkdocs build: a template compiled in one variant's process is loaded, not compiled again, in another's
    (from the build's own folder, named to them in the environment); the folder goes when the build ends."""
    import jinja2
    from papersite import mkdocs_plugin
    monkeypatch.delenv(mkdocs_plugin.TEMPLATES_ENV, raising=False)
    monkeypatch.setattr(mkdocs_plugin.tempfile, "tempdir", str(tmp_path))
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "page.html").write_text("<p>{{ title | e }}</p>", encoding="utf-8")
    top = mkdocs_plugin.SharedTemplates()
    top.begin()
    folder = os.environ[mkdocs_plugin.TEMPLATES_ENV]
    compiled = []

    class Counting(jinja2.Environment):
        def _compile(self, source, filename):
            compiled.append(filename)
            return super()._compile(source, filename)

    envs = [Counting(loader=jinja2.FileSystemLoader(str(tmp_path / "t"))) for _ in range(2)]
    for env in envs:   # the top-level process's and a variant's (SharedTemplates reads the folder's name)
        mkdocs_plugin.SharedTemplates().install(env)
        assert env.get_template("page.html").render(title="<a>") == "<p>&lt;a&gt;</p>"
    assert len(compiled) == 1
    top.end()
    assert not os.path.exists(folder) and mkdocs_plugin.TEMPLATES_ENV not in os.environ


def test_the_garbage_collector_is_as_before_after_a_build():
    """mkdocs build runs the collector less often and sets aside what is loaded before the pages; the process's
    settings are Python's again at the end (on_shutdown), and serve keeps Python's all along."""
    import gc
    from papersite.mkdocs_plugin import GC_THRESHOLD, PapersitePlugin, _collect_as_before, _collect_less
    before = gc.get_threshold()
    plugin = PapersitePlugin()
    plugin.on_startup(command="serve", dirty=False)
    assert not plugin.one_off
    plugin.on_startup(command="build", dirty=False)
    assert plugin.one_off
    _collect_less(loaded=False)
    assert gc.get_threshold()[0] == GC_THRESHOLD
    _collect_less(loaded=True)
    assert gc.get_freeze_count() > 0
    plugin.on_shutdown()
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    _collect_as_before()
