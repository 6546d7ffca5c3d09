"""A plan as Markdown a person can read, print or paste into notes."""

from __future__ import annotations

from backtone.domain.plan import ADJUSTS, SEED_MARK, Plan, PlanItem, PlanSession, Role

ROLE_HEADINGS = {Role.WARM_UP: "Warm-up", Role.MAIN: "Main work", Role.COOL_DOWN: "Cool-down"}


def _mark(item: PlanItem) -> str:
    return f" *({SEED_MARK})*" if item.is_seed else ""


def _session(session: PlanSession) -> list[str]:
    lines = [
        f"### {session.weekday_name} {session.day:%d %b} - {session.title}"
        f" (about {session.estimated_minutes} min)",
        "",
        "| | Exercise | Sets x amount | Rest | Note |",
        "|---|---|---|---|---|",
    ]
    for role in Role:
        for number, item in enumerate(session.by_role(role), start=1):
            label = ROLE_HEADINGS[role] if number == 1 else ""
            rest = f"{item.rest_seconds} s" if item.rest_seconds else "-"
            note = item.guidance().replace("|", "/")
            lines.append(
                f"| {label} | {item.name}{_mark(item)} | {item.dose()} | {rest} | {note} |"
            )
    return [*lines, ""]


def plan_to_markdown(plan: Plan) -> str:
    """The whole plan: who it is for, what to know, then a table per session, week by week."""
    lines = [
        f"# {plan.name}",
        "",
        f"For: {plan.profile.describe()}.  ",
        f"Starts {plan.start:%A %d %B %Y}; {len(plan.weeks)} weeks,"
        f" {plan.profile.days} session{'s' if plan.profile.days > 1 else ''} a week.",
        "",
    ]
    if plan.notes:
        lines += ["## Before you start", ""] + [f"- {note}" for note in plan.notes] + [""]
    lines += [
        "## How to read it",
        "",
        "- `3 x 12-15` means three sets of 12 to 15 reps: add reps until every set reaches the"
        " top, then add the smallest load step and start again at the bottom.",
        "- `30 s` is a hold; rest is between sets. Ramp-up sets (`50% x 8`) are lighter sets"
        " of the working load before a heavy lift.",
        f"- Moves marked *({SEED_MARK})* carry the seed articles' own numbers.",
        f"- {ADJUSTS}",
        "",
    ]
    for week in plan.weeks:
        tag = " (deload)" if week.deload else ""
        lines += [f"## Week {week.number}{tag}", "", f"_{week.focus}_", ""]
        for session in week.sessions:
            lines += _session(session)
    return "\n".join(lines).rstrip() + "\n"
