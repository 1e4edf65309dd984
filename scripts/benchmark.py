"""Performance benchmark: build time and its split, scale, page weight and search latency.

    python scripts/benchmark.py [--sizes 5,25,100] [--no-baseline] [--no-browser] [--out benchmarks/results]
    python scripts/benchmark.py --browser-only SITE [LARGEST_SITE] [--lighthouse PATH]
    python scripts/benchmark.py --serve-only [--serve-rebuilds 50]

Writes benchmarks/results/benchmark.json and benchmarks/results/performance.md (shown on the site's
"Performance" page). Figures are measured on the machine that runs it; nothing here is a pass/fail test.

- Cold build: ``mkdocs build`` of all three variants in a fresh process, with the conversion cache
  (.cache/papersite) removed first; then a rebuild (the same again, conversion cached). The plugin reports
  the time each variant spends in the pipeline (conversion, concept index, page writing) and on the search
  index (passages read from the pages, index files written; PAPERSITE_TIMINGS); the rest of the CPU
  time is MkDocs and Material rendering. Each build runs with an empty TMPDIR, and what it leaves
  there is reported. The median of --build-runs runs.
- Baselines: the same generated pages written to plain docs folders and built by MkDocs + Material
  with the same theme and extensions but no papersite plugin, one variant after another: with no search,
  with Material's search plugin (jieba hidden from it), and with Material's search plugin as it runs
  here (it segments Chinese with jieba when jieba is installed, as the pipeline's dependencies make it).
- Bytecode: MkDocs and Material are installed with their compiled bytecode; so that the comparison is
  like for like, scripts/papersite is compiled too before the builds, and the builds may use bytecode
  (PYTHONDONTWRITEBYTECODE, set on some machines, is left out of their environment).
- Scale: synthetic corpora of N papers (the real ones plus copies under new slugs), built with
  PAPERSITE_CONTENT; build time per paper should stay flat.
- Serve: ``mkdocs serve`` on a copy of the project, one concept file edited again and again: seconds
  from each save to the changed page being served, and the resident memory of the server's process tree
  after each rebuild (it should stay flat); the temporary folders left when the server stops.
- Conversion: the reader's CPU time per source and per character, for the five papers, the varied corpus
  (tests/corpus) and longer sources made by joining a style's articles; flat time per character and a
  log-log slope near 1 mean conversion grows linearly with the text.
- Page weight: HTML, CSS, JS and search index bytes per variant, raw and gzip.
- Search, in chromium, per variant, for the hand-judged queries of tests/test_search_quality.py:
  each query typed as the first one after a fresh page load (new browser context, empty cache), and
  again in a page that has already searched. Latency is from the input event to the rendered results;
  bytes per query are the files the browser's network log shows requested from the first focus of
  the search box to the results, each counted at its gzip size (the files as a server with gzip sends
  them; the test server itself sends them raw).
- Lighthouse 12 (mobile preset, performance) on the home, a paper, a concept and the teaching page of
  every variant, when ``--lighthouse PATH`` names the lighthouse CLI (npm ``lighthouse``; chromium from
  CHROME_PATH=/usr/bin/chromium).
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import VARIANT_DIRS  # noqa: E402  (where each variant lives in the built site)
# The search quality test's hand-judged queries: terms, aliases, the other script, English, pinyin, one
# character, phrases, no match.
from test_search_quality import QUERIES  # noqa: E402


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _build_env(**extra) -> dict:
    """The environment of a timed build: bytecode allowed, as for the installed MkDocs and Material."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package() -> None:
    """Compile scripts/papersite to bytecode, as pip does for an installed package."""
    import compileall
    compileall.compile_dir(str(ROOT / "scripts" / "papersite"), quiet=1)


def build(site: Path, content: Path | None = None, config: Path | None = None) -> dict:
    """One ``mkdocs build`` in a fresh process: wall time, CPU time, the plugin's timings, and what the build
    left in its temporary folder (TMPDIR, empty when it starts: it should be empty when it ends)."""
    timings = site.parent / f"{site.name}.timings.jsonl"
    timings.unlink(missing_ok=True)
    temp = site.parent / f"{site.name}.tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    env = _build_env(PAPERSITE_TIMINGS=str(timings), TMPDIR=str(temp))
    if content:
        env["PAPERSITE_CONTENT"] = str(content)
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)] + (["-f", str(config)] if config else [])
    cpu0, start = cpu_children(), time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - start, cpu_children() - cpu0
    if run.returncode:
        raise SystemExit(f"build failed:\n{run.stderr[-3000:]}")
    rows = [json.loads(line) for line in timings.read_text().splitlines()] if timings.is_file() else []
    pipeline = sum(r["pipeline_s"] for r in rows)
    search = sum(r["search_s"] for r in rows)
    left = sorted(p.name for p in temp.iterdir())
    shutil.rmtree(temp, ignore_errors=True)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "pipeline_cpu_s": round(pipeline, 2),
            "search_index_s": round(search, 2), "pipeline_share": round(pipeline / cpu, 3) if cpu else None,
            "search_share": round(search / cpu, 3) if cpu else None, "temp_left": left, "variants": rows}


