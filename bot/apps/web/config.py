"""Settings of the website widget's web server, from the environment (README, "Configuration")."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.config import PROJECT_ROOT, Settings, env_int, env_path


@dataclass(frozen=True)
class WebSettings:
    host: str = "127.0.0.1"
    port: int = 8080
    # Address of the Rasa server as the visitor's browser reaches it (the widget's data-server).
    assistant_url: str = "http://127.0.0.1:5005"
    widget_dir: Path = PROJECT_ROOT / "build" / "web" / "widget"
    demo_dir: Path = PROJECT_ROOT / "web" / "demo"

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def health_url(self) -> str:
        return f"{self.url}/health"


def load_web_settings(settings: Settings, env: Mapping[str, str] | None = None) -> WebSettings:
    env = os.environ if env is None else env
    return WebSettings(
        host=env.get("HCMC_WEB_HOST", "").strip() or "127.0.0.1",
        port=env_int(env, "HCMC_WEB_PORT", 8080),
        assistant_url=(env.get("HCMC_WIDGET_SERVER", "").strip() or settings.rasa_url).rstrip("/"),
        widget_dir=env_path(env, "HCMC_WIDGET_DIR", PROJECT_ROOT / "build" / "web" / "widget"),
    )
