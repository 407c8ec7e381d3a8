"""Demo data for the monitor (`make run`): a resident population with webs, the policy register, and
the snapshot of every period, so each monitor page has figures. Runs after the spider web and action
centre demos (INSTALLED_APPS order); safe on every `make run`: only what is missing is added, and the
snapshot only computes new periods and the open ones."""

from __future__ import annotations

import importlib

from veerkracht.regions.models import Region

from . import demo_outcomes
from .snapshots import snapshot_run

POLICY_DEMO = "veerkracht.monitor.demo_policy"


def load(region: Region, *, people: int = demo_outcomes.PEOPLE) -> list[str]:
    lines = demo_outcomes.load(region, people=people)
    try:
        policy = importlib.import_module(POLICY_DEMO)
    except ModuleNotFoundError as exc:
        if exc.name != POLICY_DEMO:
            raise
    else:
        lines += policy.load(region)
    result = snapshot_run(region=region)
    lines.append(
        f"  Monitor: {len(result.computed)} periods computed ({result.skipped} kept), "
        f"{result.figures:,} figures in {result.seconds:.1f}s"
    )
    return lines