def median_run(runs: list[dict]) -> dict:
    """The run of median CPU time (its own figures, not a mix of runs), with the spread of all runs."""
    ordered = sorted(runs, key=lambda r: r["cpu_s"])
    out = dict(ordered[len(ordered) // 2])
    out["runs"] = len(runs)
    out["cpu_range_s"] = [ordered[0]["cpu_s"], ordered[-1]["cpu_s"]]
    out["wall_range_s"] = [min(r["wall_s"] for r in runs), max(r["wall_s"] for r in runs)]
    return out


def cold_builds(tmp: Path, runs: int) -> tuple[dict, dict]:
    """The real corpus built ``runs`` times with nothing cached (the conversion cache, .cache/papersite,
    removed first: every paper converted), and as many times again right after (a rebuild: conversion
    cached, as in every build after the first): the median run of each."""
    cold, again = [], []
    for k in range(runs):
        shutil.rmtree(ROOT / ".cache" / "papersite", ignore_errors=True)
        cold.append(build(tmp / f"site-cold-{k}"))
        again.append(build(tmp / f"site-again-{k}"))
        again[-1].pop("variants")
    return median_run(cold), median_run(again)


def baseline(work: Path, search: str = "") -> dict:
    """The same pages without the pipeline: each variant's generated Markdown as plain files. ``search``:
    "" none; "material" Material's own search plugin (a vanilla Material site has it, as MkDocs' default
    plugin); "material-jieba" that plugin segmenting Chinese with jieba (Material uses jieba when it is
    installed, as it is here: the pipeline depends on it)."""
    from mkdocs.utils.yaml import get_yaml_loader
    from papersite.site import build_site
    # mkdocs.yml's site_url is an !ENV tag: read it with MkDocs' own loader (safe_load refuses the tag).
    root_config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader(yaml.SafeLoader))
    overrides = {v: yaml.safe_load((ROOT / "variants" / v / "mkdocs.yml").read_text(encoding="utf-8"))
                 for v in ("zh-Hant", "en")}
    configs = []
    for variant in VARIANT_DIRS:
        docs = work / f"docs-{variant}"
        shutil.copytree(ROOT / "docs", docs)
        for uri, text in build_site(ROOT / "content", variant).pages.items():
            (docs / uri).parent.mkdir(parents=True, exist_ok=True)
            (docs / uri).write_text(text, encoding="utf-8")
        config = dict(root_config)
        for key in ("hooks", "watch", "INHERIT"):
            config.pop(key, None)
        config["plugins"] = [p for p in root_config["plugins"]
                             if not (isinstance(p, dict) and "projects" in p) and p != "papersite"] + (["search"] if search else [])
        config["docs_dir"], config["strict"] = str(docs), False
        config["theme"] = dict(root_config["theme"], custom_dir=str(ROOT / "overrides"))
        if variant in overrides:
            config["site_name"] = overrides[variant]["site_name"]
            config["theme"]["language"] = overrides[variant]["theme"]["language"]
            config["extra"] = dict(root_config["extra"], **overrides[variant]["extra"])
        path = work / f"mkdocs-{variant}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    env = _build_env()
    if search == "material":   # jieba hidden: Material's search splits Chinese text without segmenting it
        (work / "no-jieba").mkdir()
        (work / "no-jieba" / "jieba.py").write_text('raise ImportError("hidden from this build")\n')
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(work / "no-jieba"), env.get("PYTHONPATH")]))
    cpu0, start = cpu_children(), time.perf_counter()
    for variant, path in zip(VARIANT_DIRS, configs):
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(path), "-d",
                              str(work / f"site-{variant}")], cwd=ROOT, capture_output=True, text=True, env=env)
        if run.returncode:
            raise SystemExit(f"baseline build failed:\n{run.stderr[-3000:]}")
    return {"wall_s": round(time.perf_counter() - start, 2), "cpu_s": round(cpu_children() - cpu0, 2)}


BASELINES = {"": "no search", "material": "Material's search plugin",
             "material-jieba": "Material's search plugin with jieba"}


def baselines(tmp: Path, runs: int) -> dict:
    """Each baseline built ``runs`` times: the median run of each."""
    return {kind or "none": median_run([baseline(tmp / f"baseline-{kind or 'none'}-{k}", kind) for k in range(runs)])
            for kind in BASELINES}


