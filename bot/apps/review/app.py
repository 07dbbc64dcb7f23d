"""The staff review app (Starlette): login, inbox, transcripts, corrections, dashboard, audit."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.apps.review import auth, wording
from bot.apps.review.audit import (
    EVERY_CONVERSATION,
    FOLLOW_UP_ACTION,
    audit,
    audit_rows,
    audit_viewed,
)
from bot.apps.review.background import run_background
from bot.apps.review.charts import horizontal_bars, stacked_bars
from bot.apps.review.clock import FILTERS
from bot.apps.review.dashboard import dashboard
from bot.apps.review.database import review_engine
from bot.apps.review.follow_up import STATUSES, follow_up_of, queue, set_status, status_words
from bot.apps.review.inbox import InboxFilters, clicked, distinct_values, inbox_page
from bot.apps.review.inbox_export import COLUMNS as INBOX_COLUMNS
from bot.apps.review.inbox_export import export_rows
from bot.apps.review.spreadsheet import csv_text
from bot.apps.review.takeover import (
    Holder,
    TakeoverFailed,
    audit_ended,
    call_assistant,
    claim,
    ended_by_assistant,
    holder,
    release,
    shown_name,
    touch,
)
from bot.apps.review.texts import (
    DEFAULT_LANGUAGE,
    LANGUAGE_COOKIE,
    LANGUAGE_COOKIE_DAYS,
    LANGUAGES,
    all_texts,
    chosen_language,
    has_text,
    local_path,
    markup,
    needs_texts,
    number_text,
    switch_links,
    text,
)
from bot.apps.review.throttle import LoginThrottle, minutes
from bot.apps.review.transcript import (
    contact_details,
    corrections_yaml,
    domain_intents,
    export_csv,
    export_json,
    live_turns,
    real_correction,
    shown_phone,
    turns,
)
from bot.config import Settings, load_settings
from bot.pictures import picture_arguments, referral_map_svg
from bot.rasa_plugins.channels.staff import MAX_REPLY
from bot.storage.conversation_index import conversation_events, find_conversation, refresh_index
from bot.storage.conversation_summary import summarise
from bot.storage.erase import erase_conversation, erased_reference
from bot.storage.senders import LIVE_CHANNELS
from bot.storage.tables import alerts, corrections, notes

HERE = Path(__file__).parent
log = logging.getLogger(__name__)
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters.update(FILTERS)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
PUBLIC_PATHS = ("/login", "/static/", "/language/")
MAX_NOTE = 4000
MAX_TAGS = 300
# What a failed staff action says on the conversation's page (?error=...): fixed texts
# (texts.yml, page_error.<code>), so that nothing from the query string is ever shown.
PAGE_ERRORS = (
    "taken",
    "not_holder",
    "offline",
    "refused",
    "timeout",
    "empty",
    "undelivered",
    "no_live",
)
# The errors a route raises name their words (texts.yml, error.detail.<...>).
NO_CONVERSATION = "error.detail.no_conversation"
ADMINS_ONLY = "error.detail.admins_only"
ERROR_HEADINGS = ("400", "401", "403", "404", "405", "500")
needs_texts("page_error", PAGE_ERRORS)
needs_texts("error.heading", ERROR_HEADINGS)
needs_texts("role", ("reviewer", "admin"))
needs_texts("login.paused", ("one", "other"))


class Guard(BaseHTTPMiddleware):
    """Every route but the login page needs a staff session; every POST needs its CSRF token.
    Logs method, path and status only: no query strings (searches hold what patients wrote)."""

    async def dispatch(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        engine: Engine = request.app.state.engine
        user = auth.session_user(engine, request.cookies.get(auth.SESSION_COOKIE))
        request.state.user = user
        language = chosen_language(
            request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language")
        )
        request.state.language = language
        public = request.url.path.startswith(PUBLIC_PATHS)
        if user is None and not public:
            response: Response = (
                RedirectResponse("/login", status_code=303)
                if request.method == "GET"
                else PlainTextResponse(text(language, "error.not_logged_in"), status_code=401)
            )
        elif request.method == "POST" and user is not None and request.url.path != "/login":
            form = await request.form()
            request.state.form = form
            if not auth.same_token(user.csrf_token, _field(form, "csrf_token")):
                response = PlainTextResponse(text(language, "error.csrf"), status_code=403)
            else:
                response = await call_next(request)
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        log.info("%s %s %s", request.method, request.url.path, response.status_code)
        return response


def _field(form: FormData, name: str, limit: int = 200) -> str:
    value = form.get(name)
    return str(value)[:limit] if isinstance(value, str) else ""


def user_of(request: Request) -> auth.StaffUser:
    user = request.state.user
    if user is None:
        raise HTTPException(401)
    return user


def require_admin(request: Request) -> auth.StaffUser:
    user = user_of(request)
    if not user.is_admin:
        raise HTTPException(403, ADMINS_ONLY)
    return user


def language_of(request: Request) -> str:
    return str(getattr(request.state, "language", DEFAULT_LANGUAGE))


def words(language: str) -> dict[str, Any]:
    """What the templates say, in the staff member's language: the interface's texts (`t`) and
    ids in words (bot/apps/review/wording.py)."""
    return {
        "lang": language,
        "t": partial(markup, language),
        "zone_name": text(language, "zone.name"),
        "region_words": partial(wording.indexed_regions, language=language),
        "tier_words": partial(wording.tier_words, language=language),
        "flags_words": partial(wording.flags_words, language=language),
        "centre_words": wording.centre_words,
        "channel_words": partial(wording.channel_words, language=language),
        "language_words": partial(wording.language_words, language=language),
        "consent_words": partial(wording.consent_words, language=language),
        "status_words": partial(status_words, language=language),
        "booking_words": partial(wording.booking_words, language=language),
        "episodes_words": partial(wording.episodes_words, language=language),
        "alert_words": partial(wording.alert_words, language=language),
        "action_words": partial(wording.action_words, language=language),
        "who_words": partial(wording.who_words, language=language),
        "number": partial(number_text, language=language),
    }


def here(request: Request) -> str:
    """The page to come back to after switching languages: this one, or, after a form was
    posted, the conversation's page (a POST address cannot be loaded again)."""
    path = request.url.path
    if request.method != "GET":
        found = re.match(r"^/c/[^/]+", path)
        return found.group(0) if found else ("/login" if path == "/login" else "/")
    return f"{path}?{request.url.query}" if request.url.query else path


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def engine_of(request: Request) -> Engine:
    return request.app.state.engine


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    language = language_of(request)
    shared = {
        "user": request.state.user,
        "language_links": switch_links(language, here(request)),
        **words(language),
    }
    return templates.TemplateResponse(request, name, {**shared, **context}, status_code=status)


