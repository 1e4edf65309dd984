"""The corpus records (papersite.records): computed once before the pages, the same for every variant's writers."""
import pytest

from conftest import CONTENT
from papersite.records import MIN_READING, corpus_records, paper_label
from papersite.site import concept_corpus
from papersite.siteconfig import load_site_config
from papersite.writers.context import PageContext
from papersite.writers.teaching_pages import Instruction, Teacher


@pytest.fixture(scope="module")
def linked(corpus):
    config = load_site_config(CONTENT)
    papers, index = concept_corpus(CONTENT, config, list(corpus.values()))
    return config, papers, index, corpus_records(index, papers)


def test_every_concept_has_material_and_a_reading_in_paper_order(linked):
    _, papers, index, records = linked
    assert set(records.material) == set(index.concepts)
    order = {slug: i for i, slug in enumerate(index.papers)}
    for slug, m in records.material.items():
        concept = index.concepts[slug]
        assert m.generated == (concept.teaching is None)
        if concept.teaching:
            assert m.teaching is concept.teaching                # the editors' block itself
        keys = [(r.paper, r.paragraph) for r in m.reading]
        assert len(set(keys)) == len(keys), slug                 # each paragraph once
        assert [order[p] for p, _ in keys] == sorted(order[p] for p, _ in keys), slug
        mentioned = {(x.paper, x.paragraph) for x in index.mentions[slug]}
        assert len(keys) >= min(MIN_READING, len(mentioned | set(keys))), slug
        assert m.chars == sum(len(index.texts[k]) for k in keys)
        for ref in m.teaching.cited():                           # what the material cites is read
            assert (ref.paper, ref.paragraph) in keys, slug


def test_generated_material_cites_only_the_concepts_quotations(linked):
    _, _, index, records = linked
    for slug, m in records.material.items():
        if not m.generated:
            continue
        quoted = {(q.paper, q.paragraph) for q in index.quotes[slug]}
        for ref in m.teaching.cited():
            assert (ref.paper, ref.paragraph) in quoted, slug


def test_short_names_are_the_authors_in_both_languages(linked):
    _, papers, _, records = linked
    for p in papers:
        name = records.names[p.slug]
        assert name.zh == paper_label(p.record, False) and name.en == paper_label(p.record, True)
        assert p.record.authors[0].display_zh in name.zh
        assert name.en.startswith(p.record.authors[0].pinyin.split()[0])


@pytest.mark.parametrize("variant", ["zh-Hans", "en"])
def test_concept_page_and_reading_pack_read_the_same_record(linked, variant):
    """A pack gives each concept the reading its concept page gives (one record, not two computations)."""
    config, papers, index, records = linked
    ctx = PageContext(variant, papers, records)
    teacher = Teacher(ctx, index, config.chars_per_minute)
    instruction = Instruction(teacher, config.sequences, CONTENT, None)
    for seq in config.sequences:
        reading, *_ = instruction.pack_reading(seq)
        for slug, refs in reading.items():
            assert refs == list(records.material[slug].reading)
