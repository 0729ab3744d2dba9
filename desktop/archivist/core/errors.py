"""Errors the user can cause, with messages the user can act on."""

from __future__ import annotations


class ArchivistError(Exception):
    """Base of every error the core reports to a user: its message is shown as it is."""


class ArchiveLockedError(ArchivistError):
    """Another process holds the archive (or its writer lock) and did not let go in time."""


class NotFoundError(ArchivistError):
    """A document, highlight or other record that does not exist was asked for."""


class InvalidInputError(ArchivistError):
    """An argument the user gave cannot be used (empty quote, unknown colour, bad date…)."""
