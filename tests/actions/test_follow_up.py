"""The way back to the patient: what the assistant promises after a red flag or a request for a
person (only when staff are really alerted), the offer to leave contact details, and reading
them (actions/follow_up.py)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import pytest
from rasa_sdk.events import SlotSet

from actions import follow_up
from actions.booking import ActionHumanHandoff
from actions.consent import ActionRecordConsent
from actions.follow_up import (
    ActionDeclineContact,
    ValidateContactForm,
    conversation_channel,
)
from actions.red_flags import ActionRedFlagAdvice
from bot.config import Settings, load_settings
from bot.triage.clinic.contact_details import load_words, read_contact
from bot.triage.clinic.reply_hours import BRUSSELS
from tests.conftest import make_tracker, parse, payload, responses

MONDAY_10 = datetime(2025, 3, 17, 10, 0, tzinfo=BRUSSELS)
FRIDAY_20 = datetime(2025, 3, 14, 20, 0, tzinfo=BRUSSELS)
SATURDAY_10 = datetime(2025, 3, 15, 10, 0, tzinfo=BRUSSELS)
CHEST = "crushing chest pain going into my left arm"  # call 112
CALF = "my calf is red, hot and swollen"  # a doctor today


def alerted_settings(**changes: Any) -> Settings:
    config = load_settings({"HCMC_STAFF_TELEGRAM_CHAT_ID": "-1001", "TELEGRAM_BOT_TOKEN": "1:x"})
    assert config.staff_alerted
    return dataclasses.replace(config, **changes)


@pytest.fixture
def alerted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Staff alerted, on a Monday at 10:00 in Brussels (inside the default reply hours)."""
    config = alerted_settings()
    monkeypatch.setattr(follow_up, "settings", lambda: config)
    monkeypatch.setattr(follow_up, "alerts_running", lambda config: True)
    monkeypatch.setattr(follow_up, "now", lambda: MONDAY_10)


def at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(follow_up, "now", lambda: moment)


def on(channel: str | None, message: dict[str, Any]) -> dict[str, Any]:
    """The message as a channel sends it: the widget and the Telegram bridge add metadata."""
    return {**message, "metadata": {"channel": channel} if channel else {}}


def answered_after(action: str, message: dict[str, Any], **kwargs: Any) -> Any:
    """A tracker whose latest message answers what ``action`` said."""
    events = [
        {"event": "action", "name": action},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": message["text"], "parse_data": message},
    ]
    return make_tracker(message, events=events, **kwargs)


def asked_for_contact(message: dict[str, Any], **slots: Any) -> Any:
    """The number or address was asked after a yes to the offer."""
    slots = {"requested_slot": "contact_detail", "contact_consent": "given", **slots}
    return make_tracker(message, slots, active_loop="contact_form")


# --- Without an alert channel nothing changes ---------------------------------------------------


async def test_without_alerts_the_notes_say_that_nobody_is_alerted(monkeypatch, dispatcher, domain):
    fresh_clone = load_settings({})  # no alert channel
    assert not fresh_clone.staff_alerted
    monkeypatch.setattr(follow_up, "settings", lambda: fresh_clone)
    events = await ActionRedFlagAdvice().run(
        dispatcher, make_tracker(on("web", parse(CHEST))), domain
    )
    assert responses(dispatcher)[2:] == ["utter_red_flag_staff_note"]
    assert not any(event["name"] == "contact_offer" for event in events)
    dispatcher.messages.clear()
    events = await ActionHumanHandoff().run(dispatcher, make_tracker(), domain)
    assert responses(dispatcher) == ["utter_human_handoff"]
    assert events == [SlotSet("needs_staff_followup", True)]


async def test_with_the_review_app_down_nobody_is_said_to_be_alerted(
    monkeypatch, dispatcher, domain, tmp_path
):
    # Alerts configured, but the review app that sends them never ran on this database.
    config = alerted_settings(var_dir=tmp_path)
    monkeypatch.setattr(follow_up, "settings", lambda: config)
    await ActionRedFlagAdvice().run(dispatcher, make_tracker(on("web", parse(CHEST))), domain)
    assert responses(dispatcher)[2:] == ["utter_red_flag_staff_note"]


async def test_during_a_takeover_a_red_flag_gets_the_advice_alone(alerted, dispatcher, domain):
    tracker = make_tracker(on("web", parse(CHEST)))
    tracker._paused = True  # a member of staff has the conversation
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_red_flag_heart_attack_signs", "utter_tier_call_112"]
    assert SlotSet("red_flag_tier", "call_112") in events
    assert not any(event["name"] == "contact_offer" for event in events)


