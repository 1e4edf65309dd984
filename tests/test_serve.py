"""`mkdocs serve` regenerates pages when content/ changes: edit a title in paper.yml, the page updates
(in zh-Hans and in the zh-Hant variant), and so does the search index, without a restart; break the file,
and every page keeps being served with the error (file:line) at its top until it is fixed; stopped, the
server leaves no folder behind. Runs on a copy of the project."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import ROOT

SLUG = "liu-pei-common-prosperity"  # its Chinese title is the editors' (title.zh_provenance: editor)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, proc, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    last = ""
    while time.time() < deadline:
        assert proc.poll() is None, "mkdocs serve exited"
        try:
            last = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in last:
                return
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"{url} never showed {text!r}")


def _wait_for_absent(url: str, text: str, proc, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        assert proc.poll() is None, "mkdocs serve exited"
        try:
            if text not in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"{url} still shows {text!r}")


def test_serve_rebuilds_when_paper_yml_changes(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "scripts", "docs", "overrides", "variants", "benchmarks"):
        src = ROOT / name
        (shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("site", "__pycache__"))
         if src.is_dir() else shutil.copy(src, project / name))
    port = _free_port()
    tmp = tmp_path / "tmp"   # the server's temporary folders (MkDocs' site folder): none may be left
    tmp.mkdir()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp))
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base + f"papers/{SLUG}.html", "以新质生产力赋能共同富裕", proc)
        # Under serve only (test_site_build: never built), each paper's proof, linked from its page.
        page = urllib.request.urlopen(base + f"papers/{SLUG}.html", timeout=10).read().decode("utf-8")
        assert f'href="/proof/{SLUG}.html"' in page
        proof = urllib.request.urlopen(base + f"proof/{SLUG}.html", timeout=10).read().decode("utf-8")
        assert proof.startswith("<!doctype html>") and '<tr id="L1" class="' in proof and "Markers and notes" in proof
        listing = urllib.request.urlopen(base + "proof/index.html", timeout=10).read().decode("utf-8")
        assert f'href="{SLUG}.html"' in listing
        yml = project / "content" / "papers" / SLUG / "paper.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace(
            "zh: 以新质生产力赋能共同富裕的政治经济学研究", "zh: 以新质生产力赋能共同富裕的政治经济学考察"), encoding="utf-8")
        _wait_for(base + f"papers/{SLUG}.html", "政治经济学考察", proc)
        _wait_for(base + f"zh-Hant/papers/{SLUG}.html", "政治經濟學考察", proc)
        # ... and the search index follows: the page's title in the manifest, its passages in the chunks.
        _wait_for(base + "search/meta.js", "政治经济学考察", proc)
        _wait_for(base + "zh-Hant/search/meta.js", "政治經濟學考察", proc)
        # A YAML error: pages, the 404 page and assets still answer, showing the error and its line.
        good = yml.read_text(encoding="utf-8")
        lines = good.splitlines()
        where = next(i for i, line in enumerate(lines) if line.startswith("title:")) + 2
        lines.insert(where - 1, "  zh: [unclosed")
        yml.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shown = f"content/papers/{SLUG}/paper.yml:"
        _wait_for(base + f"papers/{SLUG}.html", "papersite-build-error", proc)
        for url in (base + f"papers/{SLUG}.html", base + f"zh-Hant/papers/{SLUG}.html", base + "index.html"):
            _wait_for(url, shown, proc, timeout=60)
        try:
            urllib.request.urlopen(base + "no-such-page.html", timeout=10)
        except urllib.error.HTTPError as exc:   # the 404 page, with the error
            assert exc.code == 404 and shown in exc.read().decode("utf-8")
        # The banner leads to the proof of the paper whose file is wrong; that proof shows the error too.
        page = urllib.request.urlopen(base + f"papers/{SLUG}.html", timeout=10).read().decode("utf-8")
        assert f'href="/proof/{SLUG}.html"' in page.split("papersite-build-error", 1)[1].split("</div>", 1)[0]
        _wait_for(base + f"proof/{SLUG}.html", shown, proc, timeout=60)
        css = urllib.request.urlopen(base + "assets/papers.css", timeout=10)
        assert css.status == 200
        assert proc.poll() is None
        yml.write_text(good, encoding="utf-8")
        _wait_for_absent(base + f"papers/{SLUG}.html", "papersite-build-error", proc)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        log.close()
    # Stopped (SIGTERM, as a terminal's Ctrl-C): no folder of the session is left, in the temporary folder or
    # in the project (the variants' site folders the projects plugin built them into). jieba's dictionary
    # cache (jieba.cache, one file made once and reused by every later process) is not the session's.
    assert sorted(p.name for p in tmp.iterdir() if p.name != "jieba.cache") == []
    assert sorted(str(p) for p in (project / "variants").glob("*/site")) == []
