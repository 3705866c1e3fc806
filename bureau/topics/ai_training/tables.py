"""AI 역량 강화: training progress, the mandatory course's tiers, programmes, stages and roles."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from bureau.checks.declared import Quoted, Related, Sum
from bureau.schema import (
    Count,
    Day,
    Integer,
    Name,
    Reference,
    Share,
    SourceModel,
    Table,
    Text,
    department_reference,
    report_reference,
)
from bureau.topics.ai_training.checks import ShareOfUnprintedWhole

GradeGroup = Literal["4급 이상", "5급 이하"]
Stage = Annotated[Integer, Field(ge=1, le=9)]


class AiTrainingGoal(SourceModel):
    """The goal (every employee trains ``times_per_year`` a year from ``period_start``) and the
    report's printed totals: 1,995명 trained, 18.9% of all staff (the staff total is not printed)."""

    dept: Name
    course: Name
    plan: Name
    period_start: Day
    goal_share: Share
    times_per_year: Annotated[Integer, Field(ge=1, le=12)]
    printed_trained: Count
    printed_share_of_staff: Share


class AiTrainingProgress(SourceModel):
    """Staff trained so far in one grade group (명)."""

    dept: Name
    grade_group: GradeGroup
    trained: Count
    sort_order: Count


class AiCourseTier(SourceModel):
    """A tier of the mandatory course by grade, and the progress group it is counted in."""

    dept: Name
    tier: Literal["3급이상", "4급", "5급이하"]
    grade_group: GradeGroup
    sort_order: Count


class AiStage(SourceModel):
    dept: Name
    stage: Stage
    title: Name
    goal: Text
    audience: Text


class AiStageRole(SourceModel):
    """One role line (▶) of an agency in a stage; ``agency`` may be outside the bureau."""

    dept: Name
    stage: Stage
    agency: Name
    agency_order: Count
    seq: Count
    role: Text


class AiProgramme(SourceModel):
    """A training programme: ``courses`` 과정 수, or a cohort programme (months, cohorts, people)."""

    dept: Name
    programme_id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    stage: Stage
    agency: Name
    name: Name
    audience: Name
    courses: Count | None = None
    duration_months: Annotated[Integer, Field(ge=1, le=60)] | None = None
    cohorts_per_year: Annotated[Integer, Field(ge=1, le=12)] | None = None
    per_cohort: Count | None = None
    sort_order: Count


class AiNextStep(SourceModel):
    dept: Name
    seq: Count
    step: Text


def _stage_reference() -> Reference:
    return Reference(("as_of", "stage"), "ai_stages", ("as_of", "stage"))


PROGRESS = Related("ai_training_progress")
GOAL_CHECKS = (
    Sum(
        printed="printed_trained",
        parts=PROGRESS,
        value="trained",
        subject="{course} 이수 인원",
        figure="이수 인원(명)",
        rule="직급 그룹 합계({parts})",
        list_parts="{grade_group} {trained}",
    ),
    ShareOfUnprintedWhole(
        printed="printed_share_of_staff",
        parts=PROGRESS,
        value="trained",
        digits=1,
        subject="{course} 이수율",
        figure="전직원 대비(%)",
        rule="이수 인원 ÷ 전직원 × 100 (전직원 수는 보고서에 없어 표기 비율에서 역산)",
    ),
)

TABLES = (
    # one goal row per report: the page and the projection read a single goal
    Table(
        "ai_training_goal",
        AiTrainingGoal,
        ("as_of",),
        "AI 교육 이수 목표와 보고서 표기 이수 인원·비율",
        (report_reference(), department_reference()),
        checks=GOAL_CHECKS,
    ),
    Table(
        "ai_training_progress",
        AiTrainingProgress,
        ("as_of", "grade_group"),
        "직급 그룹별 AI 교육 이수 인원(명)",
        (report_reference(), department_reference()),
        order=("sort_order",),
    ),
    Table(
        "ai_course_tiers",
        AiCourseTier,
        ("as_of", "tier"),
        "직급별 AI 의무교육 과정 구분",
        (
            report_reference(),
            department_reference(),
            Reference(("as_of", "grade_group"), "ai_training_progress", ("as_of", "grade_group")),
        ),
        order=("sort_order",),
    ),
    Table(
        "ai_stages",
        AiStage,
        ("as_of", "stage"),
        "AI 역량강화 단계별 목표·대상",
        (report_reference(), department_reference()),
        order=("stage",),
    ),
    Table(
        "ai_stage_roles",
        AiStageRole,
        ("as_of", "stage", "agency", "seq"),
        "AI 역량강화 단계별 추진기관 역할",
        (report_reference(), department_reference(), _stage_reference()),
        order=("stage", "agency_order", "seq"),
    ),
    Table(
        "ai_programmes",
        AiProgramme,
        ("as_of", "programme_id"),
        "AI 교육 프로그램(과정 수·기수)",
        (report_reference(), department_reference(), _stage_reference()),
        checks=(
            Quoted(
                quotes=(
                    ("courses", "{}개 과정"),
                    ("duration_months", "{}개월"),
                    ("cohorts_per_year", "연{}회"),
                    ("per_cohort", "기수별 {}명"),
                ),
                within=Related("ai_stage_roles", on=("as_of", "stage", "agency")),
                text="role",
                subject="{name}",
                figure="{quote}",
                rule="프로그램 표의 값이 같은 단계·기관의 역할 문구에 표기됨",
            ),
        ),
        order=("sort_order",),
    ),
    Table(
        "ai_next_steps",
        AiNextStep,
        ("as_of", "seq"),
        "AI 역량강화 향후계획",
        (report_reference(), department_reference()),
        order=("seq",),
    ),
)
