"""How long the red-flag detector and the place finder take on long or odd messages (CPU time)."""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.triage.geography import find_place
from bot.triage.red_flags import detect

# 5,000 characters each: the longest message the channels pass on.
INPUTS = {
    "sentences": "My lower back has been hurting for three weeks, mostly when I sit. " * 80,
    "french": "j'ai mal au dos depuis trois semaines et ca ne passe pas du tout. " * 80,
    "negations": "no fever, no chest pain, no numbness between my legs, no cancer. " * 80,
    "apostrophes": "I'm can't don't won't " * 230,
    "emoji": "\U0001f600\U0001f525\U0001f64f " * 1300,
    "html": "<div class='msg'><p>pain <b>here</b></p></div>" * 110,
}


def best_cpu_ms(function: Callable[[str], object], text: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        function(text)
        best = min(best, time.process_time() - started)
    return round(best * 1000, 2)


def measure() -> dict[str, dict[str, float]]:
    return {
        "red_flag_detector_ms": {
            name: best_cpu_ms(detect, text[:5000]) for name, text in INPUTS.items()
        },
        "place_finder_ms": {
            name: best_cpu_ms(find_place, text[:5000]) for name, text in INPUTS.items()
        },
    }
