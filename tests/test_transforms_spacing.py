"""Letter-spacing of every width between Chinese characters is removed (headings and paragraphs)."""
import pytest

from papersite.transforms.normalise import cjk_spacing


@pytest.mark.parametrize("space", [" ", "\u3000", "\u00a0", "\u2009", "\u200a", "\u200b"])
def test_space_between_chinese_characters(space):
    assert cjk_spacing(f"技术革命性突{space}破")[0] == "技术革命性突破"


def test_space_beside_latin_stays():
    assert cjk_spacing("增长 30%以上，Azure 平台")[0] == "增长 30%以上，Azure 平台"
