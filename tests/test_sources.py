"""Sources are byte-identical to the seeds and never hand-edited."""
import hashlib

import pytest

from conftest import CONTENT, SEEDS, all_slugs
from papersite.paperyml import load_record


@pytest.mark.parametrize("slug", all_slugs())
def test_source_matches_recorded_checksum(slug):
    folder = CONTENT / "papers" / slug
    record = load_record(folder / "paper.yml")
    assert hashlib.sha256((folder / "source.txt").read_bytes()).hexdigest() == record.sha256


@pytest.mark.parametrize("slug", all_slugs())
def test_source_is_the_seed_it_names(slug):
    sums = SEEDS / "SHA256SUMS"
    if not sums.exists():
        pytest.skip("shared/seeds not beside this checkout")
    recorded = dict(reversed(line.split()) for line in sums.read_text().splitlines() if line.strip())
    record = load_record(CONTENT / "papers" / slug / "paper.yml")
    assert recorded[record.original_name] == record.sha256
