"""¶ addresses that survive reader changes (scripts/papersite/addresses.py, references.py): the committed
locks are today's conversion; unchanged paragraphs keep their address whatever happens around them; no
address is ever reused; retired addresses lead to their successors, on the page and in curated references."""
from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, all_slugs
from papersite.addresses import (LOCK_NAME, Lock, assign, display_number, fingerprint, format_lock, id_key,
                                 read_lock, squash)
from papersite.cli import main
from papersite.concepts import load_concepts
from papersite.errors import PaperError
from papersite.model import Document, Heading, Meta, Paragraph, Text, plain_text
from papersite.references import Readdresser
from papersite.siteconfig import load_site_config
from papersite.site import build_site
from papersite.teaching import ParaRef


# ---- (1) the committed locks are today's conversion ---------------------------------------------------

@pytest.mark.parametrize("slug", all_slugs())
def test_committed_lock_matches_todays_conversion(corpus, slug):
    """Every paragraph has a live address in the lock whose fingerprint is its text's, and the lock holds
    nothing the conversion would change (`papersite lock` would not rewrite it)."""
    paper = corpus[slug]
    lock = read_lock(CONTENT / "papers" / slug / LOCK_NAME)
    assert lock is not None, f"{slug} has no {LOCK_NAME}; run `papersite lock {slug}`"
    live = {e.id: e for e in lock.entries if e.live}
    paras = paper.document.paragraphs()
    assert sorted(p.id for p in paras) == sorted(live), f"{slug}: paragraphs without a live address, or the reverse"
    for p in paras:
        text = plain_text(p.inlines)
        assert live[p.id].fingerprint == fingerprint(text), (slug, p.id)
        assert live[p.id].chars == len(re.sub(r"\s+", "", text)), (slug, p.id)
        assert (live[p.id].first_line, live[p.id].last_line) == (p.first_line, p.last_line), (slug, p.id)
    assert paper.addresses.state == "locked" and not paper.addresses.moves
    assert (CONTENT / "papers" / slug / LOCK_NAME).read_text(encoding="utf-8") == format_lock(paper.addresses.lock)


# ---- (2) the assignment, case by case ---------------------------------------------------------------------

A, B, C, D = ("甲段的文字，讲第一件事。", "乙段的文字。乙段的第二句。", "丙段的文字，讲第三件事。", "丁段的文字，讲第四件事。")


def doc(*paras) -> Document:
    """A document of paragraphs given as (text, first_line, last_line), with the reader's provisional ids."""
    blocks = [Heading("s1", 2, "一、", "标题", 1)]
    blocks += [Paragraph(f"p-{i}", (Text(t),), a, b) for i, (t, a, b) in enumerate(paras, 1)]
    return Document(Meta(), tuple(blocks))


BASE = doc((A, 10, 12), (B, 20, 25), (C, 30, 32), (D, 40, 42))
LOCK = assign(BASE, None, "x/addresses.lock").lock


def ids(assignment) -> list[str]:
    return [p.id for p in assignment.document.paragraphs()]


def entry(assignment, pid):
    return assignment.lock.get(pid)


