from __future__ import annotations

from pathlib import Path

import pytest

from backtone.config import Settings
from backtone.domain.errors import InvalidInput


def test_by_default_the_database_is_a_sqlite_file_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings.from_env({"BACKTONE_DATA_DIR": str(tmp_path)})
    assert settings.sqlalchemy_url == f"sqlite:///{tmp_path / 'backtone.sqlite3'}"
    assert settings.host == "127.0.0.1"


def test_a_database_url_overrides_the_default() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1/test"
    assert Settings.from_env({"BACKTONE_DATABASE_URL": url}).sqlalchemy_url == url


def test_production_refuses_a_placeholder_secret() -> None:
    with pytest.raises(InvalidInput, match="BACKTONE_SECRET_KEY"):
        Settings.from_env(
            {"BACKTONE_ENVIRONMENT": "production", "BACKTONE_SECRET_KEY": "change-me"}
        )


def test_a_port_that_is_not_a_number_names_the_variable() -> None:
    with pytest.raises(InvalidInput, match="BACKTONE_PORT"):
        Settings.from_env({"BACKTONE_PORT": "eighty"})


def test_production_needs_the_public_address_to_know_whether_it_is_https() -> None:
    secret = {"BACKTONE_ENVIRONMENT": "production", "BACKTONE_SECRET_KEY": "x" * 40}
    with pytest.raises(InvalidInput, match="BACKTONE_PUBLIC_URL: is not set"):
        Settings.from_env(secret)
    settings = Settings.from_env({**secret, "BACKTONE_PUBLIC_URL": "https://coach.example.org"})
    assert settings.https


@pytest.mark.parametrize("url", ["coach.example.org", "ftp://coach.example.org", "https://"])
def test_a_public_url_that_is_not_a_web_address_is_refused(url: str) -> None:
    with pytest.raises(InvalidInput, match="BACKTONE_PUBLIC_URL"):
        Settings.from_env({"BACKTONE_PUBLIC_URL": url})


def test_trusted_proxies_are_read_as_a_list() -> None:
    settings = Settings.from_env({"BACKTONE_TRUSTED_PROXIES": "10.0.0.2, 10.0.0.3"})
    assert settings.proxies == ["10.0.0.2", "10.0.0.3"]
    assert Settings.from_env({}).proxies == []
