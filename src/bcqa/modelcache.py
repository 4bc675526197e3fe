"""One ONNX export of the embedding model, shared by every index built on the machine.

An index carries its query encoder (``encoder.onnx``, 87 MB), so answering a
question needs no torch.  The file depends only on the model and the tools
that exported it, never on the corpus: bcqa keeps one export per model and
toolchain in its cache folder and puts a hard link to it into each new index
(a copy where the two sit on different file systems).  Without this, every
index held its own 87 MB and spent seconds exporting it; the test suite,
which builds one index per golden document, filled a 3 GB disk.

The cache folder is ``$BCQA_CACHE_DIR``, else ``$XDG_CACHE_HOME/bcqa``, else
``~/.cache/bcqa``.  An index stays whole on its own (a link is a file like any
other), and the cache is only a speed-up: an entry that fails its checksum is
exported afresh, and a cache that cannot be read or written is passed by,
the export going straight into the index as before.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger("bcqa")

FORMAT = "bcqa-onnx-1"  # bump when export_onnx writes a different graph from the same model


def cache_dir() -> Path:
    """Where bcqa keeps what it can recompute: the environment's choice, else the XDG cache."""
    if os.environ.get("BCQA_CACHE_DIR"):
        return Path(os.environ["BCQA_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bcqa"


def write_encoder(encoder, target: Path) -> None:
    """``encoder``'s ONNX export at ``target``, through the cache when the encoder names its export."""
    fingerprint = getattr(encoder, "onnx_fingerprint", None)
    if fingerprint is None:
        encoder.export_onnx(target)
    else:
        export_shared(encoder.export_onnx, fingerprint(), target)


def export_shared(export, fingerprint: str, target: Path) -> None:
    """Write the export named ``fingerprint`` at ``target``: linked from the cache, else made and cached.

    Args:
        export: Writes the ONNX file at the path it is given (``export_onnx``).
        fingerprint: Names the model and toolchain (``SentenceTransformerEncoder.onnx_fingerprint``).
        target: The file in the new index.
    """
    folder = cache_dir() / "encoders"
    cached, digest_file = folder / f"{fingerprint}.onnx", folder / f"{fingerprint}.sha256"
    try:
        if cached.is_file() and digest_file.read_text(encoding="ascii").strip() == _sha256(cached):
            _link_or_copy(cached, target)
            return
    except OSError:
        pass  # no entry yet, or one that cannot be read: export afresh
    export(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".new-", suffix=".onnx", dir=folder)
        os.close(fd)
        tmp = Path(name)
        try:
            _link_or_copy(target, tmp, replace=True)
            (folder / f".{fingerprint}.sha256.new").write_text(_sha256(tmp) + "\n", encoding="ascii")
            # The digest names the file that is in place: the file first, then its digest.
            os.replace(tmp, cached)
            os.replace(folder / f".{fingerprint}.sha256.new", digest_file)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("bcqa: the encoder export is not cached in %s (%s)", folder, exc)


def _link_or_copy(source: Path, target: Path, replace: bool = False) -> None:
    if replace:
        target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def model_fingerprint(model_path: Path, *versions: str) -> str:
    """A digest of every file of the model folder and of the exporting tools' versions."""
    digest = hashlib.sha256(FORMAT.encode())
    for version in versions:
        digest.update(b"\0" + version.encode())
    for path in sorted(p for p in Path(model_path).rglob("*") if p.is_file()):
        digest.update(b"\0" + path.relative_to(model_path).as_posix().encode() + b"\0" + _sha256(path).encode())
    return digest.hexdigest()[:32]
