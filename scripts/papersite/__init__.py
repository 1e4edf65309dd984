"""papersite: turn raw PDF extractions of Chinese journal articles into a bilingual MkDocs site.

Data flows one way: reader (source.txt + paper.yml -> Document) -> transforms (Document -> Document)
-> writers (Document -> Markdown) -> MkDocs. Only ``mkdocs_plugin`` imports MkDocs.
"""
