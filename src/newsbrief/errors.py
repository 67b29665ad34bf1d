"""The one exception type that the CLI turns into a clean one-line error."""

from __future__ import annotations

__all__ = ["NewsbriefError"]


class NewsbriefError(Exception):
    """A problem with the user's input or setup, worded for the user.

    The CLI prints ``newsbrief: error: <message>`` and exits with status 2, so
    the message must name the file and the problem on one line.
    """