def synthetic_corpus(target: Path, papers: int) -> Path:
    """content/ with the real papers plus copies under new slugs, up to ``papers`` papers."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    originals = sorted(p for p in (content / "papers").iterdir() if p.is_dir())
    k = 0
    while len(list((content / "papers").iterdir())) - 1 < papers:   # -1: README.md
        source = originals[k % len(originals)]
        shutil.copytree(source, content / "papers" / f"{source.name}-copy-{k // len(originals) + 1}")
        k += 1
    return content


def _convert_cpu(lines: list, path: str, options, repeats: int) -> float:
    """Median CPU seconds of reading one source into its document (reader + transforms)."""
    from papersite.reader import read_text
    from papersite.transforms import apply_transforms
    times = []
    for _ in range(repeats):
        start = time.process_time()
        apply_transforms(read_text(lines, path, options))
        times.append(time.process_time() - start)
    return statistics.median(times)


def conversion(repeats: int = 3) -> dict:
    """The converter's CPU time per source and per character: the five papers, every extraction of the varied
    corpus (tests/corpus), and sources made longer by joining a style's articles one after another (1, 2, 3 and
    6 of them, as one source), whose time per character stays flat if conversion grows linearly with the text."""
    from corpus.score import cases, CORPUS
    from papersite.errors import PaperError
    from papersite.paperyml import load_record
    from papersite.pipeline import reader_options
    from papersite.reader import ReaderOptions
    from papersite.source import read_source

    def one(folder: Path) -> dict:
        source = read_source(folder / "source.txt")
        chars = sum(len(line) for line in source.lines)
        cpu = _convert_cpu(source.lines, source.path, reader_options(load_record(folder / "paper.yml")), repeats)
        return {"chars": chars, "cpu_s": round(cpu, 4)}

    papers = {f.name: one(f) for f in sorted((ROOT / "content" / "papers").iterdir()) if f.is_dir()}
    corpus = {case: one(CORPUS / case) for case in cases()}
    joined = []
    for style in ("a-one-column", "b-two-column"):
        for extractor in ("markitdown", "pdftotext", "pymupdf"):
            folders = sorted(CORPUS.glob(f"{style}/*/{extractor}"))
            for k in (1, 2, 3, 6):
                lines = [line for f in folders[:k] for line in read_source(f / "source.txt").lines]
                try:
                    cpu = _convert_cpu(lines, f"{style}/{extractor} x{k}", ReaderOptions(), repeats)
                except PaperError as exc:   # a joined source may hold what the reader refuses: say so
                    joined.append({"style": style, "extractor": extractor, "articles": k, "error": str(exc)[:200]})
                    continue
                joined.append({"style": style, "extractor": extractor, "articles": k,
                               "chars": sum(len(line) for line in lines), "cpu_s": round(cpu, 4)})
    # The slope of log(time) over log(characters) across the single sources: 1 is linear, 2 quadratic.
    xs = [math.log(v["chars"]) for v in (*papers.values(), *corpus.values())]
    ys = [math.log(v["cpu_s"]) for v in (*papers.values(), *corpus.values())]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return {"repeats": repeats, "papers": papers, "corpus": corpus, "joined": joined, "loglog_slope": round(slope, 2)}


def conversion_report(c: dict) -> list[str]:
    def per_char(rows) -> str:
        chars, cpu = sum(r["chars"] for r in rows), sum(r["cpu_s"] for r in rows)
        return f"{chars:,} | {cpu * 1000:,.0f} | {cpu / chars * 1e6:.1f}"
    lines = ["", "## Conversion (reader + transforms)", "",
             f"CPU time of reading each source into its document, the median of {c['repeats']} runs in one process "
             "(no cache, no page writing). *µs per character* is the time divided by the source's characters: "
             f"flat across sizes means linear growth. Across the {len(c['papers']) + len(c['corpus'])} single sources "
             f"below, the slope of log(time) over log(characters) is **{c['loglog_slope']}** (1 is linear, 2 quadratic).",
             "", "| source | characters | CPU (ms) | µs per character |", "| --- | ---: | ---: | ---: |"]
    for slug, r in c["papers"].items():
        lines.append(f"| `{slug}` | {per_char([r])} |")
    lines.append(f"| the five papers | {per_char(list(c['papers'].values()))} |")
    lines += ["", "The varied corpus (tests/corpus), per extractor (all styles and documents):", "",
              "| extractor | sources | characters | CPU (ms) | µs per character |", "| --- | ---: | ---: | ---: | ---: |"]
    extractors = sorted({case.rsplit("/", 1)[1] for case in c["corpus"]})
    for e in extractors:
        rows = [r for case, r in c["corpus"].items() if case.endswith("/" + e)]
        lines.append(f"| {e} | {len(rows)} | {per_char(rows)} |")
    lines += ["", "Longer sources: a style's articles joined into one source (no declarations; the reader sees one "
              "long article):", "", "| style / extractor | articles | characters | CPU (ms) | µs per character |",
              "| --- | ---: | ---: | ---: | ---: |"]
    for r in c["joined"]:
        if "error" in r:
            lines.append(f"| {r['style']}/{r['extractor']} | {r['articles']} | – | – | stopped: {r['error']} |")
        else:
            lines.append(f"| {r['style']}/{r['extractor']} | {r['articles']} | {per_char([r])} |")
    return lines


def weight(site: Path) -> dict:
    """Bytes a reader downloads, per variant: HTML pages, CSS, JS and the search index (raw and gzip)."""
    out = {}
    for variant, folder in VARIANT_DIRS.items():
        root = site / folder if folder else site
        others = [site / f for v, f in VARIANT_DIRS.items() if f and v != variant]
        files = [p for p in root.rglob("*") if p.is_file() and not any(o in p.parents for o in others)]

        def sizes(paths):
            raw = [p.stat().st_size for p in paths]
            gz = [len(gzip.compress(p.read_bytes(), 6)) for p in paths]
            return raw, gz
        html = [p for p in files if p.suffix == ".html"]
        raw, gz = sizes(html)
        # What one page load fetches besides its HTML: the stylesheets and scripts the home page names
        # (Material's theme files are shared by the three variants; the search worker and index load on search).
        home = (root / "index.html").read_text(encoding="utf-8")
        refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"', home)
        css = [(root / a).resolve() for a, _ in refs if a and not a.startswith("http")]
        js = [(root / b).resolve() for _, b in refs if b and not b.startswith("http")]
        css_raw, css_gz = sizes(css)
        js_raw, js_gz = sizes(js)
        index = [p for p in (root / "search").rglob("*.js")]
        index_gz = [len(gzip.compress(p.read_bytes(), 6)) for p in index]
        shards = [g for p, g in zip(index, index_gz) if p.parent.name == "g"]
        out[variant] = {
            "pages": len(html), "html_total_raw": sum(raw), "html_total_gzip": sum(gz),
            "html_median_raw": int(statistics.median(raw)), "html_median_gzip": int(statistics.median(gz)),
            "html_max_raw": max(raw), "html_max_page": str(html[raw.index(max(raw))].relative_to(site)),
            "css_raw": sum(css_raw), "css_gzip": sum(css_gz), "js_raw": sum(js_raw), "js_gzip": sum(js_gz),
            "search_index_raw": sum(p.stat().st_size for p in index), "search_index_gzip": sum(index_gz),
            "search_files": len(index), "search_shards": len(shards),
            "search_shard_median_gzip": int(statistics.median(shards)) if shards else 0,
            "search_meta_gzip": len(gzip.compress((root / "search" / "meta.js").read_bytes(), 6)),
        }
    return out


def _gzip_size(site: Path, base: str, url: str, cache: dict) -> int:
    from urllib.parse import unquote, urlsplit
    path = site / unquote(urlsplit(url).path)[len(urlsplit(base).path):]
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0
    return cache[path]


DONE_JS = "q => { const b = document.querySelector('.papersite-search'); return b.querySelector('.md-search__input').value === q && b.getAttribute('data-search-state') === 'done' && window.__probe.ms !== null; }"


def _one_query(page, query: str) -> dict:
    """ms to the first result shown and to all results of the first screen, and search.js's own split."""
    page.evaluate("() => { window.__probe.ms = null; window.__probe.first = null; }")
    page.fill(".papersite-search .md-search__input", query)
    page.wait_for_function(DONE_JS, arg=query, timeout=30000)
    return page.evaluate("() => ({first: window.__probe.first, ms: window.__probe.ms, split: window.__papersiteSearch.timing || {}})")