def cookie_secure(request: Request) -> bool:
    return settings_of(request).review_https or request.url.scheme == "https"


# --- login ---------------------------------------------------------------------------------------


async def login_page(request: Request) -> Response:
    import secrets

    token = request.cookies.get(auth.LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", {"csrf_token": token, "error": ""})
    response.set_cookie(
        auth.LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=cookie_secure(request),
    )
    return response


def too_many_attempts(seconds: float, language: str) -> str:
    wait = minutes(seconds)
    return text(language, f"login.paused.{'one' if wait == 1 else 'other'}", minutes=wait)


async def choose_language(request: Request) -> Response:
    """The language switch in the header: remembered in a cookie, back to the same page."""
    code = request.path_params["code"]
    if code not in LANGUAGES:
        raise HTTPException(404)
    response = RedirectResponse(local_path(request.query_params.get("next")), status_code=303)
    response.set_cookie(
        LANGUAGE_COOKIE,
        code,
        max_age=LANGUAGE_COOKIE_DAYS * 24 * 3600,
        httponly=True,
        samesite="lax",
        secure=cookie_secure(request),
    )
    return response


async def login(request: Request) -> Response:
    form = await request.form()
    token = request.cookies.get(auth.LOGIN_CSRF_COOKIE, "")
    if not auth.same_token(token, _field(form, "csrf_token")):
        return PlainTextResponse("Missing or wrong CSRF token.", status_code=403)
    username = _field(form, "username", 64).strip()
    password = _field(form, "password", 1024)
    throttle: LoginThrottle = request.app.state.throttle
    address = request.client.host if request.client else "unknown"
    # Per username and per address (bot/apps/review/throttle.py): one colleague's typos never lock
    # out the others at the clinic's shared address. The same words whether or not the
    # username exists.
    wait = throttle.retry_after(username, address)
    if wait > 0:
        context = {"csrf_token": token, "error": too_many_attempts(wait, language_of(request))}
        response = render(request, "login.html", context, status=429)
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    if not auth.check_credentials(engine_of(request), username, password):
        throttle.failed(username, address)
        context = {"csrf_token": token, "error": text(language_of(request), "login.wrong")}
        return render(request, "login.html", context, status=401)
    throttle.succeeded(username, address)
    session = auth.open_session(engine_of(request), username)
    audit(engine_of(request), username, "logged in")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        auth.SESSION_COOKIE,
        session,
        max_age=auth.SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=cookie_secure(request),
    )
    response.delete_cookie(auth.LOGIN_CSRF_COOKIE)
    return response


