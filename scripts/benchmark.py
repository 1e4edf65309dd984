"""Performance benchmark: build time and its split, scale, page weight and search latency.

    python scripts/benchmark.py [--sizes 5,25,100] [--no-baseline] [--no-browser] [--out benchmarks/results]

Writes benchmarks/results/benchmark.json and benchmarks/results/performance.md (shown on the site's
"Performance" page). Figures are measured on the machine that runs it; nothing here is a pass/fail test.

- Cold build: ``mkdocs build`` of all three variants in a fresh process. The hook reports the time
  each variant spends in the pipeline (conversion, concept index, page writing) and in search
  re-indexing (PAPERSITE_TIMINGS); the rest of the CPU time is MkDocs and Material rendering.
- Baseline: the same generated pages written to plain docs folders and built by MkDocs + Material
  with the same theme and extensions but no hook, one variant after another.
- Scale: synthetic corpora of N papers (the real ones plus copies under new slugs), built with
  PAPERSITE_CONTENT; build time per paper should stay flat.
- Page weight: HTML, CSS, JS and search index bytes per variant, raw and gzip.
- Search latency: in chromium, from the last keystroke to the rendered result count, per query.
"""
from __future__ import annotations

import argparse
import gzip
import json
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
# The search test's queries (tests/test_browser.py): whole terms, two-character words, sub-words, the
# other script, English.
from test_browser import QUERIES  # noqa: E402


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def build(site: Path, content: Path | None = None, config: Path | None = None) -> dict:
    """One cold ``mkdocs build`` in a fresh process: wall time, CPU time and the hook's timings."""
    timings = site.parent / f"{site.name}.timings.jsonl"
    timings.unlink(missing_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PAPERSITE_TIMINGS=str(timings))
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
    reindex = sum(r["reindex_s"] for r in rows)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "pipeline_cpu_s": round(pipeline, 2),
            "search_reindex_s": round(reindex, 2), "pipeline_share": round(pipeline / cpu, 3) if cpu else None,
            "reindex_share": round(reindex / cpu, 3) if cpu else None, "variants": rows}


def baseline(work: Path) -> dict:
    """The same pages without the pipeline: each variant's generated Markdown as plain files."""
    from papersite.site import build_site
    root_config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
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
        config["plugins"] = [p for p in root_config["plugins"] if not (isinstance(p, dict) and "projects" in p)]
        config["docs_dir"], config["strict"] = str(docs), False
        config["theme"] = dict(root_config["theme"], custom_dir=str(ROOT / "overrides"))
        if variant in overrides:
            config["site_name"] = overrides[variant]["site_name"]
            config["theme"]["language"] = overrides[variant]["theme"]["language"]
            config["extra"] = dict(root_config["extra"], **overrides[variant]["extra"])
        path = work / f"mkdocs-{variant}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        configs.append(path)
    cpu0, start = cpu_children(), time.perf_counter()
    for variant, path in zip(VARIANT_DIRS, configs):
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(path), "-d",
                              str(work / f"site-{variant}")], cwd=ROOT, capture_output=True, text=True,
                             env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        if run.returncode:
            raise SystemExit(f"baseline build failed:\n{run.stderr[-3000:]}")
    return {"wall_s": round(time.perf_counter() - start, 2), "cpu_s": round(cpu_children() - cpu0, 2)}


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
        index = root / "search" / "search_index.json"
        out[variant] = {
            "pages": len(html), "html_total_raw": sum(raw), "html_total_gzip": sum(gz),
            "html_median_raw": int(statistics.median(raw)), "html_median_gzip": int(statistics.median(gz)),
            "html_max_raw": max(raw), "html_max_page": str(html[raw.index(max(raw))].relative_to(site)),
            "css_raw": sum(css_raw), "css_gzip": sum(css_gz), "js_raw": sum(js_raw), "js_gzip": sum(js_gz),
            "search_index_raw": index.stat().st_size, "search_index_gzip": len(gzip.compress(index.read_bytes(), 6)),
        }
    return out


LATENCY_JS = """async (q) => {
  const box = document.querySelector('input[data-md-component=search-query]');
  const meta = () => document.querySelector('.md-search-result__meta');
  const settle = (test) => new Promise(resolve => { const tick = () => test() ? resolve() : requestAnimationFrame(tick); tick(); });
  box.focus();
  box.value = ''; box.dispatchEvent(new KeyboardEvent('keyup', {key: 'Backspace', bubbles: true}));
  await settle(() => meta() && !/\\d/.test(meta().textContent));
  box.value = q;
  const t0 = performance.now();
  box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  await settle(() => meta() && /\\d|没有|沒有|No matching/.test(meta().textContent));
  return performance.now() - t0;
}"""


