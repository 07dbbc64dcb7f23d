"""Charts as inline SVG, rendered by the app itself (no script, no third-party host)."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

PALETTE = ("#2f6f9f", "#d9822b", "#3c9d5d", "#a23b72", "#6b6b6b", "#c8b400")
WIDTH, HEIGHT, PAD = 640, 220, 36


def _svg(body: str, title: str, height: int = HEIGHT) -> Markup:
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>{body}</svg>'
    )


def stacked_bars(title: str, labels: list[str], series: dict[str, list[float]]) -> Markup:
    """Vertical bars, one per label, stacked by series (e.g. conversations per day by channel)."""
    if not labels:
        return _svg('<text x="10" y="20">No data</text>', title, 40)
    totals = [sum(values[i] for values in series.values()) for i in range(len(labels))]
    top = max(totals) or 1
    step = (WIDTH - 2 * PAD) / len(labels)
    parts = [f'<text x="{PAD - 4}" y="{PAD - 8}" text-anchor="end" class="axis">{top:g}</text>']
    for i, label in enumerate(labels):
        y = float(HEIGHT - PAD)
        for k, (name, values) in enumerate(series.items()):
            h = (HEIGHT - 2 * PAD) * values[i] / top
            if h > 0:
                parts.append(
                    f'<rect x="{PAD + i * step + 1:.1f}" y="{y - h:.1f}" '
                    f'width="{max(step - 2, 1):.1f}"'
                    f' height="{h:.1f}" fill="{PALETTE[k % len(PALETTE)]}">'
                    f"<title>{escape(label)} {escape(name)}: {values[i]:g}</title></rect>"
                )
            y -= h
        if len(labels) <= 16 or i % max(1, len(labels) // 8) == 0:
            parts.append(
                f'<text x="{PAD + i * step + step / 2:.1f}" y="{HEIGHT - PAD + 14}" '
                f'text-anchor="middle" class="axis">{escape(label)}</text>'
            )
    for k, name in enumerate(series):
        parts.append(
            f'<rect x="{PAD + k * 110}" y="{HEIGHT - 14}" width="10" height="10" '
            f'fill="{PALETTE[k % len(PALETTE)]}"/><text x="{PAD + k * 110 + 14}" '
            f'y="{HEIGHT - 5}" class="axis">{escape(name)}</text>'
        )
    return _svg("".join(parts), title)


def horizontal_bars(title: str, items: list[tuple[str, float]], unit: str = "") -> Markup:
    """One bar per item, longest first as given (funnel, top regions)."""
    if not items:
        return _svg('<text x="10" y="20">No data</text>', title, 40)
    row = 24
    height = row * len(items) + 10
    top = max(value for _, value in items) or 1
    label_width = 190
    parts = []
    for i, (label, value) in enumerate(items):
        w = (WIDTH - label_width - 70) * value / top
        y = 5 + i * row
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" class="axis">'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" '
            f'fill="{PALETTE[0]}"/><text x="{label_width + w + 6:.1f}" y="{y + 15}" '
            f'class="axis">{value:g}{escape(unit)}</text>'
        )
    return _svg("".join(parts), title, height)
