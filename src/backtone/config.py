"""Typed settings, read from the environment (BACKTONE_*) with safe defaults.

A plain dataclass rather than pydantic-settings keeps `backtone --help` fast.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from backtone.domain.errors import InvalidInput

PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "secret", "dev-secret"})
ENVIRONMENTS = ("development", "production", "test")


def default_data_dir() -> Path:
    """The user's data directory (XDG on Linux), where the SQLite file lives."""
    from platformdirs import user_data_path

    return user_data_path("backtone", appauthor=False)


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str = ""  # empty: a SQLite file in data_dir
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str = "dev-secret"
    environment: str = "development"
    models_dir: Path = Path("models")
    # The address people open, as the proxy in front serves it: its scheme alone decides
    # Secure cookies and HSTS (never a request's Host header, which a client chooses).
    public_url: str = ""
    # Proxies whose X-Forwarded-For/-Proto headers are believed (comma-separated addresses);
    # the client address they give is what log-in and sign-up limits count.
    trusted_proxies: str = ""

    def __post_init__(self) -> None:
        if self.environment not in ENVIRONMENTS:
            raise InvalidInput("BACKTONE_ENVIRONMENT", repr(self.environment), ENVIRONMENTS)
        if self.environment == "production" and self.secret_key in PLACEHOLDER_SECRETS:
            raise InvalidInput(
                "BACKTONE_SECRET_KEY",
                "is a placeholder; set a long random value in production",
                "at least 32 random characters",
            )
        if not 0 < self.port < 65536:
            raise InvalidInput("BACKTONE_PORT", str(self.port), "1-65535")
        if self.public_url and not _is_site_url(self.public_url):
            raise InvalidInput(
                "BACKTONE_PUBLIC_URL", repr(self.public_url), "https://HOST or http://HOST[:PORT]"
            )
        if self.environment == "production" and not self.public_url:
            raise InvalidInput(
                "BACKTONE_PUBLIC_URL",
                "is not set; in production it tells cookies and HSTS whether the site is HTTPS",
                "the address people open, such as https://coach.example.org",
            )

    @property
    def https(self) -> bool:
        """Whether people reach the site over HTTPS: Secure cookies and HSTS then."""
        return self.public_url.lower().startswith("https://")

    @property
    def proxies(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'backtone.sqlite3'}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from BACKTONE_* variables; anything unset keeps its default."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        if "BACKTONE_DATA_DIR" in env:
            values["data_dir"] = Path(env["BACKTONE_DATA_DIR"]).expanduser()
        if "BACKTONE_MODELS_DIR" in env:
            values["models_dir"] = Path(env["BACKTONE_MODELS_DIR"]).expanduser()
        for name in (
            "database_url",
            "host",
            "secret_key",
            "environment",
            "public_url",
            "trusted_proxies",
        ):
            key = f"BACKTONE_{name.upper()}"
            if key in env:
                values[name] = env[key]
        if "BACKTONE_PORT" in env:
            try:
                values["port"] = int(env["BACKTONE_PORT"])
            except ValueError:
                raise InvalidInput("BACKTONE_PORT", repr(env["BACKTONE_PORT"]), "1-65535") from None
        return cls(**values)  # type: ignore[arg-type]


def _is_site_url(url: str) -> bool:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
