"""The article's own English block (before or after the body) recognised; foreign fragments withheld."""
from papersite.reader.english import parse_english
from papersite.reader.lines import make_lines

OWN = ["Political Economy Research on Empowering Common Prosperity", "with New Quality Productivity",
       "Liu Qian, Pei Xiaoge", "(School of Economics, Jilin University, Changchun 130012, China)",
       "Abstract: Promoting common prosperity is a basic view.", "Key words: new quality productivity; common prosperity;",
       "modernization of the industrial system; Technological Self-reliance"]


def test_own_title_over_two_lines_with_names_and_affiliation():
    english, log = parse_english(make_lines(OWN), None, "t.txt")
    assert english.title == "Political Economy Research on Empowering Common Prosperity with New Quality Productivity"
    assert english.authors == "Liu Qian, Pei Xiaoge"
    assert english.abstract == "Promoting common prosperity is a basic view."
    assert not [e for e in log if e.kind == "foreign"]


def test_last_key_word_on_its_own_line_is_kept():
    lines = make_lines(["Abstract: A complete abstract.", "Key words: New Quality Productive Forces; Revolutionary",
                        "Technological Breakthroughs; Comprehensive Deepening of Reforms"])
    english, _ = parse_english(lines, None, "t.txt", zh_keywords=3)
    assert english.keywords == ("New Quality Productive Forces", "Revolutionary Technological Breakthroughs",
                                "Comprehensive Deepening of Reforms")
    lines = make_lines(["Abstract: A complete abstract.", "Key words: New Quality Productive Forces; Reform;",
                        "Comprehensive Deepening of Reforms"])
    english, _ = parse_english(lines, None, "t.txt")
    assert english.keywords[-1] == "Comprehensive Deepening of Reforms"


def test_foreign_fragment_before_the_own_block():
    lines = make_lines(["of the digital economy and its governance.", "as shown by the data above."] + OWN)
    english, log = parse_english(lines, None, "t.txt")
    assert english.title.startswith("Political Economy")
    assert [e.line for e in log if e.kind == "foreign"] == [1]


def test_affiliation_read_between_the_title_and_the_names_is_not_title():
    """pdfminer may give the affiliation line before the names: it is still no part of the title."""
    order = OWN[:2] + [OWN[3], OWN[2]] + OWN[4:]
    english, _ = parse_english(make_lines(order), None, "t.txt")
    assert english.title == "Political Economy Research on Empowering Common Prosperity with New Quality Productivity"
    assert english.authors == "Liu Qian, Pei Xiaoge"


def test_stretched_spaces_of_a_justified_key_word_line_are_one_space():
    lines = make_lines(["Abstract: A complete abstract.",
                        "Key   words:  agricultural   treatises;   square-pallet   chain   pump;   noria"])
    english, _ = parse_english(lines, None, "t.txt")
    assert english.keywords == ("agricultural treatises", "square-pallet chain pump", "noria")


def test_key_words_on_the_abstract_line_are_read_apart():
    """One line per paragraph (pymupdf4llm): the key words label follows the abstract's last sentence."""
    lines = make_lines(["**The Generative Logic of New Quality Productive Forces**", "", "Li Yongjian, Zhang Hairu", "",
                        "**Abstract:** New quality productive forces are guided by innovation. They need reform. "
                        "**Key words:** New Quality Productive Forces; New-type Production Relations"])
    english, _ = parse_english(lines, None, "t.txt")
    assert english.title == "The Generative Logic of New Quality Productive Forces"
    assert english.abstract == "New quality productive forces are guided by innovation. They need reform."
    assert english.keywords == ("New Quality Productive Forces", "New-type Production Relations")


def test_a_compound_closed_up_at_a_line_join_gets_its_hyphen_back():
    """pymupdf4llm joins ``high-`` / ``quality`` into ``highquality``; the block hyphenates high- elsewhere."""
    lines = make_lines(["Abstract: The forces have high-tech, highquality characteristics and a highly "
                        "sustainable development. Key words: new quality productive forces"])
    english, log = parse_english(lines, None, "t.txt")
    assert english.abstract == ("The forces have high-tech, high-quality characteristics and a highly "
                                "sustainable development.")

def test_two_common_words_closed_up_get_their_hyphen_back_without_evidence():
    """pdftotext and pymupdf4llm drop a compound's line-end hyphen like a broken word's: ``highquality``
    (no dictionary knows it; *high* and *quality* are common words) was ``high-quality``."""
    lines = make_lines(["Abstract: The forces promote highquality development."])
    assert parse_english(lines, None, "t.txt")[0].abstract == "The forces promote high-quality development."


def test_unknown_words_that_are_no_closed_compound_stay_as_printed():
    """An inflection the dictionary lacks (``ownerships``: owner + ships), a word whose parts are not
    both common (``xiaokang``), and text without word spaces, where every run of words looks closed up."""
    for text in ("Abstract: Enterprises of different ownerships build a xiaokang society.",
                 "Abstract: Weneedtoopenupandpromote,themarket,andreformthesystem."):
        assert parse_english(make_lines([text]), None, "t.txt")[0].abstract == text[len("Abstract: "):]


