"""Settings from the environment, and the endpoints file written from them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT, load_settings, redact_url
from bot.ops.supervisor import Stack, rasa_environment, rasa_server_command
from bot.rasa_plugins.endpoints import (
    ATOMIC_REDIS_LOCK_STORE,
    endpoints_config,
    lock_store_config,
    tracker_store_config,
)


def test_defaults_need_no_environment():
    settings = load_settings({})
    assert settings.rasa_port == 5005
    assert settings.action_port == 5055
    assert settings.retention_days == 90
    assert settings.tracker_database_url.startswith("sqlite:///")
    assert settings.booking_url("kraainem").startswith("https://")


def test_environment_overrides():
    settings = load_settings(
        {
            "HCMC_RASA_PORT": "6005",
            "HCMC_RETENTION_DAYS": "30",
            "HCMC_BOOKING_URL_BOITSFORT": "https://clinic.example/book?site=2",
            "HCMC_CONTACT_KRAAINEM": "+32 2 000 00 00",
        }
    )
    assert settings.rasa_port == 6005
    assert settings.retention_days == 30
    assert settings.booking_url("boitsfort") == "https://clinic.example/book?site=2"
    assert settings.contact_route("kraainem") == "+32 2 000 00 00"
    assert settings.contact_route("boitsfort") == ""


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HCMC_RASA_PORT", "abc"),
        ("HCMC_RETENTION_DAYS", "0"),
        ("HCMC_LOCK_STORE_URL", "127.0.0.1:6379"),
        # What a browser sends has no path: this origin would never match, so it is refused.
        ("HCMC_CORS_ORIGINS", "https://www.hcmc.be/"),
        ("HCMC_CORS_ORIGINS", "www.hcmc.be"),
    ],
)
def test_bad_values_are_refused_with_the_variable_named(name, value):
    with pytest.raises(ValueError, match=name):
        load_settings({name: value})


def test_any_page_may_use_the_assistant_until_the_clinic_names_its_website():
    anywhere = load_settings({})
    assert anywhere.origin_allowed("http://127.0.0.1:8080")
    assert rasa_server_command(anywhere, Path("endpoints.yml"), 5005)[-2:] == ["--cors", "*"]

    clinic = load_settings({"HCMC_CORS_ORIGINS": "https://www.hcmc.be, https://hcmc.be"})
    assert clinic.origin_allowed("https://hcmc.be")
    assert not clinic.origin_allowed("http://127.0.0.1:8080")
    assert not clinic.origin_allowed("https://www.hcmc.be.example.org")
    command = rasa_server_command(clinic, Path("endpoints.yml"), 5005)
    assert command[command.index("--cors") :][:3] == [
        "--cors",
        "https://www.hcmc.be",
        "https://hcmc.be",
    ]
    # The Rasa process's widget channel reads the same list from its environment.
    assert load_settings(rasa_environment(clinic)).cors_origins == clinic.cors_origins


def test_committed_endpoints_match_the_defaults():
    committed = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    assert committed == endpoints_config(load_settings({}))


def test_postgresql_url_becomes_rasa_tracker_store_settings():
    config = tracker_store_config("postgresql://rasa:secret@127.0.0.1:5432/conversations")
    assert config == {
        "type": "bot.rasa_plugins.stores.consent_store.ConsentAwareTrackerStore",
        "dialect": "postgresql",
        "db": "conversations",
        "login_db": "postgres",
        "url": "127.0.0.1",
        "port": 5432,
        "username": "rasa",
        "password": "secret",
    }


def test_sqlite_file_outside_the_project_keeps_its_absolute_path(tmp_path: Path):
    config = tracker_store_config(f"sqlite:///{tmp_path / 'c.db'}")
    assert config["db"] == str(tmp_path / "c.db")


def test_embedded_default_has_no_lock_store_so_rasa_locks_in_memory():
    assert "lock_store" not in endpoints_config(load_settings({}))


def test_replica_settings_select_postgresql_redis_and_the_action_balancer():
    settings = load_settings(
        {
            "HCMC_DATABASE_URL": "postgresql://postgres@127.0.0.1:5432/hcmc",
            "HCMC_LOCK_STORE_URL": "redis://127.0.0.1:6379/9",
            "HCMC_ACTION_URL": "http://127.0.0.1:5650/webhook",
        }
    )
    config = endpoints_config(settings)
    assert config["action_endpoint"] == {
        "url": "http://127.0.0.1:5650/webhook",
        "enable_selective_domain": True,
    }
    assert config["tracker_store"]["dialect"] == "postgresql"
    assert config["tracker_store"]["db"] == "hcmc"
    assert config["lock_store"] == {
        "type": ATOMIC_REDIS_LOCK_STORE,
        "url": "127.0.0.1",
        "port": 6379,
        "db": 9,
    }


def test_redis_url_with_password_and_tls():
    config = lock_store_config("rediss://:s%40cret@redis.internal:6380/2")
    assert config == {
        "type": ATOMIC_REDIS_LOCK_STORE,
        "url": "redis.internal",
        "port": 6380,
        "db": 2,
        "password": "s@cret",
        "use_ssl": True,
    }


def test_passwords_never_reach_the_terminal():
    assert (
        redact_url("postgresql://rasa:secret@db:5432/hcmc") == "postgresql://rasa:***@db:5432/hcmc"
    )
    assert redact_url("redis://:secret@cache:6379/0") == "redis://:***@cache:6379/0"
    assert redact_url("sqlite:///var/conversations.db") == "sqlite:///var/conversations.db"


def test_embedded_tracker_store_is_put_in_write_ahead_log_mode(tmp_path: Path):
    import sqlite3

    from bot.storage.sqlite import use_write_ahead_log

    database = tmp_path / "var" / "conversations.db"
    use_write_ahead_log(f"sqlite:///{database}")
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    use_write_ahead_log("postgresql://postgres@127.0.0.1:1/none")  # not SQLite: left alone


def test_where_the_review_app_runs_booking_links_are_counted_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("HCMC_PUBLIC_URL", raising=False)
    settings = load_settings({"HCMC_VAR_DIR": str(tmp_path)})
    # make run (with the review app): links go through the Rasa server's counting redirect.
    with_review = Stack(settings, tmp_path / "logs", review=True).environment()
    assert with_review["HCMC_PUBLIC_URL"] == settings.rasa_url
    # The assistant alone (tests, the terminal chat): direct links.
    assert "HCMC_PUBLIC_URL" not in Stack(settings, tmp_path / "logs").environment()
    # The operator's address wins.
    monkeypatch.setenv("HCMC_PUBLIC_URL", "https://assistant.hcmc.be")
    chosen = Stack(settings, tmp_path / "logs", review=True).environment()
    assert chosen["HCMC_PUBLIC_URL"] == "https://assistant.hcmc.be"
