"""content/site.yml: site-wide settings (keys documented in content/README.md), validated on load."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError
from . import variants
from .concepts import Category
from .prose import link_scheme_ok
from .yamlfile import load_mapping

SCHEMA = {"site": {"title": {"zh": str, "en": str}, "intro": {"zh": str, "en": str},
                   "search_example": {"part": str, "word": str}},
          "traditional": {"opencc": str, "exceptions": str}, "errata": {"zh": str, "en": str, "url": str},
          "rights": {"zh": str, "en": str},
          "concepts": {"categories": list}, "teaching": {"chars_per_minute": int, "sequences": list}}
CHARS_PER_MINUTE = 250
# OpenCC's configurations from Simplified to Traditional: the about page says what each does
# (catalogue entries about.opencc.<config>).
OPENCC_CONFIGS = ("s2t", "s2tw", "s2twp", "s2hk", "s2hkp")
# Without site.title / site.intro in content/site.yml: a corpus of any subject.
TITLE = {"zh": "中文论文选读", "en": "Chinese Papers: A Reader"}
INTRO = {"zh": "本站收录{papers}篇中文期刊论文。", "en": "This site publishes {papers} Chinese journal articles."}


@dataclass(frozen=True)
class Sequence:
    """A suggested path through the concepts (content/site.yml ``teaching.sequences``); ``terms`` in order."""
    id: str
    zh: str
    en: str
    about_zh: str
    about_en: str
    terms: tuple[str, ...]
    line: int = 0
    term_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class SiteConfig:
    """Validated site settings."""
    path: str
    opencc: str = "s2tw"
    exceptions: Path | None = None
    errata_zh: str = ""
    errata_en: str = ""
    categories: tuple[Category, ...] = ()
    chars_per_minute: int = CHARS_PER_MINUTE
    sequences: tuple[Sequence, ...] = ()
    errata_url: str = ""
    rights_zh: str = ""
    rights_en: str = ""
    title_zh: str = TITLE["zh"]
    title_en: str = TITLE["en"]
    intro_zh: str = INTRO["zh"]  # the home page's first sentence; {papers} is the number of papers
    intro_en: str = INTRO["en"]
    # the Chinese home page's example of finding a word by a part of it (site.search_example); none when empty
    search_part: str = ""
    search_word: str = ""

    def title(self, variant) -> str:
        """The site's title in the variant's language (zh-Hant pages convert the zh one)."""
        return self.title_en if variants.get(variant).english else self.title_zh

    def intro(self, variant, papers: int) -> str:
        return (self.intro_en if variants.get(variant).english else self.intro_zh).replace("{papers}", str(papers))


def load_site_config(content: Path) -> SiteConfig:
    """Read content/site.yml (every key optional); errors name the file and line."""
    path = Path(content) / "site.yml"
    if not path.is_file():
        return SiteConfig(str(path))
    data, lines = load_mapping(path, SCHEMA, "content/README.md")
    trad, errata = data.get("traditional") or {}, data.get("errata") or {}
    exceptions = None
    if trad.get("exceptions"):
        exceptions = Path(content) / trad["exceptions"]
        if not exceptions.is_file():
            raise PaperError(path, f"traditional.exceptions: {exceptions} does not exist", lines.get("traditional.exceptions"))
    teaching = data.get("teaching") or {}
    rate = teaching.get("chars_per_minute") or CHARS_PER_MINUTE
    if rate <= 0:
        raise PaperError(path, "teaching.chars_per_minute must be a positive number", lines.get("teaching.chars_per_minute"))
    opencc = trad.get("opencc") or "s2tw"
    if opencc not in OPENCC_CONFIGS:
        raise PaperError(path, f"traditional.opencc: {opencc!r} is not an OpenCC configuration from Simplified to "
                         f"Traditional; one of {', '.join(OPENCC_CONFIGS)}", lines.get("traditional.opencc"))
    url = (errata.get("url") or "").strip()
    if url and (not link_scheme_ok(url) or not re.match(r"(?i)(https?:|mailto:)", url)):
        raise PaperError(path, f"errata.url must be an http:, https: or mailto: address, not {url[:40]!r}",
                         lines.get("errata.url"))
    rights = data.get("rights") or {}
    title, intro = (_bilingual(data, key, lines, path) for key in ("title", "intro"))
    return SiteConfig(str(path), opencc, exceptions,
                      errata.get("zh") or "", errata.get("en") or "", _categories(data, lines, path),
                      rate, _sequences(teaching, lines, path), url, rights.get("zh") or "", rights.get("en") or "",
                      title.get("zh", TITLE["zh"]), title.get("en", TITLE["en"]),
                      intro.get("zh", INTRO["zh"]), intro.get("en", INTRO["en"]),
                      *_search_example(data, lines, path))


def _search_example(data: dict, lines: dict, path: Path) -> tuple[str, str]:
    """site.search_example: a word of the corpus (``word``) and a part of it (``part``) that finds it."""
    example = (data.get("site") or {}).get("search_example")
    if example is None:
        return "", ""
    where = lines.get("site.search_example")
    if set(example) != {"part", "word"} or not all((example[k] or "").strip() for k in ("part", "word")):
        raise PaperError(path, "site.search_example must give both 'part' and 'word' (see content/README.md)", where)
    part, word = example["part"].strip(), example["word"].strip()
    if part == word or part not in word:
        raise PaperError(path, f"site.search_example.part {part!r} must be a part of the word {word!r}, shorter than it",
                         lines.get("site.search_example.part", where))
    return part, word


def _bilingual(data: dict, key: str, lines: dict, path: Path) -> dict:
    """site.title / site.intro: zh and en texts (the schema checked their keys and types), each one plain line."""
    out = {}
    for lang, text in ((data.get("site") or {}).get(key) or {}).items():
        if text is not None and not text.strip():
            raise PaperError(path, f"site.{key}.{lang} must not be empty", lines.get(f"site.{key}.{lang}"))
        if text is not None:
            out[lang] = " ".join(text.split())
    return out


def _categories(data: dict, lines: dict, path: Path) -> tuple[Category, ...]:
    """concepts.categories: the concept index's groups, in order, each with id, zh and en names."""
    out = []
    for i, item in enumerate((data.get("concepts") or {}).get("categories") or []):
        key = f"concepts.categories[{i}]"
        if not isinstance(item, dict) or set(item) != {"id", "zh", "en"} or not all(isinstance(v, str) for v in item.values()):
            raise PaperError(path, f"{key} must have exactly 'id', 'zh' and 'en' (see content/README.md)", lines.get(key))
        if any(c.id == item["id"] for c in out):
            raise PaperError(path, f"{key}: duplicate category id {item['id']!r}", lines.get(key))
        out.append(Category(item["id"], item["zh"], item["en"]))
    return tuple(out)