# --- The promise after a red flag ---------------------------------------------------------------


async def test_red_flag_in_the_widget_within_reply_hours(alerted, dispatcher, domain):
    tracker = make_tracker(on("web", parse(CALF)))
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    # The urgent advice first and unchanged, then who follows up, then the offer.
    assert responses(dispatcher) == [
        "utter_red_flag_dvt",
        "utter_tier_doctor_today",
        "utter_staff_alerted_chat_open",
        "utter_offer_contact",
    ]
    assert dispatcher.messages[2]["reply_hours"] == "Monday to Friday, 9:00 to 18:00"
    assert events == [
        SlotSet("red_flag_tier", "doctor_today"),
        SlotSet("red_flags", ["dvt"]),
        SlotSet("needs_staff_followup", True),
        SlotSet("contact_offer", True),
    ]


async def test_in_an_emergency_no_number_is_asked_before_the_call(alerted, dispatcher, domain):
    tracker = make_tracker(on("web", parse(CHEST)))
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_red_flag_heart_attack_signs",
        "utter_tier_call_112",
        "utter_staff_alerted_chat_open",
    ]
    assert not any(event["name"] == "contact_offer" for event in events)


async def test_red_flag_over_rest_outside_reply_hours(alerted, monkeypatch, dispatcher, domain):
    at(monkeypatch, SATURDAY_10)
    await ActionRedFlagAdvice().run(dispatcher, make_tracker(parse(CALF)), domain)
    assert responses(dispatcher)[2:] == ["utter_staff_alerted_read_closed", "utter_offer_contact"]
    assert dispatcher.messages[2]["next_opening"] == "Monday at 9:00"


async def test_red_flag_over_rest_within_reply_hours(alerted, dispatcher, domain):
    await ActionRedFlagAdvice().run(dispatcher, make_tracker(parse(CHEST)), domain)
    assert responses(dispatcher)[2] == "utter_staff_alerted_read_open"


async def test_french_on_telegram_on_a_friday_evening(alerted, monkeypatch, dispatcher, domain):
    at(monkeypatch, FRIDAY_20)
    tracker = make_tracker(parse("douleur thoracique écrasante"), slots={"language": "fr"})
    tracker.sender_id = "telegram:4242"  # the bridge's conversations, even without metadata
    await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    note = dispatcher.messages[2]
    assert note["response"] == "utter_staff_alerted_chat_closed"
    assert note["reply_hours"] == "du lundi au vendredi, de 9 h à 18 h"
    assert note["next_opening"] == "lundi à 9 h"


async def test_configured_hours_in_dutch(monkeypatch, dispatcher, domain):
    config = alerted_settings(staff_reply_hours="mon-fri 08:30-17:00; sat 09:00-12:00")
    monkeypatch.setattr(follow_up, "settings", lambda: config)
    monkeypatch.setattr(follow_up, "alerts_running", lambda config: True)
    at(monkeypatch, FRIDAY_20)
    tracker = make_tracker(on("web", parse(CHEST)), slots={"language": "nl"})
    await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    note = dispatcher.messages[2]
    assert note["reply_hours"] == (
        "van maandag tot vrijdag, van 8.30 uur tot 17 uur; op zaterdag, van 9 uur tot 12 uur"
    )
    assert note["next_opening"] == "morgen om 9 uur"


async def test_unreadable_reply_hours_promise_no_time(monkeypatch, dispatcher, domain, caplog):
    config = alerted_settings(staff_reply_hours="weekdays 9 to 5")
    monkeypatch.setattr(follow_up, "settings", lambda: config)
    monkeypatch.setattr(follow_up, "alerts_running", lambda config: True)
    await ActionRedFlagAdvice().run(dispatcher, make_tracker(parse(CALF)), domain)
    assert responses(dispatcher)[2:] == ["utter_staff_alerted_no_hours", "utter_offer_contact"]
    assert "HCMC_STAFF_REPLY_HOURS" in caplog.text


async def test_declined_consent_gets_the_routes_instead_of_the_offer(alerted, dispatcher, domain):
    tracker = make_tracker(parse(CALF), slots={"consent": "declined"})
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[2:] == [
        "utter_staff_alerted_read_open",
        "utter_reception_routes_no_details",
    ]
    assert events[-1] == SlotSet("contact_offer", False)


async def test_the_offer_is_made_once(alerted, dispatcher, domain):
    tracker = make_tracker(parse(CALF), slots={"contact_consent": "declined"})
    events = await ActionRedFlagAdvice().run(dispatcher, tracker, domain)
    assert "utter_offer_contact" not in responses(dispatcher)
    assert events[-1] == SlotSet("contact_offer", False)