B1, B2 = "乙段的文字。", "乙段的第二句。"
CASES = {
    # name: (new paragraphs, expected ids, {retired id: (status, successors)})
    "unchanged": (doc((A, 10, 12), (B, 20, 25), (C, 30, 32), (D, 40, 42)), ["p-1", "p-2", "p-3", "p-4"], {}),
    "split in two": (doc((A, 10, 12), (B1, 20, 22), (B2, 23, 25), (C, 30, 32), (D, 40, 42)),
                     ["p-1", "p-2-1", "p-2-2", "p-3", "p-4"], {"p-2": ("split", ("p-2-1", "p-2-2"))}),
    "two merged": (doc((A, 10, 12), (B + C, 20, 32), (D, 40, 42)),
                   ["p-1", "p-2-1", "p-4"], {"p-2": ("merged", ("p-2-1",)), "p-3": ("merged", ("p-2-1",))}),
    "one edited": (doc((A, 10, 12), (B.replace("第二句", "第二個句子"), 20, 25), (C, 30, 32), (D, 40, 42)),
                   ["p-1", "p-2-1", "p-3", "p-4"], {"p-2": ("changed", ("p-2-1",))}),
    "one inserted": (doc((A, 10, 12), ("新读出的一段。", 15, 16), (B, 20, 25), (C, 30, 32), (D, 40, 42)),
                     ["p-1", "p-1-1", "p-2", "p-3", "p-4"], {}),
    "one deleted": (doc((A, 10, 12), (C, 30, 32), (D, 40, 42)), ["p-1", "p-3", "p-4"], {"p-2": ("removed", ())}),
    # the reader splits a paragraph and also changes its words: paired by the source lines it was read from
    "split and edited": (doc((A, 10, 12), ("乙段文字。", 20, 22), ("乙段第二句。", 23, 25), (C, 30, 32), (D, 40, 42)),
                         ["p-1", "p-2-1", "p-2-2", "p-3", "p-4"], {"p-2": ("split", ("p-2-1", "p-2-2"))}),
    # whitespace is not part of the fingerprint (a reader fix that only changes spacing renumbers nothing)
    "spacing only": (doc((A, 10, 12), (B.replace("。", "。 "), 20, 25), (C, 30, 32), (D, 40, 42)),
                     ["p-1", "p-2", "p-3", "p-4"], {}),
}


@pytest.mark.parametrize("name", CASES)
def test_assignment(name):
    new, expected, retired = CASES[name]
    a = assign(new, LOCK)
    assert ids(a) == expected
    for pid, (status, successors) in retired.items():
        e = entry(a, pid)
        assert (e.status, e.successors) == (status, successors), pid
    # every other address is still live, on the same text; the texts of the document are untouched
    untouched = {p.id: squash(plain_text(p.inlines)) for p in BASE.paragraphs() if p.id not in retired}
    now = {p.id: squash(plain_text(p.inlines)) for p in a.document.paragraphs()}
    assert all(now[pid] == text for pid, text in untouched.items())
    assert [plain_text(p.inlines) for p in a.document.paragraphs()] == [plain_text(p.inlines) for p in new.paragraphs()]
    # retired addresses lead to their successors, and their anchors land on the first of them
    for pid in retired:
        if retired[pid][1]:
            assert a.lock.resolve(pid) == retired[pid][1] and a.landing[pid] == retired[pid][1][0]
    if name == "one deleted":
        assert a.landing["p-2"] == "p-3"  # no successor: the anchor lands on the paragraph read after its lines
    assert a.state == ("locked" if name in ("unchanged", "spacing only") else "out of date")
    # and reading the lock it writes gives the same assignment again
    again = assign(new, relock(a.lock))
    assert ids(again) == expected and again.state == "locked" and not again.moves


def relock(lock: Lock) -> Lock:
    """The lock as `papersite lock` writes it and the next build reads it."""
    return _read(format_lock(lock))


def _read(text: str) -> Lock:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / LOCK_NAME
        path.write_text(text, encoding="utf-8")
        return read_lock(path)


def test_no_address_is_ever_reused_over_a_history_of_reader_changes():
    """A sequence of conversions, each locked in turn: an address, once given to a text, never names another;
    the paragraphs no step touched keep their addresses throughout."""
    history = [
        doc((A, 10, 12), (B1, 20, 22), (B2, 23, 25), (C, 30, 32), (D, 40, 42)),      # split ¶2
        doc((A, 10, 12), (B1, 20, 22), (C, 30, 32), (D, 40, 42)),                    # drop the second half
        doc((A, 10, 12), (B1, 20, 22), ("又一段。", 26, 27), (C, 30, 32), (D, 40, 42)),  # a new paragraph
        doc((A, 10, 12), (B1 + "又一段。", 20, 27), (C, 30, 32), (D, 40, 42)),        # merged again
        doc((A, 10, 12), (B, 20, 25), (C, 30, 32), (D, 40, 42)),                     # back to the original
        doc((A + B, 10, 25), (C, 30, 32), (D, 40, 42)),                              # ¶1 and ¶2 merged
    ]
    lock = LOCK
    text_of = {e.id: e.fingerprint for e in lock.entries}
    seen = []
    for step, new in enumerate(history):
        a = assign(new, lock)
        for p in a.document.paragraphs():
            fp = fingerprint(plain_text(p.inlines))
            assert text_of.setdefault(p.id, fp) == fp, f"step {step}: {p.id} reused for other text"
            assert ID_OK.fullmatch(p.id)
        assert {"p-3", "p-4"} <= set(ids(a)), f"step {step}: untouched paragraphs renumbered"
        for e in a.lock.entries:
            if not e.live:
                assert all(s in {x.id for x in a.lock.entries} for s in e.successors)
        seen.append(ids(a))
        lock = relock(a.lock)
    assert seen == [["p-1", "p-2-1", "p-2-2", "p-3", "p-4"], ["p-1", "p-2-1", "p-3", "p-4"],
                    ["p-1", "p-2-1", "p-2-3", "p-3", "p-4"],   # p-2-2 is retired, never given again
                    ["p-1", "p-2-4", "p-3", "p-4"],
                    ["p-1", "p-2", "p-3", "p-4"],              # the original text gets its own address back
                    ["p-1-1", "p-3", "p-4"]]
    assert lock.get("p-2-4").status == "changed" and lock.resolve("p-2-4") == ("p-1-1",)


