"""The review app in English, French and Dutch (Starlette's TestClient over the recorded store):
the staff member's choice in the header, remembered; the browser's language before any choice;
<html lang>; and no English left on any page in French or Dutch."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from bot.apps.review.app import create_app
from bot.apps.review.texts import LANGUAGE_COOKIE, all_texts, text
from bot.storage.tokens import conversation_token
from tests.apps.review.conftest import csrf_of, log_in

PLACEHOLDER = re.compile(r"\{\w*\}")
# What the page shows that is not the interface: what patients and the assistant said (in the
# patient's language), the model's codes (corrections need them), staff's own input, and the
# language switch (each language named in itself).
SKIPPED_CLASSES = {"bubble", "event", "nlu", "tags", "languages"}
SKIPPED_TAGS = {"script", "style", "code", "textarea"}


class Visible(HTMLParser):
    """The page's text as staff read it, without the parts that are not the interface."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []  # tags opened inside a skipped element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = set((dict(attrs).get("class") or "").split())
        void = tag in ("input", "br", "meta", "link", "img")
        if self.skipping:
            if not void:
                self.skipping.append(tag)
        elif not void and (tag in SKIPPED_TAGS or classes & SKIPPED_CLASSES):
            self.skipping.append(tag)
        else:
            for name in ("placeholder", "aria-label", "data-label", "title"):
                value = dict(attrs).get(name)
                if value:
                    self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_left(page: str, language: str) -> list[str]:
    """English interface texts on a page meant to be in `language`: each fragment of an English
    text (between placeholders) that the language's texts do not also use."""
    shown = visible(page)
    theirs = " ".join(texts[language] for texts in all_texts().values())
    found = []
    for key, texts in all_texts().items():
        if texts["en"] == texts[language]:
            continue
        for fragment in PLACEHOLDER.split(texts["en"]):
            fragment = fragment.strip(" .:,()·")
            if len(fragment) >= 5 and fragment not in theirs and fragment in shown:
                found.append(f"{key}: {fragment!r}")
    return found


