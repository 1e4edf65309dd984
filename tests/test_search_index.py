"""papersite.search on its own: corpus terms stay whole, sub-words and the other script are indexed."""
import pytest

from papersite.search import ZWSP, add_terms, reindex


def words(entry, field="text"):
    return [w for w in entry[field].split(ZWSP) if w]


def test_corpus_term_is_one_word(to_traditional):
    add_terms(["新质生产力"])
    [entry] = reindex([{"location": "a.html", "title": "", "text": "发展新质生产力"}], "zh-Hans", to_traditional)
    assert "新质生产力" in words(entry)


@pytest.mark.parametrize("variant, text, indexed", [
    ("zh-Hans", "促进共同富裕", {"富裕", "共同"}),           # sub-words of a long word
    ("zh-Hans", "高质量发展", {"發展", "高質量"}),          # the other script
    ("zh-Hant", "促進共同富裕", {"富裕", "促进"}),            # sub-words; the Simplified form
    ("zh-Hant", "高質量發展", {"发展", "高质量"}),
])
def test_alt_field_holds_sub_words_and_other_script(to_traditional, variant, text, indexed):
    [entry] = reindex([{"location": "a.html", "title": "", "text": text}], variant, to_traditional)
    assert indexed <= set(entry["alt"].split())
    assert "".join(words(entry)) == text  # the displayed text is unchanged apart from word marks


def test_zh_hant_is_cut_where_its_simplified_form_is_cut(to_traditional):
    hans = reindex([{"location": "a", "title": "", "text": "数据要素的市场化配置"}], "zh-Hans", to_traditional)[0]
    hant = reindex([{"location": "a", "title": "", "text": "數據要素的市場化配置"}], "zh-Hant", to_traditional)[0]
    assert [len(w) for w in words(hans)] == [len(w) for w in words(hant)]


def test_english_entries_are_left_alone(to_traditional):
    entry = {"location": "a", "title": "T", "text": "new quality productive forces"}
    assert reindex([entry], "en", to_traditional) == [entry]