ID_OK = re.compile(r"p-\d+(-\d+)?")


def test_without_a_lock_addresses_are_positions_and_numbers_read_as_sub_numbers():
    a = assign(doc((A, 1, 1), (B, 2, 2)), None)
    assert ids(a) == ["p-1", "p-2"] and a.state == "unlocked"
    empty = _read("# a lock with no address yet (a draft that did not convert)\n")
    b = assign(doc((A, 1, 1), (B, 2, 2)), empty)
    assert ids(b) == ["p-1", "p-2"] and b.state == "out of date" and [str(m) for m in b.moves] == ["new      p-1", "new      p-2"]
    assert [display_number(i) for i in ("p-12", "p-12-1", "p-0-3")] == ["12", "12.1", "0.3"]
    assert sorted(["p-13", "p-12-2", "p-2", "p-12", "p-12-1"], key=id_key) == ["p-2", "p-12", "p-12-1", "p-12-2", "p-13"]


# ---- (3) a simulated reader change on a real paper ------------------------------------------------------

SLUG = "liu-pei-common-prosperity"


def curated_refs(content: Path, slug: str) -> list[tuple[str, int, str, str | None]]:
    """Every curated reference to ``slug``: (file, line, paragraph id, quoted words or None)."""
    out = []
    for c in load_concepts(content, load_site_config(content).categories):
        out += [(c.path, q.line, q.paragraph, q.text) for q in c.quotes if q.paper == slug]
        if c.teaching:
            quoted = {id(s.evidence.ref): s.evidence.text for s in c.teaching.self_check}
            out += [(c.path, r.line, r.paragraph, quoted.get(id(r))) for r in c.teaching.cited() if r.paper == slug]
    return out