def _open(page, url: str) -> None:
    """Load a page as a reader comes to its search box: the pointer moves onto the page first, which starts
    Material's bundle (site.js starts it at the first use of a page; it ran at load before)."""
    from browser import SEARCH_LATENCY_PROBE
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.mouse.move(5, 300)
    page.wait_for_function("() => typeof window.document$ === 'object'")
    page.wait_for_timeout(300)   # its start-up and its sitemap requests done
    page.evaluate(SEARCH_LATENCY_PROBE)


def search_latency(site: Path, variants=tuple(VARIANT_DIRS)) -> dict:
    """Per variant: bytes (gzip) and milliseconds of each query as the first after a page load, and
    milliseconds of the same queries in a page that has searched before (medians and maxima)."""
    from browser import browser, serve_under_sub_path
    out = {}
    with tempfile.TemporaryDirectory() as tmp, serve_under_sub_path(site, Path(tmp)) as base, browser() as b:
        sizes: dict = {}
        for variant in variants:
            folder = VARIANT_DIRS[variant]
            home = base + (folder + "/" if folder else "") + "index.html"
            queries = [q for v, q, *_ in QUERIES if v == variant]
            first_ms, first_all_ms, first_bytes, warm_ms, largest, splits, focus_ms = [], [], [], [], None, [], []
            load = os.getloadavg()[0]
            for q in queries:
                context = b.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                _open(page, home)
                urls = []
                page.on("requestfinished", lambda r: urls.append(r.url))
                focus_t0 = time.perf_counter()
                page.focus(".papersite-search .md-search__input")
                page.wait_for_function("() => window.__papersiteSearchEngine === true")
                focus_ms.append((time.perf_counter() - focus_t0) * 1000)
                t = _one_query(page, q)
                first_ms.append(t["first"])
                first_all_ms.append(t["ms"])
                splits.append(t["split"])
                n = sum(_gzip_size(site, base, u, sizes) for u in urls)
                first_bytes.append(n)
                if largest is None or n > largest[1]:
                    largest = (q, n, len(urls))
                context.close()
            context = b.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            _open(page, home)
            page.focus(".papersite-search .md-search__input")
            _one_query(page, "的")                                   # warm-up: engine and manifest loaded
            warm_ms = [_one_query(page, q)["first"] for q in queries]
            context.close()
            split = {k: round(statistics.median(t[k] for t in splits if k in t), 1)
                     for k in ("manifest_ms", "postings_ms", "ranked_ms", "first_ms", "done_ms") if any(k in t for t in splits)}
            out[variant] = {"queries": len(queries),
                            "first_query_median_ms": round(statistics.median(first_ms), 1),
                            "first_query_max_ms": round(max(first_ms), 1),
                            "first_query_all_median_ms": round(statistics.median(first_all_ms), 1),
                            "first_query_split_median_ms": split,
                            "focus_to_ready_median_ms": round(statistics.median(focus_ms), 1),
                            "load_1min": round((load + os.getloadavg()[0]) / 2, 2),
                            "median_ms": round(statistics.median(warm_ms), 1), "max_ms": round(max(warm_ms), 1),
                            "bytes_median_gzip": int(statistics.median(first_bytes)), "bytes_max_gzip": max(first_bytes),
                            "bytes_max_query": largest[0], "bytes_max_requests": largest[2]}
    return out


LIGHTHOUSE_PAGES = ["index.html", "papers/wu-common-prosperity-logic.html", "concepts/new-quality-productive-forces.html",
                    "teaching/index.html"]


