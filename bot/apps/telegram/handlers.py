"""One async handler per concern: commands, text, location, other media, buttons, groups.

The handlers pass on what the patient does and render what the assistant says; the conversation
itself (greeting, consent, interview, centres, booking) is entirely the assistant's.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardRemove,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.ext import ContextTypes

from bot.apps.telegram.assistant import (
    BUSY,
    FAILED,
    REJECTED,
    UNREACHABLE,
    AssistantClient,
    ChatSequencer,
    Reply,
    Unanswered,
    send_with_retry,
)
from bot.apps.telegram.chatwork import ChatWork
from bot.apps.telegram.config import TelegramSettings
from bot.apps.telegram.messages import Messages
from bot.apps.telegram.payloads import INTERNAL_PREFIX, PayloadStore
from bot.apps.telegram.processing import delivery_id
from bot.apps.telegram.queue import UpdateQueue
from bot.apps.telegram.rendering import (
    Markup,
    Outgoing,
    ReferralMap,
    conversation_erased,
    marked_keyboard,
    render_replies,
    to_html,
)
from bot.apps.telegram.sending import call_telegram
from bot.apps.telegram.turns import DELIVERY_KEY, stored_replies
from bot.pictures import referral_map_png
from bot.storage.erase import erase_conversation
from bot.storage.senders import TELEGRAM_PREFIX
from bot.triage.language import LANGUAGES, detect_language, language_from_code

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
SENDER_PREFIX = TELEGRAM_PREFIX
TYPING_INTERVAL = 4.0  # Telegram shows "typing…" for about 5 seconds per chat action
# What each command sends to the assistant. "/greet" rather than "/start": a message beginning
# with "/" is read by Rasa as an intent, and the assistant has no "start" intent.
ASSISTANT_COMMANDS = {"start": "/greet", "help": "/help", "restart": "/restart"}
SWITCH_LANGUAGE = "/switch_language"
DONE_DATA = f"{INTERNAL_PREFIX}done"
LANGUAGE_DATA = f"{INTERNAL_PREFIX}lang:"
# What the patient is told when a message was not passed on, by reason
# (bot/apps/telegram/assistant.py).
UNANSWERED_TEXTS = {
    UNREACHABLE: "gave_up",
    BUSY: "busy_gave_up",
    FAILED: "failed",
    REJECTED: "rejected",
}

Context = ContextTypes.DEFAULT_TYPE


def sender_id(chat_id: int) -> str:
    """The assistant's conversation id for a chat: stable, and apart from other channels'."""
    return f"{SENDER_PREFIX}{chat_id}"


def location_payload(latitude: float, longitude: float) -> str:
    entities = json.dumps({"latitude": latitude, "longitude": longitude})
    return f"/share_location{entities}"


def language_in_payload(payload: str) -> str | None:
    """ "fr" from the payload /switch_language{"language":"fr"}; None for any other payload."""
    if not payload.startswith(SWITCH_LANGUAGE + "{"):
        return None
    try:
        entities = json.loads(payload[len(SWITCH_LANGUAGE) :])
    except ValueError:
        return None
    language = entities.get("language") if isinstance(entities, dict) else None
    return language if language in LANGUAGES else None


@dataclass
class ChatState:
    """What the bridge remembers about a chat (in memory): presentation only, no conversation."""

    language: str | None = None  # chosen with /language or the assistant's language buttons
    written: str | None = None  # the language of the patient's last clearly written message
    location_keyboard_open: bool = False
    outage_noticed: bool = False


async def drawn(picture: ReferralMap) -> bytes | None:
    """The referral map as PNG bytes, or None (logged) when it cannot be drawn. Drawing takes a
    moment the first time (then it is cached): in a thread, so other chats are not held up."""
    try:
        return await asyncio.to_thread(
            referral_map_png, picture.region, picture.side, picture.language
        )
    except Exception:
        logger.warning("Could not draw the referral map of %s", picture.region, exc_info=True)
        return None


class Bridge:
    def __init__(
        self,
        settings: TelegramSettings,
        assistant: AssistantClient,
        payloads: PayloadStore,
        messages: Messages,
        assistant_switches_language: bool,
        queue: UpdateQueue | None = None,
    ) -> None:
        self.settings = settings
        self.assistant = assistant
        self.payloads = payloads
        self.queue = queue or UpdateQueue(None)
        self.messages = messages
        self.assistant_switches_language = assistant_switches_language
        self.chats: dict[int, ChatState] = {}
        self.sequencer = ChatSequencer()
        self.work = ChatWork()

    async def close(self) -> None:
        await self.assistant.close()
        self.payloads.close()
        self.queue.close()

    # --- helpers -------------------------------------------------------------------------------

    def state(self, chat_id: int) -> ChatState:
        return self.chats.setdefault(chat_id, ChatState())

    def preferred_language(self, chat_id: int, user: User | None) -> str | None:
        """The same order as the assistant's (a choice, then what the patient writes, then the
        Telegram app's language code as given), so that bridge and assistant speak one."""
        state = self.chats.get(chat_id, ChatState())
        return state.language or state.written or (user.language_code if user else None)

    def language(self, chat_id: int, user: User | None) -> str:
        """The language of the bridge's own texts."""
        return language_from_code(self.preferred_language(chat_id, user)) or "en"

    def metadata(self, chat_id: int, user: User | None) -> dict[str, Any]:
        metadata: dict[str, Any] = {"channel": CHANNEL}
        language = self.preferred_language(chat_id, user)
        if language:
            metadata["language"] = language
        return metadata

    def routes(self) -> str:
        return "\n".join(f"• {name}: {route}" for name, route in self.settings.contact_routes)

    async def send(
        self, bot: Bot, chat_id: int, html_text: str, reply_markup: Markup | None = None
    ) -> Message | None:
        return await call_telegram(
            lambda: bot.send_message(
                chat_id,
                html_text,
                parse_mode=ParseMode.HTML,
                reply_markup=reply_markup,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
            "send a message",
            attempts=self.settings.telegram_retry_attempts,
        )

    async def say(
        self,
        bot: Bot,
        chat_id: int,
        key: str,
        language: str,
        reply_markup: Markup | None = None,
        **values: Any,
    ) -> None:
        """Sends one of the bridge's own messages (messages.yml) in the chat's language."""
        text = self.messages.text(key, language, **values)
        await self.send(bot, chat_id, to_html(text), reply_markup)

    @contextlib.asynccontextmanager
    async def typing(self, bot: Bot, chat_id: int) -> AsyncIterator[None]:
        """Shows "typing…" while the assistant thinks (not while it is known to be down)."""
        state = self.state(chat_id)

        async def keep_typing() -> None:
            while True:
                if not state.outage_noticed:
                    await call_telegram(
                        lambda: bot.send_chat_action(chat_id, ChatAction.TYPING),
                        "show typing",
                        attempts=1,
                    )
                await asyncio.sleep(TYPING_INTERVAL)

        task = asyncio.create_task(keep_typing())
        try:
            yield
        finally:
            task.cancel()

    def forget_copies(self, chat_id: int, before: int | None = None) -> None:
        """After an erasure, the bridge's own copies of the chat go too: what it remembers of it
        (language choice, keyboard), its button payloads, and its messages still waiting (those
        that came before the update `before`)."""
        self.chats.pop(chat_id, None)
        self.payloads.forget_chat(chat_id)
        try:
            dropped = self.queue.drop_chat(chat_id, before)
        except sqlite3.Error as error:
            logger.error("Could not drop an erased chat's waiting messages (%s)", error)
            return
        if dropped:
            logger.info("Dropped %d waiting message(s) of an erased conversation", dropped)

    async def tell_expired(self, bot: Bot) -> None:
        """At start: each chat whose messages waited past the retry period is told once that
        they were not passed on (never what they said), and they are forgotten."""
        expired = self.queue.expired()
        if expired:
            logger.warning(
                "Messages of %d chat(s) waited too long to be passed on; telling the patients",
                len(expired),
            )
        for chat in expired:
            language = language_from_code(chat.language) or "en"
            await self.say(bot, chat.chat_id, "expired", language, routes=self.routes())
            try:
                self.queue.discard(chat.update_ids)
            except sqlite3.Error as error:
                logger.error("Could not forget expired Telegram messages (%s)", error)

    async def deliver(
        self,
        bot: Bot,
        chat_id: int,
        user: User | None,
        message: str,
        update_id: int | None = None,
    ) -> None:
        """Passes one message to the assistant and renders its replies. Call within the turn;
        `update_id`: the update it comes from."""
        state = self.state(chat_id)
        language = self.language(chat_id, user)

        async def tell_unavailable() -> None:
            if not state.outage_noticed:
                state.outage_noticed = True
                await self.say(bot, chat_id, "unavailable", language, routes=self.routes())

        s = self.settings
        delivery, maybe_taken = delivery_id()
        sender = sender_id(chat_id)

        async def confirm() -> list[Reply] | None:
            return await asyncio.to_thread(stored_replies, s.database_url, sender, delivery)

        async with self.typing(bot, chat_id):
            replies = await send_with_retry(
                self.assistant,
                sender,
                message,
                {**self.metadata(chat_id, user), DELIVERY_KEY: delivery},
                on_delay=tell_unavailable,
                notice_after=s.notice_after,
                initial_delay=s.retry_initial_delay,
                max_delay=s.retry_max_delay,
                retry_for=s.retry_for,
                failed_attempts=s.failed_attempts,
                confirm=confirm,
                maybe_taken=maybe_taken,
            )
        if isinstance(replies, Unanswered):
            # Never silently: the patient knows this message was not passed on, and whether
            # sending it again may help.
            state.outage_noticed = False
            key = UNANSWERED_TEXTS[replies.reason]
            await self.say(bot, chat_id, key, language, routes=self.routes())
            return
        state.outage_noticed = False
        rendered = render_replies(
            replies,
            self.payloads,
            self.messages,
            language,
            state.location_keyboard_open,
            chat_id=chat_id,
        )
        state.location_keyboard_open = rendered.location_keyboard_open
        for outgoing in rendered.messages:
            if outgoing.referral_map:
                await self.send_referral_map(bot, chat_id, outgoing)
            elif outgoing.photo_url:
                send_photo = functools.partial(bot.send_photo, chat_id, outgoing.photo_url)
                if await call_telegram(send_photo, "send a photo") is None:
                    await self.send(bot, chat_id, to_html(outgoing.photo_url))
            else:
                await self.send(bot, chat_id, outgoing.text, outgoing.reply_markup)
        if any(conversation_erased(reply) for reply in replies):
            # Erased in words ("delete my data", confirmed): the bridge forgets the chat too, as
            # after /forget.
            self.forget_copies(chat_id, update_id)

    async def send_referral_map(self, bot: Bot, chat_id: int, outgoing: Outgoing) -> None:
        """The referral map as a photo with its caption; the explanation still goes out, as
        text, when the picture cannot be drawn or sent."""
        assert outgoing.referral_map is not None
        png = await drawn(outgoing.referral_map)
        sent = None
        if png is not None:
            sent = await call_telegram(
                lambda: bot.send_photo(
                    chat_id,
                    png,
                    caption=outgoing.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=outgoing.reply_markup,
                    filename="referral-map.png",
                ),
                "send the referral map",
                attempts=self.settings.telegram_retry_attempts,
            )
        if sent is None and outgoing.fallback is not None:
            await self.send(bot, chat_id, outgoing.fallback, outgoing.reply_markup)

    # --- handlers ------------------------------------------------------------------------------
    # Each handler takes its chat's turn before its first await, so that replies keep the order
    # in which the patient wrote.

    async def on_group(self, update: Update, context: Context) -> None:
        """In a group, the assistant only says that it is for private chats; in the staff's alert
        chat it says nothing (staff answer patients from the review app)."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None or not self._addressed_in_group(message, context.bot):
            return
        if str(chat.id) == self.settings.staff_chat_id:
            return
        language = language_from_code(
            message.from_user.language_code if message.from_user else None
        )
        text = self.messages.text("group_only", language, bot_link=self._bot_link(context.bot))
        await call_telegram(
            lambda: message.reply_text(to_html(text), parse_mode=ParseMode.HTML),
            "answer in a group",
        )

    async def on_assistant_command(self, update: Update, context: Context) -> None:
        """/start, /help and /restart: what the assistant says to them."""
        chat, message = update.effective_chat, update.effective_message
        if chat is None or message is None or not message.text:
            return
        command = message.text.split()[0].lstrip("/").split("@")[0].lower()
        turn = self.sequencer.turn(chat.id)
        async with self.work.droppable(chat.id, update.update_id), turn:
            await self.deliver(
                context.bot,
                chat.id,
                update.effective_user,
                ASSISTANT_COMMANDS.get(command, "/help"),
                update.update_id,
            )

    async def reply_in_turn(
        self,
        update: Update,
        context: Context,
        key: str,
        reply_markup: Markup | None = None,
        **values: Any,
    ) -> None:
        """One of the bridge's own messages in answer to an update, in its turn among the chat's
        messages (and dropped with them by /forget)."""
        chat = update.effective_chat
        if chat is None:
            return
        turn = self.sequencer.turn(chat.id)
        async with self.work.droppable(chat.id, update.update_id), turn:
            language = self.language(chat.id, update.effective_user)
            await self.say(context.bot, chat.id, key, language, reply_markup, **values)

    def language_keyboard(self) -> InlineKeyboardMarkup:
        """One button per language, each named in its own language."""
        names = self.messages.language_names
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(names[code], callback_data=LANGUAGE_DATA + code)
                    for code in LANGUAGES
                ]
            ]
        )

    async def on_language(self, update: Update, context: Context) -> None:
        await self.reply_in_turn(update, context, "language_prompt", self.language_keyboard())

    async def on_privacy(self, update: Update, context: Context) -> None:
        retention_days = self.settings.retention_days
        await self.reply_in_turn(update, context, "privacy", retention_days=retention_days)

    async def on_forget(self, update: Update, context: Context) -> None:
        """Erases this chat's conversation from the tracker store, then confirms.

        The chat's earlier messages still waiting for the assistant (down, perhaps for long) are
        dropped rather than waited for: the patient asked to erase, not to have them answered."""
        chat = update.effective_chat
        if chat is None:
            return
        self.work.drop_before(chat.id, update.update_id)
        try:
            self.queue.drop_chat(chat.id, before=update.update_id)
        except sqlite3.Error as error:
            logger.error("Could not drop an erased chat's waiting messages (%s)", error)
        turn = self.sequencer.turn(chat.id)
        # Within the turn: no message of this chat is with the assistant while its events go.
        async with turn:
            # A dropped message's request may still be with the assistant: it lands first.
            await self.assistant.settled(sender_id(chat.id))
            language = self.language(chat.id, update.effective_user)
            state = self.state(chat.id)
            try:
                erased = await asyncio.to_thread(
                    erase_conversation, self.settings.database_url, sender_id(chat.id)
                )
            except Exception:
                logger.exception("Could not erase the conversation of a Telegram chat")
                await self.say(
                    context.bot, chat.id, "forget_failed", language, routes=self.routes()
                )
                return
            logger.info("Erased a Telegram conversation on request (%d events)", erased)
            remove = ReplyKeyboardRemove() if state.location_keyboard_open else None
            # The bridge forgets the chat too.
            self.forget_copies(chat.id, before=update.update_id)
            key = "forget_done" if erased else "forget_nothing"
            await self.say(context.bot, chat.id, key, language, remove)

    async def on_text(self, update: Update, context: Context) -> None:
        chat, message = update.effective_chat, update.effective_message
        if chat is None or message is None or not message.text:
            return
        # Typed text is never read as a button payload ("/intent{...}") by the assistant.
        text = message.text.lstrip("/").strip()
        if not text:
            return
        turn = self.sequencer.turn(chat.id)
        async with self.work.droppable(chat.id, update.update_id), turn:
            written = detect_language(text)
            if written:
                self.state(chat.id).written = written
            await self.deliver(context.bot, chat.id, update.effective_user, text, update.update_id)

    async def on_location(self, update: Update, context: Context) -> None:
        """A shared location or venue reaches the assistant as coordinates."""
        chat, message = update.effective_chat, update.effective_message
        if chat is None or message is None:
            return
        location = message.location or (message.venue.location if message.venue else None)
        if location is None:
            return
        payload = location_payload(location.latitude, location.longitude)
        turn = self.sequencer.turn(chat.id)
        async with self.work.droppable(chat.id, update.update_id), turn:
            user = update.effective_user
            await self.deliver(context.bot, chat.id, user, payload, update.update_id)

    async def on_other(self, update: Update, context: Context) -> None:
        """Photos, voice messages, stickers, documents...: only text can be read."""
        await self.reply_in_turn(update, context, "text_only")

    async def on_button(self, update: Update, context: Context) -> None:
        """A press on an inline button: always answered; the keyboard is marked; the payload goes
        to the assistant."""
        query, chat = update.callback_query, update.effective_chat
        if query is None:
            return
        data = query.data or ""
        if chat is None or chat.type != ChatType.PRIVATE:
            await self._answer(query)
            return
        language_choice = data.removeprefix(LANGUAGE_DATA) if data.startswith(LANGUAGE_DATA) else ""
        payload = None if data.startswith(INTERNAL_PREFIX) else self.payloads.decode(data)
        if language_choice not in LANGUAGES and payload is None:
            # "✓ ..." pressed again, or a button from before a restart whose payload is gone.
            expired = (
                ""
                if data == DONE_DATA
                else self.messages.text(
                    "button_expired", self.language(chat.id, update.effective_user)
                )
            )
            await self._answer(query, expired)
            return
        turn = self.sequencer.turn(chat.id)
        user, update_id = update.effective_user, update.update_id
        async with self.work.droppable(chat.id, update_id):
            try:
                await self._answer(query)
                await self._mark(query, data)
            except BaseException:
                turn.abandon()  # dropped or stopped before its turn: the next one goes on
                raise
            async with turn:
                if language_choice in LANGUAGES:
                    await self.choose_language(
                        context.bot, chat.id, user, language_choice, update_id
                    )
                elif payload is not None:
                    # The assistant's own language buttons: the bridge follows them too (its
                    # own messages, and the language metadata of later conversations).
                    chosen = language_in_payload(payload)
                    if chosen:
                        self.state(chat.id).language = chosen
                    await self.deliver(context.bot, chat.id, user, payload, update_id)

    async def choose_language(
        self,
        bot: Bot,
        chat_id: int,
        user: User | None,
        language: str,
        update_id: int | None = None,
    ) -> None:
        self.state(chat_id).language = language
        if self.assistant_switches_language:
            payload = SWITCH_LANGUAGE + json.dumps({"language": language})
            await self.deliver(bot, chat_id, user, payload, update_id)
        else:
            # The assistant reads the language from metadata when a conversation starts.
            await self.say(bot, chat_id, "language_saved", language)

    async def on_error(self, update: object, context: Context) -> None:
        """Whatever went wrong is logged (token redacted); the bridge keeps running."""
        logger.error("Error while handling a Telegram update", exc_info=context.error)

    # --- small pieces --------------------------------------------------------------------------

    async def _answer(self, query: CallbackQuery, text: str = "") -> None:
        await call_telegram(lambda: query.answer(text or None), "answer a button press", attempts=2)

    async def _mark(self, query: CallbackQuery, data: str) -> None:
        message = query.message
        if not isinstance(message, Message):
            return  # too old for Telegram to show it to the bot
        markup = marked_keyboard(message.reply_markup, data)
        await call_telegram(
            lambda: query.edit_message_reply_markup(reply_markup=markup), "mark a pressed button"
        )

    @staticmethod
    def _bot_link(bot: Bot) -> str:
        try:
            return f"https://t.me/{bot.username}"
        except RuntimeError:  # not initialised (tests of a lone handler)
            return "Telegram"

    @staticmethod
    def _addressed_in_group(message: Message, bot: Bot) -> bool:
        """A command, a mention, a reply to the bot or the bot being added; not group chatter."""
        try:
            bot_id, username = bot.id, (bot.username or "").lower()
        except RuntimeError:
            return True
        if any(member.id == bot_id for member in message.new_chat_members or ()):
            return True
        replied_to = message.reply_to_message.from_user if message.reply_to_message else None
        if replied_to is not None and replied_to.id == bot_id:
            return True
        text = (message.text or message.caption or "").lower()
        return text.startswith("/") or (bool(username) and f"@{username}" in text)