# --- The promise after a request for a person ---------------------------------------------------


async def test_talk_to_a_person_in_the_widget(alerted, dispatcher, domain):
    message = on("web", parse("can I speak to someone?", "request_human"))
    events = await ActionHumanHandoff().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher) == [
        "utter_staff_alerted_chat_open",
        "utter_reception_routes",
        "utter_offer_contact",
    ]
    assert "1950 Kraainem" in dispatcher.messages[1]["kraainem_address"]
    assert events == [SlotSet("needs_staff_followup", True), SlotSet("contact_offer", True)]


async def test_talk_to_a_person_during_the_interview_waits_with_the_offer(
    alerted, dispatcher, domain
):
    message = parse("can I speak to someone?", "request_human")
    tracker = make_tracker(message, {"consent": "given"}, active_loop="interview_form")
    events = await ActionHumanHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_staff_alerted_read_open", "utter_reception_routes"]
    assert events == [SlotSet("needs_staff_followup", True), SlotSet("contact_offer", False)]


async def test_talk_to_a_person_after_declining_consent(alerted, dispatcher, domain):
    message = parse("can I speak to someone?", "request_human")
    tracker = make_tracker(message, {"consent": "declined"})
    events = await ActionHumanHandoff().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [
        "utter_staff_alerted_read_open",
        "utter_reception_routes_no_details",
    ]
    assert events[-1] == SlotSet("contact_offer", False)


async def test_a_number_asked_to_be_called_on_answers_the_open_offer(alerted, dispatcher, domain):
    message = parse("call me on 0470 12 34 56", "request_human")
    events = await ActionHumanHandoff().run(
        dispatcher, make_tracker(message, {"contact_offer": True}), domain
    )
    assert responses(dispatcher) == ["utter_contact_saved"]
    assert events == [
        SlotSet("needs_staff_followup", True),
        SlotSet("contact_consent", "given"),
        SlotSet("contact_phone", "+32470123456"),
        SlotSet("contact_offer", False),
    ]


async def test_a_number_before_any_offer_waits_for_the_consent_question(
    alerted, dispatcher, domain
):
    message = parse("call me on 0470 12 34 56", "request_human")
    events = await ActionHumanHandoff().run(dispatcher, make_tracker(message), domain)
    assert responses(dispatcher)[-1] == "utter_offer_contact"
    assert not any(event["name"] == "contact_phone" for event in events)


# --- The channel of a conversation --------------------------------------------------------------


def test_the_channel_from_metadata_earlier_messages_or_the_sender_id():
    assert conversation_channel(make_tracker(on("web", parse("hello", "greet")))) == "web"
    assert conversation_channel(make_tracker(parse("hello", "greet"))) is None  # REST
    earlier = [{"event": "user", "text": "hi", "metadata": {"channel": "telegram"}}]
    assert conversation_channel(make_tracker(events=earlier)) == "telegram"
    tracker = make_tracker()
    tracker.sender_id = "telegram:12345"
    assert conversation_channel(tracker) == "telegram"


# --- Yes or no to the offer ---------------------------------------------------------------------


async def test_the_no_button_declines_and_gives_the_routes(alerted, dispatcher, domain):
    tracker = answered_after("action_red_flag_advice", payload("no_contact"))
    events = await ActionDeclineContact().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_contact_declined"]
    assert events == [SlotSet("contact_consent", "declined"), SlotSet("contact_offer", False)]


@pytest.mark.parametrize("text", ["no", "No thanks!", "non merci", "nee, liever niet"])
async def test_a_plain_no_after_urgent_advice_declines_the_offer(text, dispatcher, domain):
    tracker = answered_after("action_red_flag_advice", parse(text, "deny"))
    events = await ActionDeclineContact().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_contact_declined"]
    assert SlotSet("contact_consent", "declined") in events


@pytest.mark.parametrize(
    "text",
    [
        "no, I mean my jaw is just tired, I'm 34",
        "non, ce n'est pas ce que je voulais dire",
        "nee, dat bedoelde ik niet",
    ],
)
async def test_a_no_that_corrects_the_red_flag_goes_to_its_review(text, dispatcher, domain):
    for action in ("action_red_flag_advice", "action_deactivate_loop"):
        tracker = answered_after(action, parse(text, "deny"))
        events = await ActionDeclineContact().run(dispatcher, tracker, domain)
        assert events == [SlotSet("contact_offer", True)]  # a rule then runs the review
        assert dispatcher.messages == []


