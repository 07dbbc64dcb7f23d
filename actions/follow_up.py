"""A way back to the patient after a red flag or a request for a person (issue 17).

Only when staff are really alerted (``Settings.staff_alerted``: a staff Telegram chat or e-mail
is configured) does the assistant say that staff were told, where they can answer (in this chat
on Telegram and in the website widget, where staff take the conversation over from the review
app; not over plain REST) and when (the reply hours, in Europe/Brussels time; outside them, when
they open next, with 112 / 1733 for anything urgent). It then offers to take a phone number or an
e-mail address, with its own consent question (utter_offer_contact), unless the patient declined
consent: they get the clinic's contact routes instead. Without an alert channel the honest notes
of actions/booking.py and actions/red_flags.py stand ("staff are not alerted").

The offer is answered by its buttons (intents leave_contact, no_contact) or by a typed yes or no
(rules in data/rules/contact.yml, keyed on the slot ``contact_offer``). A typed no right after
urgent advice is heard as a correction of the red flag, as without the offer, unless it is a
plain "no thanks" (bot/triage/clinic/contact_details.yml). The number or address is read by the
contact form (``validate_contact_form``) from the text itself.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    language_of,
    latest_intent,
    latest_text,
    returning_to_form,
    settings,
)
from actions.faq import utter_practical
from bot.alerts import heartbeat
from bot.config import Settings
from bot.storage.senders import LIVE_CHANNELS, TELEGRAM_PREFIX
from bot.triage.clinic.contact_details import (
    CONTACT_SLOTS,
    ContactReading,
    display_phone,
    load_words,
    read_contact,
)
from bot.triage.clinic.reply_hours import BRUSSELS, reply_hours_from
from bot.triage.geography import load_centres

logger = logging.getLogger(__name__)

CONTACT_PHONE, CONTACT_EMAIL = CONTACT_SLOTS
CONTACT_CONSENT = "contact_consent"
CONTACT_OFFER = "contact_offer"
DETAIL = "contact_detail"
FORM = "contact_form"
MISSED = "missed_question"
# Said while the number or address is asked: the form steps aside and a rule answers.
INTERRUPTING_INTENTS = frozenset(
    {
        "red_flag",
        "possible_red_flag",
        "restart_conversation",
        "erase_data",
        "decline_consent",
        "switch_language",
    }
)
# "No", "stop", "bye" instead of a number or an address: the question ends politely.
NEVER_MIND_INTENTS = frozenset({"deny", "stop", "goodbye", "no_contact"})
# A yes to the offer: its button, or typed.
YES_INTENTS = frozenset({"leave_contact", "affirm"})
# The actions after which a typed "no" may be a correction of the red flag.
RED_FLAG_ADVICE = frozenset({"action_red_flag_advice", "action_deactivate_loop"})


def now() -> datetime:
    """The clock of the reply hours (tests replace it)."""
    return datetime.now(BRUSSELS)


def alerts_running(config: Settings) -> bool:
    """The review app's alert dispatcher ran a moment ago (tests replace it)."""
    return heartbeat.alerts_running(config.tracker_database_url)


def staff_alerted() -> bool:
    """Whether staff are told at once: a channel is configured and the review app that sends
    the alerts is running. Only then does the assistant say so."""
    config = settings()
    return config.staff_alerted and alerts_running(config)


def conversation_channel(tracker: Tracker) -> str | None:
    """ "web" (the widget), "telegram", or None (plain REST): the channel's metadata of the
    latest message that has it, else the Telegram bridge's sender id."""
    metadata = tracker.latest_message.get("metadata") or {}
    if metadata.get("channel"):
        return str(metadata["channel"])
    for event in reversed(tracker.events):
        if event.get("event") == "user" and (event.get("metadata") or {}).get("channel"):
            return str(event["metadata"]["channel"])
    if tracker.sender_id.startswith(TELEGRAM_PREFIX):
        return "telegram"
    return None


def reception_routes(tracker: Tracker) -> dict[str, str]:
    """Each centre's name, address and phone or e-mail (the booking page when neither is set)."""
    language = language_of(tracker)
    config = settings()
    variables: dict[str, str] = {}
    for centre in load_centres().values():
        variables[f"{centre.id}_name"] = centre.name
        variables[f"{centre.id}_address"] = centre.address_in(language)
        variables[f"{centre.id}_contact"] = config.contact_route(centre.id) or config.booking_url(
            centre.id
        )
    return variables


def consent_declined(tracker: Tracker) -> bool:
    return tracker.get_slot("consent") == "declined"


