"""A varied test corpus: document descriptions re-typeset in several journal styles and extracted
with several real PDF-to-text tools (see tests/corpus/README.md).

Modules: ``describe`` (the five papers' descriptions, from their original conversion), ``typeset``
(description + journal style -> PDF with WeasyPrint), ``extract`` (PDF -> text with each extractor),
``make_corpus`` (the whole run), ``score`` (a converted Document against its description) and
``report`` (the style x extractor table).
"""
