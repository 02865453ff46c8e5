"""The one error type the core raises when an annotation would break an invariant."""

from __future__ import annotations


class AnnotationError(ValueError):
    """An operation would break an invariant of the annotation model.

    The message is meant for the user: it names the offending value and the rule.
    """
