"""What the widget receives for one response of the assistant (WidgetOutput): a text with custom
data arrives as one message, with its suggested answers, as Rasa's socketio output sends them."""

from __future__ import annotations

from typing import Any

from bot.rasa_plugins.channels.widget import WidgetOutput

ROOM = "web:" + "a" * 32
WHERE = "Where do you feel the pain?\n\nYou can name one or more places."
BUTTONS = [
    {"title": "Lower back", "payload": '/describe_pain{"body_region":"low_back"}'},
    {"title": "Knee", "payload": '/describe_pain{"body_region":"knee_front"}'},
]


class RecordingServer:
    def __init__(self) -> None:
        self.emitted: list[tuple[str, Any, str]] = []

    async def emit(self, event: str, data: Any = None, room: str = "", **_: Any) -> None:
        self.emitted.append((event, data, room))


async def sent(message: dict[str, Any]) -> list[Any]:
    server = RecordingServer()
    await WidgetOutput(server, "bot_uttered").send_response(ROOM, dict(message))  # type: ignore[arg-type]
    assert all(event == "bot_uttered" and room == ROOM for event, _, room in server.emitted)
    return [data for _, data, _ in server.emitted]


async def test_the_where_question_keeps_its_buttons_and_its_body_map_in_one_message():
    messages = await sent({"text": WHERE, "buttons": BUTTONS, "custom": {"body_map": True}})
    assert messages == [
        {
            "text": WHERE,
            "quick_replies": [
                {"content_type": "text", "title": "Lower back", "payload": BUTTONS[0]["payload"]},
                {"content_type": "text", "title": "Knee", "payload": BUTTONS[1]["payload"]},
            ],
            "custom": {"body_map": True},
        }
    ]


async def test_a_text_with_custom_data_and_no_buttons_is_one_message():
    picture = {"referral_map": {"region": "knee_front", "side": "left", "language": "en"}}
    messages = await sent({"text": "Pain here (knee)\n• Vastus medialis", "custom": picture})
    assert messages == [{"text": "Pain here (knee)\n• Vastus medialis", "custom": picture}]


async def test_without_custom_data_the_messages_are_rasas_own():
    messages = await sent({"text": WHERE, "buttons": BUTTONS})
    # One message per paragraph, the buttons on the last, as Rasa's socketio channel does.
    assert [message["text"] for message in messages] == WHERE.split("\n\n")
    assert messages[0]["quick_replies"] == []
    assert [reply["title"] for reply in messages[-1]["quick_replies"]] == ["Lower back", "Knee"]