async def test_any_no_after_asking_for_a_person_declines(dispatcher, domain):
    tracker = answered_after("action_human_handoff", parse("no, I'll call them myself", "deny"))
    events = await ActionDeclineContact().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_contact_declined"]
    assert events[-1] == SlotSet("contact_offer", False)


async def test_the_yes_button_after_declining_consent_gives_the_routes(dispatcher, domain):
    tracker = make_tracker(payload("leave_contact"), {"consent": "declined"})
    events = await ActionDeclineContact().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reception_routes_no_details"]
    assert events == [SlotSet("contact_offer", False)]


# --- Reading the phone number or e-mail address -------------------------------------------------


async def test_yes_asks_for_the_number_or_address(alerted, dispatcher, domain):
    tracker = make_tracker(payload("leave_contact"), active_loop="contact_form")
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("contact_consent", "given"),
        SlotSet("contact_offer", False),
        SlotSet("contact_detail", None),
        SlotSet("requested_slot", "contact_detail"),
    ]
    assert dispatcher.messages == []  # the form asks utter_ask_contact_detail
    typed = make_tracker(parse("yes please", "affirm"), active_loop="contact_form")
    assert SlotSet("contact_consent", "given") in await ValidateContactForm().run(
        dispatcher, typed, domain
    )


async def test_a_number_given_with_the_yes_is_taken_at_once(alerted, dispatcher, domain):
    tracker = make_tracker(parse("yes, 0470 12 34 56", "affirm"), active_loop="contact_form")
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("contact_offer", False),
        SlotSet("contact_consent", "given"),
        SlotSet("contact_phone", "+32470123456"),
        SlotSet("contact_detail", "phone"),
        SlotSet("requested_slot", None),
    ]
    assert dispatcher.messages[0]["contact"] == "+32 470 12 34 56"


async def test_the_number_typed_instead_of_a_yes_is_taken(alerted, dispatcher, domain):
    tracker = make_tracker(parse("0498 76 54 32", "inform_location"), active_loop="contact_form")
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert events[:3] == [
        SlotSet("contact_offer", False),
        SlotSet("contact_consent", "given"),  # given by giving it, right after the question
        SlotSet("contact_phone", "+32498765432"),
    ]


async def test_a_message_not_understood_after_the_offer_is_no_yes(alerted, dispatcher, domain):
    tracker = make_tracker(parse("hmm what", "nlu_fallback"), active_loop="contact_form")
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("contact_offer", False),
        SlotSet("contact_detail", None),
        SlotSet("requested_slot", "contact_detail"),
    ]


async def test_no_details_are_taken_after_declined_consent(dispatcher, domain):
    message = parse("yes, 0470 12 34 56", "affirm")
    tracker = make_tracker(message, {"consent": "declined"}, active_loop="contact_form")
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reception_routes_no_details"]
    assert events == [SlotSet("contact_offer", False), SlotSet("requested_slot", None)]


@pytest.mark.parametrize(
    ("text", "e164", "shown"),
    [
        ("0470 12 34 56", "+32470123456", "+32 470 12 34 56"),
        ("0470/12.34.56", "+32470123456", "+32 470 12 34 56"),
        ("my number is 0032 470 12 34 56", "+32470123456", "+32 470 12 34 56"),
        ("02 512 34 56", "+3225123456", "+32 2 512 34 56"),
        ("+32 2 512 34 56", "+3225123456", "+32 2 512 34 56"),
        ("+33 6 12 34 56 78", "+33612345678", "+33 6 12 34 56 78"),
        ("bel me op +31 6 12345678 aub", "+31612345678", "+31 6 12345678"),
        ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),
    ],
)
async def test_belgian_and_international_numbers_are_stored_in_e164(
    text, e164, shown, dispatcher, domain
):
    events = await ValidateContactForm().run(dispatcher, asked_for_contact(parse(text)), domain)
    assert events == [
        SlotSet("contact_phone", e164),
        SlotSet("contact_detail", "phone"),
        SlotSet("requested_slot", None),
    ]
    assert responses(dispatcher) == ["utter_contact_saved"]
    assert dispatcher.messages[0]["contact"] == shown


async def test_an_email_address_is_stored(dispatcher, domain):
    tracker = asked_for_contact(parse("it's Jan.Peeters@Telenet.be", "inform_location"))
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert events == [
        SlotSet("contact_email", "jan.peeters@telenet.be"),
        SlotSet("contact_detail", "email"),
        SlotSet("requested_slot", None),
    ]
    assert dispatcher.messages[0]["contact"] == "jan.peeters@telenet.be"


