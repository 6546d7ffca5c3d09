"""Pages: sign up, log in, log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response

from backtone.domain.account import Role, TokenKind
from backtone.entrypoints.web.auth import SESSION_COOKIE, set_cookie
from backtone.entrypoints.web.deps import (
    BacktoneDep,
    ClockDep,
    CsrfChecked,
    HasherDep,
    KeysDep,
    LimiterDep,
    UowDep,
    client_address,
)
from backtone.entrypoints.web.pages.forms import on_error_show, safe_next, see_other
from backtone.entrypoints.web.rendering import render
from backtone.services.accounts import (
    SESSION_LIFETIME,
    close_session,
    log_in,
    open_session,
    sign_up,
)

router = APIRouter(include_in_schema=False)
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
)


def _start_session(
    request: Request, uow: UowDep, clock: ClockDep, keys: KeysDep, user_id: int, to: str
) -> Response:
    token = open_session(uow=uow, clock=clock, user_id=user_id, kind=TokenKind.SESSION)
    response = see_other(to)
    max_age = int(SESSION_LIFETIME.total_seconds())
    set_cookie(request, response, SESSION_COOKIE, keys.sign_session(token), max_age)
    return response


@router.get("/")
async def home(request: Request, keys: KeysDep) -> Response:
    return see_other("/today" if keys.session_token(request) else "/login")


@router.get("/signup")
async def signup_form(request: Request) -> Response:
    return render(request, "signup.html", {"zones": COMMON_ZONES, "form": {}})


@router.post("/signup", dependencies=[CsrfChecked])
def signup(
    request: Request,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
    keys: KeysDep,
    timezone: Annotated[str, Form(max_length=64)] = "UTC",
    role: Annotated[str, Form(pattern="^(person|trainer)$")] = "person",
) -> Response:
    form = {"name": name, "timezone": timezone, "role": role}
    on_error_show(request, "signup.html", zones=COMMON_ZONES, form=form)
    account = sign_up(
        uow=uow,
        clock=clock,
        hasher=hasher,
        limiter=limiter,
        common_passwords=app.common_passwords,
        name=name,
        password=password,
        address=client_address(request),
        timezone=timezone,
        role=Role(role),
    )
    first = "/trainer" if account.is_trainer else "/onboarding"
    return _start_session(request, uow, clock, keys, account.id, first)


@router.get("/login")
async def login_form(request: Request, next: str = "/today") -> Response:
    return render(request, "login.html", {"next": safe_next(next), "form": {}})


@router.post("/login", dependencies=[CsrfChecked])
def login(
    request: Request,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
    keys: KeysDep,
    next: Annotated[str, Form(max_length=300)] = "/today",
) -> Response:
    on_error_show(request, "login.html", next=safe_next(next), form={"name": name})
    account = log_in(
        uow=uow,
        clock=clock,
        hasher=hasher,
        limiter=limiter,
        name=name,
        password=password,
        address=client_address(request),
    )
    return _start_session(request, uow, clock, keys, account.id, safe_next(next))


@router.post("/logout", dependencies=[CsrfChecked])
async def logout(request: Request, uow: UowDep, keys: KeysDep) -> Response:
    token = keys.session_token(request)
    if token:
        close_session(uow=uow, token=token)
    response = see_other("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
