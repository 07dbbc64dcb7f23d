"""What the review app makes of a conversation's events and of the index, without a server: one
episode per interview, the dashboard's days in Brussels, booking-link clicks counted or not (the
funnel and the inbox agree), and the "Needs follow-up" list's own short words."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import create_engine, insert
from sqlalchemy.engine import Engine

from bot.alerts.wording import tier_in_words
from bot.apps.review.dashboard import dashboard
from bot.apps.review.follow_up import queue
from bot.apps.review.texts import text
from bot.apps.review.wording import booking_words, episode_cards, episodes_words
from bot.storage.conversation_index import row_for
from bot.storage.conversation_summary import TIER_ORDER, summarise
from bot.storage.tables import booking_clicks, conversations, create_tables


def slot(name: str, value: Any, at: float) -> dict[str, Any]:
    return {"event": "slot", "timestamp": at, "name": name, "value": value}


def action(name: str, at: float) -> dict[str, Any]:
    return {"event": "action", "timestamp": at, "name": name}


def interview(at: float, **answers: Any) -> list[dict[str, Any]]:
    """What the assistant records for an interview: action_start_interview clears the answers,
    the form sets them one by one."""
    events = [action("action_start_interview", at)]
    events += [slot(name, None, at) for name in ("pain_regions", "pain_onset", "pain_severity")]
    events += [slot(name, value, at + 1) for name, value in answers.items()]
    return events


def finished(at: float) -> list[dict[str, Any]]:
    """The end of an interview: the explanation, then its slots (actions/explanation.py)."""
    return [
        action("action_explain_pain", at),
        slot("interview_complete", True, at),
        slot("explained_regions", ["x"], at),
    ]


LOW_BACK = dict(
    pain_regions=["low_back"],
    pain_side="both",
    pain_onset="injury",
    pain_duration="subacute",
    time_pattern=["morning_stiffness"],
    pain_severity=7.0,
    precautions=["none"],
)


def two_interviews() -> list[dict[str, Any]]:
    """A low-back interview finished, a restart (every slot reset), then a hip interview
    started: the assistant's own events for it."""
    return [
        {"event": "user", "timestamp": 1, "text": "/give_consent",
         "parse_data": {"intent": {"name": "give_consent", "confidence": 1.0}}},
        slot("consent", "given", 1),
        *interview(2, **LOW_BACK),
        *finished(9),
        slot("nearest_centre", "boitsfort", 10),
        {"event": "restart", "timestamp": 11},
        action("action_session_start", 11),
        slot("consent", "given", 12),
        *interview(13, pain_regions=["hip_groin"], pain_side="right"),
    ]  # fmt: skip


def test_each_finished_interview_is_an_episode_of_its_own():
    summary = summarise("x", two_interviews())
    first, second = summary.episodes
    assert first.complete and first.regions == ["low_back"]
    assert first.slots["pain_onset"] == "injury" and first.slots["pain_severity"] == 7.0
    assert not second.complete and second.regions == ["hip_groin"]
    assert summary.regions == ["low_back", "hip_groin"]  # the inbox filters and counts both
    cards = episode_cards(summary.episodes, "en")
    assert cards[0]["card"]["onset"] == "after an injury or strain"
    assert cards[0]["card"]["severity"] == "7/10" and cards[0]["state"] == "complete"
    assert cards[1]["card"]["onset"] == "-" and cards[1]["state"] == "unfinished"
    row = episodes_words(row_for(summary, "tok")["episodes"], "fr")
    assert [episode["state"] for episode in row] == ["complete", "unfinished"]
    assert "7/10" in row[0]["details"] and "de 6 semaines à 3 mois" in row[0]["details"]
    assert row[1]["regions"].endswith("(côté droit)")


def test_a_correction_after_an_interview_stays_in_that_episode():
    events = [
        *interview(1, **LOW_BACK),
        *finished(5),
        slot("pain_side", "left", 6),  # "it's only the left side in fact"
        *finished(7),
        action("action_session_start", 100),  # a new session carries the slots over
        slot("interview_complete", True, 100),
        slot("pain_regions", ["low_back"], 100),
    ]
    (episode,) = summarise("x", events).episodes
    assert episode.complete and episode.slots["pain_side"] == "left"


def test_a_conversation_without_an_interview_has_no_episode():
    summary = summarise("x", [slot("consent", "declined", 1)])
    assert summary.episodes == [] and summary.regions == []
    assert json.loads(row_for(summary, "tok")["episodes"]) == []


# --- the dashboard and the index ------------------------------------------------------------


@pytest.fixture
def index() -> Engine:
    engine = create_engine("sqlite://")
    create_tables(engine)
    return engine