def in_language(client: TestClient, language: str) -> None:
    response = client.get(f"/language/{language}", params={"next": "/"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert f"{LANGUAGE_COOKIE}={language}" in cookie and "max-age=31536000" in cookie.lower()


def html_lang(page: str) -> str:
    found = re.search(r'<html lang="([a-z]+)">', page)
    assert found, "no <html lang>"
    return found.group(1)


def test_the_login_page_speaks_the_browsers_language_until_staff_choose(anonymous):
    dutch = anonymous.get("/login", headers={"Accept-Language": "nl-BE,nl;q=0.9,en;q=0.8"})
    assert html_lang(dutch.text) == "nl" and "Aanmelden voor medewerkers" in dutch.text
    french = anonymous.get("/login", headers={"Accept-Language": "fr-BE"})
    assert html_lang(french.text) == "fr" and "Connexion du personnel" in french.text
    assert html_lang(anonymous.get("/login", headers={"Accept-Language": "de"}).text) == "en"
    # The switch works before logging in, and wins over the browser.
    in_language(anonymous, "fr")
    chosen = anonymous.get("/login", headers={"Accept-Language": "nl"})
    assert html_lang(chosen.text) == "fr" and english_left(chosen.text, "fr") == []
    wrong = anonymous.post(
        "/login",
        data={"username": "ada", "password": "wrong", "csrf_token": csrf_of(chosen.text)},
    )
    assert "Nom d'utilisateur ou mot de passe incorrect." in wrong.text.replace("&#39;", "'")


def test_the_switch_goes_back_to_the_same_page_and_never_elsewhere(reviewer):
    back = reviewer.get("/language/nl", params={"next": "/?red_flag=yes"}, follow_redirects=False)
    assert back.headers["location"] == "/?red_flag=yes"
    for elsewhere in ("https://evil.example/", "//evil.example", "/\\evil.example"):
        response = reviewer.get("/language/fr", params={"next": elsewhere}, follow_redirects=False)
        assert response.headers["location"] == "/"
    assert reviewer.get("/language/de", follow_redirects=False).status_code == 404
    # Each page links to itself in the other languages; the one in use is marked.
    page = reviewer.get("/dashboard").text  # in French: the last choice
    assert 'href="/language/nl?next=%2Fdashboard"' in page
    switch = page.split('aria-label="Langue"')[1].split("</nav>")[0]
    assert re.findall(r'lang="(\w+)"[^>]*aria-current="true"', switch) == ["fr"]


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_every_page_is_in_the_chosen_language(store, recording, language):
    token = {name: conversation_token(store, sender) for name, sender in recording.senders.items()}
    with TestClient(create_app(store), base_url="http://review.test") as admin:
        assert log_in(admin, "ada").status_code == 303
        in_language(admin, language)
        booking = f"/c/{token['booking']}"
        csrf = csrf_of(admin.get(booking).text)
        admin.post(f"{booking}/annotate", data={"csrf_token": csrf, "tags": "x", "note": "y"})
        closed = {"csrf_token": csrf, "status": "closed"}
        admin.post(f"/c/{token['red_flag']}/follow-up", data=closed)
        pages = {
            path: admin.get(path)
            for path in (
                "/",
                "/?red_flag=yes&region=genou&sort=urgency",
                booking,
                f"/c/{token['red_flag']}",
                f"/c/{token['person']}",
                f"/c/{token['episodes']}",
                f"/c/{token['many_regions']}",
                "/dashboard",
                "/corrections",
                "/audit",
                "/c/no-such-conversation",
            )
        }
        refused = admin.post(f"{booking}/erase", data={"csrf_token": csrf, "confirm": "no"})
        pages["erase refused"] = refused
    assert refused.status_code == 400
    assert text(language, "admin.erase_refused", word=text(language, "admin.erase_word")) in (
        refused.text.replace("&#39;", "'")
    )
    assert pages["/c/no-such-conversation"].status_code == 404
    for path, response in pages.items():
        assert html_lang(response.text) == language, path
        assert english_left(response.text, language) == [], path
    said = {"fr": "Boîte de réception", "nl": "Gesprekken"}[language]
    assert said in pages["/"].text
    # Regions, tiers and flags from the data files, in the chosen language.
    flagged = visible(pages[f"/c/{token['red_flag']}"].text)
    assert {"fr": "Urgent : appelez le 112", "nl": "Dringend: bel nu 112"}[language] in flagged


def test_erasing_takes_the_word_in_any_of_the_three_languages(admin, store, recording):
    path = f"/c/{conversation_token(store, recording.senders['fallback'])}"
    in_language(admin, "nl")
    csrf = csrf_of(admin.get(path).text)
    assert "Typ <strong>wissen</strong> om alle gebeurtenissen" in admin.get(path).text
    done = admin.post(f"{path}/erase", data={"csrf_token": csrf, "confirm": "Effacer"})
    assert done.status_code == 200 and "Het gesprek werd gewist." in done.text


def test_errors_and_refusals_are_in_the_staff_members_language(reviewer, store, recording):
    in_language(reviewer, "fr")
    missing = reviewer.get("/c/nothing-here")
    assert missing.status_code == 404 and "Introuvable" in missing.text
    assert "Cette conversation n'existe pas" in missing.text.replace("&#39;", "'")
    audit = reviewer.get("/audit")
    assert audit.status_code == 403 and "Seuls les administrateurs" in audit.text
    forged = reviewer.post(f"/c/{conversation_token(store, recording.senders['booking'])}/reviewed")
    assert forged.status_code == 403 and forged.text == "Jeton CSRF manquant ou incorrect."


def test_the_follow_up_list_and_the_live_transcript_speak_it_too(reviewer, store, recording):
    in_language(reviewer, "nl")
    waiting = reviewer.get("/follow-up.json").json()["queue"]
    assert {item["urgency"] for item in waiting} <= {
        text("nl", key) for key in all_texts() if key.startswith("queue.urgency.")
    }
    assert "Wil iemand spreken" in {item["urgency"] for item in waiting}
    assert {item["status_label"] for item in waiting} == {"nieuw"}
    page = reviewer.get(f"/c/{conversation_token(store, recording.senders['red_flag'])}").text
    assert 'data-red-flag="Alarmsignaal:"' in page and 'data-staff="{name} (team)"' in page
    inbox = reviewer.get("/").text
    assert 'data-empty="Niets op te volgen."' in inbox