async def logout(request: Request) -> Response:
    user = user_of(request)
    audit(engine_of(request), user.username, "logged out")
    auth.close_session(engine_of(request), request.cookies.get(auth.SESSION_COOKIE, ""))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE)
    return response


# --- inbox and conversations ---------------------------------------------------------------------


async def inbox(request: Request) -> Response:
    engine = engine_of(request)
    refresh_index(engine, settings_of(request))
    filters = InboxFilters.from_query(request.query_params)
    with engine.connect() as connection:
        page = inbox_page(connection, filters)
        choices = {
            "channels": distinct_values(connection, "channel"),
            "languages": distinct_values(connection, "language"),
            "centres": wording.centre_choices(distinct_values(connection, "centre")),
        }
        waiting = queue(connection, language_of(request))
    context = {
        "filters": filters,
        "page": page,
        "queue": waiting,
        "statuses": STATUSES,
        "more_filters": filters.more_active(),
        "section": "inbox",
        **choices,
    }
    return render(request, "inbox.html", context)


def _conversation(request: Request) -> Any:
    token = request.path_params["token"]
    engine = engine_of(request)
    refresh_index(engine, settings_of(request))
    with engine.connect() as connection:
        row = find_conversation(connection, token)
    if row is None:
        raise HTTPException(404, NO_CONVERSATION)
    return row


def current_holder(engine: Engine, row: Any, events: list[dict[str, Any]]) -> Holder | None:
    """Who holds the conversation; a takeover that Rasa ended (a restart, a new session) is
    released here, so the page never says the assistant is silent when it is not."""
    current = holder(engine, row.sender_id)
    if current is not None and ended_by_assistant(current, events):
        release(engine, row.sender_id)
        audit_ended(engine, row.sender_id, "restarted")
        return None
    return current


def page_error(request: Request, code: str) -> str:
    return text(language_of(request), f"page_error.{code}") if code in PAGE_ERRORS else ""


async def conversation(request: Request) -> Response:
    return conversation_page(request, page_error(request, request.query_params.get("error", "")))


def conversation_page(
    request: Request,
    error: str = "",
    reply_text: str = "",
    *,
    erase_error: str = "",
    correction_error: tuple[int, str] | None = None,
    status: int = 200,
) -> Response:
    """The conversation's page; a refused form is shown again with its error beside it."""
    user = user_of(request)
    language = language_of(request)
    row = _conversation(request)
    engine = engine_of(request)
    with engine.connect() as connection:
        events = conversation_events(connection, row.sender_id)
        followed = bool(clicked(connection, [row.token]))
        note = connection.execute(select(notes).where(notes.c.sender_id == row.sender_id)).first()
        corrected = {
            r.event_id: r.intent
            for r in connection.execute(
                select(corrections.c.event_id, corrections.c.intent).where(
                    corrections.c.sender_id == row.sender_id
                )
            )
        }
        follow_up = follow_up_of(connection, row.sender_id)
        sent_alerts = connection.execute(
            select(alerts).where(alerts.c.sender_id == row.sender_id).order_by(alerts.c.id)
        ).all()
    audit_viewed(engine, user.username, user.session, row.sender_id)
    plain = [event for _, event in events]
    summary = summarise(row.sender_id, plain)
    booking = SimpleNamespace(
        booking_link_given=row.booking_link_given,
        booking_link_counted=row.booking_link_counted,
        followed=followed,
    )
    return render(
        request,
        "conversation.html",
        {
            "row": row,
            "follow_up": follow_up,
            "statuses": STATUSES,
            "alerts": sent_alerts,
            "holder": current_holder(engine, row, plain),
            "live_channel": row.channel in LIVE_CHANNELS,
            "contact": contact_details(plain),
            "display_phone": shown_phone,
            "last_event_id": events[-1][0] if events else 0,
            "error": error,
            "reply_text": reply_text,
            "max_reply": MAX_REPLY,
            "idle_minutes": settings_of(request).takeover_idle_minutes,
            "summary": summary,
            "episodes": wording.episode_cards(summary.episodes, language),
            "booking": booking,
            "erase_word": text(language, "admin.erase_word"),
            "erase_error": erase_error,
            "correction_error": correction_error or (0, ""),
            "turns": turns(events, language),
            "annotation": note,
            "corrected": corrected,
            "intents": domain_intents(),
        },
        status=status,
    )


