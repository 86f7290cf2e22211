"""The exceptions orgstruct raises. Each also subclasses the matching built-in."""

from __future__ import annotations


class OrgStructError(Exception):
    """Base class of every error orgstruct raises on purpose."""


class InputError(OrgStructError, ValueError):
    """The input text or file cannot be classified (empty, binary, not UTF-8, too large)."""


class GroupNotFoundError(OrgStructError, LookupError):
    """A requested group does not occur in the text."""

    def __init__(self, group: str, found: list[str]) -> None:
        listed = ", ".join(found) if found else "none"
        super().__init__(f"group {group!r} not found in the text; groups found: {listed}")
        self.group = group
        self.found = found


class ModelError(OrgStructError, RuntimeError):
    """A model bundle is missing, unreadable or was built with another encoder."""


class ConfigError(OrgStructError, ValueError):
    """An experiment config is malformed."""


class DataError(OrgStructError, ValueError):
    """The labelled corpus is missing or invalid."""


class LanguageWarning(UserWarning):
    """The text looks written in a language orgstruct does not read (it reads English and Spanish)."""
