"""Use cases for web accounts: sign up, log in (rate-limited), sessions, API tokens, time zone."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from backtone.domain.account import Account, Role, TokenKind, check_password
from backtone.domain.errors import BacktoneError, Conflict, InvalidInput, NotFound
from backtone.domain.signed_in import SignedIn
from backtone.domain.user import check_username
from backtone.services.ports import Clock, PasswordHasher, UnitOfWork

SESSION_LIFETIME = timedelta(days=30)
MAX_FAILURES = 5  # per name and address inside the window
FAILURE_WINDOW = timedelta(minutes=15)
# Checked when the name is unknown, so a wrong name costs as long as a wrong password.
_NO_SUCH_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$ycnxs62WZZkFe5KVUzwm7A"
    "$ce+CCSNFV5FCmwTx2VmUOX06/Q2KBPtf8BWObjnoi2Q"
)


class BadCredentials(BacktoneError):
    """The name or the password is wrong (which one is not said)."""

    def __init__(self) -> None:
        super().__init__("wrong name or password")


class TooManyAttempts(BacktoneError):
    def __init__(self, retry_after_seconds: int) -> None:
        self.retry_after_seconds = retry_after_seconds
        super().__init__(
            f"too many failed log-ins; try again in {max(1, retry_after_seconds // 60)} min"
        )


class NotAllowed(BacktoneError):
    """The account may not do this (for example, a person creating trainer invites)."""


def token_digest(token: str) -> str:
    """What is stored for a token: its SHA-256, so a leaked table opens no account."""
    return hashlib.sha256(token.encode()).hexdigest()


def check_timezone(name: str) -> str:
    """An IANA time zone name such as Europe/Paris."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "timezone", f"{name!r} is not a time zone", "an IANA name such as Europe/Paris or UTC"
        ) from None
    return name


def sign_up(
    *,
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    name: str,
    password: str,
    timezone: str = "UTC",
    role: Role = Role.PERSON,
) -> Account:
    """Create an account with an Argon2-hashed password; the name must be free."""
    name = check_username(name)
    check_password(password)
    check_timezone(timezone)
    hashed = hasher.hash(password)
    with uow:
        if uow.accounts.get_by_name(name) is not None:
            raise Conflict(f"user: the name {name!r} is taken; choose another")
        account = uow.accounts.add(
            name, created_at=clock.now(), password_hash=hashed, role=role, timezone=timezone
        )
        uow.commit()
    return account


def log_in(
    *,
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    name: str,
    password: str,
    address: str,
) -> Account:
    """The account for a name and password; failures are counted per name and address."""
    folded = name.strip().lower()
    key = f"{folded}|{address}"[:200]
    now = clock.now()
    with uow:
        failures = uow.login_attempts.failures_since(key, now - FAILURE_WINDOW)
        if len(failures) >= MAX_FAILURES:
            wait = failures[-MAX_FAILURES] + FAILURE_WINDOW - now
            raise TooManyAttempts(int(wait.total_seconds()) + 1)
        account = uow.accounts.get_by_name(folded)
        stored = uow.accounts.password_hash(account.id) if account else None
        if account is None or stored is None or not hasher.verify(stored, password):
            if stored is None:
                hasher.verify(_NO_SUCH_HASH, password)
            uow.login_attempts.add_failure(key, now)
            uow.commit()
            raise BadCredentials()
        uow.login_attempts.clear(key)
        if hasher.needs_rehash(stored):
            uow.accounts.set_password_hash(account.id, hasher.hash(password))
        uow.commit()
    return account


def open_session(
    *, uow: UnitOfWork, clock: Clock, user_id: int, kind: TokenKind, label: str = ""
) -> str:
    """A new random token for a browser session or an API client; only its digest is kept."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    expires = now + SESSION_LIFETIME if kind is TokenKind.SESSION else None
    with uow:
        uow.auth_tokens.add(
            user_id, kind, token_digest(token), created_at=now, expires_at=expires, label=label
        )
        uow.commit()
    return token


def account_for_token(
    *, uow: UnitOfWork, clock: Clock, token: str, kind: TokenKind
) -> SignedIn | None:
    """Who holds this token, if it is known and not expired (with their units)."""
    with uow:
        return uow.auth_tokens.account_for(token_digest(token), kind, clock.now())


def close_session(*, uow: UnitOfWork, token: str) -> None:
    """Forget a session or API token (log out)."""
    with uow:
        uow.auth_tokens.delete(token_digest(token))
        uow.commit()


def account(*, uow: UnitOfWork, user_id: int) -> Account:
    with uow:
        found = uow.accounts.get(user_id)
    if found is None:
        raise NotFound("account", str(user_id))
    return found


def change_timezone(*, uow: UnitOfWork, user_id: int, timezone: str) -> None:
    """Show days and times in another time zone from now on."""
    check_timezone(timezone)
    with uow:
        uow.accounts.set_timezone(user_id, timezone)
        uow.commit()
