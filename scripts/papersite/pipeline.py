"""Per-paper conversion (source.txt + paper.yml -> Document) and the whole-corpus pass."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .addresses import LOCK_NAME, Assignment, assign, read_lock
from .corpuscache import cached, is_cached
from .errors import PaperError
from .model import Document, LogEntry
from .paperyml import PaperRecord, check_declarations, load_record
from .reader import ReaderOptions, read_text
from .source import SourceText, read_source
from .teaching import Guide, load_guide
from .transforms import apply_transforms


@dataclass(frozen=True)
class Paper:
    """One converted paper: its record (paper.yml), decoded source and document."""
    record: PaperRecord
    source: SourceText
    document: Document
    guide: Guide | None = None
    addresses: Assignment | None = None

    @property
    def slug(self) -> str:
        """The paper's URL slug (its folder name)."""
        return self.record.slug


def convert_paper(folder: Path, check_record: bool = True) -> Paper:
    """Convert the paper in ``folder`` (source.txt + paper.yml); raises PaperError on bad input.

    ``check_record=False`` skips comparing paper.yml's source values with the source (the proof
    view shows a paper whose record does not match yet).
    """
    folder = Path(folder)
    record = load_record(folder / "paper.yml")
    source = read_source(folder / "source.txt")
    if source.sha256 != record.sha256:
        raise PaperError(folder / "source.txt", "does not match the sha256 recorded in paper.yml "
                         "(sources are never edited; record a new source's checksum)")
    check_declarations(record, source.lines)
    options = reader_options(record)
    document = apply_transforms(read_text(source.lines, source.path, options))
    if check_record:
        check_record_against_source(record, document)
        document = with_declared_spacing(record, document)
    # The reader's ids are positions; the published addresses come from the paper's lock (in memory only).
    addresses = assign(document, read_lock(folder / LOCK_NAME), str(folder / LOCK_NAME))
    return Paper(record, source, addresses.document, load_guide(folder), addresses)


def reader_options(record: PaperRecord) -> ReaderOptions:
    """The reader's options from paper.yml's ``conversion`` block."""
    return ReaderOptions(record.furniture, record.english_abstract, record.table_columns, record.numbering,
                         record.line_roles, record.first_page)


def _squash(s: str | None) -> str:
    return re.sub(r"[\s\u3000*]+", "", s or "")


def check_record_against_source(record: PaperRecord, doc: Document) -> None:
    """Values paper.yml says come from the source must be what the converter found there."""
    path = record.path
    if record.title_zh_provenance == "source" and _squash(record.title_zh) != _squash(doc.meta.title):
        raise PaperError(path, f"title.zh is marked as from the source, but the source's title reads "
                         f"{doc.meta.title!r}", record.line_of("title.zh"))
    if record.title_en_provenance == "source" and _squash(record.title_en).lower() != _squash(doc.meta.english.title).lower():
        raise PaperError(path, f"title.en is marked as from the source, but the source's English title reads "
                         f"{doc.meta.english.title!r}", record.line_of("title.en"))
    for i, author in enumerate(record.authors):
        if author.name and author.name_provenance == "source" and author.name not in doc.meta.authors:
            raise PaperError(path, f"author {author.name!r} is marked as from the source, but the source names "
                             f"{'、'.join(doc.meta.authors) or 'no authors'}", record.line_of(f"authors[{i}]"))
    if record.first_page is not None and (not doc.pages or doc.pages[0].number != record.first_page):
        why = next((e.message for e in doc.log if e.kind == "pages" and "numbered" in e.message), None)
        raise PaperError(path, f"conversion.first_page is {record.first_page}, but the source's pages do not bear it out"
                         f" ({why or 'no page is numbered'})", record.line_of("conversion.first_page"))
    for label, value in record.source_fields:
        found = doc.meta.field(label)
        if _squash(found) != _squash(value):
            raise PaperError(path, f"source_fields.{label} reads {value!r}, but the source gives {found!r}",
                             record.line_of(f"source_fields.{label}"))
    if record.keywords_zh and [_squash(k) for k in record.keywords_zh] != [_squash(k) for k in doc.meta.keywords]:
        raise PaperError(path, f"keywords.zh differ from the source's 关键词 {list(doc.meta.keywords)}",
                         record.line_of("keywords.zh"))
    # (word spaces as for title.en: extractors drop them, or put them inside words, in Latin text)
    if record.keywords_en and [_squash(k).lower() for k in record.keywords_en] != \
            [_squash(k).lower() for k in doc.meta.english.keywords]:
        raise PaperError(path, f"keywords.en differ from the source's key words {list(doc.meta.english.keywords)}",
                         record.line_of("keywords.en"))


