"""What a patch is, and the check that keeps it off a Rasa it was not written for.

A patch replaces one attribute of Rasa's code (or of a library Rasa reads it from) by the
project's own. It is right only as long as the attribute is the one it was written against, so
each patch names the parameters the original takes; a Rasa whose attribute takes others has
changed what the patch replaces, and the server must stop rather than run a half-fitting patch.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any


class PatchError(RuntimeError):
    """The installed Rasa is not the one a patch (or an override) was written for."""


def parameter_names(value: Any) -> tuple[str, ...]:
    """The parameters a function, method, static method or callable object takes, by name."""
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    return tuple(inspect.signature(value).parameters)


def qualified_name(target: Any, attribute: str) -> str:
    """ "rasa.core.actions.action.RemoteAction._validate_action_result"; a module's attribute as
    "rasa.utils.log_utils._anonymizer"."""
    if isinstance(target, type):
        return f"{target.__module__}.{target.__qualname__}.{attribute}"
    return f"{target.__name__}.{attribute}"


@dataclass(frozen=True)
class ExpectedSignature:
    """An attribute of Rasa that ``relied_on_by`` (a patch, a subclass) replaces or calls, and
    the parameters it must take for that to be right."""

    relied_on_by: str
    target: Any  # the class or module that holds the attribute
    attribute: str
    parameters: tuple[str, ...]

    def check(self) -> None:
        where = qualified_name(self.target, self.attribute)
        try:
            found = parameter_names(inspect.getattr_static(self.target, self.attribute))
        except AttributeError:
            raise PatchError(f"{self.relied_on_by}: Rasa has no {where} any more") from None
        if found != self.parameters:
            raise PatchError(
                f"{self.relied_on_by}: {where} takes ({', '.join(found)}), but "
                f"{self.relied_on_by} was written for ({', '.join(self.parameters)}); "
                "check it against the installed Rasa before changing it"
            )


@dataclass(frozen=True)
class Patch:
    """``target.attribute`` (whose original takes ``parameters``) replaced by ``replacement``,
    exactly as it is set on the target (a static method is wrapped by ``staticmethod``)."""

    name: str
    target: Any
    attribute: str
    parameters: tuple[str, ...]
    replacement: Any

    @property
    def original_signature(self) -> ExpectedSignature:
        return ExpectedSignature(self.name, self.target, self.attribute, self.parameters)

    def current(self) -> Any:
        return inspect.getattr_static(self.target, self.attribute)

    def is_applied(self) -> bool:
        return inspect.getattr_static(self.target, self.attribute, None) is self.replacement

    def install(self) -> Any:
        """Sets the replacement; returns what it replaces, to put back (tests)."""
        original = self.current()
        setattr(self.target, self.attribute, self.replacement)
        return original

    def restore(self, original: Any) -> None:
        setattr(self.target, self.attribute, original)
