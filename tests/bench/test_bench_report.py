"""The benchmark's table shows the paired-rounds throughput ratios the goals are judged on."""

from __future__ import annotations

from bench.report import markdown_table


def summary(rate: float) -> dict:
    return {"messages_per_s": rate, "p95_ms": 500.0, "errors": 0, "crossed_replies": 0}


def test_the_table_gives_the_median_of_the_back_to_back_ratios():
    results = {
        "when": "20261130T000000Z",
        "machine": {"cpus": 2, "load_average_1min": 1.0},
        "hcmc": {
            "single_user": {"p50_ms": 25.0, "p95_ms": 36.0},
            "users": {"20": summary(45.0)},
            "paired": {"users": 20, "ratios": [1.1, 0.9, 1.2], "median_ratio": 1.1},
        },
        "reference": {
            "single_user": {"p50_ms": 21.0, "p95_ms": 27.0},
            "users": {"20": summary(41.0)},
        },
        "hcmc_replicas": {
            "replicas": 2,
            "action_servers": 1,
            "users": {"20": summary(60.0)},
            "paired": {"users": 20, "ratios": [1.4, 1.6, 1.5], "median_ratio": 1.5},
        },
        "text_checks_5000_chars": {"red_flag_detector_ms": {"a": 9.0, "b": 10.5}},
    }
    table = markdown_table(results)
    paired = next(line for line in table.splitlines() if "back-to-back" in line)
    assert "median of 3" in paired
    assert "| 1.10, 0.90, 1.20 | 1.00x | 1.10x | 1.50x (1.40, 1.60, 1.50) |" in paired
    assert "10.5 ms CPU" in table
    assert "| HCMC, 2 replicas + 1 action server | goal |" in table