def _upsert_annotation(engine: Engine, sender_id: str, **values: Any) -> None:
    values["updated_at"] = datetime.utcnow()
    with engine.begin() as connection:
        exists = connection.execute(
            select(notes.c.sender_id).where(notes.c.sender_id == sender_id)
        ).first()
        if exists:
            connection.execute(update(notes).where(notes.c.sender_id == sender_id).values(**values))
        else:
            defaults = {"reviewed": False, "tags": "", "note": ""}
            connection.execute(insert(notes).values(sender_id=sender_id, **{**defaults, **values}))


def _back(token: str, anchor: str) -> RedirectResponse:
    """Back to the conversation, at the card or message acted on: staff keep their place."""
    return RedirectResponse(f"/c/{token}#{anchor}", status_code=303)


async def mark_reviewed(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    reviewed = _field(request.state.form, "reviewed") == "yes"
    _upsert_annotation(
        engine_of(request),
        row.sender_id,
        reviewed=reviewed,
        reviewed_by=user.username if reviewed else None,
    )
    action = "marked reviewed" if reviewed else "marked not reviewed"
    audit(engine_of(request), user.username, action, row.sender_id)
    return _back(row.token, "review")


async def annotate(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    engine = engine_of(request)
    form = request.state.form
    tags = ", ".join(
        dict.fromkeys(t.strip() for t in _field(form, "tags", MAX_TAGS).split(",") if t.strip())
    )
    note = _field(form, "note", MAX_NOTE)
    with engine.connect() as connection:
        before = connection.execute(
            select(notes.c.tags, notes.c.note).where(notes.c.sender_id == row.sender_id)
        ).first()
    _upsert_annotation(engine, row.sender_id, tags=tags, note=note)
    # Only what changed is logged; what was written stays out of the log.
    if tags != (before.tags if before else ""):
        audit(engine, user.username, "changed tags", row.sender_id)
    if note != (before.note if before else ""):
        audit(engine, user.username, "changed note", row.sender_id)
    return _back(row.token, "note")


async def correct_intent(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    form = request.state.form
    intent = _field(form, "intent", 128)
    if intent not in domain_intents():
        raise HTTPException(400, "error.detail.unknown_intent")
    try:
        event_id = int(_field(form, "event_id", 20))
    except ValueError as error:
        raise HTTPException(400, "error.detail.bad_event") from error
    engine = engine_of(request)
    with engine.connect() as connection:
        events = dict(conversation_events(connection, row.sender_id))
    event = events.get(event_id)
    if event is None or event.get("event") != "user":
        raise HTTPException(400, "error.detail.bad_event")
    predicted = (event.get("parse_data") or {}).get("intent") or {}
    if intent == predicted.get("name"):
        # Not a correction: exported, it would teach the model nothing and hide real ones.
        message = text(language_of(request), "nlu.same", intent=intent)
        return conversation_page(request, correction_error=(event_id, message), status=400)
    with engine.begin() as connection:
        connection.execute(
            delete(corrections).where(
                (corrections.c.sender_id == row.sender_id) & (corrections.c.event_id == event_id)
            )
        )
        connection.execute(
            insert(corrections).values(
                sender_id=row.sender_id,
                event_id=event_id,
                text=str(event.get("text") or ""),
                language=row.language,
                predicted_intent=predicted.get("name"),
                confidence=predicted.get("confidence"),
                intent=intent,
                corrected_by=user.username,
                corrected_at=datetime.utcnow(),
            )
        )
    audit(engine, user.username, "corrected intent", row.sender_id)
    return _back(row.token, f"e{event_id}")


async def export(request: Request) -> Response:
    user = require_admin(request)
    row = _conversation(request)
    kind = request.path_params["kind"]
    if kind not in ("json", "csv"):
        raise HTTPException(404, "error.detail.no_export")
    engine = engine_of(request)
    with engine.connect() as connection:
        events = conversation_events(connection, row.sender_id)
    audit(engine, user.username, f"exported {kind}", row.sender_id)
    filename = f"conversation-{row.token}.{kind}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if kind == "json":
        summary = {
            key: (value.isoformat() if isinstance(value, datetime) else value)
            for key, value in row._mapping.items()
            if key != "user_text"
        }
        body = json.dumps(export_json(summary, events), ensure_ascii=False, indent=2)
        return Response(body, media_type="application/json", headers=headers)
    return Response(export_csv(events), media_type="text/csv; charset=utf-8", headers=headers)


async def erase(request: Request) -> Response:
    user = require_admin(request)
    row = _conversation(request)
    # The word of any of the three languages: a switch of language never refuses it.
    confirmations = {text(code, "admin.erase_word").lower() for code in LANGUAGES}
    if _field(request.state.form, "confirm").strip().lower() not in confirmations:
        language = language_of(request)
        word = text(language, "admin.erase_word")
        message = text(language, "admin.erase_refused", word=word)
        return conversation_page(request, erase_error=message, status=400)
    erase_conversation(settings_of(request).tracker_database_url, row.sender_id)
    audit(engine_of(request), user.username, "erased", erased_reference(row.token))
    return RedirectResponse("/?erased=1", status_code=303)


# --- follow-up and live takeover ----------------------------------------------------------------


async def inbox_export(request: Request) -> Response:
    """The conversations the inbox's filters match, every page, as CSV (admins)."""
    user = require_admin(request)
    engine = engine_of(request)
    refresh_index(engine, settings_of(request))
    filters = InboxFilters.from_query(request.query_params)
    with engine.connect() as connection:
        body = csv_text(INBOX_COLUMNS, export_rows(connection, filters))
    audit(engine, user.username, "exported inbox csv", EVERY_CONVERSATION)
    headers = {"Content-Disposition": 'attachment; filename="conversations.csv"'}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


async def follow_up_json(request: Request) -> Response:
    """The "Needs follow-up" queue, for the inbox's script to refresh it without a reload."""
    engine = engine_of(request)
    await asyncio.to_thread(refresh_index, engine, settings_of(request))
    with engine.connect() as connection:
        waiting = queue(connection, language_of(request))
    return JSONResponse({"queue": waiting}, headers={"Cache-Control": "no-store"})


async def change_follow_up(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    form = request.state.form
    status = _field(form, "status", 32)
    if status not in STATUSES:
        raise HTTPException(400, "error.detail.unknown_status")
    assignee = _field(form, "assignee", 64).strip()
    if status == "in_progress" and not assignee:
        assignee = user.username
    set_status(engine_of(request), row.sender_id, status, assignee or None)
    audit(engine_of(request), user.username, f"{FOLLOW_UP_ACTION}{status}"[:32], row.sender_id)
    return _back(row.token, "follow-up")


def _back_with(token: str, error: str = "") -> RedirectResponse:
    suffix = f"?error={error}" if error else ""
    return RedirectResponse(f"/c/{token}{suffix}#takeover", status_code=303)


async def take_over(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    engine = engine_of(request)
    if row.channel not in LIVE_CHANNELS:
        return _back_with(row.token, "no_live")
    if _held_by_user(request, row):  # pressed twice: the patient was told once
        return _back_with(row.token)
    name = shown_name(_field(request.state.form, "display_name", 64), user.username)
    if claim(engine, row.sender_id, user.username, name) is not None:
        return _back_with(row.token, "taken")
    try:
        await call_assistant(settings_of(request), "takeover", row.sender_id, name)
    except TakeoverFailed as error:
        if error.code == "erased":
            release(engine, row.sender_id)
            return _gone()
        if error.code != "timeout":  # nothing happened: free it again
            release(engine, row.sender_id)
        return _back_with(row.token, error.code)
    set_status(engine, row.sender_id, "in_progress", user.username)
    audit(engine, user.username, "took over", row.sender_id)
    return _back_with(row.token)


def _gone() -> RedirectResponse:
    return RedirectResponse("/?erased=1", status_code=303)


def _held_by_user(request: Request, row: Any) -> bool:
    current = holder(engine_of(request), row.sender_id)
    return current is not None and current.username == user_of(request).username


async def staff_reply(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    engine = engine_of(request)
    current = holder(engine, row.sender_id)
    if current is None or current.username != user.username:
        return _back_with(row.token, "not_holder")
    reply = str(request.state.form.get("text") or "")[:MAX_REPLY].strip()
    if not reply:
        return _back_with(row.token, "empty")
    try:
        result = await call_assistant(
            settings_of(request), "reply", row.sender_id, current.display_name, reply
        )
    except TakeoverFailed as error:
        if error.code == "erased":
            return _gone()
        # What staff typed stays in the box, so that nothing is lost or typed twice.
        kept = "" if error.code == "timeout" else reply
        return conversation_page(request, page_error(request, error.code), reply_text=kept)
    touch(engine, row.sender_id)
    audit(engine, user.username, "replied", row.sender_id)
    undelivered = result.get("error") == "delivery"
    return _back_with(row.token, "undelivered" if undelivered else "")


async def hand_back(request: Request) -> Response:
    user = user_of(request)
    row = _conversation(request)
    engine = engine_of(request)
    current = holder(engine, row.sender_id)
    if current is None:
        return _back_with(row.token)
    if current.username != user.username and not user.is_admin:
        return _back_with(row.token, "taken")
    try:
        await call_assistant(settings_of(request), "handback", row.sender_id, current.display_name)
    except TakeoverFailed as error:
        if error.code != "erased":
            return _back_with(row.token, error.code)
    release(engine, row.sender_id)
    audit(engine, user.username, "handed back", row.sender_id)
    return _back_with(row.token)


async def live(request: Request) -> Response:
    """What happened in a conversation since event `after`, for the page's script: new messages,
    who holds it, and whether it still exists."""
    token = request.path_params["token"]
    try:
        after = int(request.query_params.get("after", "0"))
    except ValueError:
        after = 0
    engine = engine_of(request)
    await asyncio.to_thread(refresh_index, engine, settings_of(request))
    with engine.connect() as connection:
        row = find_conversation(connection, token)
        if row is None:
            return JSONResponse({"erased": True}, headers={"Cache-Control": "no-store"})
        events = conversation_events(connection, row.sender_id)
    current = current_holder(engine, row, [event for _, event in events])
    body = {
        "erased": False,
        "last_event_id": events[-1][0] if events else after,
        "turns": live_turns(events, after, language_of(request)),
        "taken_over_by": current.username if current else "",
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


# --- corrections, dashboard, audit ---------------------------------------------------------------


async def corrections_page(request: Request) -> Response:
    with engine_of(request).connect() as connection:
        rows = connection.execute(
            select(corrections)
            .where(real_correction())
            .order_by(corrections.c.corrected_at.desc())
            .limit(500)
        ).all()
    return render(request, "corrections.html", {"rows": rows, "section": "corrections"})


async def corrections_export(request: Request) -> Response:
    user = require_admin(request)
    with engine_of(request).connect() as connection:
        rows = connection.execute(
            select(corrections).where(real_correction()).order_by(corrections.c.id)
        ).all()
    audit(engine_of(request), user.username, "exported corrections", EVERY_CONVERSATION)
    return Response(
        corrections_yaml(rows),
        media_type="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="nlu-corrections.yml"'},
    )


async def dashboard_page(request: Request) -> Response:
    engine = engine_of(request)
    refresh_index(engine, settings_of(request))
    with engine.connect() as connection:
        figures = dashboard(connection)
    language = language_of(request)
    say = partial(text, language)
    empty = say("chart.no_data")
    number = partial(number_text, language=language)
    per_day = {wording.channel_words(ch, language): n for ch, n in figures.per_day.items()}

    def per_week(title: str, name: str, values: list[float]) -> Markup:
        # One figure a week, its series named in the staff member's language.
        return stacked_bars(title, figures.weeks, {name: values}, empty, number)

    charts = {
        "per_day": stacked_bars(say("dashboard.per_day"), figures.days, per_day, empty, number),
        "funnel": horizontal_bars(
            say("dashboard.funnel"),
            [(say(f"funnel.{stage}"), n) for stage, n in figures.funnel],
            empty=empty,
            unknown=say("funnel.not_counted"),
            number=number,
        ),
        "red_flags": per_week(
            say("dashboard.red_flags"),
            say("chart.red_flags"),
            figures.red_flags_per_week["red_flags"],
        ),
        "regions": horizontal_bars(
            say("dashboard.regions"),
            [(wording.region_words(region, language), n) for region, n in figures.regions],
            empty=empty,
            number=number,
        ),
        "fallback": per_week(
            say("dashboard.fallback"), say("chart.fallback"), figures.fallback_per_week["fallback"]
        ),
    }
    context = {"figures": figures, "charts": charts, "section": "dashboard"}
    return render(request, "dashboard.html", context)


async def referral_map(request: Request) -> Response:
    """A referral map as the transcript and the summary card show it (bot/apps/review/
    pictures.py). No patient's data: any staff member may load any region's."""
    parts = request.path_params
    arguments = picture_arguments(parts["region"], parts["side"], parts["language"])
    if arguments is None:
        raise HTTPException(404, "error.detail.no_picture")
    svg = await asyncio.to_thread(referral_map_svg, *arguments)
    # The same drawing every time: the browser may keep it a while (pages stay no-store).
    headers = {"Cache-Control": "private, max-age=3600"}
    return Response(svg, media_type="image/svg+xml", headers=headers)


async def audit_page(request: Request) -> Response:
    require_admin(request)
    with engine_of(request).connect() as connection:
        rows = audit_rows(connection)
    return render(request, "audit.html", {"rows": rows, "section": "audit"})


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else ""
    if not hasattr(request.state, "user"):
        request.state.user = None
    language = language_of(request)
    heading_key = f"error.heading.{status}"
    context = {
        "status": status,
        "heading": text(language, heading_key)
        if has_text(heading_key)
        else text(language, "error.heading.other", status=status),
        # A route names its error's words; Starlette's own ("Not Found") get the generic ones.
        "detail": text(language, detail)
        if isinstance(detail, str) and detail.startswith("error.detail.") and has_text(detail)
        else text(language, "error.detail.generic"),
    }
    return render(request, "error.html", context, status=status)


def create_app(
    settings: Settings | None = None, engine: Engine | None = None, background: bool = True
) -> Starlette:
    """The app; with `background` it also sends the staff alerts and hands back idle takeovers
    for as long as it serves (bot/apps/review/background.py)."""
    settings = settings or load_settings()
    all_texts()  # the interface's texts, checked now: a missing translation stops the start

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if not background:
            yield
            return
        stop = asyncio.Event()
        task = asyncio.create_task(run_background(app.state.engine, settings, stop))
        try:
            yield
        finally:
            stop.set()
            await task

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/login", login_page, methods=["GET"]),
            Route("/login", login, methods=["POST"]),
            Route("/language/{code}", choose_language),
            Route("/logout", logout, methods=["POST"]),
            Route("/", inbox),
            Route("/export.csv", inbox_export),
            Route("/c/{token}", conversation),
            Route("/c/{token}/reviewed", mark_reviewed, methods=["POST"]),
            Route("/c/{token}/annotate", annotate, methods=["POST"]),
            Route("/c/{token}/correct", correct_intent, methods=["POST"]),
            Route("/c/{token}/export.{kind:str}", export),
            Route("/c/{token}/erase", erase, methods=["POST"]),
            Route("/c/{token}/follow-up", change_follow_up, methods=["POST"]),
            Route("/c/{token}/takeover", take_over, methods=["POST"]),
            Route("/c/{token}/reply", staff_reply, methods=["POST"]),
            Route("/c/{token}/handback", hand_back, methods=["POST"]),
            Route("/c/{token}/live.json", live),
            Route("/follow-up.json", follow_up_json),
            Route("/corrections", corrections_page),
            Route("/corrections/export.yml", corrections_export),
            Route("/dashboard", dashboard_page),
            Route("/audit", audit_page),
            Route("/referral-map/{region}/{side}/{language}.svg", referral_map),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        middleware=[Middleware(Guard)],
        exception_handlers={HTTPException: http_error},
    )
    app.state.settings = settings
    app.state.engine = engine or review_engine(settings)
    app.state.throttle = LoginThrottle()
    return app
