"""Command line: ``papersite convert`` (report or JSON model), ``papersite new`` (scaffold a paper),
``papersite proof`` (each source line's role), ``papersite check`` (the whole corpus and concept
list), ``papersite lock`` (record ¶ addresses), ``papersite export`` and ``papersite suggest-concepts``."""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from .addresses import LOCK_NAME, assign, write_lock
from .audit import audit
from .errors import PaperError
from .model import Heading, Paragraph, Table
from .concepts import load_concepts
from .pipeline import convert_corpus, convert_paper, paper_folders
from .project import project_root
from .prose import safe_markdown
from .site import concept_corpus
from .siteconfig import load_site_config
from .suggest import suggest
from .reader import read_text
from .source import read_source, read_text_file
from .transforms import apply_transforms

# The project the running command acts on (set by main from --project or the working directory, never
# from where the package is installed: an editable install serves other checkouts too).
ROOT = project_root()


def main(argv=None) -> int:
    """Entry point; returns the exit status."""
    global ROOT
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--project" in argv:
        at = argv.index("--project")
        if at + 1 >= len(argv):
            print("error: --project needs a folder", file=sys.stderr)
            return 2
        ROOT = project_root(Path(argv[at + 1]))
        del argv[at:at + 2]
    else:
        ROOT = project_root()
    parser = argparse.ArgumentParser(prog="papersite", description=__doc__,
                                     epilog="--project DIR: act on the project in DIR (default: the one the working "
                                            "directory is in)")
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="convert one paper and print a report")
    conv.add_argument("paper", help="a paper folder, or a slug under content/papers")
    conv.add_argument("--json", action="store_true", help="dump the document model as JSON")
    conv.add_argument("--content", default=str(ROOT / "content"))
    new = sub.add_parser("new", help="scaffold content/papers/<slug>/ from a source file")
    new.add_argument("source", help="the raw text extracted from the PDF")
    new.add_argument("--slug", help="folder name (author-year-topic); suggested if omitted")
    new.add_argument("--content", default=str(ROOT / "content"))
    proof = sub.add_parser("proof", help="show every source line beside the role the converter gave it")
    proof.add_argument("paper", help="a paper folder, or a slug under content/papers")
    proof.add_argument("--html", help="write the proof as an HTML page to this file")
    proof.add_argument("--content", default=str(ROOT / "content"))
    check = sub.add_parser("check", help="convert every paper and report problems")
    check.add_argument("--content", default=str(ROOT / "content"))
    lock = sub.add_parser("lock", help="record the papers' ¶ addresses in addresses.lock and print what moved")
    lock.add_argument("papers", nargs="*", help="slugs or folders (default: every paper)")
    lock.add_argument("--content", default=str(ROOT / "content"))
    sug = sub.add_parser("suggest-concepts", help="rank frequent terms of the corpus that content/concepts lacks")
    sug.add_argument("--top", type=int, default=40, help="how many candidates to list (default 40)")
    sug.add_argument("--min-count", type=int, default=3, help="occurrences a term needs (default 3)")
    sug.add_argument("--min-papers", type=int, default=2, help="papers a term must occur in (default 2)")
    sug.add_argument("--json", action="store_true", help="print JSON instead of a table")
    sug.add_argument("--content", default=str(ROOT / "content"))
    exp = sub.add_parser("export", help="write each variant's Markdown tree and a plain MkDocs configuration")
    exp.add_argument("dest", help="folder to write <variant>/{mkdocs.yml,docs,overrides,snippets} into")
    exp.add_argument("--content", default=str(ROOT / "content"))
    exp.add_argument("--site-url", default=None, help="the site's public address (citations carry absolute links)")
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            return _convert(args)
        if args.command == "new":
            return _new(args)
        if args.command == "proof":
            return _proof(args)
        if args.command == "suggest-concepts":
            return _suggest(args)
        if args.command == "export":
            from .export import export_site
            for path in export_site(ROOT, Path(args.content), Path(args.dest), args.site_url):
                print(f"wrote {path} (build: mkdocs build -f {path})")
            return 0
        if args.command == "lock":
            return _lock(args)
        return _check(args)
    except PaperError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _folder(paper: str, content: str) -> Path:
    path = Path(paper)
    if path.is_dir():
        return path
    candidate = Path(content) / "papers" / paper
    if candidate.is_dir():
        return candidate
    raise PaperError(paper, "no such paper folder (give a folder or a slug under content/papers)")