def with_declared_spacing(record: PaperRecord, doc: Document) -> Document:
    """The English key words with the word spaces paper.yml gives them, where the source's are the same letters in
    the same case and only the spaces differ (an extraction that lost them: ``NewQualityProductivity``). A
    declared normalisation: it is logged, and the letters are the source's."""
    found, declared = doc.meta.english.keywords, tuple(record.keywords_en)
    def spaceless(words):   # only spaces may differ, no other mark
        return [re.sub(r"\s+", "", k) for k in words]
    if not declared or declared == found or spaceless(declared) != spaceless(found):
        return doc
    english = replace(doc.meta.english, keywords=declared)
    return replace(doc, meta=replace(doc.meta, english=english)).with_log(LogEntry(
        "normalised", f"English key words: word spaces as paper.yml gives them (keywords.en, line "
        f"{record.line_of('keywords.en')}); the source reads {'; '.join(found)}"))


def paper_folders(content: Path) -> list[Path]:
    """The paper folders under content/papers, in slug order."""
    root = Path(content) / "papers"
    if not root.is_dir():
        raise PaperError(root, "no papers folder")
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


# Papers to convert (not cached) from which other processes help convert them: each starts in about the
# time one paper takes to convert.
HELP_FROM = 4


def convert_corpus(content: Path) -> list[Paper]:
    """Convert every paper; the first bad input stops the build with its error."""
    # Each paper depends on its own folder only: an edit elsewhere leaves its conversion cached.
    folders = paper_folders(content)
    helpers = _start_helpers(content, [f for f in folders if not is_cached(content, f, _entry(f))])
    try:
        papers = [cached(content, lambda f=folder: convert_paper(f), part=folder, name=_entry(folder))
                  for folder in folders]
    except BaseException:
        for helper in helpers:
            helper.kill()
        raise
    finally:
        for helper in helpers:
            helper.wait()
    return papers


def _entry(folder: Path) -> str:
    return f"paper.{folder.name}"


def _start_helpers(content: Path, todo: list[Path]) -> list:
    """With many papers to convert, one process per other CPU converting them into the cache
    (papersite.corpuscache) while this one does too: each starts at its own place in the list and goes on
    with the papers nobody has converted yet (a paper another process is converting waits for it, through
    the cache's lock). A paper a helper cannot convert is left to this process, which reports its error."""
    import os
    import subprocess
    import sys
    count = min((os.cpu_count() or 1) - 1, len(todo) // 2)
    if len(todo) < HELP_FROM or count < 1 or os.environ.get("PAPERSITE_NO_CACHE"):
        return []
    scripts = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (scripts, os.environ.get("PYTHONPATH")))))
    helpers = []
    for i in range(1, count + 1):
        start = i * len(todo) // (count + 1)
        order = todo[start:] + todo[:start]
        helpers.append(subprocess.Popen(
            [sys.executable, "-c", "import sys; from papersite.pipeline import convert_into_cache; "
             "convert_into_cache(sys.argv[1], sys.argv[2:])", str(content), *map(str, order)],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return helpers


def convert_into_cache(content, folders) -> None:
    """A helper of :func:`convert_corpus`: convert the papers of ``folders`` that are not cached yet."""
    for folder in map(Path, folders):
        if is_cached(content, folder, _entry(folder)):
            continue
        try:
            cached(Path(content), lambda f=folder: convert_paper(f), part=folder, name=_entry(folder))
        except PaperError:
            pass
