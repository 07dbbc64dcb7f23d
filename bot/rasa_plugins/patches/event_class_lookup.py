"""Stored events' classes looked up in a table instead of by walking every event class.

Why: reading a conversation back, Rasa finds each stored event's class by walking every
subclass of ``Event``, for every event of every turn (py-spy, `make bench`). Here the classes are
looked up in a table built from the same walk, in the same order (the first class of a name
wins, as in Rasa's loop), and built again when a name is missing (a class imported since); a
name no class has gets Rasa's own answer.

Replaces: rasa.shared.core.events.Event.resolve_by_type(type_name, default), a static method
With: resolve_by_type.
"""

from __future__ import annotations

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

from bot.rasa_plugins.patches.patch import Patch

_event_classes: dict[str, type[Event]] = {}
_rasa_resolve_by_type = Event.resolve_by_type


def _index_event_classes() -> None:
    _event_classes.clear()
    for cls in all_subclasses(Event):
        _event_classes.setdefault(cls.type_name, cls)  # the first one, as Rasa's loop finds


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Event.resolve_by_type, from a table instead of walking the subclasses each time."""
    if type_name not in _event_classes:
        _index_event_classes()  # a class imported since, or an unknown name
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    return _rasa_resolve_by_type(type_name, default)  # Rasa's answer for names it does not know


PATCH = Patch(
    name="event_class_lookup",
    target=Event,
    attribute="resolve_by_type",
    parameters=("type_name", "default"),
    replacement=staticmethod(resolve_by_type),
)