def _convert(args) -> int:
    paper = convert_paper(_folder(args.paper, args.content))
    if args.json:
        print(json.dumps(to_jsonable(paper.document), ensure_ascii=False, indent=1))
        return 0
    print(report(paper.document, paper.slug))
    a = paper.addresses
    print(f"\naddresses ({LOCK_NAME}): {a.state}" + (f", {len(a.moves)} change(s) not yet recorded" if a.moves else ""))
    for move in a.moves:
        print(f"  {move}")
    return 0


def _lock(args) -> int:
    content = Path(args.content)
    folders = [_folder(p, args.content) for p in args.papers] if args.papers else paper_folders(content)
    for folder in folders:
        paper = convert_paper(folder)
        a = paper.addresses
        live = sum(e.live for e in a.lock.entries)
        if a.state == "locked":
            print(f"{paper.slug}: {LOCK_NAME} is up to date ({live} live addresses, "
                  f"{len(a.lock.entries) - live} retired)")
            continue
        write_lock(a.lock, folder / LOCK_NAME)
        print(f"{paper.slug}: wrote {folder / LOCK_NAME} ({live} live addresses, {len(a.lock.entries) - live} retired"
              + (", first lock" if a.state == "unlocked" else "") + ")")
        for move in a.moves:
            print(f"  {move}")
    if not args.papers:
        redirects = []
        concept_corpus(content, load_site_config(content), convert_corpus(content), redirects)
        _print_redirects(redirects)
    return 0


def _print_redirects(redirects) -> None:
    print(f"curated references to retired addresses: {len(redirects)} (each resolves to its successor; "
          "update them to the new address at leisure)")
    for r in sorted(redirects, key=lambda r: (r.path, r.line)):
        print(f"  {r}")


def _proof(args) -> int:
    from .proof import proof_html, proof_text
    paper = convert_paper(_folder(args.paper, args.content), check_record=False)
    if args.html:
        Path(args.html).write_text(proof_html(paper), encoding="utf-8")
        print(f"wrote {args.html}")
        return 0
    print(proof_text(paper))
    return 0


def _check(args) -> int:
    papers = []
    for folder in paper_folders(Path(args.content)):
        paper = convert_paper(folder)
        papers.append(paper)
        problems = audit(paper.document, paper.source.lines)
        print(f"{paper.slug}: {len(paper.document.paragraphs())} paragraphs, {len(paper.document.notes)} notes, "
              f"{len(problems)} warning(s)")
        for w in problems:
            where = f"{folder / 'source.txt'}:{w.line}" if w.line else str(folder / 'source.txt')
            print(f"  {where}: [{w.kind}] {w.message}")
        a = paper.addresses
        if a.state == "unlocked":
            print(f"  {folder / LOCK_NAME}: missing: the ¶ addresses are not yet locked (they are positions "
                  f"p-1 … p-{len(paper.document.paragraphs())}); run `papersite lock {paper.slug}`")
        elif a.state == "out of date":
            print(f"  {folder / LOCK_NAME}: out of date ({len(a.moves)} change(s) not yet recorded); "
                  f"run `papersite lock {paper.slug}`")
            for move in a.moves:
                print(f"    {move}")
    redirects = []
    _, index = concept_corpus(Path(args.content), load_site_config(Path(args.content)), papers, redirects)
    _print_redirects(redirects)
    if index:
        unused = [c for c in index.concepts.values() if not index.count(c.slug)]
        print(f"concepts: {len(index.concepts)}, {sum(len(m) for m in index.mentions.values())} mentions; "
              f"{len(unused)} never mentioned in the papers' paragraphs")
        for c in unused:
            print(f"  {c.path}: {c.term} does not occur in any paragraph")
        untaught = [c for c in index.concepts.values() if c.teaching is None]
        print(f"teaching: {len(index.concepts) - len(untaught)} of {len(index.concepts)} concepts have teaching material")
        for c in untaught:
            print(f"  {c.path}: no 'teaching' block (the page shows material generated from its quotations)")
    for prose in sorted((Path(args.content) / "teaching").glob("*.md")):
        safe_markdown(read_text_file(prose), prose)   # refuses unsafe links and attribute lists
    # Everything the build checks, the build's own way: every variant's pages made in memory (the same
    # build_site the MkDocs hook calls), so check passes exactly what the build passes.
    from .site import VARIANTS, build_site
    for variant in VARIANTS:
        build_site(Path(args.content), variant)
    print(f"pages: every page of {', '.join(VARIANTS)} builds")
    unguided = [p for p in papers if p.guide is None]
    print(f"reading guides: {len(papers) - len(unguided)} of {len(papers)} papers have guide.yml")
    for p in unguided:
        print(f"  {Path(args.content) / 'papers' / p.slug / 'guide.yml'}: missing (the guide page shows the abstract)")
    return 0


