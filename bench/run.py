"""`make bench`: the assistant measured as an operator would before launch, side by side with
Rasa's own template bot (`rasa init`) on the same machine in the same run.

Measures, for each: warm turn latency of one user holding whole conversations, throughput and
p95 with 20 and with 100 simulated users at once, start-up time, training time and the peak memory
of each process; then the same load on two HCMC replicas behind HAProxy (PostgreSQL tracker
store, Redis lock store) when those are reachable. Writes bench/results/<timestamp>.json and
bench/results/latest.md (a Markdown table). Goals are reported here, never asserted by tests.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.detector import measure as measure_text_checks
from bench.load import LoadResult, Script, run_users, warm_up
from bench.memory import peak_rss_mb
from bench.reference import ReferenceBot
from bench.report import markdown_table
from bench.scripts import hcmc_interview, reference_small_talk
from bot.config import PROJECT_ROOT, load_settings
from bot.ops.cluster.checks import unavailable_reason
from bot.ops.cluster.replicas import Cluster
from bot.ops.supervisor import Stack, rasa_bin, rasa_environment

RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
# Ports of this helper's range: one HCMC stack, the reference bot, the replicas' balancers.
SINGLE_PORTS = {"HCMC_RASA_PORT": "5620", "HCMC_ACTION_PORT": "5670"}
REFERENCE_PORT = 5690
CLUSTER_PORTS = {"HCMC_RASA_PORT": "5600", "HCMC_ACTION_PORT": "5650"}
CLUSTER_DATABASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/hcmc_scale_bench"
)
CLUSTER_REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
SINGLE_USER_CONVERSATIONS = int(os.environ.get("BENCH_CONVERSATIONS", "20"))
USER_COUNTS = tuple(int(n) for n in os.environ.get("BENCH_USERS", "20,100").split(","))
# BENCH_TRAINING=0 skips the (several minutes') HCMC training measurement, for a quick run.
MEASURE_TRAINING = os.environ.get("BENCH_TRAINING", "1") != "0"
# Back-to-back 20-user rounds, HCMC then the reference bot, for the throughput ratios: a machine
# whose speed drifts during the run (a shared host) changes both sides of each pair alike.
PAIRED_ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
PAIRED_USERS = 20
# The replicas' part: Rasa replicas and action servers behind HAProxy.
CLUSTER_REPLICAS = int(os.environ.get("BENCH_REPLICAS", "2"))
CLUSTER_ACTION_SERVERS = int(os.environ.get("BENCH_ACTION_SERVERS", "2"))


def single_user(webhook_url: str, script: Script) -> dict[str, Any]:
    warm_up(webhook_url, script)
    combined = LoadResult(users=1)
    for _ in range(SINGLE_USER_CONVERSATIONS):
        one = run_users(webhook_url, 1, script)
        combined.latencies_ms += one.latencies_ms
        combined.messages += one.messages
        combined.errors += one.errors
        for kind, count in one.error_kinds.items():
            combined.error_kinds[kind] = combined.error_kinds.get(kind, 0) + count
        combined.crossed_replies += one.crossed_replies
        combined.wrong_content += one.wrong_content
        combined.elapsed_s += one.elapsed_s
    return combined.summary()


def under_load(webhook_url: str, script: Script) -> dict[str, Any]:
    return {str(users): run_users(webhook_url, users, script).summary() for users in USER_COUNTS}


def measure_bot(webhook_url: str, script: Script) -> dict[str, Any]:
    return {
        "single_user": single_user(webhook_url, script),
        "users": under_load(webhook_url, script),
    }


def paired_rounds(
    webhook_url: str, script: Script, reference_url: str, reference_script: Script
) -> dict[str, Any]:
    """Messages per second at 20 users, HCMC and the reference bot alternately; the median of
    the per-round ratios is the figure the goals are judged on."""
    ours, theirs, ratios = [], [], []
    for _ in range(PAIRED_ROUNDS):
        mine = run_users(webhook_url, PAIRED_USERS, script).summary()
        reference = run_users(reference_url, PAIRED_USERS, reference_script).summary()
        ours.append(mine["messages_per_s"])
        theirs.append(reference["messages_per_s"])
        ratios.append(round(mine["messages_per_s"] / reference["messages_per_s"], 3))
    return {
        "users": PAIRED_USERS,
        "messages_per_s": ours,
        "reference_messages_per_s": theirs,
        "ratios": ratios,
        "median_ratio": statistics.median(ratios),
    }


def memory(processes: dict[str, subprocess.Popen[bytes]]) -> dict[str, float | None]:
    return {name: peak_rss_mb(process.pid) for name, process in processes.items()}


def bench_hcmc(var_dir: Path, reference: ReferenceBot) -> dict[str, Any]:
    settings = load_settings({**SINGLE_PORTS, "HCMC_VAR_DIR": str(var_dir)})
    stack = Stack(settings, var_dir / "logs")
    started = time.perf_counter()
    stack.start()
    try:
        stack.wait_until_ready(timeout=300)
        results: dict[str, Any] = {"startup_s": round(time.perf_counter() - started, 1)}
        results |= measure_bot(settings.rest_webhook_url, hcmc_interview)
        results["paired"] = paired_rounds(
            settings.rest_webhook_url, hcmc_interview, reference.webhook_url, reference_small_talk
        )
        results["peak_memory_mb"] = memory(stack.processes)
    finally:
        stack.stop()
    return results


def start_reference(folder: Path) -> tuple[ReferenceBot, dict[str, Any]]:
    """Trains and starts the reference bot; it keeps running (idle when not measured) so that
    the HCMC measurements can be paired with it."""
    bot = ReferenceBot(folder, REFERENCE_PORT)
    bot.create_and_train()
    started = time.perf_counter()
    bot.start(folder / "rasa.log")
    bot.wait_until_ready()
    return bot, {
        "training_s": round(bot.training_s, 1),
        "startup_s": round(time.perf_counter() - started, 1),
    }


def bench_reference(bot: ReferenceBot) -> dict[str, Any]:
    results = measure_bot(bot.webhook_url, reference_small_talk)
    assert bot.process is not None
    results["peak_memory_mb"] = {"rasa server": peak_rss_mb(bot.process.pid)}
    return results


def fresh_database(url: str) -> None:
    import psycopg2
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    server = parsed.set(database="postgres").render_as_string(hide_password=False)
    connection = psycopg2.connect(server)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
    connection.close()


def bench_cluster(
    var_dir: Path,
    reference: ReferenceBot,
    replicas: int = CLUSTER_REPLICAS,
    action_servers: int = CLUSTER_ACTION_SERVERS,
) -> dict[str, Any]:
    reason = unavailable_reason(CLUSTER_DATABASE, CLUSTER_REDIS)
    if reason:
        return {"skipped": reason}
    import redis

    fresh_database(CLUSTER_DATABASE)
    redis.Redis.from_url(CLUSTER_REDIS).flushdb()
    settings = load_settings(
        {
            **CLUSTER_PORTS,
            "HCMC_VAR_DIR": str(var_dir),
            "HCMC_DATABASE_URL": CLUSTER_DATABASE,
            "HCMC_LOCK_STORE_URL": CLUSTER_REDIS,
        }
    )
    cluster = Cluster(settings, replicas, action_servers, var_dir / "logs")
    started = time.perf_counter()
    cluster.start()
    try:
        cluster.wait_until_ready(timeout=300)
        results: dict[str, Any] = {
            "replicas": replicas,
            "action_servers": action_servers,
            "startup_s": round(time.perf_counter() - started, 1),
        }
        results |= measure_bot(settings.rest_webhook_url, hcmc_interview)
        results["paired"] = paired_rounds(
            settings.rest_webhook_url, hcmc_interview, reference.webhook_url, reference_small_talk
        )
        results["peak_memory_mb"] = memory(cluster.processes)
    finally:
        cluster.stop()
    return results


def measure_training() -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(
            [
                rasa_bin(),
                "train",
                "--force",
                "--quiet",
                "--domain",
                "domain",
                "--data",
                "data",
                "--config",
                "config.yml",
                "--out",
                out,
            ],  # fmt: skip
            cwd=PROJECT_ROOT,
            env=rasa_environment(),
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - started


def write_results(stamp: str, results: dict[str, Any]) -> str:
    """Writes the JSON and the Markdown table; called after each part, so that an interrupted
    run keeps what it measured."""
    results["machine"]["load_average_1min"] = round(os.getloadavg()[0], 2)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"{stamp}.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown_table(results)
    (RESULTS_DIR / "latest.md").write_text(table)
    return table


def main() -> int:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    results: dict[str, Any] = {
        "when": stamp,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "hcmc": {},
        "reference": {},
        "hcmc_replicas": {"skipped": "not measured yet"},
        "text_checks_5000_chars": measure_text_checks(),
        "goals": {
            "single_user_p95_ms": 100,
            "throughput_20_users_vs_reference": 1.0,
            "throughput_20_users_two_replicas_vs_reference": 1.5,
            "errors": 0,
            "crossed_replies": 0,
            "training_s": 300,
            "red_flag_detector_ms": 20,
        },
    }
    print("Benchmark: the reference bot, then HCMC (one Rasa server), then HCMC replicas.")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "reference").mkdir()
        reference, results["reference"] = start_reference(folder / "reference")
        try:
            results["reference"] |= bench_reference(reference)
            write_results(stamp, results)
            print("  Reference bot measured.", flush=True)
            results["hcmc"] = bench_hcmc(folder / "hcmc", reference)
            write_results(stamp, results)
            print("  HCMC measured.", flush=True)
            results["hcmc_replicas"] = bench_cluster(folder / "cluster", reference)
            write_results(stamp, results)
        finally:
            reference.stop()
        replicas = results["hcmc_replicas"]
        print("  Replicas measured." if "skipped" not in replicas else f"  {replicas['skipped']}")
    if MEASURE_TRAINING:
        results["hcmc"]["training_s"] = round(measure_training(), 1)
    print(write_results(stamp, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
