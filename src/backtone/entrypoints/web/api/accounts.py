"""API: sign up, API tokens (log in / log out), the signed-in account, settings, invites."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.security import HTTPAuthorizationCredentials
from pydantic import BaseModel, Field

from backtone.domain.account import Role
from backtone.entrypoints.web.api.schemas import (
    AcceptInviteRequest,
    AccountView,
    SignUpRequest,
    TokenInfoView,
    TokenRequest,
    TokenView,
    account_view,
    token_info_view,
)
from backtone.entrypoints.web.deps import (
    BacktoneDep,
    CallerDep,
    ClockDep,
    CurrentUser,
    HasherDep,
    LimiterDep,
    UowDep,
    _bearer,
    client_address,
)
from backtone.entrypoints.web.views.settings import (
    SettingsRequest,
    SettingsView,
    settings_view,
)
from backtone.services import settings
from backtone.services.accounts import (
    account,
    api_tokens,
    change_password,
    close_session,
    delete_account,
    log_in,
    open_api_token,
    revoke_api_token,
    sign_up,
    token_id,
)
from backtone.services.settings import my_settings
from backtone.services.trainers import accept_invite

router = APIRouter(tags=["accounts"])


@router.post("/accounts", status_code=201, response_model=AccountView)
def create_account(
    body: SignUpRequest,
    request: Request,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
) -> AccountView:
    """Sign up; then ask for a token with POST /tokens. Limited per address (429)."""
    made = sign_up(
        uow=uow,
        clock=clock,
        hasher=hasher,
        limiter=limiter,
        common_passwords=app.common_passwords,
        name=body.name,
        password=body.password,
        address=client_address(request),
        timezone=body.timezone,
        role=Role(body.role),
    )
    return account_view(made)


@router.post("/tokens", status_code=201, response_model=TokenView)
def create_token(
    body: TokenRequest,
    request: Request,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
) -> TokenView:
    """Log in with name and password; the token goes in `Authorization: Bearer ...`.

    It works for `expires_in_days` (90 unless asked otherwise). Failed log-ins are limited
    per account and per address (429 with Retry-After).
    """
    found = log_in(
        uow=uow,
        clock=clock,
        hasher=hasher,
        limiter=limiter,
        name=body.name,
        password=body.password,
        address=client_address(request),
    )
    issued = open_api_token(
        uow=uow, clock=clock, user_id=found.id, label=body.label, days=body.expires_in_days
    )
    return TokenView(token=issued.token, expires_at=issued.expires_at)


@router.get("/tokens", response_model=list[TokenInfoView])
async def list_tokens(
    caller: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> list[TokenInfoView]:
    """Your API tokens that still work, newest first (never the tokens themselves)."""
    assert credentials is not None  # signing in (CallerDep) has checked it
    current = token_id(uow=uow, token=credentials.credentials)
    return [token_info_view(t, current) for t in api_tokens(uow=uow, clock=clock, caller=caller)]


@router.delete("/tokens/current", status_code=204)
async def revoke_token(
    me: CurrentUser,
    uow: UowDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Response:
    """Log out: the token stops working."""
    assert credentials is not None  # CurrentUser has checked it
    close_session(uow=uow, token=credentials.credentials)
    return Response(status_code=204)


@router.delete("/tokens/{token_id}", status_code=204)
async def revoke_one_token(
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)], caller: CallerDep, uow: UowDep
) -> Response:
    """Revoke one of your API tokens by its id (from GET /tokens)."""
    revoke_api_token(uow=uow, caller=caller, token_id=token_id)
    return Response(status_code=204)


@router.get("/me", response_model=AccountView)
async def who_am_i(caller: CallerDep, uow: UowDep) -> AccountView:
    return account_view(account(uow=uow, caller=caller))


@router.get("/settings", response_model=SettingsView)
async def get_settings(caller: CallerDep, uow: UowDep) -> SettingsView:
    return settings_view(my_settings(uow=uow, caller=caller))


@router.patch("/settings", response_model=SettingsView)
async def change_settings(
    body: SettingsRequest, caller: CallerDep, uow: UowDep, clock: ClockDep
) -> SettingsView:
    """Change units, equipment, training days, minutes or time zone."""
    return settings_view(
        settings.change_settings(uow=uow, clock=clock, caller=caller, **body.model_dump())
    )


@router.post("/invites/accept", response_model=AccountView)
async def accept_trainer_invite(
    body: AcceptInviteRequest, me: CurrentUser, uow: UowDep, clock: ClockDep
) -> AccountView:
    """Become the client of the trainer who gave you the code; returns the trainer."""
    trainer = accept_invite(uow=uow, clock=clock, client=me, code=body.code)
    return account_view(trainer)


class PasswordChangeRequest(BaseModel):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(
        min_length=1, max_length=256, description="8-256 characters, not a common one"
    )


class PasswordChangedView(BaseModel):
    ended: int = Field(description="How many other sessions and API tokens stopped working")


@router.post("/me/password", response_model=PasswordChangedView)
def change_my_password(
    body: PasswordChangeRequest,
    me: CallerDep,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> PasswordChangedView:
    """Change your password (the current one first). Every other browser session and API
    token of yours stops working; the token of this request goes on. Wrong current passwords
    count towards the log-in limit (429)."""
    assert credentials is not None  # CallerDep has checked it
    ended = change_password(
        uow=uow,
        clock=clock,
        hasher=hasher,
        limiter=limiter,
        common_passwords=app.common_passwords,
        caller=me,
        current=body.current_password,
        new=body.new_password,
        keep_token=credentials.credentials,
    )
    return PasswordChangedView(ended=ended)


class AccountDeleteRequest(BaseModel):
    password: str = Field(min_length=1, max_length=256)


@router.delete("/me", status_code=204)
def delete_me(
    body: AccountDeleteRequest,
    me: CallerDep,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
) -> Response:
    """Delete your account and everything stored for it, for good (take a backup first).
    The password confirms it; every token stops working at once."""
    delete_account(
        uow=uow, clock=clock, hasher=hasher, limiter=limiter, caller=me, password=body.password
    )
    return Response(status_code=204)