def lighthouse(site: Path, cli: str, runs: int = 1) -> dict:
    """Lighthouse performance scores (mobile preset, the CLI's default) per variant and page: the median
    of ``runs`` runs, each with Lighthouse's benchmark index of the machine at that moment and the load
    average. The site is served gzip-compressed, as a static host sends it (the bytes of the search
    benchmark are counted the same way); Lighthouse's simulated slow-4G network and 4x CPU slowdown apply
    on top, so a loaded machine lowers the score (lower benchmark index, longer tasks)."""
    from browser import serve_under_sub_path
    out = {}
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    with tempfile.TemporaryDirectory() as tmp, serve_under_sub_path(site, Path(tmp), compress=True) as base:
        for variant, folder in VARIANT_DIRS.items():
            for rel in LIGHTHOUSE_PAGES:
                url = base + (folder + "/" if folder else "") + rel
                report = Path(tmp) / "lh.json"
                rows = []
                for _ in range(runs):
                    report.unlink(missing_ok=True)
                    load = os.getloadavg()[0]
                    run = subprocess.run([cli, url, "--only-categories=performance", "--output=json",
                                          f"--output-path={report}", "--quiet",
                                          "--chrome-flags=--headless --no-sandbox --disable-gpu"],
                                         env=env, capture_output=True, text=True, timeout=300)
                    if run.returncode or not report.is_file():
                        print(f"lighthouse failed on {url}: {run.stderr[-500:]}", flush=True)
                        continue
                    data = json.loads(report.read_text(encoding="utf-8"))
                    audits = data["audits"]
                    rows.append({
                        "score": round(data["categories"]["performance"]["score"] * 100),
                        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
                        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
                        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
                        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
                        "bytes": round(audits["total-byte-weight"]["numericValue"]),
                        "benchmark_index": round(data.get("environment", {}).get("benchmarkIndex", 0)),
                        "load_1min": round(load, 2)})
                if not rows:
                    out.setdefault(variant, {})[rel] = None
                    continue
                rows.sort(key=lambda r: r["score"])
                best = dict(rows[len(rows) // 2])
                best["scores"] = [r["score"] for r in rows]
                out.setdefault(variant, {})[rel] = best
                print(f"lighthouse {variant} {rel}: {best['scores']} (load {best['load_1min']}, "
                      f"benchmark index {best['benchmark_index']})", flush=True)
    return out


SERVE_CONCEPT = "digital-divide"   # the concept file the serve benchmark edits (its page is checked)
SERVE_COPY = ("mkdocs.yml", "pyproject.toml", "content", "scripts", "docs", "overrides", "variants", "benchmarks")


def _children() -> dict[int, list[int]]:
    """Every process's children (from /proc/<pid>/stat)."""
    out: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        ppid = int(text.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(stat.parent.name))
    return out


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    children, tree, i = _children(), [pid], 0
    while i < len(tree):
        tree += children.get(tree[i], [])
        i += 1
    return tree


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    """CPU seconds of ``pid`` and of its children it has waited for."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _wait_idle(pid: int, quiet_s: float = 1.0, timeout: float = 300) -> None:
    """Until the server's process tree has used (almost) no CPU for ``quiet_s`` seconds: the rebuild, the
    other variants' builds and the background search index are done."""
    deadline = time.time() + timeout
    before = sum(_cpu_s(p) for p in process_tree(pid))
    while time.time() < deadline:
        time.sleep(quiet_s)
        now = sum(_cpu_s(p) for p in process_tree(pid))
        if now - before < 0.05 * quiet_s:
            return
        before = now


def _fetch(url: str) -> str:
    import urllib.request
    try:
        return urllib.request.urlopen(url, timeout=60).read().decode("utf-8")
    except OSError:
        return ""


def _wait_page(url: str, text: str, proc, timeout: float = 300) -> float:
    """Seconds until ``url`` is served with ``text`` in it."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"mkdocs serve exited ({proc.returncode})")
        if text in _fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {text!r}")


def serve(rebuilds: int = 50) -> dict:
    """``mkdocs serve`` on a copy of the project: ``rebuilds`` edits of one concept file's definitions
    (Chinese and English), each saved once the rebuild before it and the other variants' builds are done.
    For each: seconds from the save to the changed zh-Hans concept page being served (and the zh-Hant and
    English ones), then the resident memory of the server's process tree once it is idle. At the end the
    server is stopped (SIGTERM), and the folders it left (in its TMPDIR, in the project) are listed."""
    import signal
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory(prefix="papersite-serve-bench-") as tmp:
        project, server_tmp = Path(tmp) / "project", Path(tmp) / "tmp"   # the server's TMPDIR
        project.mkdir()
        server_tmp.mkdir()
        for name in SERVE_COPY:
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("site", "__pycache__"))
            elif (ROOT / name).is_file():
                shutil.copy(ROOT / name, project / name)
        concept = project / "content" / "concepts" / f"{SERVE_CONCEPT}.yml"
        original = concept.read_text(encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(project / "scripts"), TMPDIR=str(server_tmp))
        env.pop("PAPERSITE_CONTENT", None)
        log = open(Path(tmp) / "serve.log", "w")
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                                stdout=log, stderr=subprocess.STDOUT, env=env)
        base = f"http://127.0.0.1:{port}/"
        pages = {v: base + (f"{f}/" if f else "") + f"concepts/{SERVE_CONCEPT}.html" for v, f in VARIANT_DIRS.items()}
        rows = []
        try:
            for url in pages.values():
                _wait_page(url, "</html>", proc)
            _wait_idle(proc.pid)
            first_build = time.perf_counter() - start
            rss0 = {p: _rss_mb(p) for p in process_tree(proc.pid)}
            for i in range(1, rebuilds + 1):
                marker = f"benchmark{i:03d}"   # no marker is part of another
                text = original.replace("缩小乃至消除数字鸿沟。", f"缩小乃至消除数字鸿沟。{marker}", 1)
                text = text.replace("technological innovation.\n", f"technological innovation. {marker}\n", 1)
                saved = time.perf_counter()
                concept.write_text(text, encoding="utf-8")
                served = {}
                for variant, url in pages.items():   # zh-Hans first: the variants build beside it, after it
                    _wait_page(url, marker, proc)
                    served[variant] = round(time.perf_counter() - saved, 2)
                _wait_idle(proc.pid)
                tree = process_tree(proc.pid)
                rows.append({"edit": i, "served_s": served["zh-Hans"], "variants_s": served,
                             "rss_server_mb": round(_rss_mb(proc.pid), 1),
                             "rss_tree_mb": round(sum(_rss_mb(p) for p in tree), 1), "processes": len(tree),
                             "load_1min": round(os.getloadavg()[0], 2)})
                print(f"serve edit {i}: served in {served['zh-Hans']} s (all variants {max(served.values())} s); "
                      f"server {rows[-1]['rss_server_mb']} MB, tree {rows[-1]['rss_tree_mb']} MB", flush=True)
        finally:
            proc.send_signal(signal.SIGTERM)   # as a session ends when its terminal or supervisor stops it
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
        left_in_project = sorted(str(p.relative_to(project)) for p in (project / "variants").glob("*/site"))
        temp_left = sorted(f"{p.name}{'/' if p.is_dir() else ''} (in TMPDIR)" for p in server_tmp.iterdir())
    served = [r["served_s"] for r in rows]
    everywhere = [max(r["variants_s"].values()) for r in rows]
    return {"rebuilds": len(rows), "concept": SERVE_CONCEPT, "first_build_s": round(first_build, 2),
            "served_median_s": round(statistics.median(served), 2), "served_max_s": max(served),
            "all_variants_median_s": round(statistics.median(everywhere), 2),
            "rss_server_start_mb": round(rss0[proc.pid], 1), "rss_tree_start_mb": round(sum(rss0.values()), 1),
            "rows": rows, "temp_folders_left": temp_left, "left_in_project": left_in_project}


def serve_report(v: dict) -> list[str]:
    rows = v["rows"]
    rss = [r["rss_server_mb"] for r in rows]
    tree = [r["rss_tree_mb"] for r in rows]
    loads = [r["load_1min"] for r in rows]
    tenth = max(1, len(rows) // 10)
    left = v["temp_folders_left"] + v["left_in_project"]
    return ["", "## Serve", "",
            f"`mkdocs serve` on a copy of the project (real corpus), {v['rebuilds']} edits of one concept file "
            f"(`content/concepts/{v['concept']}.yml`: a word added to its Chinese and English definitions), each "
            "saved once the server is idle again. *Served*: from the save to the changed zh-Hans concept page "
            "being served (a request made during a rebuild waits for it); the zh-Hant and English pages follow "
            "when the variants' builds beside it are done. Memory: resident set of the server process, and of "
            "its whole process tree (the variants' build processes while they run), once idle after each rebuild.", "",
            f"- Save → changed page served: **{v['served_median_s']} s** median, {v['served_max_s']} s max; all "
            f"three variants: {v['all_variants_median_s']} s median (first build and serve: {v['first_build_s']} s).",
            f"- Server memory: {v['rss_server_start_mb']:.0f} MB after the first build; over the rebuilds "
            f"{min(rss):.0f}–{max(rss):.0f} MB (after the first {tenth} rebuild(s) {statistics.median(rss[:tenth]):.0f} MB "
            f"median, after the last {tenth} {statistics.median(rss[-tenth:]):.0f} MB); process tree "
            f"{min(tree):.0f}–{max(tree):.0f} MB (more while the variants' build processes run).",
            f"- Left behind when the server stops (SIGTERM), in its TMPDIR (empty at the start) and the project: "
            f"{', '.join(left) if left else 'nothing'}.",
            f"- 1-minute load during the run: {min(loads)}–{max(loads)} (the machine is shared with other work)."]


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def report(r: dict) -> str:
    cold = r["cold_build"]
    lines = ["# Performance", "",
             f"Measured by `python scripts/benchmark.py` on {r['machine']} ({r['date']}). Figures are for the "
             "whole site: three variants (Simplified, Traditional, English).", "",
             "## Build", "",
             f"- Cold build of the real corpus ({r['papers']} papers, {sum(v['pages'] for v in r['weight'].values())} "
             f"pages): **{cold['wall_s']} s** wall, {cold['cpu_s']} s CPU.",
             f"- Pipeline (conversion, concept index, page writing): {cold['pipeline_cpu_s']} s = "
             f"{cold['pipeline_share']:.0%} of the CPU time; search index (passages from the pages, index files): "
             f"{cold['search_index_s']} s = {cold['search_share']:.0%}; the rest is MkDocs + Material rendering."]
    runs = cold.get("runs", 1)
    if runs > 1:
        lines.append(f"- Each build figure is the median of {runs} runs (CPU {cold['cpu_range_s'][0]}–{cold['cpu_range_s'][1]} s, "
                     f"wall {cold['wall_range_s'][0]}–{cold['wall_range_s'][1]} s for the cold build).")
    if r.get("rebuild"):
        again = r["rebuild"]
        lines.append(f"- Cold means nothing cached: the conversion cache (.cache/papersite) is removed first. The same "
                     f"build again, with the conversion cached (every build after the first): **{again['wall_s']} s** wall, "
                     f"{again['cpu_s']} s CPU.")
    if "temp_left" in cold:
        left = sorted(set(cold["temp_left"]) | set(r.get("rebuild", {}).get("temp_left", [])))
        lines.append("- Left in the build's temporary folder (TMPDIR, empty at the start): "
                     + (", ".join(f"`{name}`" for name in left) if left else "nothing") + ".")
    if r.get("baselines"):
        lines += ["", "The same pages built by MkDocs + Material without the pipeline (each variant's generated Markdown "
                  "as plain files, one variant after another), with compiled bytecode like the full build:", "",
                  "| baseline | wall (s) | CPU (s) | full / baseline, wall | full / baseline, CPU | rebuild / baseline, CPU |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        words = {"none": "pages only, no search", "material": "Material's search plugin (jieba hidden: no Chinese segmentation)",
                 "material-jieba": "Material's search plugin as installed here (it segments Chinese with jieba, which the "
                                   "pipeline depends on)"}
        for kind, b in r["baselines"].items():
            again = r.get("rebuild", {}).get("cpu_s")
            lines.append(f"| {words.get(kind, kind)} | {b['wall_s']} | {b['cpu_s']} | {cold['wall_s'] / b['wall_s']:.2f} | "
                         f"{cold['cpu_s'] / b['cpu_s']:.2f} | " + (f"{again / b['cpu_s']:.2f} |" if again else "– |"))
        lines.append("")
    lines += ["", "## Scale", "",
              "Synthetic corpora: the real papers plus copies under new slugs. *Added s per paper* is the build time "
              "each paper adds over the previous row; flat means linear growth (the rest is a fixed cost: theme, "
              "concept pages, three MkDocs projects).", "",
              "| papers | build (s, wall) | CPU (s) | added s per paper | pipeline share | search index zh-Hans, all files (raw / gzip) | files | median shard (gzip) | manifest (gzip) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    previous = None
    for row in r["scale"]:
        added = f"{(row['wall_s'] - previous['wall_s']) / (row['papers'] - previous['papers']):.2f}" if previous else "–"
        w = row["weight"]["zh-Hans"]
        lines.append(f"| {row['papers']} | {row['wall_s']} | {row['cpu_s']} | {added} | {row['pipeline_share']:.0%} | "
                     f"{kb(w['search_index_raw'])} / {kb(w['search_index_gzip'])} | {w['search_files']} | "
                     f"{w['search_shard_median_gzip']:,} B | {kb(w['search_meta_gzip'])} |")
        previous = row
    if r.get("serve", {}).get("error"):
        lines += ["", "## Serve", "", f"The serve benchmark stopped: {r['serve']['error']}"]
    elif r.get("serve"):
        lines += serve_report(r["serve"])
    if r.get("conversion"):
        lines += conversion_report(r["conversion"])
    lines += ["", "## Page weight (real corpus)", "",
              "| variant | pages | median page (raw / gzip) | largest page | CSS per page load (gzip) | JS per page load (gzip) | search index (raw / gzip) |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for v, w in r["weight"].items():
        lines.append(f"| {v} | {w['pages']} | {kb(w['html_median_raw'])} / {kb(w['html_median_gzip'])} | "
                     f"{kb(w['html_max_raw'])} (`{w['html_max_page']}`) | {kb(w['css_gzip'])} | {kb(w['js_gzip'])} | "
                     f"{kb(w['search_index_raw'])} / {kb(w['search_index_gzip'])} |")
    def search_table(rows: dict) -> list[str]:
        out = ["| variant | queries | bytes, first query (gzip, median / max) | first query after load: first result (median / max) | … all results of the first screen (median) | where the time goes (median ms: manifest, posting lists, ranked, first result, all) | later queries, first result (median / max) | focus → engine (median) | load (1 min) |",
               "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |"]
        for v, s in rows.items():
            split = s.get("first_query_split_median_ms", {})
            split_text = " / ".join(str(split.get(k, "–")) for k in ("manifest_ms", "postings_ms", "ranked_ms", "first_ms", "done_ms"))
            out.append(f"| {v} | {s['queries']} | {kb(s['bytes_median_gzip'])} / {kb(s['bytes_max_gzip'])} "
                       f"(`{s['bytes_max_query']}`) | {s['first_query_median_ms']} / {s['first_query_max_ms']} ms | "
                       f"{s.get('first_query_all_median_ms', '–')} ms | {split_text} | "
                       f"{s['median_ms']} / {s['max_ms']} ms | {s.get('focus_to_ready_median_ms', '–')} ms | {s.get('load_1min', '–')} |")
        return out
    if r.get("search_latency"):
        lines += ["", "## Search (chromium)", "",
                  "The hand-judged queries of `tests/test_search_quality.py`, each typed as the first query after a "
                  "fresh page load (empty cache): the bytes are every file the browser requested from focusing the "
                  "box to the results (engine, manifest, gram shards, text chunks of the results shown), counted "
                  "gzipped; the time is from the input event to the rendered results: the *first result* (the "
                  "best-ranked page with its passages and snippets, shown while the others are still being "
                  "fetched) and all results of the first screen. The pointer first moves onto the loaded page, which "
                  "starts Material's bundle, as a reader's pointer does before it reaches the box. The engine and the "
                  "manifest are requested together when the box is focused (or a pointer is over it); the query is typed as soon as the engine has "
                  "run (*focus → engine*), and a manifest still on its way is part of the query's time. *Later queries*: the same "
                  "queries in a page that has searched before. The machine is shared: its load average is given "
                  "with each figure.", "", f"Real corpus ({r['papers']} papers):", ""]
        lines += search_table(r["search_latency"])
    if r.get("search_latency_largest"):
        largest = f"{r['scale'][-1]['papers']} papers" if r.get("scale") else "The largest corpus"
        lines += ["", f"{largest} (synthetic):", ""]
        lines += search_table(r["search_latency_largest"])
    if r.get("lighthouse"):
        lines += ["", "## Lighthouse (performance, mobile preset)", "",
                  "Lighthouse 12's default mobile run (simulated slow 4G, 4x CPU slowdown) on each page, served "
                  "gzip-compressed as a static host serves it. Each cell: the score (median of the runs), then FCP / "
                  "LCP / TBT, the machine's benchmark index (Lighthouse's own CPU measure at that moment; an "
                  "unloaded desktop gives 1,000–2,000) and the 1-minute load average.", "",
                  "| variant | " + " | ".join(f"`{p}`" for p in LIGHTHOUSE_PAGES) + " |",
                  "| --- |" + " ---: |" * len(LIGHTHOUSE_PAGES)]

        def cell(x):
            if not x:
                return "–"
            return (f"**{x['score']}** ({x['fcp_ms'] / 1000:.1f} / {x['lcp_ms'] / 1000:.1f} s / {x['tbt_ms']} ms; "
                    f"index {x.get('benchmark_index', '–')}, load {x.get('load_1min', '–')})")
        for v, pages in r["lighthouse"].items():
            lines.append(f"| {v} | " + " | ".join(cell(pages.get(p)) for p in LIGHTHOUSE_PAGES) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,25,100", help='synthetic corpus sizes ("" for none)')
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--build-runs", type=int, default=3,
                        help="runs of the real corpus's cold build, rebuild and each baseline (the median is reported)")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--lighthouse", metavar="PATH", help="the lighthouse CLI (npm lighthouse), to score pages")
    parser.add_argument("--lighthouse-runs", type=int, default=1, help="runs per page (the median is reported)")
    parser.add_argument("--serve-rebuilds", type=int, default=50, help="rebuilds of the serve benchmark (0: none)")
    parser.add_argument("--serve-only", action="store_true",
                        help="only the serve benchmark; replace its figures in benchmark.json")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    parser.add_argument("--browser-only", nargs="+", metavar="SITE",
                        help="no builds: measure search (and Lighthouse) on these built sites, the real corpus's "
                             "and optionally the largest synthetic one's, and replace those figures in benchmark.json")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.browser_only:
        result = json.loads((out / "benchmark.json").read_text(encoding="utf-8"))
        site, largest = Path(args.browser_only[0]), Path(args.browser_only[-1]) if len(args.browser_only) > 1 else None
        result["search_latency"] = search_latency(site)
        if largest:
            result["search_latency_largest"] = search_latency(largest, ("zh-Hans",))
        if args.lighthouse:
            result["lighthouse"] = lighthouse(site, args.lighthouse, args.lighthouse_runs)
        (out / "benchmark.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        (out / "performance.md").write_text(report(result), encoding="utf-8")
        print(report(result))
        return
    if args.serve_only:
        result = json.loads((out / "benchmark.json").read_text(encoding="utf-8"))
        result["serve"] = serve(args.serve_rebuilds)
        (out / "benchmark.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        (out / "performance.md").write_text(report(result), encoding="utf-8")
        print(report(result))
        return
    previous = json.loads((out / "benchmark.json").read_text(encoding="utf-8")) if (out / "benchmark.json").is_file() else {}
    result = {"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, 1-minute load "
                         f"{os.getloadavg()[0]:.1f} at the start", "date": time.strftime("%Y-%m-%d"),
              "papers": len([p for p in (ROOT / "content" / "papers").iterdir() if p.is_dir()])}
    # Figures this run does not measure are kept from the last one (search in the browser, Lighthouse, serve).
    for key in (("search_latency", "search_latency_largest") if args.no_browser else ()) + (
            () if args.lighthouse else ("lighthouse",)) + (() if args.serve_rebuilds else ("serve",)):
        if key in previous:
            result[key] = previous[key]
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        print("cold builds and rebuilds …", flush=True)
        result["cold_build"], result["rebuild"] = cold_builds(tmp, args.build_runs)
        site = tmp / f"site-cold-{args.build_runs // 2}"
        result["weight"] = weight(site)
        if not args.no_baseline:
            print("baselines …", flush=True)
            result["baselines"] = baselines(tmp, args.build_runs)
        if not args.no_browser:
            print("search latency …", flush=True)
            result["search_latency"] = search_latency(site)
        if args.lighthouse:
            print("lighthouse …", flush=True)
            result["lighthouse"] = lighthouse(site, args.lighthouse, args.lighthouse_runs)
        result["scale"] = []
        largest = None
        for n in (int(s) for s in args.sizes.split(",") if s.strip()):
            print(f"scale: {n} papers …", flush=True)
            content = synthetic_corpus(tmp / f"corpus-{n}", n)
            scaled = tmp / f"site-{n}"
            row = {"papers": n, **build(scaled, content), "weight": weight(scaled)}
            row.pop("variants")
            result["scale"].append(row)
            largest = scaled
        if largest and not args.no_browser:
            print("search, largest corpus …", flush=True)
            result["search_latency_largest"] = search_latency(largest)
        print("conversion …", flush=True)
        result["conversion"] = conversion()
        if args.serve_rebuilds:
            print("serve …", flush=True)
            try:
                result["serve"] = serve(args.serve_rebuilds)
            except SystemExit as exc:   # a page never served: a finding; the other figures are written all the same
                result["serve"] = {"error": str(exc)}
    (out / "benchmark.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "performance.md").write_text(report(result), encoding="utf-8")
    print(report(result))


if __name__ == "__main__":
    main()
