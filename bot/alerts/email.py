"""Alerts by e-mail over SMTP (HCMC_SMTP_URL, HCMC_STAFF_EMAIL)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from bot.alerts.wording import Alert
from bot.config import Settings

TIMEOUT = 15.0
# A password may cross these without TLS: they never leave the machine.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class InsecureLogin(Exception):
    """The server offers no TLS and the URL has a password: it is not sent in clear."""


def alert_email(settings: Settings, alert: Alert) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = alert.subject
    message["From"] = settings.alert_email_from
    message["To"] = ", ".join(settings.staff_emails)
    message.set_content(alert.text() + "\n")
    return message


def send_email(settings: Settings, message: EmailMessage) -> None:
    """Sends through the configured server: STARTTLS when it offers it (smtp://), TLS from the
    start with smtps://; logs in when the URL has a user. Raises on any failure."""
    url = urlsplit(settings.smtp_url)
    host = url.hostname or "localhost"
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if url.scheme == "smtps":
        client = smtplib.SMTP_SSL(host, url.port or 465, timeout=TIMEOUT, context=context)
    else:
        client = smtplib.SMTP(host, url.port or 587, timeout=TIMEOUT)
    with client:
        client.ehlo()
        secure = url.scheme == "smtps"
        if url.scheme == "smtp" and client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
            secure = True
        if url.username and not secure and host not in LOCAL_HOSTS:
            raise InsecureLogin(f"{host} offers no STARTTLS: use smtps:// or a server with TLS")
        if url.username:
            client.login(unquote(url.username), unquote(url.password or ""))
        client.send_message(message)
