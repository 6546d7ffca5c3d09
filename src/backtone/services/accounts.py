"""Use cases for web accounts: sign up, log in (both rate-limited), sessions, API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Container
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from backtone.domain.account import Account, Role, TokenInfo, TokenKind, check_password
from backtone.domain.errors import BacktoneError, Conflict, InvalidInput, NotFound
from backtone.domain.signed_in import SignedIn
from backtone.domain.user import check_username
from backtone.services.context import Caller
from backtone.services.ports import Clock, PasswordHasher, RateLimiter, UnitOfWork

SESSION_LIFETIME = timedelta(days=30)
API_TOKEN_LIFETIME = timedelta(days=90)  # unless the client asks for another
MAX_API_TOKEN_LIFETIME = timedelta(days=365)
# Checked when the name is unknown, so a wrong name costs as long as a wrong password.
_NO_SUCH_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$ycnxs62WZZkFe5KVUzwm7A"
    "$ce+CCSNFV5FCmwTx2VmUOX06/Q2KBPtf8BWObjnoi2Q"
)


@dataclass(frozen=True)
class Limit:
    """At most `hits` attempts of one kind per key (an account, an address) per `window`."""

    scope: str
    hits: int
    window: timedelta

    def key(self, who: str) -> str:
        return f"{self.scope}:{who}"[:200]


# Every log-in is counted before its password is checked, and one that succeeds is taken back
# off: so these count failures, and parallel guesses cannot slip past the count.
LOGIN_PER_ACCOUNT = Limit("login:account", 5, timedelta(minutes=15))
LOGIN_PER_ADDRESS = Limit("login:address", 20, timedelta(minutes=15))  # across names
SIGNUP_PER_ADDRESS = Limit("signup:address", 10, timedelta(hours=1))


class BadCredentials(BacktoneError):
    """The name or the password is wrong (which one is not said)."""

    def __init__(self) -> None:
        super().__init__("wrong name or password")


class TooManyAttempts(BacktoneError):
    def __init__(self, retry_after_seconds: int, what: str = "failed log-ins") -> None:
        self.retry_after_seconds = retry_after_seconds
        minutes = max(1, -(-retry_after_seconds // 60))
        super().__init__(f"too many {what}; try again in {minutes} min")


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


def _count(limiter: RateLimiter, now: datetime, what: str, *hits: tuple[Limit, str]) -> None:
    """Count one attempt under each limit; TooManyAttempts if any of them is used up."""
    waits = [
        wait
        for limit, who in hits
        if (wait := limiter.hit(limit.key(who), limit=limit.hits, window=limit.window, now=now))
    ]
    if waits:
        raise TooManyAttempts(int(max(waits).total_seconds()), what)


def sign_up(
    *,
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    limiter: RateLimiter,
    common_passwords: Container[str],
    name: str,
    password: str,
    address: str,
    timezone: str = "UTC",
    role: Role = Role.PERSON,
) -> Account:
    """Create an account with an Argon2-hashed password; the name must be free.

    The password may not be short, common or the name; sign-ups are limited per address.
    """
    name = check_username(name)
    check_password(password, name=name, common=common_passwords)
    check_timezone(timezone)
    _count(limiter, clock.now(), "sign-ups from this address", (SIGNUP_PER_ADDRESS, address))
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
    limiter: RateLimiter,
    name: str,
    password: str,
    address: str,
) -> Account:
    """The account for a name and password; attempts are limited per account and address."""
    folded = name.strip().lower()
    _count(
        limiter,
        clock.now(),
        "failed log-ins",
        (LOGIN_PER_ACCOUNT, folded),
        (LOGIN_PER_ADDRESS, address),
    )
    with uow:
        account = uow.accounts.get_by_name(folded)
        stored = uow.accounts.password_hash(account.id) if account else None
        if account is None or stored is None or not hasher.verify(stored, password):
            if stored is None:
                hasher.verify(_NO_SUCH_HASH, password)
            raise BadCredentials()
        # Before any write of this transaction: the limiter commits on its own connection.
        limiter.clear(LOGIN_PER_ACCOUNT.key(folded))
        limiter.refund(LOGIN_PER_ADDRESS.key(address))
        if hasher.needs_rehash(stored):
            uow.accounts.set_password_hash(account.id, hasher.hash(password))
        uow.commit()
    return account


def open_session(
    *, uow: UnitOfWork, clock: Clock, user_id: int, kind: TokenKind, label: str = ""
) -> str:
    """A new random token for a browser session (SESSION_LIFETIME) or an API client (90 days);
    only its digest is kept."""
    return _issue(uow, clock, user_id, kind, label, None).token


@dataclass(frozen=True)
class IssuedToken:
    token: str  # shown once: only its digest is stored
    expires_at: datetime


def open_api_token(
    *, uow: UnitOfWork, clock: Clock, user_id: int, label: str = "", days: int | None = None
) -> IssuedToken:
    """A new API token that works for `days` (1-365, 90 unless asked otherwise).

    Takes `user_id`, like `open_session`: `POST /api/v1/tokens` issues one on a name and
    password, before anyone is signed in to act for."""
    lifetime = API_TOKEN_LIFETIME if days is None else timedelta(days=days)
    if not timedelta(days=1) <= lifetime <= MAX_API_TOKEN_LIFETIME:
        raise InvalidInput("expires_in_days", str(days), "1-365")
    return _issue(uow, clock, user_id, TokenKind.API, label, lifetime)


def _issue(
    uow: UnitOfWork,
    clock: Clock,
    user_id: int,
    kind: TokenKind,
    label: str,
    lifetime: timedelta | None,
) -> IssuedToken:
    if lifetime is None:
        lifetime = SESSION_LIFETIME if kind is TokenKind.SESSION else API_TOKEN_LIFETIME
    token = secrets.token_urlsafe(32)
    now = clock.now()
    with uow:
        uow.auth_tokens.add(
            user_id,
            kind,
            token_digest(token),
            created_at=now,
            expires_at=now + lifetime,
            label=label[:100],
        )
        uow.commit()
    return IssuedToken(token, now + lifetime)


def api_tokens(*, uow: UnitOfWork, clock: Clock, caller: Caller) -> list[TokenInfo]:
    """The person's API tokens that still work, newest first (never the tokens themselves)."""
    with uow:
        return uow.auth_tokens.list_for(caller.user_id, TokenKind.API, clock.now())