def _suggest(args) -> int:
    content = Path(args.content)
    papers = convert_corpus(content)
    concepts = load_concepts(content, load_site_config(content).categories)
    known = {form for c in concepts for form in c.forms}
    found = suggest({p.slug: p.document for p in papers}, known, args.top, args.min_count, args.min_papers)
    if args.json:
        print(json.dumps([dataclasses.asdict(c) for c in found], ensure_ascii=False, indent=1))
        return 0
    print(f"{'rank':>4}  {'term':<20}{'count':>6}{'papers':>7}{'zipf':>6}  first seen")
    for i, c in enumerate(found, 1):
        pad = 20 - 2 * len(c.term)  # Chinese characters take two terminal columns
        print(f"{i:>4}  {c.term}{' ' * max(pad, 1)}{c.count:>6}{c.papers:>7}{c.zipf:>6.2f}  {c.example}")
    return 0


def to_jsonable(obj):
    """A JSON-ready view of a dataclass tree (node types named by ``type``)."""
    if dataclasses.is_dataclass(obj):
        out = {"type": type(obj).__name__}
        for f in dataclasses.fields(obj):
            out[f.name] = to_jsonable(getattr(obj, f.name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


def report(doc, name: str) -> str:
    """A human-readable conversion report."""
    out = [f"# {name}", ""]
    m = doc.meta
    out.append(f"title: {m.title or '(none in source)'}" + (f"  [marker {m.title_marker}]" if m.title_marker else ""))
    out.append(f"authors: {'、'.join(m.authors) or '(none in source)'}")
    out.append(f"abstract: {len(m.abstract or '')} characters; keywords: {'；'.join(m.keywords) or '(none)'}")
    for label, value in m.fields:
        out.append(f"{label}: {value[:60]}")
    e = m.english
    out.append(f"English title: {e.title or '(none in source)'}; authors: {e.authors or '(none)'}")
    out.append(f"English abstract: {len(e.abstract or '')} characters; key words: {'; '.join(e.keywords) or '(none)'}")
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    out += ["", f"paragraphs: {len(paragraphs)}  notes: {len(doc.notes)}  references: {len(doc.references)}  tables: {len(tables)}",
            "", "headings:"]
    for b in doc.blocks:
        if isinstance(b, Heading):
            out.append(f"{'  ' * (b.level - 1)}{b.number or ''}{b.text}  (h{b.level}, line {b.line})")
    numbered = [p.number for p in doc.pages if p.number is not None]
    out += ["", f"printed pages: {numbered[0]}-{numbered[-1]} ({len(numbered)} pages; a marker where each page with body text begins)"
            if numbered else "printed pages: not known (no marker, no page in the paragraph citations)"]
    groups = {}
    for entry in doc.log:
        groups.setdefault(entry.kind, []).append(entry)
    titles = {"furniture": "removed as page furniture", "foreign": "removed as other articles' text",
              "unpaired": "notes and markers that could not be paired", "normalised": "normalisations applied",
              "warning": "warnings", "table": "tables", "layout": "layout", "pages": "pagination"}
    for kind in ("furniture", "foreign", "unpaired", "normalised", "table", "layout", "pages", "warning"):
        entries = groups.get(kind, [])
        out += ["", f"{titles[kind]}: {len(entries)}"]
        out += [f"  line {x.line}: {x.message}" if x.line else f"  {x.message}" for x in entries]
    return "\n".join(out)


def _pinyin(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(name, style=Style.NORMAL)
    return syllables[0].capitalize() + " " + "".join(syllables[1:]).capitalize()


PROPOSALS_HEAD = "# Proposed declarations"


def proposed_declarations(warnings, source_lines, path) -> str:
    """The draft's commented-out ``conversion`` block: for each warning that one states truthfully, the
    declaration that would settle it, with its evidence. Each is checked as the build checks paper.yml (a
    proposal the build would refuse is left out), and no two claim the same line, so uncommenting any of
    them (or all) gives a paper.yml the build accepts."""
    from types import SimpleNamespace
    from .paperyml import _conversion, check_declarations
    chosen = {"lines": [], "table_columns": []}
    for w in warnings:
        prop = w.proposal
        if prop is None or any(prop.key == q.key for q, _ in chosen[prop.section]):
            continue
        if prop.section == "lines":
            if any(prop.first <= q.last and q.first <= prop.last for q, _ in chosen["lines"]):
                continue
            try:
                _, _, roles = _conversion({"lines": {prop.key: prop.value}}, path, {})
                check_declarations(SimpleNamespace(path=path, line_roles=roles), source_lines)
            except PaperError:
                continue
        chosen[prop.section].append((prop, w))
    if not any(chosen.values()):
        return ""
    out = ["", f"{PROPOSALS_HEAD}: each states a fact about source.txt, proposed from the evidence on the line above",
           "# it (see the open decisions, and `papersite proof <slug>`). Check each against the PDF; to adopt one, remove",
           "# the leading '# ' of its line, of its section's line and of `conversion:`. The build checks them.",
           "# conversion:"]
    for section in ("lines", "table_columns"):
        if chosen[section]:
            out.append(f"#   {section}:")
        for prop, w in sorted(chosen[section], key=lambda x: (x[0].first, x[0].key)):
            seen = " ".join(w.message.split())[:150]
            out.append(f"#     # source.txt:{w.line}: [{w.kind}] {seen}" if w.line else f"#     # [{w.kind}] {seen}")
            value = prop.value if section == "table_columns" else json.dumps(prop.value, ensure_ascii=False)
            out.append(f"#     {json.dumps(prop.key, ensure_ascii=False)}: {value}")
    return "\n".join(out) + "\n"


def _new(args) -> int:
    source_path = Path(args.source)
    source = read_source(source_path)
    decisions = []
    try:
        doc = apply_transforms(read_text(source.lines, source.path))
    except PaperError as exc:  # the draft is written all the same, with what stopped the converter
        from .model import Document, Meta
        doc = Document(Meta(), ())
        decisions.append(f"the converter stopped: {exc.message} (line {exc.line}); declare the fact in conversion")
    m, e = doc.meta, doc.meta.english
    surnames = [_pinyin(n).split()[0].lower() for n in m.authors] or \
        [a.split()[0].lower() for a in (e.authors or "").split(", ") if a]
    slug = args.slug or "-".join(surnames[:2] + ["paper"])
    if not args.slug:
        decisions.append(f"slug: suggested {slug!r}; choose author-year-topic and rename the folder")
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise PaperError(slug, "slug must be lowercase letters, digits and hyphens")
    target = Path(args.content) / "papers" / slug
    if target.exists():
        raise PaperError(target, "already exists; choose another --slug")
    for other in sorted((Path(args.content) / "papers").glob("*/paper.yml")):
        if source.sha256 in read_text_file(other):
            print(f"warning: {other.parent / 'source.txt'} is the same source (sha256 {source.sha256[:12]}…), "
                  f"already in the corpus as '{other.parent.name}'", file=sys.stderr)
    authors = [{"name": n, "pinyin": _pinyin(n)} for n in m.authors]
    if not authors and e.authors:
        authors = [{"name": None, "name_provenance": "editor", "pinyin": a} for a in e.authors.split(", ")]
        decisions.append("authors: the source gives pinyin only; add Chinese names if known (name_provenance: editor)")
    if not authors:
        decisions.append("authors: none found in the source; add them")
    data = {
        "source": {"original_name": source_path.name, "sha256": source.sha256},
        "title": {"zh": m.title or "TODO", "zh_provenance": "source" if m.title else "editor",
                  "en": e.title or "TODO", "en_provenance": "source" if e.title else "editor"},
        "authors": authors or [{"name": "TODO", "pinyin": "TODO"}],
        "source_fields": {k: v for k, v in m.fields},
        "keywords": {"zh": list(m.keywords), "en": list(e.keywords)},
    }
    if not m.title:
        decisions.append("title.zh: none in the source; write the editor's title")
    if not e.title:
        decisions.append("title.en: none in the source; write a careful English title (marked as the editor's)")
    warnings = audit(doc, source.lines)
    for w in warnings:
        decisions.append(f"source.txt:{w.line}: [{w.kind}] {w.message}" if w.line else f"[{w.kind}] {w.message}")
    text = "# Draft made by `papersite new`; keys are documented in content/papers/README.md\n"
    if decisions:
        text += "# Open decisions (settle each, then delete its line; `papersite proof <slug>` shows every line's role):\n"
        text += "".join(f"#  - {d}\n" for d in decisions)
    text += yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    text += proposed_declarations(warnings, source.lines, target / "paper.yml")
    tmp = Path(tempfile.mkdtemp(dir=target.parent if target.parent.exists() else None))
    try:
        shutil.copyfile(source_path, tmp / "source.txt")
        (tmp / "paper.yml").write_text(text, encoding="utf-8")
        write_lock(assign(doc, None, str(target / LOCK_NAME)).lock, tmp / LOCK_NAME)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"created {target}/ (source.txt, paper.yml, {LOCK_NAME})")
    print("needs a human decision:" if decisions else "nothing needs a decision")
    for d in decisions:
        print(f"  - {d}")
    return 0
