"""Typed errors a user can hit; each message says what to do next."""


class BcqaError(Exception):
    """Base class for every error bcqa raises on purpose."""


class CorpusError(BcqaError):
    """The document cannot be parsed into statements and references."""


class IndexStateError(BcqaError):
    """The index directory is missing, stale or unreadable and may not be rebuilt."""


class QuestionError(BcqaError, ValueError):
    """A question that cannot be asked (empty, not text, far too long)."""


class IndexDirError(BcqaError):
    """The index location is not bcqa's to write: a user's folder, the corpus, a file."""