def search_latency(site: Path) -> dict:
    """Milliseconds from the query's last keystroke to the rendered result count, per variant (median)."""
    from browser import browser, serve_under_sub_path
    out = {}
    with tempfile.TemporaryDirectory() as tmp, serve_under_sub_path(site, Path(tmp)) as base, browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        for variant, folder in VARIANT_DIRS.items():
            queries = [q for v, q in QUERIES if v == variant]
            page.goto(base + (folder + "/" if folder else "") + "index.html")
            page.wait_for_load_state("networkidle")
            page.click("input[data-md-component=search-query]")
            page.evaluate(LATENCY_JS, queries[0])          # warm-up: the worker loads the index
            times = [page.evaluate(LATENCY_JS, q) for q in queries]
            out[variant] = {"queries": len(times), "median_ms": round(statistics.median(times), 1),
                            "max_ms": round(max(times), 1)}
    return out


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
             f"{cold['pipeline_share']:.0%} of the CPU time; search re-indexing (sub-words, other script): "
             f"{cold['search_reindex_s']} s = {cold['reindex_share']:.0%}; the rest is MkDocs + Material rendering "
             "and Material's search index."]
    if r.get("baseline"):
        b = r["baseline"]
        lines.append(f"- Baseline, the same pages built by MkDocs + Material without the pipeline: {b['wall_s']} s wall, "
                     f"{b['cpu_s']} s CPU. Ratio full / baseline: {cold['wall_s'] / b['wall_s']:.2f} (wall), "
                     f"{cold['cpu_s'] / b['cpu_s']:.2f} (CPU).")
    lines += ["", "## Scale", "",
              "Synthetic corpora: the real papers plus copies under new slugs. *Added s per paper* is the build time "
              "each paper adds over the previous row; flat means linear growth (the rest is a fixed cost: theme, "
              "concept pages, three MkDocs projects).", "",
              "| papers | build (s, wall) | CPU (s) | added s per paper | pipeline share | search index zh-Hans (raw / gzip) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    previous = None
    for row in r["scale"]:
        added = f"{(row['wall_s'] - previous['wall_s']) / (row['papers'] - previous['papers']):.2f}" if previous else "–"
        w = row["weight"]["zh-Hans"]
        lines.append(f"| {row['papers']} | {row['wall_s']} | {row['cpu_s']} | {added} | {row['pipeline_share']:.0%} | "
                     f"{kb(w['search_index_raw'])} / {kb(w['search_index_gzip'])} |")
        previous = row
    lines += ["", "## Page weight (real corpus)", "",
              "| variant | pages | median page (raw / gzip) | largest page | CSS per page load (gzip) | JS per page load (gzip) | search index (raw / gzip) |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for v, w in r["weight"].items():
        lines.append(f"| {v} | {w['pages']} | {kb(w['html_median_raw'])} / {kb(w['html_median_gzip'])} | "
                     f"{kb(w['html_max_raw'])} (`{w['html_max_page']}`) | {kb(w['css_gzip'])} | {kb(w['js_gzip'])} | "
                     f"{kb(w['search_index_raw'])} / {kb(w['search_index_gzip'])} |")
    if r.get("search_latency"):
        lines += ["", "## Search latency (chromium, last keystroke to rendered results)", "",
                  "| variant | queries | median | slowest |", "| --- | ---: | ---: | ---: |"]
        for v, s in r["search_latency"].items():
            lines.append(f"| {v} | {s['queries']} | {s['median_ms']} ms | {s['max_ms']} ms |")
    if r.get("search_latency_largest"):
        s = r["search_latency_largest"]
        lines.append(f"\nWith {r['scale'][-1]['papers']} papers (zh-Hans): median {s['median_ms']} ms, slowest {s['max_ms']} ms.")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,25,100")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    result = {"machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}", "date": time.strftime("%Y-%m-%d"),
              "papers": len([p for p in (ROOT / "content" / "papers").iterdir() if p.is_dir()])}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        print("cold build …", flush=True)
        result["cold_build"] = build(site)
        result["weight"] = weight(site)
        if not args.no_baseline:
            print("baseline …", flush=True)
            result["baseline"] = baseline(tmp / "baseline")
        if not args.no_browser:
            print("search latency …", flush=True)
            result["search_latency"] = search_latency(site)
        result["scale"] = []
        largest = None
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"scale: {n} papers …", flush=True)
            content = synthetic_corpus(tmp / f"corpus-{n}", n)
            scaled = tmp / f"site-{n}"
            row = {"papers": n, **build(scaled, content), "weight": weight(scaled)}
            row.pop("variants")
            result["scale"].append(row)
            largest = scaled
        if largest and not args.no_browser:
            result["search_latency_largest"] = search_latency(largest)["zh-Hans"]
    (out / "benchmark.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "performance.md").write_text(report(result), encoding="utf-8")
    print(report(result))


if __name__ == "__main__":
    main()
