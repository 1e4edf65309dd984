"""Errors that name the file (and line) they come from."""
from __future__ import annotations


class PaperError(Exception):
    """A problem with one input file; ``str()`` is a one-line message ``path:line: message``."""

    def __init__(self, path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"
