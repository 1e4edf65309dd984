"""Reading a source file: bytes -> text lines, with encoding detection and clear refusals."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import PaperError


@dataclass(frozen=True)
class SourceText:
    """A decoded source: its lines (no line endings), the encoding found and what was normalised."""
    path: str
    lines: tuple[str, ...]
    encoding: str
    sha256: str
    had_bom: bool
    had_crlf: bool


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def decode_source(data: bytes, path: str) -> SourceText:
    """Decode a source's bytes: UTF-8 (with or without BOM) or GB18030/GBK; refuse the rest."""
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise PaperError(path, "source file is empty")
    utf16 = utf16_name(data)
    if utf16:
        raise PaperError(path, f"source is {utf16} text; save it as UTF-8 (e.g. iconv -f {utf16} -t UTF-8)")
    if b"\x00" in data[:65536]:
        raise PaperError(path, "source file is binary (contains NUL bytes), expected plain text")
    had_bom = data.startswith(b"\xef\xbb\xbf")
    if had_bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = _decode_legacy(data, path, exc)
    had_crlf = "\r\n" in text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_control_characters(text, path)
    return SourceText(path, tuple(text.split("\n")), encoding, digest, had_bom, had_crlf)


def read_text_file(path) -> str:
    """A content file's text (UTF-8, with or without BOM); UTF-16 or bytes that are not UTF-8 are an error naming
    the file, and the line of the first bad byte."""
    path = Path(path)
    data = path.read_bytes()
    wide = utf16_name(data)
    if wide:
        raise PaperError(path, f"{path.name} is {wide} text; save it as UTF-8 (e.g. iconv -f {wide} -t UTF-8)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise PaperError(path, f"{path.name} is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                         line) from None


def utf16_name(data: bytes) -> str | None:
    """'UTF-16LE', 'UTF-16BE', 'UTF-32LE' or 'UTF-32BE' when the bytes read as text in that encoding (a
    byte-order mark, or every other byte NUL as Windows tools write); None otherwise."""
    def reads_as_text(codec: str, body: bytes) -> bool:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            return False
        plain = sum(1 for c in text if c.isspace() or " " <= c <= "~" or "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
        return bool(text) and plain >= 0.8 * len(text)
    for bom, name, codec in ((b"\xff\xfe\x00\x00", "UTF-32LE", "utf-32-le"), (b"\x00\x00\xfe\xff", "UTF-32BE", "utf-32-be"),
                             (b"\xff\xfe", "UTF-16LE", "utf-16-le"), (b"\xfe\xff", "UTF-16BE", "utf-16-be")):
        if data.startswith(bom) and reads_as_text(codec, data[len(bom):len(bom) + 4096 - 4096 % 4]):
            return name
    head = data[:4096 - 4096 % 2] if len(data) % 2 == 0 else b""
    for zeros, name, codec in ((head[1::2], "UTF-16LE", "utf-16-le"), (head[0::2], "UTF-16BE", "utf-16-be")):
        if zeros and zeros.count(0) > len(zeros) * 0.3 and reads_as_text(codec, head):
            return name
    return None


def _decode_legacy(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Try GB18030 (a superset of GBK/GB2312), the usual encoding of Chinese PDF extractions."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise PaperError(path, "source is neither UTF-8 nor GB18030/GBK text; convert it to UTF-8", line) from None
    ideographs = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if ideographs < max(1, len(text) // 20):
        line = data[: utf8_error.start].count(b"\n") + 1
        raise PaperError(path, "source is not UTF-8 and does not read as Chinese GB18030 text; convert it to UTF-8", line)
    return text, "gb18030"


def _refuse_control_characters(text: str, path: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        for ch in line:
            if ord(ch) < 32 and ch not in "\t\f":
                raise PaperError(path, f"control character U+{ord(ch):04X} in source text", number)


def read_source(path: Path) -> SourceText:
    """Read and decode a source file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PaperError(path, f"cannot read source: {exc.strerror}") from None
    return decode_source(data, str(path))
