"""The assistant's replies as Telegram messages: HTML escaping, links, splitting, keyboards.

The parse mode is HTML: only ``<``, ``>`` and ``&`` need escaping in text (MarkdownV2 would need
eighteen characters escaped, and the assistant's texts are full of them).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from bot.apps.telegram.messages import Messages
from bot.apps.telegram.payloads import PayloadStore
from bot.pictures import picture_arguments
from bot.triage.knowledge import load_knowledge_base
from bot.triage.language import LANGUAGES

logger = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096  # UTF-16 code units of text after entity parsing, Telegram's limit
CAPTION_LIMIT = 1024  # the same, for a photo's caption
LOCATION_PAYLOAD = "/share_location"
MARK = "✓ "
# A keyboard row holds buttons while their titles together stay readable on a phone.
ROW_TITLE_CHARACTERS = 30
ROW_BUTTONS = 3
# Telegram refuses empty messages; used when the assistant sends buttons without text.
BUTTONS_ONLY_TEXT = "👇"

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove

# [title](https://...) as in Rasa's Markdown responses, and bare http(s) URLs.
_MARKDOWN_LINK = r"\[(?P<title>[^\]\n]+)\]\((?P<target>https?://[^\s)]+)\)"
_BARE_URL = r"(?P<url>https?://[^\s<>\"]+)"
LINK = re.compile(f"{_MARKDOWN_LINK}|{_BARE_URL}")
TRAILING_PUNCTUATION = ".,;:!?'\")"


@dataclass(frozen=True)
class ReferralMap:
    """The referral map a reply asks for (actions/explanation.py), drawn by bot.pictures."""

    region: str
    side: str | None
    language: str


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message to send: HTML text and an optional keyboard, or a photo.

    With `referral_map`, the message is that picture and `text` its caption; `fallback` is what
    to send instead when the picture cannot go (None when the text follows on its own)."""

    text: str
    reply_markup: Markup | None = None
    photo_url: str | None = None
    referral_map: ReferralMap | None = None
    fallback: str | None = None


@dataclass(frozen=True)
class Rendered:
    messages: list[Outgoing]
    # Whether the "Share my location" reply keyboard is shown after these messages.
    location_keyboard_open: bool


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def _split_url(url: str) -> tuple[str, str]:
    """A bare URL without the sentence's punctuation that follows it."""
    stripped = url.rstrip(TRAILING_PUNCTUATION)
    # Keep a closing parenthesis that belongs to the URL itself.
    while url[len(stripped) :].startswith(")") and stripped.count("(") > stripped.count(")"):
        stripped += ")"
    return stripped, url[len(stripped) :]


def to_html(text: str) -> str:
    """Escapes text for parse_mode HTML and turns Markdown links and bare URLs into links."""
    parts: list[str] = []
    position = 0
    for match in LINK.finditer(text):
        parts.append(escape(text[position : match.start()]))
        if match.group("title"):
            target = html.escape(match.group("target"), quote=True)
            parts.append(f'<a href="{target}">{escape(match.group("title"))}</a>')
        else:
            url, rest = _split_url(match.group("url"))
            parts.append(f'<a href="{html.escape(url, quote=True)}">{escape(url)}</a>')
            parts.append(escape(rest))
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _longest_prefix(text: str, limit: int) -> int:
    """The largest index i such that text[:i] is at most `limit` UTF-16 code units."""
    total = 0
    for index, character in enumerate(text):
        total += 2 if ord(character) > 0xFFFF else 1
        if total > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Splits a long text into messages of at most `limit` characters (as Telegram counts them),
    at a paragraph, line, sentence or word boundary, never inside a link."""
    chunks: list[str] = []
    rest = text.strip()
    while utf16_length(rest) > limit:
        cut = _longest_prefix(rest, limit)
        links = [(m.start(), m.end()) for m in LINK.finditer(rest) if m.start() < cut]

        def inside_link(index: int) -> bool:
            return any(start < index < end for start, end in links)  # noqa: B023

        split_at = 0
        for separator in ("\n\n", "\n", ". ", " "):
            position = rest.rfind(separator, 0, cut)
            while position > 0 and inside_link(position):
                position = rest.rfind(separator, 0, position)
            # A separator near the start would leave a tiny message: try a finer one.
            if position >= limit // 2:
                split_at = position + (1 if separator == ". " else len(separator))
                break
        if not split_at:
            starts = [start for start, end in links if start < cut < end and start > 0]
            split_at = starts[0] if starts else cut
        chunks.append(rest[:split_at].rstrip())
        rest = rest[split_at:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


URGENT_MARKS = {"call_112": "🚨", "emergency_department": "🚨", "unclear": "🚨"}
OTHER_MARK = "⚠️"


def urgent_of(reply: dict[str, Any]) -> dict[str, Any] | None:
    """The urgent card's data (bot.triage.red_flags.advice) carried by a reply, if any."""
    custom = reply.get("custom")
    urgent = custom.get("urgent") if isinstance(custom, dict) else None
    return urgent if isinstance(urgent, dict) else None


