"""Dependencies for routes, as Annotated aliases: the wiring, the unit of work, who is acting.

Where a route runs: a route that does a few indexed queries is an `async def` and runs on
the event loop; one that can take long (password hashing, planning, charts, PDF and
calendar files, video) is a plain `def`, which FastAPI runs on its threadpool. Each worker
process serves one request's Python at a time anyway (the GIL), and a thread hop costs more
than a short request's work: moving the hot routes onto the loop took GET today from 418 to
about 750 requests/s (docs/benchmarks.md). The dependencies below follow the same rule.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from datetime import date, tzinfo
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from backtone.bootstrap import Backtone
from backtone.domain.account import Account, TokenKind
from backtone.domain.signed_in import SignedIn
from backtone.domain.training import WeightUnit
from backtone.entrypoints.web.auth import CSRF_FIELD, CookieKeys
from backtone.entrypoints.web.etag import RenderCache
from backtone.services.accounts import account_for_token
from backtone.services.context import Caller
from backtone.services.plans import saved_profile
from backtone.services.ports import Clock, PasswordHasher, RateLimiter, UnitOfWork


class NotSignedIn(Exception):
    """No valid credentials: the API answers 401, pages send the browser to log in."""


class CsrfRejected(Exception):
    """A form came without the token this browser was given."""


async def get_backtone(request: Request) -> Backtone:
    backtone: Backtone = request.app.state.backtone
    return backtone


BacktoneDep = Annotated[Backtone, Depends(get_backtone)]


async def get_uow(request: Request) -> AsyncIterator[UnitOfWork]:
    """The request's unit of work, and its one transaction.

    The sign-in check and every use case of the request share its session and its one pooled
    connection. This block is the outermost: the use cases' own `with uow:` blocks nest in it
    and their commits are no-ops, so everything the request writes (an idempotency key, the
    set, the stored answer) is committed here at once when the route returns, before the
    answer goes out, and rolled back if it raises.

    A request that may write and runs on the event loop takes a turn in the writer's group
    first (adapters/db/group_commit.py): its commit then becomes durable with its group's,
    and it is answered only after that. On PostgreSQL both calls return at once. A GET only
    reads: on PostgreSQL its statements then skip BEGIN and ROLLBACK (Backtone.reading_uow).
    """
    backtone: Backtone = request.app.state.backtone  # not a dependency: every request pays those
    lease = await backtone.writes.lease() if takes_turn(request) else None
    try:
        uow = backtone.reading_uow() if request.method in _READS else backtone.uow(lease)
        uow.__enter__()  # makes a session; no connection is taken before the first statement
        try:
            yield uow
            uow.commit()  # in a writer's group this releases the request's savepoint
        finally:
            uow.__exit__(None, None, None)
    finally:
        if lease is not None:
            await backtone.writes.release(lease)  # returns once its writes are on disk


def takes_turn(request: Request) -> bool:
    """Whether a request writes on the event loop: an async route, not GET, HEAD or OPTIONS.

    Plain `def` routes run on the threadpool and write through their own connection (they
    hash passwords or plan, which would hold everyone else's turn up).
    """
    if request.method in _READS:
        return False
    route = request.scope.get("route")
    return route is not None and inspect.iscoroutinefunction(getattr(route, "endpoint", None))


_READS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_clock(backtone: BacktoneDep) -> Clock:
    return backtone.clock


async def get_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.hasher
    return hasher


async def get_limiter(backtone: BacktoneDep) -> RateLimiter:
    return backtone.limiter


def client_address(request: Request) -> str:
    """The client's address: the proxy's word for it only when the proxy is trusted
    (BACKTONE_TRUSTED_PROXIES, applied by the app's proxy-headers middleware)."""
    return request.client.host if request.client else "unknown"


async def get_keys(request: Request) -> CookieKeys:
    keys: CookieKeys = request.app.state.keys
    return keys


async def get_rendered(request: Request) -> RenderCache:
    rendered: RenderCache = request.app.state.rendered
    return rendered


# Ended when the route function returns, before the response goes out: the connection is
# back in the pool while the body is sent.
UowDep = Annotated[UnitOfWork, Depends(get_uow, scope="function")]
ClockDep = Annotated[Clock, Depends(get_clock)]
HasherDep = Annotated[PasswordHasher, Depends(get_hasher)]
KeysDep = Annotated[CookieKeys, Depends(get_keys)]
LimiterDep = Annotated[RateLimiter, Depends(get_limiter)]
RenderedDep = Annotated[RenderCache, Depends(get_rendered)]

_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/v1/tokens")


async def api_account(
    request: Request,
    uow: UowDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> SignedIn:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise NotSignedIn()
    clock = request.app.state.backtone.clock
    found = account_for_token(
        uow=uow, clock=clock, token=credentials.credentials, kind=TokenKind.API
    )
    if found is None:
        raise NotSignedIn()
    return found


async def page_account(request: Request, uow: UowDep, clock: ClockDep, keys: KeysDep) -> SignedIn:
    token = keys.session_token(request)
    found = (
        account_for_token(uow=uow, clock=clock, token=token, kind=TokenKind.SESSION)
        if token
        else None
    )
    if found is None:
        raise NotSignedIn()
    request.state.account = found
    return found


CurrentUser = Annotated[SignedIn, Depends(api_account)]
PageUser = Annotated[SignedIn, Depends(page_account)]


async def check_csrf(request: Request, keys: KeysDep) -> None:
    """Every form post must carry the token rendered into the page (double-submit, signed)."""
    form = await request.form()
    submitted = form.get(CSRF_FIELD)
    if not keys.csrf_ok(request, submitted if isinstance(submitted, str) else None):
        raise CsrfRejected()


CsrfChecked = Depends(check_csrf)


def zone(account: Account) -> tzinfo:
    return ZoneInfo(account.timezone)


def today_for(account: Account, clock: Clock) -> date:
    """The date where the person is."""
    return clock.now().astimezone(zone(account)).date()


def units_for(uow: UnitOfWork, account: Account) -> WeightUnit:
    """The person's units: read with their token when they are the one signed in."""
    if isinstance(account, SignedIn):
        return account.units
    profile = saved_profile(uow=uow, user_id=account.id)
    return profile.units if profile else WeightUnit.KG


def caller_of(me: Account, uow: UnitOfWork, clock: Clock) -> Caller:
    """Who a request acts for: the signed-in person, their zone, unit and today (the unit
    comes with the sign-in, so this asks the database nothing more)."""
    return Caller(me.id, zone(me), units_for(uow, me), today_for(me, clock))


async def api_caller(me: CurrentUser, uow: UowDep, clock: ClockDep) -> Caller:
    """Who an API request acts for: the token's person."""
    return caller_of(me, uow, clock)


async def page_caller(me: PageUser, uow: UowDep, clock: ClockDep) -> Caller:
    """Who a page acts for: the signed-in person."""
    return caller_of(me, uow, clock)


CallerDep = Annotated[Caller, Depends(api_caller)]
PageCaller = Annotated[Caller, Depends(page_caller)]