def test_simulated_reader_change_keeps_every_other_address_and_curated_reference(corpus):
    """Split one paragraph of a real paper at a sentence and merge two others, as a reader fix would: every
    other paragraph keeps its address and text, and the curated references to them still read the same words;
    references to the retired ones follow their successors where that is unambiguous."""
    paper = corpus[SLUG]
    lock = paper.addresses.lock
    blocks = list(paper.document.blocks)
    at = {b.id: k for k, b in enumerate(blocks) if isinstance(b, Paragraph)}
    texts = {b.id: plain_text(b.inlines) for b in blocks if isinstance(b, Paragraph)}
    refs = curated_refs(CONTENT, SLUG)
    # split ¶16 (the most cited) at a sentence end that leaves quoted words on both sides and cuts none
    quotes = [(texts["p-16"].index(q), texts["p-16"].index(q) + len(q)) for _, _, pid, q in refs if pid == "p-16" and q]
    cut = next(m.end() for m in re.finditer("。", texts["p-16"][:-1])
               if not any(a < m.end() < b for a, b in quotes)
               and any(b <= m.end() for a, b in quotes) and any(a >= m.end() for a, b in quotes))
    p16 = blocks[at["p-16"]]
    mid = (p16.first_line + p16.last_line) // 2
    first = Paragraph("p-x", (Text(texts["p-16"][:cut]),), p16.first_line, mid)
    second = Paragraph("p-y", (Text(texts["p-16"][cut:]),), mid + 1, p16.last_line)
    # and merge ¶20 and ¶21, as a reader that misses a paragraph break would
    p20, p21 = blocks[at["p-20"]], blocks[at["p-21"]]
    merged = Paragraph("p-z", p20.inlines + p21.inlines, p20.first_line, p21.last_line)
    new_blocks = blocks[:at["p-16"]] + [first, second] + blocks[at["p-16"] + 1:at["p-20"]] + [merged] + blocks[at["p-21"] + 1:]
    # the reader's provisional ids are positions again
    k = iter(range(1, 1000))
    new_blocks = [replace(b, id=f"p-{next(k)}") if isinstance(b, Paragraph) else b for b in new_blocks]
    a = assign(replace(paper.document, blocks=tuple(new_blocks)), lock)

    now = {p.id: plain_text(p.inlines) for p in a.document.paragraphs()}
    retired = {"p-16", "p-20", "p-21"}
    for pid, text in texts.items():
        if pid not in retired:
            assert now[pid] == text, pid
    assert a.lock.get("p-16").status == "split" and a.lock.resolve("p-16") == ("p-16-1", "p-16-2")
    assert a.lock.get("p-20").status == a.lock.get("p-21").status == "merged"
    assert a.lock.resolve("p-20") == a.lock.resolve("p-21") == ("p-20-1",)
    assert now["p-16-1"] + now["p-16-2"] == texts["p-16"] and now["p-20-1"] == texts["p-20"] + texts["p-21"]
    assert [str(m) for m in a.moves] == ["retired  p-16 (split) -> p-16-1, p-16-2",
                                         "retired  p-20, p-21 (merged) -> p-20-1"]
    assert len(now) == len(texts) and set(now) - set(texts) == {"p-16-1", "p-16-2", "p-20-1"}

    # curated references: unchanged paragraphs read the same words; retired ones follow their successors
    readdress = Readdresser({SLUG: a.lock}, {SLUG: a.document})
    assert len(refs) > 20
    followed, ambiguous = [], 0
    for path, line, pid, quoted in refs:
        if pid not in retired:
            assert readdress.paragraph(SLUG, pid, path, line, quoted) == pid
            assert now[pid] == texts[pid] and (quoted is None or quoted in now[pid])
            continue
        try:
            new = readdress.paragraph(SLUG, pid, path, line, quoted)
        except PaperError as err:  # a plain citation of the split paragraph: which half is meant?
            assert pid == "p-16" and quoted is None and f"{path}:{line}:" in str(err) and "p-16-1, p-16-2" in str(err)
            ambiguous += 1
            continue
        assert new in a.lock.resolve(pid) and (quoted is None or quoted in now[new])
        followed.append((pid, new))
    assert len(followed) + ambiguous == sum(pid in retired for _, _, pid, _ in refs)
    # quotations of the split paragraph went to the half that holds them: both halves are reached
    assert {new for pid, new in followed if pid == "p-16"} == {"p-16-1", "p-16-2"} and ambiguous
    assert {new for pid, new in followed if pid in ("p-20", "p-21")} == {"p-20-1"}


# ---- curated references, case by case -------------------------------------------------------------------

def test_references_to_retired_addresses_follow_the_lock_or_fail_at_their_line():
    a = assign(doc((A, 10, 12), (B1, 20, 22), (B2, 23, 25), (C + D, 30, 42)), LOCK)
    r = Readdresser({"x": a.lock}, {"x": a.document})
    assert r.paragraph("x", "p-3", "c.yml", 4) == "p-3-1"                         # one successor
    assert r.paragraph("x", "p-2", "c.yml", 5, quoted="第二句") == "p-2-2"         # quoted words in one half
    assert r.ref(ParaRef("x", "p-1", 6), "c.yml") == ParaRef("x", "p-1", 6)        # live: untouched
    with pytest.raises(PaperError, match=r"^c\.yml:7: x#p-2 is retired \(split\).*p-2-1, p-2-2"):
        r.paragraph("x", "p-2", "c.yml", 7)                                        # which half?
    with pytest.raises(PaperError, match=r"^c\.yml:8: .*none of p-2-1, p-2-2 hold the quoted words"):
        r.paragraph("x", "p-2", "c.yml", 8, quoted="没有的话")
    assert [str(x) for x in r.redirects] == ["c.yml:4: x#p-3 is retired (merged); it now resolves to x#p-3-1",
                                             "c.yml:5: x#p-2 is retired (split); it now resolves to x#p-2-2"]
    gone = assign(doc((A, 10, 12), (C, 30, 32), (D, 40, 42)), LOCK)
    with pytest.raises(PaperError, match=r"^g\.yml:9: x#p-2 is retired \(removed\) and has no successor"):
        Readdresser({"x": gone.lock}, {"x": gone.document}).paragraph("x", "p-2", "g.yml", 9)


