"""The benchmark's Markdown table: HCMC, the reference bot, their ratio, and HCMC replicas."""

from __future__ import annotations

from typing import Any


def _get(results: dict[str, Any], *path: str) -> Any:
    value: Any = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _cell(value: Any, unit: str = "") -> str:
    return "n/a" if value is None else f"{value}{unit}"


def _ratio(value: Any, reference: Any) -> str:
    if not value or not reference:
        return "n/a"
    return f"{value / reference:.2f}x"


def _peak(memory: dict[str, float | None] | None) -> str:
    if not memory:
        return "n/a"
    return ", ".join(f"{name} {mb:.0f} MB" for name, mb in memory.items() if mb is not None)


def _ratio_list(ratios: list[float]) -> str:
    return ", ".join(f"{ratio:.2f}" for ratio in ratios)


def _paired_replicas(replicas: dict[str, Any]) -> str:
    paired = _get(replicas, "paired")
    if not paired:
        return "n/a"
    return f"{paired['median_ratio']:.2f}x ({_ratio_list(paired['ratios'])})"


def _cluster_name(replicas: dict[str, Any]) -> str:
    if "replicas" not in replicas:
        return "HCMC, replicas"
    return f"HCMC, {replicas['replicas']} replicas + {replicas['action_servers']} action server" + (
        "s" if replicas["action_servers"] != 1 else ""
    )


def markdown_table(results: dict[str, Any]) -> str:
    hcmc, reference = results["hcmc"], results["reference"]
    replicas = results["hcmc_replicas"]
    rows: list[tuple[str, Any, Any, str, Any, str]] = []

    def row(label: str, path: tuple[str, ...], unit: str, goal: str = "") -> None:
        ours, theirs = _get(hcmc, *path), _get(reference, *path)
        rows.append(
            (label, _cell(ours, unit), _cell(theirs, unit), _ratio(ours, theirs),
             _cell(_get(replicas, *path), unit), goal)
        )  # fmt: skip

    row("one user: turn p50", ("single_user", "p50_ms"), " ms")
    row("one user: turn p95", ("single_user", "p95_ms"), " ms", "< 100 ms")
    for users in hcmc.get("users") or reference.get("users") or {}:
        row(f"{users} users: messages/s", ("users", users, "messages_per_s"), "")
        row(f"{users} users: turn p95", ("users", users, "p95_ms"), " ms")
        row(f"{users} users: errors", ("users", users, "errors"), "", "0")
        row(
            f"{users} users: replies to another conversation",
            ("users", users, "crossed_replies"),
            "",
            "0",
        )
        row(
            f"{users} users: wrong centre for the postcode",
            ("users", users, "wrong_content"),
            "",
            "0",
        )
    paired = _get(hcmc, "paired") or {}
    if paired:
        rows.append(
            (
                f"{paired['users']} users, back-to-back rounds: messages/s ratio to the reference"
                f" (median of {len(paired['ratios'])})",
                _ratio_list(paired["ratios"]),
                "1.00x",
                f"{paired['median_ratio']:.2f}x",
                _paired_replicas(replicas),
                "HCMC >= 1.0x; 2 replicas >= 1.5x",
            )
        )
    row("start-up to first answer", ("startup_s",), " s")
    row("training", ("training_s",), " s", "< 300 s")
    lines = [
        f"| measure | HCMC | reference bot | HCMC / reference | {_cluster_name(replicas)} | goal |",
        "|---|---|---|---|---|---|",
        *(f"| {' | '.join(str(cell) for cell in r)} |" for r in rows),
    ]
    lines.append(
        f"| peak memory (VmHWM) | {_peak(hcmc.get('peak_memory_mb'))} | "
        f"{_peak(reference.get('peak_memory_mb'))} | | {_peak(replicas.get('peak_memory_mb'))} | |"
    )
    worst = max(results["text_checks_5000_chars"]["red_flag_detector_ms"].values())
    lines.append(
        f"| red-flag detector, 5,000 characters, worst input | {worst} ms CPU | | | | < 20 ms |"
    )
    if "skipped" in replicas:
        lines.append(f"\nReplicas not measured: {replicas['skipped']}.")
    machine = results["machine"]
    lines.append(
        f"\n{results['when']}, {machine['cpus']} CPUs, load average {machine['load_average_1min']}"
        " at the end; the reference bot is the plain `rasa init` template (no custom actions,"
        " in-memory tracker store)."
    )
    return "\n".join(lines) + "\n"