def conversation_erased(reply: dict[str, Any]) -> bool:
    """The patient had the conversation erased in words (action_erase_conversation)."""
    custom = reply.get("custom")
    return isinstance(custom, dict) and custom.get("erased") is True


def merge_urgent(replies: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa's REST channel sends a text and its custom data as two replies; the urgent advice
    is drawn as one message, so the data joins the text before it."""
    merged: list[dict[str, Any]] = []
    for reply in replies:
        previous = merged[-1] if merged else {}
        plain_text_before = bool(previous.get("text")) and not (
            previous.get("custom") or previous.get("buttons")
        )
        if urgent_of(reply) and not reply.get("text") and plain_text_before:
            merged[-1] = {**previous, "custom": reply["custom"]}
        else:
            merged.append(dict(reply))
    return merged


def urgent_html(text: str, urgent: dict[str, Any]) -> str:
    """Urgent advice as Telegram HTML: a marked bold title, the advice, then each number to call
    alone on its line (so phones offer to call it)."""
    mark = URGENT_MARKS.get(str(urgent.get("tier")), OTHER_MARK)
    lines = [f"{mark} <b>{escape(str(urgent.get('title') or ''))}</b>", to_html(text)]
    for call in urgent.get("calls") or []:
        if isinstance(call, dict) and call.get("number"):
            lines += ["", f"📞 {escape(str(call.get('label') or ''))}:"]
            lines.append(f"<b>{escape(str(call['number']))}</b>")
    return "\n".join(lines)


def referral_map_of(reply: dict[str, Any], language: str) -> ReferralMap | None:
    """The referral map a reply carries, if it names a region that has one."""
    custom = reply.get("custom")
    spec = custom.get("referral_map") if isinstance(custom, dict) else None
    if not isinstance(spec, dict):
        return None
    drawn_in = spec.get("language") if spec.get("language") in LANGUAGES else language
    picture = picture_arguments(spec.get("region"), spec.get("side"), drawn_in)
    if picture is None:
        # Chest and belly have no muscle picture; the text still goes out on its own.
        logger.warning("No referral map for %.80r: the text goes alone", spec)
        return None
    return ReferralMap(*picture)


def merge_referral_maps(replies: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """As merge_urgent: the explanation and its referral map come as two replies, and are shown
    as one photo with the text as its caption."""
    merged: list[dict[str, Any]] = []
    for reply in replies:
        previous = merged[-1] if merged else {}
        custom = reply.get("custom")
        is_map = isinstance(custom, dict) and "referral_map" in custom
        if is_map and not reply.get("text") and previous.get("text") and not previous.get("custom"):
            merged[-1] = {**previous, "custom": custom}
        else:
            merged.append(dict(reply))
    return merged


def referral_map_messages(
    text: str, picture: ReferralMap, markup: Markup | None, messages: Messages
) -> list[Outgoing]:
    """The picture with the text as its caption; a text too long for a caption follows the
    picture, which then only names the region."""
    text = text.strip()
    if text and utf16_length(text) <= CAPTION_LIMIT:
        html_text = to_html(text)
        return [Outgoing(html_text, markup, referral_map=picture, fallback=html_text)]
    region = load_knowledge_base().region(picture.region).label(picture.language)
    short = messages.text("referral_map_caption", picture.language, region=region)
    out = [Outgoing(escape(short), None if text else markup, referral_map=picture)]
    chunks = split_text(text) if text else []
    for index, chunk in enumerate(chunks):
        out.append(Outgoing(to_html(chunk), markup if index == len(chunks) - 1 else None))
    return out


def is_location_request(button: dict[str, Any]) -> bool:
    return str(button.get("payload") or "").strip() == LOCATION_PAYLOAD and not button.get("url")


def _rows(buttons: Sequence[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    rows: list[list[InlineKeyboardButton]] = []
    for button in buttons:
        row = rows[-1] if rows else None
        if (
            row is not None
            and len(row) < ROW_BUTTONS
            and sum(len(b.text) for b in row) + len(button.text) <= ROW_TITLE_CHARACTERS
        ):
            row.append(button)
        else:
            rows.append([button])
    return rows


def inline_keyboard(
    buttons: Iterable[dict[str, Any]], payloads: PayloadStore, chat_id: int | None = None
) -> InlineKeyboardMarkup | None:
    """The assistant's buttons as an inline keyboard: links open, others send their payload."""
    keyboard: list[InlineKeyboardButton] = []
    for button in buttons:
        title = str(button.get("title") or "").strip()
        if not title:
            continue
        url = str(button.get("url") or "").strip()
        if url:
            keyboard.append(InlineKeyboardButton(title, url=url))
            continue
        payload = str(button.get("payload") or "").strip() or title
        data = payloads.encode(payload, chat_id)
        keyboard.append(InlineKeyboardButton(title, callback_data=data))
    return InlineKeyboardMarkup(_rows(keyboard)) if keyboard else None


def location_keyboard(title: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        [[KeyboardButton(title, request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def marked_keyboard(markup: InlineKeyboardMarkup | None, pressed_data: str) -> InlineKeyboardMarkup:
    """The keyboard after a press: link buttons stay, the choices give way to "✓ <choice>"."""
    links: list[list[InlineKeyboardButton]] = []
    title = ""
    for row in markup.inline_keyboard if markup else ():
        kept = [button for button in row if button.url]
        if kept:
            links.append(kept)
        for button in row:
            if button.callback_data == pressed_data and not title:
                title = button.text
    mark = InlineKeyboardButton(MARK + (title or "…"), callback_data="!done")
    return InlineKeyboardMarkup([*links, [mark]])


def render_replies(
    replies: Sequence[dict[str, Any]],
    payloads: PayloadStore,
    messages: Messages,
    language: str,
    location_keyboard_open: bool = False,
    chat_id: int | None = None,
) -> Rendered:
    """Turns the assistant's REST replies into Telegram messages, in order.

    The location question's "/share_location" button becomes a reply-keyboard button that shares
    the phone's location (inline buttons cannot); once the question is answered, the next plain
    message removes that keyboard.
    """
    out: list[Outgoing] = []
    asks_location = False
    for reply in merge_referral_maps(merge_urgent(replies)):
        text = str(reply.get("text") or "")
        urgent = urgent_of(reply)
        if urgent and text.strip():
            out.append(Outgoing(urgent_html(text, urgent)))
            continue
        buttons = [b for b in reply.get("buttons") or [] if isinstance(b, dict)]
        wants_location = any(is_location_request(button) for button in buttons)
        choices = [b for b in buttons if not is_location_request(b)]
        # The chat owns its stored payloads: they go when its conversation is erased.
        markup = inline_keyboard(choices, payloads, chat_id)
        picture = referral_map_of(reply, language)
        if picture is not None:
            out.extend(referral_map_messages(text, picture, markup, messages))
            chunks = []  # a location keyboard, if any, comes in a message of its own
        else:
            chunks = split_text(text) if text.strip() else []
            if not chunks and markup is not None:
                chunks = [BUTTONS_ONLY_TEXT]
            for index, chunk in enumerate(chunks):
                last = index == len(chunks) - 1
                out.append(Outgoing(to_html(chunk), markup if last else None))
        image = str(reply.get("image") or "").strip()
        if image.startswith(("https://", "http://")):
            out.append(Outgoing(text="", photo_url=image))
        if wants_location:
            asks_location = True
            keyboard = location_keyboard(messages.text("share_location_button", language))
            if chunks and markup is None:
                out[-1] = Outgoing(out[-1].text, keyboard)
            else:
                out.append(Outgoing(escape(messages.text("location_prompt", language)), keyboard))
        unshown_custom = reply.get("custom") is not None and picture is None
        if unshown_custom or reply.get("attachment") is not None:
            logger.debug("A custom or attachment reply is not shown on Telegram")
    if asks_location:
        return Rendered(out, location_keyboard_open=True)
    if location_keyboard_open:
        for index, message in enumerate(out):
            if message.reply_markup is None and not (message.photo_url or message.referral_map):
                out[index] = Outgoing(message.text, ReplyKeyboardRemove())
                return Rendered(out, location_keyboard_open=False)
    return Rendered(out, location_keyboard_open=location_keyboard_open)
