"""Pages: settings (units, equipment, days, minutes, time zone, your kit) and accepting a
trainer's invite."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request, Response

from backtone.domain.kit import default_kit
from backtone.entrypoints.web.api.schemas import token_info_view
from backtone.entrypoints.web.auth import SESSION_COOKIE
from backtone.entrypoints.web.deps import (
    BacktoneDep,
    ClockDep,
    CsrfChecked,
    HasherDep,
    KeysDep,
    LimiterDep,
    PageCaller,
    PageUser,
    UowDep,
    caller_of,
)
from backtone.entrypoints.web.pages.auth import COMMON_ZONES
from backtone.entrypoints.web.pages.forms import on_error_show, see_other
from backtone.entrypoints.web.rendering import render
from backtone.entrypoints.web.views.readiness import KIT_FIELDS, kit_form, kit_typed
from backtone.entrypoints.web.views.settings import settings_view
from backtone.services.accounts import (
    api_tokens,
    change_password,
    delete_account,
    open_api_token,
    revoke_api_token,
)
from backtone.services.readiness import my_kit, set_kit
from backtone.services.settings import change_settings, my_settings
from backtone.services.trainers import accept_invite

router = APIRouter(include_in_schema=False)


def settings_context(
    uow: UowDep, clock: ClockDep, me: PageUser, **extra: object
) -> dict[str, object]:
    """What the settings page shows, with `extra` for the answer to a form."""
    caller = caller_of(me, uow, clock)
    view = settings_view(my_settings(uow=uow, caller=caller))
    kit = kit_form(my_kit(uow=uow, caller=caller))
    tokens = [token_info_view(t, None) for t in api_tokens(uow=uow, clock=clock, caller=caller)]
    return {"settings": view, "zones": COMMON_ZONES, "kit": kit, "tokens": tokens, **extra}


@router.get("/settings")
async def settings(
    request: Request,
    me: PageUser,
    uow: UowDep,
    clock: ClockDep,
    saved: bool = False,
    kit: str = "",
    password: str = "",
) -> Response:
    context = settings_context(uow, clock, me, saved=saved, kit_saved=bool(kit), password=password)
    return render(request, "settings.html", context)


@router.post("/settings", dependencies=[CsrfChecked])
async def save_settings(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    timezone: Annotated[str, Form(max_length=64)],
    units: Annotated[str, Form(pattern="^(kg|lb)$")],
    minutes: Annotated[int, Form(ge=10, le=120)],
    weekdays: Annotated[list[str], Form()],
    equipment: Annotated[list[str] | None, Form()] = None,
) -> Response:
    on_error_show(request, "settings.html", **settings_context(uow, clock, me))
    change_settings(uow=uow, clock=clock, caller=caller, timezone=timezone, units=units,
                    minutes=minutes, weekdays=weekdays, equipment=equipment or [])  # fmt: skip
    return see_other("/settings?saved=true")


@router.post("/settings/trainer", dependencies=[CsrfChecked])
async def join_trainer(
    request: Request,
    me: PageUser,
    uow: UowDep,
    clock: ClockDep,
    code: Annotated[str, Form(max_length=40)],
) -> Response:
    on_error_show(request, "settings.html", **settings_context(uow, clock, me))
    accept_invite(uow=uow, clock=clock, client=me, code=code)
    return see_other("/settings?saved=true")


KitText = Annotated[str, Form(max_length=300)]


@router.post("/settings/kit", dependencies=[CsrfChecked])
async def save_kit(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    dumbbells: KitText = "",
    kettlebells: KitText = "",
    bar: KitText = "",
    plates: KitText = "",
    stack_step: KitText = "",
    stack_max: KitText = "",
    bands: KitText = "",
) -> Response:
    """Keep the loads typed; a mistake comes back beside its field with the answers kept."""
    typed = {
        "dumbbells": dumbbells, "kettlebells": kettlebells, "bar": bar, "plates": plates,
        "stack_step": stack_step, "stack_max": stack_max, "bands": bands,
    }  # fmt: skip
    context = settings_context(uow, clock, me)
    context["kit"] = typed
    on_error_show(request, "settings.html", inline_errors=[*KIT_FIELDS, "stack"], **context)
    kit = kit_typed(caller.unit, typed)
    set_kit(uow=uow, clock=clock, caller=caller, kit=kit)
    return see_other("/settings?kit=saved#kit")


@router.post("/settings/kit/reset", dependencies=[CsrfChecked])
async def reset_kit(caller: PageCaller, uow: UowDep, clock: ClockDep) -> Response:
    """Back to the common kit in the person's unit."""
    set_kit(uow=uow, clock=clock, caller=caller, kit=default_kit(caller.unit))
    return see_other("/settings?kit=saved#kit")


@router.post("/settings/tokens", dependencies=[CsrfChecked])
async def new_token(
    request: Request,
    me: PageUser,
    uow: UowDep,
    clock: ClockDep,
    label: Annotated[str, Form(max_length=100)] = "",
    days: Annotated[int, Form(ge=1, le=365)] = 90,
) -> Response:
    """A new API token, shown once on the page that answers."""
    on_error_show(request, "settings.html", **settings_context(uow, clock, me))
    issued = open_api_token(uow=uow, clock=clock, user_id=me.id, label=label, days=days)
    return render(request, "settings.html", settings_context(uow, clock, me, new_token=issued))


@router.post("/settings/tokens/{token_id}/revoke", dependencies=[CsrfChecked])
async def revoke_token(
    request: Request,
    token_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
) -> Response:
    on_error_show(request, "settings.html", **settings_context(uow, clock, me))
    revoke_api_token(uow=uow, caller=caller, token_id=token_id)
    return see_other("/settings?saved=true#tokens")


Secret = Annotated[str, Form(max_length=256)]


@router.post("/settings/password", dependencies=[CsrfChecked])
def change_my_password(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    app: BacktoneDep,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
    keys: KeysDep,
    current_password: Secret = "",
    new_password: Secret = "",
) -> Response:
    """Change the password; this browser stays signed in, every other session and API token
    of the account stops working."""
    on_error_show(
        request, "settings.html", inline_errors=["current_password", "new_password"],
        **settings_context(uow, clock, me),
    )  # fmt: skip
    change_password(
        uow=uow, clock=clock, hasher=hasher, limiter=limiter,
        common_passwords=app.common_passwords, caller=caller, current=current_password,
        new=new_password, keep_token=keys.session_token(request),
    )  # fmt: skip
    return see_other("/settings?password=changed#password")


@router.get("/settings/delete")
async def delete_form(request: Request, me: PageUser) -> Response:
    """First the download of all one's data, then the password to confirm."""
    return render(request, "delete_account.html", {"name": me.name})


@router.post("/settings/delete", dependencies=[CsrfChecked])
def delete_me(
    request: Request,
    me: PageUser,
    caller: PageCaller,
    uow: UowDep,
    clock: ClockDep,
    hasher: HasherDep,
    limiter: LimiterDep,
    password: Secret = "",
) -> Response:
    """Delete the account and all its data; the browser is signed out."""
    on_error_show(request, "delete_account.html", inline_errors=["password"], name=me.name)
    delete_account(
        uow=uow, clock=clock, hasher=hasher, limiter=limiter, caller=caller, password=password
    )
    request.state.account = None  # the page that answers is a signed-out one
    response = render(request, "delete_account.html", {"name": me.name, "done": True})
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
