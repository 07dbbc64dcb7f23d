"""The deployment files agree with the code: the load balancer's servers are the compose file's
services, the committed haproxy.cfg is what the renderer gives, and HAProxy accepts it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from bot.config import PROJECT_ROOT, load_settings
from bot.ops.cli import cluster as cluster_cli
from bot.ops.cluster.haproxy import compose_config, haproxy_binary, render_config
from bot.ops.cluster.replicas import Cluster, ClusterError

DEPLOY = PROJECT_ROOT / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yml").read_text())


def test_committed_haproxy_config_is_the_rendered_one():
    assert (DEPLOY / "haproxy.cfg").read_text() == compose_config()


def test_every_balanced_server_is_a_compose_service_running_that_server():
    services = compose()["services"]
    servers = re.findall(r"^\s+server (\S+) (\S+):(\d+)", compose_config(), re.MULTILINE)
    assert {name for name, _, _ in servers} == {"rasa1", "rasa2", "actions1", "actions2"}
    for name, host, _ in servers:
        assert host == name
        role = "rasa" if name.startswith("rasa") else "actions"
        assert services[name]["command"] == ["python", "-m", "bot.ops.cli.serve", role]


def test_replicas_share_postgresql_and_redis_and_call_actions_through_the_balancer():
    services = compose()["services"]
    for name in ("rasa1", "rasa2"):
        environment = services[name]["environment"]
        assert environment["HCMC_DATABASE_URL"].startswith("postgresql://")
        assert environment["HCMC_LOCK_STORE_URL"].startswith("redis://redis:")
        assert environment["HCMC_ACTION_URL"] == "http://balancer:5055/webhook"


def test_compose_file_has_no_password_of_its_own():
    text = (DEPLOY / "compose.yml").read_text()
    assert "${POSTGRES_PASSWORD:?" in text
    assert not re.search(r"POSTGRES_PASSWORD: (?!\$)", text)


@pytest.mark.skipif(haproxy_binary() is None, reason="HAProxy is not installed")
@pytest.mark.parametrize("name", ["deploy", "local"])
def test_haproxy_accepts_the_configurations(tmp_path, name):
    if name == "deploy":
        config = compose_config()
    else:
        settings = load_settings({"HCMC_RASA_PORT": "5640", "HCMC_ACTION_PORT": "5690"})
        config = Cluster(settings, 1, 3, tmp_path).haproxy_config()
    path = tmp_path / "haproxy.cfg"
    path.write_text(config)
    result = subprocess.run(
        [str(haproxy_binary()), "-c", "-f", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_several_replicas_without_shared_stores_are_refused(tmp_path):
    with pytest.raises(ClusterError, match="HCMC_LOCK_STORE_URL"):
        Cluster(load_settings({}), 2, 1, tmp_path)
    with pytest.raises(ClusterError, match="HCMC_DATABASE_URL"):
        Cluster(load_settings({"HCMC_LOCK_STORE_URL": "redis://127.0.0.1:6379/9"}), 2, 1, tmp_path)


def test_balancer_spreads_over_every_replica_and_action_server():
    settings = load_settings({"HCMC_RASA_PORT": "5600", "HCMC_ACTION_PORT": "5650"})
    config = Cluster(settings, 1, 3, PROJECT_ROOT / "var").haproxy_config()
    assert "bind 127.0.0.1:5600" in config and "bind 127.0.0.1:5650" in config
    assert re.findall(r"^    server \S+ (\S+)", config, re.MULTILINE) == [
        "127.0.0.1:5601",
        "127.0.0.1:5651",
        "127.0.0.1:5652",
        "127.0.0.1:5653",
    ]
    assert "render" in render_config([]).lower()  # says where it comes from


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose not installed")
def test_docker_compose_accepts_the_compose_file():
    result = subprocess.run(
        ["docker-compose", "-f", str(DEPLOY / "compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "POSTGRES_PASSWORD": "only-for-the-check",
            "HCMC_CORS_ORIGINS": "https://www.hcmc.example",
        },
    )
    assert result.returncode == 0, result.stderr


def test_each_service_gets_the_secrets_it_needs_and_no_others():
    services = compose()["services"]
    for name in ("rasa1", "rasa2", "actions1", "actions2", "review"):
        assert services[name]["environment"]["HCMC_SECRET_KEY"].startswith("${HCMC_SECRET_KEY:?")
    for name in ("actions1", "review"):
        environment = services[name]["environment"]
        assert "HCMC_SMTP_URL" in environment and "HCMC_STAFF_TELEGRAM_CHAT_ID" in environment
        # The action server reads the review app's heartbeat before promising follow-up.
        assert environment["HCMC_DATABASE_URL"].startswith("postgresql://")
    for name in ("rasa1", "telegram"):
        assert "HCMC_SMTP_URL" not in services[name]["environment"]
    # /forget erases in the database, and the erasure's marks and audit use the shared key.
    bridge = services["telegram"]["environment"]
    assert bridge["HCMC_DATABASE_URL"] == services["rasa1"]["environment"]["HCMC_DATABASE_URL"]
    assert bridge["HCMC_SECRET_KEY"] == services["rasa1"]["environment"]["HCMC_SECRET_KEY"]
    assert services["review"]["environment"]["HCMC_HOST"] == "balancer"


def test_the_published_rest_channel_needs_a_token_and_the_bridge_has_it():
    services = compose()["services"]
    for name in ("rasa1", "rasa2", "telegram"):
        assert services[name]["environment"]["HCMC_REST_TOKEN"].startswith("${HCMC_REST_TOKEN:?")


def test_the_deployment_names_the_website_that_browsers_may_use():
    # `make run` on one machine lets any page in; a deployment must say which site it serves.
    text = (DEPLOY / "compose.yml").read_text()
    assert "HCMC_CORS_ORIGINS:-" not in text
    services = compose()["services"]
    for name in ("rasa1", "rasa2"):
        assert services[name]["environment"]["HCMC_CORS_ORIGINS"].startswith(
            "${HCMC_CORS_ORIGINS:?set HCMC_CORS_ORIGINS"
        )


class StopHere(Exception):
    pass


def test_the_cluster_refuses_to_start_without_cors_origins(monkeypatch, capsys):
    built: list[object] = []

    def cluster(*args: object) -> None:  # where the real one would start the processes
        built.append(args)
        raise StopHere

    monkeypatch.setattr(cluster_cli, "Cluster", cluster)
    for unset in ("", "  "):
        monkeypatch.setenv("HCMC_CORS_ORIGINS", unset)
        assert cluster_cli.main(["--replicas", "1", "--action-servers", "1"]) == 1
        assert "HCMC_CORS_ORIGINS is not set" in capsys.readouterr().err
    monkeypatch.delenv("HCMC_CORS_ORIGINS")
    assert cluster_cli.main(["--replicas", "1", "--action-servers", "1"]) == 1
    assert "HCMC_CORS_ORIGINS is not set" in capsys.readouterr().err
    assert built == []

    monkeypatch.setenv("HCMC_CORS_ORIGINS", "https://www.hcmc.example")
    with pytest.raises(StopHere):
        cluster_cli.main(["--replicas", "1", "--action-servers", "1"])
    assert len(built) == 1


def test_the_bridges_waiting_messages_and_every_services_logs_are_kept_as_they_should():
    services = compose()["services"]
    # The durable queue lives in var/: on a volume, or a new container loses it.
    assert "bridge:/app/var" in services["telegram"]["volumes"]
    assert "bridge" in compose()["volumes"]
    for name in ("rasa1", "actions1", "review", "purge", "telegram"):
        options = services[name]["logging"]["options"]
        assert options["max-size"] and int(options["max-file"]) > 0