def token_id(*, uow: UnitOfWork, token: str) -> int | None:
    """The id under which a token is listed (to mark the one in use)."""
    with uow:
        return uow.auth_tokens.id_of(token_digest(token))


def revoke_api_token(*, uow: UnitOfWork, caller: Caller, token_id: int) -> None:
    """Make one of the person's API tokens stop working; another person's is not found."""
    with uow:
        if not uow.auth_tokens.revoke(caller.user_id, token_id, TokenKind.API):
            raise NotFound("API token", str(token_id))
        uow.commit()


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


def account(*, uow: UnitOfWork, caller: Caller) -> Account:
    """The person's account: name, role and time zone."""
    with uow:
        found = uow.accounts.get(caller.user_id)
    if found is None:
        raise NotFound("account", str(caller.user_id))
    return found


def _check_current_password(
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    limiter: RateLimiter,
    account: Account,
    password: str,
    field: str,
) -> None:
    """The account's password, checked as a log-in is: counted per account before the check,
    so a stolen session cannot guess it faster than the log-in page allows."""
    folded = account.name.lower()
    _count(limiter, clock.now(), "failed password checks", (LOGIN_PER_ACCOUNT, folded))
    stored = uow.accounts.password_hash(account.id)
    if stored is None or not hasher.verify(stored, password):
        raise InvalidInput(field, "that is not your password", "the password you log in with")
    limiter.clear(LOGIN_PER_ACCOUNT.key(folded))  # before any write: it commits on its own


def change_password(
    *,
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    limiter: RateLimiter,
    common_passwords: Container[str],
    caller: Caller,
    current: str,
    new: str,
    keep_token: str | None,
) -> int:
    """Replace the password once the current one is given; the new one follows the sign-up
    rules. Every other browser session and API token of the account stops working (whoever
    knew the old password is locked out); the one in `keep_token` goes on. Returns how many
    ended."""
    with uow:
        me = uow.accounts.get(caller.user_id)
        if me is None:
            raise NotFound("account", str(caller.user_id))
        try:
            check_password(new, name=me.name, common=common_passwords)
        except InvalidInput as error:
            raise InvalidInput("new_password", error.problem, error.allowed) from None
        _check_current_password(uow, clock, hasher, limiter, me, current, "current_password")
        uow.accounts.set_password_hash(me.id, hasher.hash(new))
        ended = uow.auth_tokens.revoke_all_but(
            me.id, token_digest(keep_token) if keep_token else None
        )
        uow.commit()
    return ended


def delete_account(
    *,
    uow: UnitOfWork,
    clock: Clock,
    hasher: PasswordHasher,
    limiter: RateLimiter,
    caller: Caller,
    password: str | None,
) -> str:
    """Delete the account and everything stored for it (its history, plans, body weights,
    settings, tokens), nothing of anyone else's; returns the name it had.

    An account that signs in on the web must give its password; a local CLI person has none.
    """
    with uow:
        me = uow.accounts.get(caller.user_id)
        if me is None:
            raise NotFound("account", str(caller.user_id))
        if uow.accounts.password_hash(me.id) is not None:
            if password is None:
                raise InvalidInput(
                    "password",
                    f"{me.name} signs in on the web, so deleting it needs its password",
                    "the settings page of the web app, or DELETE /api/v1/me with the password",
                )
            _check_current_password(uow, clock, hasher, limiter, me, password, "password")
        uow.accounts.delete(me.id)
        uow.commit()
    return me.name
