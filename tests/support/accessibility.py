"""axe-core in Chromium: the WCAG checks every page of the project passes (widget, review app)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.config import PROJECT_ROOT

AXE_SCRIPT = PROJECT_ROOT / "web" / "widget" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.1 A and AA rules and axe's best practices (landmarks); every violation above "minor"
# fails the test.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = ("moderate", "serious", "critical")


def axe_violations(page: Any) -> list[str]:
    """axe-core (from npm, installed by `make widget`) on the page as it is now: the moderate,
    serious and critical violations, one line each."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: `make widget` installs it (npm ci)")
    # Evaluated through the DevTools protocol: the page's own CSP (no inline script) stays on.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} - "
        + "; ".join(str(node["target"][0]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in FAILING_IMPACTS
    ]