def utter_staff_alerted(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Staff were told; where and when they answer."""
    try:
        hours = reply_hours_from(settings().staff_reply_hours)
    except ValueError as error:
        logger.error("HCMC_STAFF_REPLY_HOURS cannot be read, no time is promised: %s", error)
        dispatcher.utter_message(response="utter_staff_alerted_no_hours")
        return
    language = language_of(tracker)
    moment = now()
    variables = {
        "reply_hours": hours.describe(language),
        "next_opening": hours.describe_next_opening(moment, language),
    }
    is_open = hours.is_open(moment)
    if conversation_channel(tracker) in LIVE_CHANNELS:
        if is_open:
            dispatcher.utter_message(response="utter_staff_alerted_chat_open", **variables)
        else:
            dispatcher.utter_message(response="utter_staff_alerted_chat_closed", **variables)
    elif is_open:
        dispatcher.utter_message(response="utter_staff_alerted_read_open", **variables)
    else:
        dispatcher.utter_message(response="utter_staff_alerted_read_closed", **variables)


def follow_up_after_red_flag(
    dispatcher: CollectingDispatcher, tracker: Tracker, emergency: bool, offer: bool = True
) -> list[EventType]:
    """After the urgent advice, when staff are alerted: what happens now, then the offer (or the
    contact routes for a patient who declined consent). In an emergency (112, the emergency
    department) no offer: typing a number must not come before that call."""
    utter_staff_alerted(dispatcher, tracker)
    if emergency:
        return []
    if not offer:  # the interview goes on: the offer would be a question in its way
        return [SlotSet(CONTACT_OFFER, False)]
    if consent_declined(tracker):
        dispatcher.utter_message(
            response="utter_reception_routes_no_details", **reception_routes(tracker)
        )
        return [SlotSet(CONTACT_OFFER, False)]
    return offer_contact(dispatcher, tracker)


def follow_up_after_handoff(
    dispatcher: CollectingDispatcher, tracker: Tracker, others: list[str]
) -> list[EventType]:
    """A request for a person, when staff are alerted: what happens now, the reception's routes,
    the other practical questions of the message (``others``), then the offer. While the
    interview or the place question goes on, the offer waits for a later request."""
    utter_staff_alerted(dispatcher, tracker)
    routes = reception_routes(tracker)
    if consent_declined(tracker):
        dispatcher.utter_message(response="utter_reception_routes_no_details", **routes)
    else:
        dispatcher.utter_message(response="utter_reception_routes", **routes)
    utter_practical(dispatcher, tracker, others)
    if consent_declined(tracker) or (tracker.active_loop or {}).get("name"):
        return [SlotSet(CONTACT_OFFER, False)]
    return offer_contact(dispatcher, tracker)


def offer_contact(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The offer with its consent question, once per conversation."""
    if tracker.get_slot(CONTACT_CONSENT) is not None:
        return [SlotSet(CONTACT_OFFER, False)]
    dispatcher.utter_message(response="utter_offer_contact")
    return [SlotSet(CONTACT_OFFER, True)]


def store_contact(dispatcher: CollectingDispatcher, reading: ContactReading) -> list[EventType]:
    """The number (E.164) and address in their slots, and the patient told what was noted."""
    events: list[EventType] = []
    shown = []
    if reading.phone:
        events.append(SlotSet(CONTACT_PHONE, reading.phone))
        shown.append(display_phone(reading.phone))
    if reading.email:
        events.append(SlotSet(CONTACT_EMAIL, reading.email))
        shown.append(reading.email)
    dispatcher.utter_message(response="utter_contact_saved", contact=", ".join(shown))
    return events


def contact_with_request(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """ "Call me on 0470 12 34 56" (read as a request for a person) while the offer is open: the
    number is the answer to it. Nothing (an empty list) otherwise."""
    if not tracker.get_slot(CONTACT_OFFER) or consent_declined(tracker):
        return []
    reading = read_contact(latest_text(tracker))
    if not reading.found:
        return []
    return [
        SlotSet(CONTACT_CONSENT, "given"),
        *store_contact(dispatcher, reading),
        SlotSet(CONTACT_OFFER, False),
    ]


def after_red_flag_advice(tracker: Tracker) -> bool:
    """Whether the patient's latest message answers the urgent advice (and the offer after it),
    not a request for a person."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
            continue
        if seen_user and event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name") in RED_FLAG_ADVICE
    return False


class ActionDeclineContact(Action):
    """No to the offer: the contact routes, and nothing is kept. A typed no right after urgent
    advice that says more than "no thanks" ("no, I meant my jaw is just tired") is left to the
    red-flag review instead (``contact_offer`` stays true, and a rule runs it). Also the yes
    button of a patient who declined consent: the routes, no details taken."""

    def name(self) -> str:
        return "action_decline_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = latest_text(tracker)
        if (
            latest_intent(tracker) == "deny"
            and not text.startswith("/")
            and after_red_flag_advice(tracker)
            and not load_words().is_plain_refusal(text)
        ):
            return [SlotSet(CONTACT_OFFER, True)]
        if latest_intent(tracker) == "leave_contact":  # a yes, but consent was declined
            dispatcher.utter_message(
                response="utter_reception_routes_no_details", **reception_routes(tracker)
            )
            return [SlotSet(CONTACT_OFFER, False)]
        dispatcher.utter_message(response="utter_contact_declined", **reception_routes(tracker))
        return [SlotSet(CONTACT_CONSENT, "declined"), SlotSet(CONTACT_OFFER, False)]


class ValidateContactForm(FormValidationAction):
    """Asks for the phone number or e-mail address and checks it: one re-ask with an example
    after a value it cannot use, then the contact routes; "never mind" ends it politely."""

    def name(self) -> str:
        return "validate_contact_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("requested_slot") != DETAIL:
            return self._start(dispatcher, tracker)
        intent = latest_intent(tracker)
        if intent == "red_flag":
            return []  # the form rejects: the urgent advice comes first
        if intent in INTERRUPTING_INTENTS and returning_to_form(tracker, FORM):
            return [SlotSet("requested_slot", DETAIL)]  # asked again, in the new language
        text = latest_text(tracker)
        reading = read_contact(text)
        if reading.found:
            return self._store(dispatcher, tracker, reading)
        if intent in INTERRUPTING_INTENTS:
            return []  # the form rejects, so the rule for this intent runs
        if intent == "leave_contact":  # the offer's yes button again: the same question
            return [SlotSet(DETAIL, None), SlotSet("requested_slot", DETAIL)]
        attempted = reading.phone_attempted or reading.email_attempted
        if not attempted and (intent in NEVER_MIND_INTENTS or load_words().is_never_mind(text)):
            dispatcher.utter_message(response="utter_contact_skipped", **reception_routes(tracker))
            return self._end(tracker, "none")
        if tracker.get_slot(MISSED) == DETAIL:
            dispatcher.utter_message(response="utter_contact_given_up", **reception_routes(tracker))
            return self._end(tracker, "none")
        if reading.email_attempted:
            dispatcher.utter_message(response="utter_contact_email_invalid")
        elif reading.phone_attempted:
            dispatcher.utter_message(response="utter_contact_phone_invalid")
        else:
            dispatcher.utter_message(response="utter_contact_not_read")
        return [SlotSet(DETAIL, None), SlotSet(MISSED, DETAIL), SlotSet("requested_slot", DETAIL)]

    def _start(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """Yes to the offer: the question, unless the patient declined consent. A number or an
        address in the same message ("yes, 0470 12 34 56") is taken at once."""
        if consent_declined(tracker):
            dispatcher.utter_message(
                response="utter_reception_routes_no_details", **reception_routes(tracker)
            )
            return [SlotSet(CONTACT_OFFER, False), SlotSet("requested_slot", None)]
        events: list[EventType] = [SlotSet(CONTACT_OFFER, False)]
        reading = read_contact(latest_text(tracker))
        if reading.found:
            return events + self._store(dispatcher, tracker, reading)
        if latest_intent(tracker) in YES_INTENTS:
            # Other messages that open the form (not understood, or a place) are no yes yet.
            events.insert(0, SlotSet(CONTACT_CONSENT, "given"))
        return events + [SlotSet(DETAIL, None), SlotSet("requested_slot", DETAIL)]

    def _store(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, reading: ContactReading
    ) -> list[EventType]:
        """Typed in answer to the offer: consent given by giving it."""
        kind = "both" if reading.phone and reading.email else "phone" if reading.phone else "email"
        consent: list[EventType] = []
        if tracker.get_slot(CONTACT_CONSENT) != "given":
            consent = [SlotSet(CONTACT_CONSENT, "given")]
        return consent + store_contact(dispatcher, reading) + self._end(tracker, kind)

    @staticmethod
    def _end(tracker: Tracker, detail: str) -> list[EventType]:
        events: list[EventType] = [SlotSet(DETAIL, detail)]
        if tracker.get_slot(MISSED) == DETAIL:
            events.append(SlotSet(MISSED, None))
        return events + [SlotSet("requested_slot", None)]