# ---- (4) the built page keeps the retired address at its successor ---------------------------------------

@pytest.fixture(scope="module")
def changed_content(tmp_path_factory):
    """A copy of content/ whose lock says the most-cited paragraph of a paper was published with other words:
    today's conversion then retires it (changed) and gives its text a new address."""
    content = tmp_path_factory.mktemp("addr") / "content"
    shutil.copytree(CONTENT, content)
    refs = curated_refs(CONTENT, SLUG)
    pid = max({r[2] for r in refs}, key=lambda p: (sum(r[2] == p for r in refs), p))
    path = content / "papers" / SLUG / LOCK_NAME
    text = path.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith(pid + " "))
    path.write_text(text.replace(line, line.replace(line.split()[1], "0" * 16)), encoding="utf-8")
    return content, pid


def test_built_page_keeps_the_retired_address_at_its_successor(changed_content):
    content, pid = changed_content
    successor = f"{pid}-1"
    for variant, note in (("zh-Hans", "编者注"), ("zh-Hant", "編者注")):
        pages = build_site(content, variant).pages
        html = markdown.markdown(pages[f"papers/{SLUG}.md"], extensions=["attr_list", "md_in_html", "footnotes",
                                                                           "admonition", "tables"])
        page = BeautifulSoup(html, "html.parser")
        old = page.find(id=pid)
        assert old is not None and "para-retired" in old["class"] and note in old.get_text()
        assert f"第 {display_number(pid)} 段" in old.get_text() and f"第 {display_number(successor)} 段" in old.get_text()
        following = old.find_next_sibling("p")
        assert following["id"] == successor and "para" in following["class"]
        assert following.select_one("a.para-num")["data-n"] == display_number(successor)
        # every curated link to the retired address was followed to the successor
        for uri, md in pages.items():
            assert f"{SLUG}.html#{pid})" not in md and f'{SLUG}.html#{pid}"' not in md, uri
        assert any(f"{SLUG}.html#{successor}" in md for uri, md in pages.items() if uri.startswith("concepts/"))


def test_check_and_lock_report_what_moved(changed_content, capsys):
    content, pid = changed_content
    work = content.parent / "work" / "content"
    shutil.copytree(content, work)
    assert main(["check", "--content", str(work)]) == 0
    out = capsys.readouterr().out
    assert f"{LOCK_NAME}: out of date" in out and f"retired  {pid} (changed) -> {pid}-1" in out
    assert re.search(rf"curated references to retired addresses: [1-9]", out)
    assert re.search(rf"\.yml:\d+: {SLUG}#{pid} is retired \(changed\); it now resolves to {SLUG}#{pid}-1", out)
    assert main(["lock", SLUG, "--content", str(work)]) == 0
    out = capsys.readouterr().out
    assert f"wrote" in out and f"retired  {pid} (changed) -> {pid}-1" in out
    lock = read_lock(work / "papers" / SLUG / LOCK_NAME)
    assert lock.get(pid).status == "changed" and lock.get(f"{pid}-1").live
    assert main(["lock", SLUG, "--content", str(work)]) == 0
    assert "up to date" in capsys.readouterr().out
    (work / "papers" / SLUG / LOCK_NAME).unlink()
    assert main(["check", "--content", str(work)]) == 0
    assert "the ¶ addresses are not yet locked" in capsys.readouterr().out


