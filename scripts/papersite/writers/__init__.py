"""Writers: Document -> Markdown text (one module per output form)."""
