"""What the simulated users say: the HCMC interview, and the reference bot's small talk."""

from __future__ import annotations

from functools import lru_cache

from bench.load import Turn
from bot.triage.geography.data import load_places
from bot.triage.geography.distance import nearest_centre


@lru_cache(maxsize=1)
def _postcodes() -> list[tuple[str, str]]:
    """(postcode, name of the nearer centre) for every municipality with a postcode of its own."""
    seen: set[str] = set()
    result = []
    for place in load_places():
        if place.part_of or place.umbrella or not place.postcodes:
            continue
        postcode = place.postcodes[0]
        if postcode in seen:
            continue
        seen.add(postcode)
        result.append((postcode, nearest_centre(place.latitude, place.longitude).nearest.name))
    return result


def hcmc_interview(user: int) -> list[Turn]:
    """A whole interview (11 turns); the user gives a postcode of their own and checks that the
    centre suggested is the one nearer to it."""
    postcode, centre = _postcodes()[user % len(_postcodes())]
    expected = f"nearer centre for you is {centre}"
    return [
        ("hello", None),
        ("/give_consent", None),
        ("my knee has hurt for three weeks, worse on stairs", None),
        ('/describe_pain{"pain_side":"left"}', None),
        ("it came on gradually", None),
        ('/describe_pain{"time_pattern":"during_activity"}', None),
        ("6", None),
        ("none", None),
        ("/deny", None),
        (f"I live in {postcode}", lambda text: expected in text),
        ("thank you", None),
    ]


def reference_small_talk(user: int) -> list[Turn]:
    """11 turns through the `rasa init` template bot's stories (moodbot)."""
    return [
        ("hello", lambda text: "How are you" in text),
        ("I am sad", None),
        ("yes", None),
        ("hi", None),
        ("very good", None),
        ("are you a bot?", lambda text: "bot" in text),
        ("hello there", None),
        ("not good", None),
        ("no", None),
        ("great", None),
        ("goodbye", lambda text: "Bye" in text),
    ]