def add(engine: Engine, token: str, started_at: datetime, **values: Any) -> None:
    row = {
        "sender_id": f"s-{token}",
        "started_at": started_at,
        "last_at": started_at,
        "channel": "web",
        "language": "en",
        "consent": "given",
        "regions": "",
        "red_flag_tier": None,
        "red_flag": False,
        "centre": None,
        "booking_link_given": False,
        "booking_link_counted": False,
        "needs_staff": False,
        "person_requested": False,
        "interview_complete": False,
        "episodes": "[]",
        "user_turns": 1,
        "fallback_turns": 0,
        "user_text": "",
        "token": token,
        **values,
    }
    with engine.begin() as connection:
        connection.execute(insert(conversations).values(**row))


def test_dashboard_days_are_brussels_days(index):
    # 23:30 UTC on 31 March is 01:30 on 1 April in Brussels (summer time), 22:30 UTC on a
    # winter evening is 23:30 the same day.
    add(index, "late", datetime(2025, 3, 31, 23, 30))
    add(index, "winter", datetime(2025, 1, 15, 22, 30))
    with index.connect() as connection:
        spring = dashboard(connection, today=date(2025, 4, 1))
        winter = dashboard(connection, today=date(2025, 1, 16))
    web = spring.per_day["web"]
    assert spring.days[-1] == "01/04" and web[-1] == 1.0 and web[-2] == 0.0
    assert winter.days[-2] == "15/01" and winter.per_day["web"][-2] == 1.0
    # The week of 1 April (a Tuesday) starts on Monday 31 March in Brussels too.
    assert spring.weeks[-1] == "31/03"


def test_dashboard_today_is_brussels_today(index, monkeypatch):
    import bot.apps.review.dashboard as module

    moment = datetime(2025, 3, 31, 23, 30, tzinfo=timezone.utc)  # 01:30 on 1 April in Brussels

    class Clock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

        @classmethod
        def utcnow(cls) -> Any:
            return moment.replace(tzinfo=None)

    monkeypatch.setattr(module, "datetime", Clock)
    add(index, "late", moment.replace(tzinfo=None))
    with index.connect() as connection:
        figures = dashboard(connection)
    assert figures.days[-1] == "01/04" and figures.per_day["web"][-1] == 1.0


def funnel(engine: Engine) -> dict[str, float | None]:
    with engine.connect() as connection:
        return dict(dashboard(connection, today=date(2025, 4, 1)).funnel)


def test_uncounted_clicks_are_not_counted_in_the_funnel_nor_in_the_inbox(index):
    at = datetime(2025, 3, 30, 10)
    add(index, "a", at, booking_link_given=True, centre="kraainem")
    add(index, "b", at, booking_link_given=True, centre="boitsfort")
    assert funnel(index)["booking_given"] == 2.0
    assert funnel(index)["booking_followed"] is None  # "not counted", never 0
    row = SimpleNamespace(booking_link_given=True, booking_link_counted=False, followed=False)
    assert booking_words(row, "en") == "given (clicks not counted)"
    assert booking_words(row, "nl") == "gegeven (klikken niet geteld)"
    # Links through the redirect: their clicks are counted, and the inbox says so.
    add(index, "c", at, booking_link_given=True, booking_link_counted=True)
    add(index, "d", at, booking_link_given=True, booking_link_counted=True)
    with index.begin() as connection:
        click = {"token": "c", "centre": "kraainem", "clicked_at": at}
        connection.execute(insert(booking_clicks).values(**click))
    with index.connect() as connection:
        figures = dashboard(connection, today=date(2025, 4, 1))
    assert dict(figures.funnel)["booking_followed"] == 1.0
    assert figures.partly_counted and (figures.counted_links, figures.given_links) == (2, 4)
    counted = SimpleNamespace(booking_link_given=True, booking_link_counted=True, followed=True)
    assert booking_words(counted, "en") == "given, followed"
    counted.followed = False
    assert booking_words(counted, "fr") == "donné, pas ouvert"


def test_no_link_given_is_zero_followed_not_unknown(index):
    add(index, "a", datetime(2025, 3, 30, 10))
    assert funnel(index)["booking_followed"] == 0.0


def test_the_follow_up_list_has_words_of_its_own_in_the_staff_members_language(index):
    at = datetime(2025, 3, 30, 10)
    for number, tier in enumerate(TIER_ORDER):
        add(index, f"t{number}", at, red_flag=True, red_flag_tier=tier)
    add(index, "person", at, needs_staff=True, language="fr", channel="telegram")
    with index.connect() as connection:
        english, dutch = queue(connection, "en"), queue(connection, "nl")
    assert [item["urgency"] for item in english] == [
        "Emergency: 112",
        "Emergency department",
        "Doctor today",
        "Possibly urgent",
        "GP soon",
        "Wants a person",
    ]
    # Not the alerts' wording (written for Telegram and e-mail), and short.
    for item, tier in zip(english, TIER_ORDER, strict=False):
        assert tier_in_words(tier) not in item["urgency"] and len(item["urgency"]) <= 25
    assert (dutch[0]["urgency"], dutch[-1]["urgency"]) == ("Noodgeval: 112", "Wil iemand spreken")
    assert (dutch[-1]["channel"], dutch[-1]["language"]) == ("Telegram", "Frans")
    assert dutch[-1]["status_label"] == text("nl", "status.new") == "nieuw"