def test_new_paper_gets_its_first_lock(tmp_path, capsys):
    content = tmp_path / "content"
    source = CONTENT / "papers" / SLUG / "source.txt"
    assert main(["new", str(source), "--slug", "new-paper", "--content", str(content)]) == 0
    lock = read_lock(content / "papers" / "new-paper" / LOCK_NAME)
    assert [e.id for e in lock.entries] == [f"p-{i}" for i in range(1, len(lock.entries) + 1)]
    assert all(e.live for e in lock.entries) and len(lock.entries) > 10


# ---- (5) bad lock files ---------------------------------------------------------------------------------

GOOD_LINE = "p-1  0123456789abcdef  12  10-12  live  -  甲段的文字"


@pytest.mark.parametrize("line, message", [
    ("p-1  0123456789abcdef  12  10-12", "expected 'id fingerprint chars lines status successors text'"),
    ("q-1  0123456789abcdef  12  10-12  live  -  x", "'q-1' is not a paragraph address"),
    ("p-2  0123456789ABCDEF  12  10-12  live  -  x", "fingerprint must be 16 lower-case hex digits"),
    ("p-2  0123456789abcdef  0  10-12  live  -  x", "chars must be a positive number"),
    ("p-2  0123456789abcdef  12  12-10  live  -  x", "lines must be first-last source lines"),
    ("p-2  0123456789abcdef  12  10-12  dead  -  x", "status must be one of live, split, merged, changed, removed"),
    ("p-2  0123456789abcdef  12  10-12  split  -  x", "a split address needs its successors"),
    ("p-2  0123456789abcdef  12  10-12  live  p-1  x", "a live address has no successors"),
    ("p-2  0123456789abcdef  12  10-12  changed  p-9  x", "successor p-9 is not in the lock"),
    ("p-1  0123456789abcdef  12  10-12  live  -  x", "p-1 is listed twice (first on line 2)"),
    # a line taken out of the lock: its paragraph would get a new address and the links to the old one break
    ("p-3  0123456789abcdef  12  10-12  live  -  x", "p-2 is missing (listed before p-3)"),
    ("p-1-2  0123456789abcdef  12  10-12  live  -  x", "p-1-1 is missing (listed before p-1-2)"),
])
def test_bad_lock_line_names_file_and_line(tmp_path, line, message):
    path = tmp_path / LOCK_NAME
    path.write_text(f"# header\n{GOOD_LINE}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(PaperError) as err:
        read_lock(path)
    assert str(err.value).startswith(f"{path}:4: ") and message in str(err.value), str(err.value)


def test_bad_lock_stops_the_cli_with_one_line(tmp_path, capsys):
    folder = tmp_path / "papers" / SLUG
    shutil.copytree(CONTENT / "papers" / SLUG, folder)
    lock = folder / LOCK_NAME
    lines = lock.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(" live ", " alive ")
    lock.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["convert", str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{LOCK_NAME}:6: " in err and "Traceback" not in err


def test_followed_retired_address_lands_on_its_successor_with_the_note_shown(changed_content, tmp_path_factory,
                                                                              chromium):
    """In chromium, on the site built with `mkdocs build --strict`: opening …#p-N of a retired address scrolls
    to the note and its successor and shows the note; read without it, the page does not show the note."""
    import os
    import subprocess
    import sys
    from conftest import ROOT
    content, pid = changed_content
    site = tmp_path_factory.mktemp("addr-site") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PAPERSITE_CONTENT=str(content))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0 and "WARNING" not in run.stderr, run.stderr
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    url = (site / "papers" / f"{SLUG}.html").as_uri()
    box = f"""() => {{ const e = document.getElementById('{pid}'), r = e.getBoundingClientRect();
        return [r.top, r.height, e.nextElementSibling.id, window.innerHeight]; }}"""
    page.goto(url)
    assert page.evaluate(box)[1] <= 1  # not followed: the note takes no room
    page.goto(url + f"#{pid}")
    page.wait_for_load_state("networkidle")
    top, height, following, view = page.evaluate(box)
    assert 0 <= top < view / 2 and height > 10 and following == f"{pid}-1"
    assert page.eval_on_selector(f"p#{pid}-1", "e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.close()
