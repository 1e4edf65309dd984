"""Transforms: pure Document -> Document stages, applied in the order of ``TRANSFORMS``.

Adding a stage is one module plus one entry here. Each records what it changed in the log.
"""
from __future__ import annotations

from .normalise import normalise_decimals, normalise_cjk_spacing, normalise_punctuation_width, normalise_english_punctuation

TRANSFORMS = [
    normalise_cjk_spacing,          # 全面深 化 改 革 -> 全面深化改革 (PDF letter-spacing)
    normalise_punctuation_width,    # half-width , ; : ( ) ? ! in Chinese text -> full-width (GB/T 15834)
    normalise_decimals,             # 19. 0% -> 19.0%
    normalise_english_punctuation,  # full-width ， ； in English abstracts -> , ;
]


def apply_transforms(document, transforms=None):
    """Run the transforms in order."""
    for transform in transforms or TRANSFORMS:
        document = transform(document)
    return document
