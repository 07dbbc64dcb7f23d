"""`make cluster REPLICAS=2 ACTION_SERVERS=2`: several Rasa replicas and action servers on this
host behind HAProxy, sharing the PostgreSQL tracker store and the Redis lock store."""

from __future__ import annotations

import argparse
import os
import sys

from bot.config import load_settings, redact_url
from bot.ops.cluster.checks import cors_origins_reason
from bot.ops.cluster.replicas import Cluster, ClusterError
from bot.ops.supervisor import stop_on_sigterm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    args = parser.parse_args(argv)
    refused = cors_origins_reason(os.environ)
    if refused:
        print(f"Could not start the cluster: {refused}", file=sys.stderr)
        return 1
    settings = load_settings()
    try:
        cluster = Cluster(settings, args.replicas, args.action_servers, settings.var_dir / "logs")
    except ClusterError as error:
        print(f"Could not start the cluster: {error}", file=sys.stderr)
        return 1

    stop_on_sigterm()
    print(f"Starting {args.replicas} Rasa replicas and {args.action_servers} action servers...")
    try:
        cluster.start()
        cluster.wait_until_ready()
        replicas = ", ".join(str(cluster.replica_port(i)) for i in range(1, args.replicas + 1))
        print(
            "\nThe HCMC assistant is running on several replicas.\n"
            f"  REST channel:   POST {settings.rest_webhook_url} (HAProxy)\n"
            f"  Rasa replicas:  ports {replicas}\n"
            f"  Actions:        {settings.action_server_url} (HAProxy)\n"
            f"  Conversations:  {redact_url(settings.tracker_database_url)}\n"
            f"  Locks:          {redact_url(settings.lock_store_url) or 'in memory'}\n"
            f"  Logs:           {settings.var_dir / 'logs'}\nCtrl-C stops it.\n",
            flush=True,
        )
        return cluster.wait()
    except KeyboardInterrupt:
        return 0
    except (ClusterError, TimeoutError) as error:
        print(f"Could not start the cluster: {error}", file=sys.stderr)
        return 1
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
