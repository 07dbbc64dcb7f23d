"""Charts as inline SVG, rendered by the app itself (no script, no third-party host).

Drawn narrow (400 units wide) and shown at most 520 px wide (style.css), so that their words
stay readable from a phone's 390 px to a desktop: a chart scales with its box, its text too."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from markupsafe import Markup

PALETTE = ("#2f6f9f", "#d9822b", "#3c9d5d", "#a23b72", "#6b6b6b", "#c8b400")
WIDTH, HEIGHT, PAD = 400, 200, 30
# At most this many labels under vertical bars: more would run into each other.
MAX_LABELS = 6
# Horizontal bars: the label on a line of its own, the bar under it, its value after it.
ROW, BAR = 34, 12
Numbers = Callable[[float], str]


def plain(value: float) -> str:
    return f"{value:g}"


def _svg(body: str, title: str, height: int = HEIGHT) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{body}</svg>'
    )


def _no_data(title: str, empty: str) -> Markup:
    return _svg(f'<text x="0" y="20" class="axis">{escape(empty)}</text>', title, 32)


def stacked_bars(
    title: str,
    labels: list[str],
    series: dict[str, list[float]],
    empty: str = "No data",
    number: Numbers = plain,
) -> Markup:
    """Vertical bars, one per label, stacked by series (e.g. conversations per day by channel)."""
    if not labels:
        return _no_data(title, empty)
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    top = max(totals) or 1
    step = (WIDTH - 2 * PAD) / len(labels)
    bottom = HEIGHT - PAD - 6
    parts = [
        f'<text x="{PAD - 4}" y="{PAD - 4}" text-anchor="end" class="axis">{number(top)}</text>',
        f'<line x1="{PAD}" y1="{bottom}" x2="{WIDTH - PAD}" y2="{bottom}" class="baseline"/>',
    ]
    every = max(1, -(-len(labels) // MAX_LABELS))
    for i, label in enumerate(labels):
        y = float(bottom)
        for k, (name, values) in enumerate(series.items()):
            h = (bottom - PAD) * values[i] / top
            if h > 0:
                parts.append(
                    f'<rect x="{PAD + i * step + 1:.1f}" y="{y - h:.1f}" '
                    f'width="{max(step - 2, 1):.1f}"'
                    f' height="{h:.1f}" fill="{PALETTE[k % len(PALETTE)]}">'
                    f"<title>{escape(label)} {escape(name)}: {number(values[i])}</title></rect>"
                )
            y -= h
        if (len(labels) - 1 - i) % every == 0:  # the last (today, this week) always named
            parts.append(
                f'<text x="{PAD + i * step + step / 2:.1f}" y="{bottom + 16}" '
                f'text-anchor="middle" class="axis">{escape(label)}</text>'
            )
    x = float(PAD)
    for k, name in enumerate(series):
        parts.append(
            f'<rect x="{x:.1f}" y="{HEIGHT - 12}" width="10" height="10" '
            f'fill="{PALETTE[k % len(PALETTE)]}"/><text x="{x + 14:.1f}" '
            f'y="{HEIGHT - 3}" class="axis">{escape(name)}</text>'
        )
        x += 24 + 7 * len(name)
    return _svg("".join(parts), title)


def horizontal_bars(
    title: str,
    items: list[tuple[str, float | None]],
    unit: str = "",
    empty: str = "No data",
    unknown: str = "-",
    number: Numbers = plain,
) -> Markup:
    """One bar per item, in the order given (funnel, top regions), its label above it. An item
    whose value is None is not known (e.g. clicks that are not counted): no bar, the `unknown`
    words instead."""
    if not items:
        return _no_data(title, empty)
    height = ROW * len(items) + 4
    top = max((value for _, value in items if value is not None), default=0) or 1
    longest = WIDTH - 50
    parts = []
    for i, (label, value) in enumerate(items):
        y = i * ROW
        parts.append(f'<text x="0" y="{y + 13}" class="axis label">{escape(label)}</text>')
        if value is None:
            parts.append(f'<text x="0" y="{y + 28}" class="axis unknown">{escape(unknown)}</text>')
            continue
        w = max(longest * value / top, 1.0 if value else 0.0)
        parts.append(
            f'<rect x="0" y="{y + 17}" width="{w:.1f}" height="{BAR}" rx="2" '
            f'fill="{PALETTE[0]}"/><text x="{w + 6:.1f}" y="{y + 28}" '
            f'class="axis">{number(value)}{escape(unit)}</text>'
        )
    return _svg("".join(parts), title, height)
