"""The plan: its schema, its validation and the edits made to it. Pure Python, no Qt."""

from ..plan.migrate import migrate
from .schema import (
    FORMAT,
    SCHEMA_VERSION,
    AiEffect,
    AiSeats,
    ApiModel,
    CloudGpu,
    ComputeUse,
    OwnedGpu,
    Plan,
    Role,
    SelfHostedModel,
    Settings,
    Team,
    Workflow,
)
from .validate import PlanInvalid, Problem, check, check_and_parse, format_loc, parse_plan

__all__ = [
    "FORMAT", "SCHEMA_VERSION", "AiEffect", "AiSeats", "ApiModel", "CloudGpu", "ComputeUse",
    "OwnedGpu", "Plan", "Role", "SelfHostedModel", "Settings", "Team", "Workflow",
    "PlanInvalid", "Problem", "migrate", "check", "check_and_parse", "format_loc", "parse_plan",
]