async def test_both_in_one_message(dispatcher, domain):
    tracker = asked_for_contact(parse("marie@exemple.be ou 0470 12 34 56"))
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert events[:3] == [
        SlotSet("contact_phone", "+32470123456"),
        SlotSet("contact_email", "marie@exemple.be"),
        SlotSet("contact_detail", "both"),
    ]
    assert dispatcher.messages[0]["contact"] == "+32 470 12 34 56, marie@exemple.be"


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("0470 12 34", "utter_contact_phone_invalid"),  # too short
        ("0900 12 345", "utter_contact_phone_invalid"),  # premium rate: no one to call back
        ("+32 470", "utter_contact_phone_invalid"),
        ("jan@telenet", "utter_contact_email_invalid"),
        ("jan.peeters@@telenet.be", "utter_contact_email_invalid"),
        ("why do you need it?", "utter_contact_not_read"),
    ],
)
async def test_a_value_it_cannot_use_is_asked_once_more(text, response, dispatcher, domain):
    events = await ValidateContactForm().run(dispatcher, asked_for_contact(parse(text)), domain)
    assert responses(dispatcher) == [response]
    assert events == [
        SlotSet("contact_detail", None),
        SlotSet("missed_question", "contact_detail"),
        SlotSet("requested_slot", "contact_detail"),
    ]


async def test_a_second_value_it_cannot_use_ends_politely(dispatcher, domain):
    tracker = asked_for_contact(parse("0470 12"), missed_question="contact_detail")
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_contact_given_up"]
    assert "kraainem_contact" in dispatcher.messages[0]
    assert events == [
        SlotSet("contact_detail", "none"),
        SlotSet("missed_question", None),
        SlotSet("requested_slot", None),
    ]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("never mind", "out_of_scope"),
        ("laat maar", "nlu_fallback"),
        ("laissez tomber", "deny"),
        ("no", "deny"),
        ("stop", "stop"),
        ("/no_contact", "no_contact"),
    ],
)
async def test_never_mind_ends_politely(text, intent, dispatcher, domain):
    events = await ValidateContactForm().run(
        dispatcher, asked_for_contact(parse(text, intent)), domain
    )
    assert responses(dispatcher) == ["utter_contact_skipped"]
    assert events == [SlotSet("contact_detail", "none"), SlotSet("requested_slot", None)]


@pytest.mark.parametrize("intent", ["erase_data", "restart_conversation", "decline_consent"])
async def test_the_form_steps_aside_for_what_a_rule_answers(intent, dispatcher, domain):
    tracker = asked_for_contact(parse("please delete everything", intent))
    assert await ValidateContactForm().run(dispatcher, tracker, domain) == []


async def test_a_red_flag_comes_first_even_with_a_number(dispatcher, domain):
    tracker = asked_for_contact(parse(f"{CHEST}, call me on 0470 12 34 56"))
    assert tracker.latest_message["intent"]["name"] == "red_flag"
    assert await ValidateContactForm().run(dispatcher, tracker, domain) == []


async def test_after_switching_language_the_question_is_asked_again(dispatcher, domain):
    message = parse("en français svp", "switch_language")
    events = [
        {"event": "user", "text": message["text"], "parse_data": message},
        {"event": "action", "name": "action_switch_language"},
        {"event": "action", "name": "utter_language_switched"},
    ]
    tracker = make_tracker(
        message, {"requested_slot": "contact_detail"}, events, active_loop="contact_form"
    )
    result = await ValidateContactForm().run(dispatcher, tracker, domain)
    assert result == [SlotSet("requested_slot", "contact_detail")]


async def test_declining_consent_drops_the_contact_details(dispatcher, domain):
    slots = {"contact_phone": "+32470123456", "contact_email": "a@b.be", "consent": "given"}
    tracker = make_tracker(payload("decline_consent"), slots)
    events = await ActionRecordConsent().run(dispatcher, tracker, domain)
    assert SlotSet("contact_phone", None) in events
    assert SlotSet("contact_email", None) in events


def test_contact_words_and_readings():
    words = load_words()
    assert words.is_plain_refusal("Nope, thank you")
    assert not words.is_plain_refusal("no that's not what I meant")
    assert words.is_never_mind("Oh, never mind.")
    assert not words.is_never_mind("I mind the needles")
    assert read_contact("x@a_b.be").email is None
    assert read_contact("élodie@exemple.fr").email == "élodie@exemple.fr"
    assert read_contact("0800 12 345").phone is None  # toll-free: not the patient's line
    # Nothing that would change the mailto: link staff click.
    assert read_contact("a?cc=boss@evil.example").email is None
    assert read_contact("jan.o'brien+hcmc@telenet.be").email == "jan.o'brien+hcmc@telenet.be"
