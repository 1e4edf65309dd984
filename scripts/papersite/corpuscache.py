"""Convert the corpus once per build: the converted papers and the concept index, cached by content hash.

Every variant's MkDocs project (built in its own process by Material's projects plugin) needs the same
converted corpus. The first process to ask converts it and stores the result under
``<project>/.cache/papersite/`` keyed by a hash of everything the result depends on (every file under
content/ and the converter's own code); the others wait for it and read it. A cached entry is only a
copy: deleting the folder is always safe, and old entries are removed as new ones are written.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import tempfile
from contextlib import contextmanager
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
KEEP = 3  # entries kept: the current one and a few recent ones (switching branches, undoing an edit)


# Each file's hash, with the file's status when it was read (modification and change times, size, inode):
# a file is read and hashed again only when that changed (a write always changes its change time). A build
# asks for many keys (the corpus, each paper, all with the code), a ``mkdocs serve`` rebuild as many again.
_DIGESTS: dict[str, tuple[tuple, bytes]] = {}
MAX_DIGESTS = 100_000


def _digest(path: Path) -> bytes:
    st = path.stat()
    status = (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)
    kept = _DIGESTS.get(str(path))
    if kept is not None and kept[0] == status:
        return kept[1]
    digest = hashlib.sha256(path.read_bytes()).digest()
    if len(_DIGESTS) >= MAX_DIGESTS:
        _DIGESTS.clear()
    _DIGESTS[str(path)] = (status, digest)
    return digest


def content_key(content: Path) -> str:
    """A hash of every file under ``content`` (names and bytes) and of the package's code."""
    h = hashlib.sha256()
    for root, label in ((Path(content), "content"), (PACKAGE, "code")):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if label == "code" and path.suffix != ".py":
                continue
            h.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode("utf-8"))
            h.update(_digest(path))
    return h.hexdigest()[:32]


def cache_folder(content: Path) -> Path:
    """Where the entries for this content live: ``.cache/papersite`` beside content/."""
    return Path(content).resolve().parent / ".cache" / "papersite"


@contextmanager
def _locked(folder: Path, name: str):
    # One lock per kind of entry: the corpus entry is computed while holding its lock and asks for the
    # papers' entries, which must not wait for it.
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def is_cached(content: Path, part: Path | None = None, name: str = "corpus") -> bool:
    """Whether :func:`cached` has an entry for this content (it may still be a copy it cannot read)."""
    if os.environ.get("PAPERSITE_NO_CACHE"):
        return False
    return (cache_folder(content) / f"{name}--{content_key(part or content)}.pickle").is_file()


def cached(content: Path, compute, part: Path | None = None, name: str = "corpus"):
    """``compute()``'s result for this content, computed once and shared by every process that asks.

    With ``part`` (a folder inside ``content``, e.g. one paper's) the result depends on that folder only, so
    an edit elsewhere (a concept file, another paper) leaves it cached: ``name`` tells the entries apart.
    An error raised by ``compute`` is not cached (the next build tries again and reports it)."""
    if os.environ.get("PAPERSITE_NO_CACHE"):
        return compute()
    key = content_key(part or content)
    folder = cache_folder(content)
    entry = folder / f"{name}--{key}.pickle"
    with _locked(folder, name):
        if entry.is_file():
            try:
                with open(entry, "rb") as handle:
                    return pickle.load(handle)
            except Exception:   # a copy from another version of the code: recompute
                entry.unlink(missing_ok=True)
        value = compute()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".corpus-")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:   # not written (a value that cannot be pickled, a full disk, Ctrl-C): no half copy left
            os.unlink(tmp)
            raise
        old = sorted(folder.glob(f"{name}--*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for path in old:
            path.unlink(missing_ok=True)
        return value
