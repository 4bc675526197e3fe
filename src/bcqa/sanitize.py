"""User and document text made safe to analyse and to print.

Terminal escape sequences (``ESC [ 31m``, OSC titles), C0/C1 control
characters (NUL included) and bidirectional overrides never reach query
analysis or a terminal: a question ``"\\x1b[31mWhat ..."`` is read as
``"What ..."``.  ``foreign_script`` tells a question written in a script the
English embedding model cannot read (Chinese, Arabic, Cyrillic ...), so that
bcqa asks for English instead of answering confidently from noise.
"""

from __future__ import annotations

import re
import unicodedata

# CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), other two-byte ESC sequences; 8-bit CSI too.
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Every C0 and C1 control but tab and newline, DEL, and the bidi overrides become a space.
_CONTROLS = {c: " " for c in (*range(0x00, 0x20), *range(0x7F, 0xA0), *map(ord, _BIDI)) if c not in (0x09, 0x0A)}
# Scripts the bundled all-MiniLM-L6-v2 reads: English, other Latin-script text, Greek letters in names.
_READABLE_SCRIPTS = ("LATIN", "GREEK")


# A markdown escape ("\<2,000", "\*", "16\_suppl") is the character itself.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_markdown(text: str) -> str:
    """``text`` with each markdown backslash escape replaced by the character it escapes."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def strip_controls(text: str) -> str:
    """``text`` without escape sequences, control characters or bidi overrides (tab and newline kept)."""
    return _ESCAPE.sub("", text).translate(_CONTROLS)


def clean_line(text: str) -> str:
    """One line of user text: controls stripped, whitespace collapsed."""
    return " ".join(strip_controls(text).split())


def foreign_script(text: str) -> bool:
    """True when most letters of ``text`` are in a script other than Latin or Greek."""
    if text.isascii():
        return False  # every ASCII letter is Latin
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    readable = sum(unicodedata.name(c, "").startswith(_READABLE_SCRIPTS) for c in letters)
    return readable < len(letters) / 2
