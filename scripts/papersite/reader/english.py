"""English front or back matter: this article's title, authors, abstract and key words.

Extractions of journal pages often carry pieces of other articles' English abstracts (the end
of the previous article's, the start of the next one's). A candidate abstract belongs to this
article when it is complete: it opens with an ``Abstract`` label and ends with a full stop. A
run of English that opens mid-sentence, or an abstract cut off mid-sentence, is foreign text.
When more than one complete abstract is found, the choice is ambiguous: the tool says so and
paper.yml ``conversion.english_abstract`` (1-based) settles it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..errors import PaperError
from ..model import EnglishMeta, LogEntry
from ..textutil import cjk_ratio, join_lines, latin_ratio
from .lines import Line

_ABSTRACT = re.compile(r"^\**\s*Abstract\s*\**\s*[:：]\s*\**\s*", re.I)
_KEYWORDS = re.compile(r"^\**\s*Key\s*-?\s*words?\s*\**\s*[:：]\s*\**\s*", re.I)
# the key words label after the abstract's last sentence on the same line (one line per paragraph)
_KEYWORDS_AFTER = re.compile(r"(?<=[.!?])[\s*]*(?=Key\s*-?\s*words?\s*\**\s*[:：])", re.I)


def is_english(line: Line) -> bool:
    """A line of English text (not a Chinese line quoting a name)."""
    return cjk_ratio(line.text) < 0.05 and latin_ratio(line.text) > 0.5


def english_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """(start, end) index ranges of runs of English lines worth treating as English matter."""
    runs = []
    i = 0
    while i < len(lines):
        if not is_english(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and is_english(lines[j]):
            j += 1
        labelled = any(_ABSTRACT.match(l.text) or _KEYWORDS.match(l.text) for l in lines[i:j])
        if labelled or j - i >= 3:
            runs.append((i, j))
        i = j
    return runs


@dataclass
class _Candidate:
    title_lines: list[Line]
    abstract_lines: list[Line]
    keyword_lines: list[Line]
    complete: bool


def parse_english(lines: list[Line], choice: int | None, path: str,
                  zh_keywords: int = 0) -> tuple[EnglishMeta, list[LogEntry]]:
    """Parse the English lines of a paper (all runs, in order) into this article's EnglishMeta.

    ``zh_keywords`` is how many key words the Chinese front matter lists: the English key
    words run on over wrapped lines until there are as many (or a separator ends a line).
    """
    log: list[LogEntry] = []
    lines = [part for line in lines for part in _split_keywords(line)]
    candidates: list[_Candidate] = []
    loose: list[Line] = []  # lines before the first Abstract label: title/authors, or a foreign fragment
    current: _Candidate | None = None
    for n, line in enumerate(lines):
        if _ABSTRACT.match(line.text):
            ends = [k for k, l in enumerate(loose) if re.search(r"[.]\s*\**$", l.text.strip())
                    and not _AFFILIATION_EN.match(l.text.strip())]
            fragment, head = (loose[:ends[-1] + 1], loose[ends[-1] + 1:]) if ends else ([], loose)
            if not _looks_like_title_block(head):
                fragment, head = loose, []
            current = _Candidate(head, [line], [], False)
            if fragment:
                _log_foreign(log, fragment, "English text that opens mid-sentence (another article's abstract)")
            loose = []
            candidates.append(current)
        elif _KEYWORDS.match(line.text) and current is not None:
            current.keyword_lines.append(line)
        elif current is not None and current.keyword_lines and (
                not _looks_like_title_line(line) or _keywords_wanting(current.keyword_lines, zh_keywords)
                or _wrapped_tail(line, lines[n + 1] if n + 1 < len(lines) else None)):
            current.keyword_lines.append(line)
        elif current is not None and not current.keyword_lines:
            current.abstract_lines.append(line)
        else:
            loose.append(line)
            current = None if current is not None and current.keyword_lines else current
    if loose:
        _log_foreign(log, loose, "English text after this article's abstract that is not part of it")
    for cand in candidates:
        text = _join(cand.abstract_lines)
        cand.complete = bool(re.search(r"[.!?]['\"”’)]?\s*$", text))
    chosen = _choose(candidates, choice, path, log)
    if chosen is None:
        return EnglishMeta(), log
    title, authors = _title_and_authors(chosen.title_lines)
    abstract = _ABSTRACT.sub("", _join(chosen.abstract_lines)).strip()
    abstract = re.sub(r"^\**\s*", "", abstract)
    abstract = _rehyphenate(abstract, " ".join(l.text for l in lines), log, chosen.abstract_lines[0].no)
    keywords: tuple[str, ...] = ()
    if chosen.keyword_lines:
        kw = _KEYWORDS.sub("", _join(chosen.keyword_lines))
        # a justified line's stretched word spaces are layout: one space between a key word's words
        keywords = tuple(" ".join(k.strip(" *").split()) for k in re.split(r"\s*[;；]\s*", kw) if k.strip(" *"))
    return EnglishMeta(title=title, authors=authors, abstract=abstract or None, keywords=keywords), log


def _rehyphenate(text: str, evidence: str, log: list[LogEntry], line_no: int) -> str:
    """Compounds an extractor closed up when it joined lines (``high-`` + ``quality`` -> ``highquality``)
    given their hyphen back: a word no dictionary knows, made of a part the English block hyphenates
    elsewhere (``high-tech``) and a known word (``quality``)."""
    from ..textutil import word_frequency
    parts = {m.lower() for m in re.findall(r"\b([A-Za-z]{2,})-[A-Za-z]", evidence)}

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if not parts or word_frequency(word.lower()) >= 2.0:
            return word
        for part in sorted(parts, key=len, reverse=True):
            rest = word[len(part):]
            if word.lower().startswith(part) and len(rest) >= 3 and word_frequency(rest.lower()) >= 3.0:
                log.append(LogEntry("normalised", f"{word!r} read as {word[:len(part)] + '-' + rest!r} "
                                    f"(the English block hyphenates {part}- elsewhere)", line_no))
                return word[:len(part)] + "-" + rest
        return word
    return re.sub(r"\b[a-z]{6,}\b", fix, text)


def _split_keywords(line: Line) -> list[Line]:
    """A line of the abstract that runs on into the key words label, as two lines."""
    m = _KEYWORDS_AFTER.search(line.text)
    if not m:
        return [line]
    return [replace(line, text=line.text[:m.start()].rstrip()), replace(line, text=line.text[m.end():])]


def _wrapped_tail(line: Line, after: Line | None) -> bool:
    """A short last line of key words (``Intellectualization``) with no title block after it."""
    words = line.text.split()
    if len(words) > 4 or re.search(r"[.]\s*$", line.text):
        return False
    return after is None or not (_looks_like_title_line(after) or _ABSTRACT.match(after.text))


def _keywords_wanting(keyword_lines: list[Line], zh_keywords: int) -> bool:
    """Do the key words read so far stop short (a separator at the line end, or fewer than the Chinese)?"""
    text = _KEYWORDS.sub("", _join(keyword_lines)).rstrip(" *")
    if re.search(r"[;；,，]$", text):
        return True
    return bool(zh_keywords) and len([k for k in re.split(r"\s*[;；]\s*", text) if k.strip()]) < zh_keywords


def _choose(candidates, choice, path, log):
    if choice is not None:
        if not 1 <= choice <= len(candidates):
            raise PaperError(path, f"conversion.english_abstract is {choice}, but the source has {len(candidates)} English abstract(s)")
        chosen = candidates[choice - 1]
    else:
        complete = [c for c in candidates if c.complete]
        if len(complete) > 1:
            log.append(LogEntry("warning", f"{len(complete)} complete English abstracts found; using the first. "
                                "Set conversion.english_abstract in paper.yml to choose", complete[0].abstract_lines[0].no))
        chosen = complete[0] if complete else None
    for cand in candidates:
        if cand is not chosen:
            _log_foreign(log, cand.title_lines + cand.abstract_lines + cand.keyword_lines,
                         "another article's English abstract (incomplete or not chosen)")
    return chosen


def _log_foreign(log, lines, why):
    if lines:
        log.append(LogEntry("foreign", f"{why}: lines {lines[0].no}-{lines[-1].no}, "
                            f"{lines[0].text[:40]!r}…", lines[0].no))


def _join(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_lines(text, line.text)
    return text.strip()


def _looks_like_title_line(line: Line) -> bool:
    text = line.text
    return bool(line.md_level) or (len(text) < 120 and not re.search(r"[.]\s*$", text) and text[:1].isupper())


def _looks_like_title_block(lines: list[Line]) -> bool:
    """A title (over one or more lines), names and affiliations: it opens with a capital, no
    line ends a sentence, and it is short; text that opens mid-sentence is another article's."""
    if not lines or len(lines) > 7 or not (lines[0].md_level or lines[0].text.lstrip("*#( ")[:1].isupper()):
        return False
    if sum(len(l.text) for l in lines) > 600:
        return False
    return all(_AFFILIATION_EN.match(l.text.strip()) or not re.search(r"[.]\s*\**$", l.text.strip()) for l in lines)


_AFFILIATION_EN = re.compile(r"^\(.*\)$|^.*(?:University|Academy|Institute|School|College|Center|Centre).*\d{6}.*$")


_NAME = r"[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+)?(?: [A-Z][a-z]+)?"


def _title_and_authors(lines: list[Line]) -> tuple[str | None, str | None]:
    if not lines:
        return None, None
    authors = None
    # an affiliation is never part of the title: after the names, or (an extractor's reading order)
    # between the title and the names
    title_lines = lines[:1] + [l for l in lines[1:] if not _AFFILIATION_EN.match(l.text.strip())]
    last = title_lines[-1].text
    if len(title_lines) >= 2 and _is_name_line(last):
        authors = re.sub(r"[\s\u3000]{2,}", ", ", last.strip())
        title_lines = title_lines[:-1]
    return _join(title_lines) or None, authors


def _is_name_line(text: str) -> bool:
    parts = [p for p in re.split(r"[\s\u3000]{2,}|,\s*|，", text.strip()) if p]
    return 1 <= len(parts) <= 6 and all(re.fullmatch(r"[A-Z][A-Za-z]+(?: [A-Z][a-z]+)*", p) and len(p.split()) <= 3 for p in parts)