def test_line_break_hyphens_in_text_without_word_spaces():
    """pdfminer can drop every word space of a block: a hyphen at a line end that breaks a word
    (``…industrialtrans-`` / ``formation…``) goes, one between two whole words (``…promotehigh-`` /
    ``quality…``) stays, although neither side of the break is a word a dictionary knows."""
    lines = make_lines(["Abstract:Facinganewroundofscientificandtechnologicalrevolutionandindustrialtrans-",
                        "formation,itisarequirementofourtimestopromotehigh-",
                        "qualitydevelopmentinthegreatrejuvenationoftheChi-",
                        "nesenation."])
    assert parse_english(lines, None, "t.txt")[0].abstract == (
        "Facinganewroundofscientificandtechnologicalrevolutionandindustrialtransformation,"
        "itisarequirementofourtimestopromotehigh-qualitydevelopmentinthegreatrejuvenationoftheChinesenation.")


def test_two_justified_lines_written_one_word_a_line_are_read_in_order():
    """pdftotext can take a justified line's stretched spaces for column gaps: the words of two such
    lines, one above the other, come out one a line in the order of their x positions."""
    scattered = ("productive forces. implementing Developing new innovation-driven quality strategies, "
                 "productive forces requires accelerating deep industrial").split()
    lines = make_lines(["Abstract: New quality productive forces, characterized by high technology, high",
                        "efficiency, and high quality, are guided by innovation and need deep industrial",
                        "transformation. The emergence and development of the new quality productive",
                        "forces are results of the interaction between productivity and production",
                        "relations, which in turn promotes the further generation of new quality"] + scattered +
                       ["transformation, constructing a factor ecosystem, and comprehensively deepening reforms."])
    english, log = parse_english(lines, None, "t.txt")
    assert ("generation of new quality productive forces. Developing new quality productive forces requires "
            "implementing innovation-driven strategies, accelerating deep industrial transformation, constructing"
            in english.abstract)


def test_one_justified_line_written_one_word_a_line_keeps_its_order():
    """Seven words one a line that fit the measure once: the line's order, as given."""
    lines = make_lines(["Abstract: New quality productive forces, characterized by high technology, high",
                        "efficiency, and high quality, are guided by innovation and need deep industrial",
                        "transformation. The emergence and development of the new quality productive",
                        "forces rests on", "achieve", "high-level", "technological", "self-reliance", "and",
                        "strength,", "accelerate", "technological revolutionary innovations and reforms."])
    assert "forces rests on achieve high-level technological self-reliance and strength, accelerate technological" \
        in parse_english(lines, None, "t.txt")[0].abstract



def test_a_word_broken_at_a_line_end_is_rejoined_where_the_words_run_together():
    """pdfminer lost the spaces of a XeLaTeX English block (``…ofindustrialtrans-`` / ``formation,…``): the word
    the hyphen broke is found among the letters beside it; a compound's hyphen stays."""
    lines = make_lines(["Abstract:Facinganewroundofscientificrevolutionandindustrialtrans-",
                        "formation,acceleratingthepaceisthegreatrejuvenationoftheChi-",
                        "nesenation,andahigh-",
                        "qualitydevelopmentofthewholecountry.",
                        "Key words: new quality productive forces"])
    english, _ = parse_english(lines, None, "t.txt")
    assert english.abstract == ("Facinganewroundofscientificrevolutionandindustrialtransformation,acceleratingthepace"
                                "isthegreatrejuvenationoftheChinesenation,andahigh-qualitydevelopmentofthewholecountry.")


def test_a_tag_the_abstract_prints_is_not_taken_for_a_closed_up_compound():
    """``textarea`` is no dictionary word and ``text`` + ``area`` are common ones, but inside ``</textarea>`` it is
    not a word of running prose: the text stays as printed (the same word in prose is read as a compound)."""
    lines = make_lines(["Abstract: The page prints </textarea> as it is, and a highquality text."])
    assert parse_english(lines, None, "t.txt")[0].abstract == "The page prints </textarea> as it is, and a high-quality text."


def test_an_english_abstract_whose_word_spaces_were_lost_is_reported():
    # pdfminer read a xelatex PDF's Latin text without spaces (tests/corpus d-xelatex zhang markitdown): the abstract
    # is published as extracted, and `papersite check` says why it reads so and what to try.
    text = ["Abstract: Facingthenewsituationofanewroundofscientificandtechnologicalrevolution,acceleratingthepace"
            "ofdevelopmentofnewqualityproductiveforcesistherequirementofourtimes,andisofspecialstrategicimportance"
            "tothegreatrejuvenationoftheChinesenation.",
            "Keywords: NewQualityProductivity;ScientificandTechnologicalInnovation"]
    english, log = parse_english(make_lines(text), None, "source.txt", 3)
    assert english.abstract.startswith("Facingthe")   # the text is not rewritten
    warnings = [e for e in log if e.kind == "warning"]
    assert len(warnings) == 1 and warnings[0].line == 1 and "lost its word spaces" in warnings[0].message
    spaced = ["Abstract: " + " ".join(["The development of new quality productive forces"] * 6) + ".", text[1]]
    assert not [e for e in parse_english(make_lines(spaced), None, "source.txt", 3)[1] if e.kind == "warning"]
