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
    lines = _unscatter([part for line in lines for part in _split_keywords(line)], log)
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
    run_together = re.findall(r"[A-Za-z]{25,}", abstract)
    if len(run_together) >= 3:   # English words average five letters: 25 in a row is words without spaces
        log.append(LogEntry("warning", f"the English abstract has {len(run_together)} runs of 25 or more letters without a "
                            f"space ({run_together[0][:30]}…): the extraction lost its word spaces, and it is published "
                            "as extracted; another extractor may keep them", chosen.abstract_lines[0].no))
    keywords: tuple[str, ...] = ()
    if chosen.keyword_lines:
        kw = _KEYWORDS.sub("", _join(chosen.keyword_lines))
        # a justified line's stretched word spaces are layout: one space between a key word's words
        keywords = tuple(" ".join(k.strip(" *").split()) for k in re.split(r"\s*[;；]\s*", kw) if k.strip(" *"))
    return EnglishMeta(title=title, authors=authors, abstract=abstract or None, keywords=keywords), log


def _latin_width(text: str) -> float:
    """A line's printed width in em, estimated for a proportional Latin face."""
    return sum(0.25 if ch == " " else 0.28 if ch in "ijlt.,;:'!()-If" else 0.33 if ch == "r" else
               0.75 if ch in "mwMW" else 0.67 if ch.isupper() else 0.5 for ch in text)


def _unscatter(lines: list[Line], log: list[LogEntry]) -> list[Line]:
    """Two justified lines pdftotext wrote one word a line, the words of both merged in x order.

    A justified line's stretched spaces can look to pdftotext like column gaps: each word becomes a
    block, and when two such lines stand one above the other their words come out in the order of
    their x positions, the upper line's word first where they overlap (``productive`` / ``forces.`` /
    ``implementing`` / ``Developing`` …). A run of one-word lines too wide for one line of the block's
    measure and narrow enough for two is read as two lines: of the divisions of the run into two
    word sequences in that order, the one that repeats most of the block's own word pairs (an
    abstract repeats its terms), then whose two lines are spaced most alike (one measure, both
    justified), then whose words' estimated x positions best give the order seen."""
    full = sorted(_latin_width(l.text) for l in lines if len(l.text.split()) >= 6)
    if len(full) < 3:
        return lines
    measure = full[len(full) // 2]
    words = [_pair_word(w) for l in lines if len(l.text.split()) > 1 for w in l.text.split()]
    pairs = set(zip(words, words[1:]))
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j].text.split()) == 1:
            j += 1
        run = [l.text.strip() for l in lines[i:j]]
        division = None
        if 4 <= len(run) <= 16 and 1.4 * measure < _latin_width(" ".join(run)) < 2.1 * measure:
            before = out[-1].text.split()[-1] if out else ""
            after = lines[j].text.split()[0] if j < len(lines) else ""
            division = _two_lines(run, measure, pairs, before, after)
        if division:
            log.append(LogEntry("normalised", f"{len(run)} words written one a line read as two justified lines",
                                lines[i].no))
            out += [replace(lines[i], text=" ".join(division[0])),
                    replace(lines[i + 1], text=" ".join(division[1]), gap=False)]
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _pair_word(word: str) -> str:
    return re.sub(r"[^a-z-]", "", word.lower())


def _two_lines(run, measure, pairs, before, after):
    """The run's best division into an upper and a lower line (see ``_unscatter``)."""
    def placed(words):
        widths = [_latin_width(w) for w in words]
        space = (measure - sum(widths)) / max(1, len(words) - 1)
        x, spans = 0.0, []
        for width in widths:
            spans.append((x, x + width))
            x += width + space
        return spans, space

    best = None
    for mask in range(1 << (len(run) - 1)):
        upper = [0] + [k for k in range(1, len(run)) if mask >> (k - 1) & 1]
        lower = [k for k in range(1, len(run)) if not mask >> (k - 1) & 1]
        if not lower:
            continue
        (top, s1), (bottom, s2) = placed([run[k] for k in upper]), placed([run[k] for k in lower])
        if min(s1, s2) < 0.25:  # narrower than a word space: the words do not fit the measure
            continue
        # a lower word comes first where it ends left of the upper word's start
        misfit = sum(max(0.0, b[1] - a[0]) if kb < ka else max(0.0, a[0] - b[1])
                     for ka, a in zip(upper, top) for kb, b in zip(lower, bottom))
        seq = [_pair_word(w) for w in [before] + [run[k] for k in upper] + [run[k] for k in lower] + [after]]
        key = (-sum(1 for p in zip(seq, seq[1:]) if p in pairs), abs(s1 - s2), misfit)
        if best is None or key < best[0]:
            best = (key, [run[k] for k in upper], [run[k] for k in lower])
    return best[1:] if best else None


def _rehyphenate(text: str, evidence: str, log: list[LogEntry], line_no: int) -> str:
    """Compounds an extractor closed up when it joined lines (``high-`` + ``quality`` -> ``highquality``;
    pdftotext and PyMuPDF's dehyphenation drop a compound's hyphen with a broken word's) given their
    hyphen back: a word no dictionary knows, made of a part the English block hyphenates elsewhere
    (``high-tech``) and a known word (``quality``), or of two common words (``high`` + ``quality``).
    Text without word spaces is left alone: there every run of words looks like such a compound; so is a
    token that is not a word of running prose (``</textarea>``: a tag the abstract prints, not a compound)."""
    from ..textutil import word_frequency
    words = text.split()
    if not words or sum(len(w) for w in words) / len(words) > 12:
        return text
    parts = {m.lower() for m in re.findall(r"\b([A-Za-z]{2,})-[A-Za-z]", evidence)}

    def split(word: str) -> int:
        for part in sorted(parts, key=len, reverse=True):
            rest = word[len(part):]
            if word.lower().startswith(part) and len(rest) >= 3 and word_frequency(rest.lower()) >= 3.0:
                return len(part)
        for cut in range(3, len(word) - 2):
            if word_frequency(word[:cut]) >= 4.0 and word_frequency(word[cut:]) >= 4.0:
                return cut
        return 0

    def fix(m: re.Match) -> str:
        word = m.group(0)
        cut = 0 if word_frequency(word.lower()) >= 2.0 or _inflected(word) else split(word)
        if not cut:
            return word
        log.append(LogEntry("normalised", f"{word!r} read as {word[:cut] + '-' + word[cut:]!r} (a compound "
                            "closed up at a line break)", line_no))
        return word[:cut] + "-" + word[cut:]
    # only a word of running prose (space or an opening mark before it, space or punctuation after it): a
    # token inside code or markup the abstract prints (``</textarea>``) is not a closed-up compound
    return re.sub(r"(?:(?<=^)|(?<=[\s(“\"‘']))[a-z]{6,}(?=$|[\s,.;:)!?”\"’'])", fix, text)


def _inflected(word: str) -> bool:
    """A known word with an ending the dictionary does not list (``ownerships``), not a compound."""
    from ..textutil import word_frequency
    return any(word.endswith(end) and word_frequency(word[:-len(end)]) >= 3.0 for end in ("s", "es", "ed", "ing", "ly"))


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