SEQUENCE_KEYS = {"id", "zh", "en", "about", "concepts"}


def _sequences(teaching: dict, lines: dict, path: Path) -> tuple[Sequence, ...]:
    """teaching.sequences: ordered paths through the concepts, each with id, names, a description and terms."""
    out = []
    for i, item in enumerate(teaching.get("sequences") or []):
        key = f"teaching.sequences[{i}]"
        about = item.get("about") if isinstance(item, dict) else None
        terms = item.get("concepts") if isinstance(item, dict) else None
        if not isinstance(item, dict) or set(item) != SEQUENCE_KEYS or not isinstance(about, dict) \
                or set(about) != {"zh", "en"} or not isinstance(terms, list) or not terms \
                or not all(isinstance(item[k], str) for k in ("id", "zh", "en")) \
                or not all(isinstance(t, str) for t in [*about.values(), *terms]):
            raise PaperError(path, f"{key} must have 'id', 'zh', 'en', 'about' (zh, en) and a list of 'concepts' "
                             "(see content/README.md)", lines.get(key))
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", item["id"]) or any(s.id == item["id"] for s in out):
            raise PaperError(path, f"{key}.id must be a unique lower-case slug (it is the reading pack's address)",
                             lines.get(f"{key}.id"))
        out.append(Sequence(item["id"], item["zh"].strip(), item["en"].strip(), " ".join(about["zh"].split()),
                            " ".join(about["en"].split()), tuple(t.strip() for t in terms), lines.get(key) or 0,
                            tuple(lines.get(f"{key}.concepts[{j}]") or 0 for j in range(len(terms)))))
    return tuple(out)
