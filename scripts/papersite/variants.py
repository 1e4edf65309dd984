"""The site's variants as data: one record per variant, one registry listing them.

A variant is a language and script the whole site is built in: its code (mkdocs.yml ``extra.variant``, the
name of its label catalogue papersite/labels/<code>.yml), its pages' ``lang``, its folder under the site root,
its name in its own language (the language links), how its text is had from the article as printed, and its
MkDocs project. A new variant is one entry here, one catalogue and one MkDocs project (variants/<code>/).

Writers read the record (``variant.english``, ``variant.root``, ``variant.converter(...)``) instead of comparing
variant names.
"""
from __future__ import annotations

from dataclasses import dataclass

# How a variant's text is had: the article's text as printed (Simplified), the same converted by OpenCC
# (papersite.script), or the English fields (titles, abstracts, glosses in English) instead of the Chinese.
AS_PRINTED, TRADITIONAL, ENGLISH = "as-printed", "traditional", "english"


def _identity(s: str) -> str:
    return s


@dataclass(frozen=True)
class Variant:
    code: str       # extra.variant in its mkdocs.yml; its label catalogue is labels/<code>.yml
    lang: str       # BCP 47 tag of its pages (<html lang>, hreflang)
    root: str       # its folder under the site root: "" or "name/"
    name: str       # its name in its own language and script (the language links)
    text: str       # AS_PRINTED, TRADITIONAL or ENGLISH
    mkdocs: str     # its MkDocs project's configuration, relative to the project root

    @property
    def english(self) -> bool:
        """Its pages are written from the English fields (the papers' Chinese text is linked, not shown)."""
        return self.text == ENGLISH

    def converter(self, to_traditional):
        """The function its Chinese text goes through: ``to_traditional`` (OpenCC) for a Traditional variant,
        the identity otherwise (the Simplified text as printed; an English variant writes English fields)."""
        return to_traditional if self.text == TRADITIONAL else _identity

    def depth(self) -> int:
        """How many folders its root is below the site root."""
        return self.root.count("/")


VARIANTS: tuple[Variant, ...] = (
    Variant("zh-Hans", "zh-Hans", "", "简体中文", AS_PRINTED, "mkdocs.yml"),
    Variant("zh-Hant", "zh-Hant", "zh-Hant/", "繁體中文", TRADITIONAL, "variants/zh-Hant/mkdocs.yml"),
    Variant("en", "en", "en/", "English", ENGLISH, "variants/en/mkdocs.yml"),
)
CODES: tuple[str, ...] = tuple(v.code for v in VARIANTS)
_BY_CODE = {v.code: v for v in VARIANTS}


def get(variant: str | Variant) -> Variant:
    """The variant of that code (a Variant is returned as it is); an unknown code is a ValueError."""
    if isinstance(variant, Variant):
        return variant
    try:
        return _BY_CODE[variant]
    except (KeyError, TypeError):
        raise ValueError(f"unknown variant {variant!r}; expected one of {', '.join(CODES)}") from None


def as_printed() -> Variant:
    """The variant that shows the articles' text as printed (English pages link to it for the full text)."""
    return next(v for v in VARIANTS if v.text == AS_PRINTED)


def traditional() -> Variant:
    """The variant in Traditional characters (converted from the text as printed)."""
    return next(v for v in VARIANTS if v.text == TRADITIONAL)


def english_variant() -> Variant:
    """The English variant (a Chinese paper page links to its English page there)."""
    return next(v for v in VARIANTS if v.english)


def chinese() -> tuple[Variant, ...]:
    """The variants that show the articles' Chinese text (as printed or converted)."""
    return tuple(v for v in VARIANTS if not v.english)
