"""Figures typed from the printed report, shared by tests that check different outputs."""

from datetime import date

#: The printed report's 기준일: every test of its figures names it.
AS_OF = date(2025, 3, 31)

#: 조직 및 인력: 부서별 인원 (명)
HEADCOUNT = {
    "총무과": 188,
    "인사과": 39,
    "인력개발과": 40,
    "자치행정과": 37,
    "시민협력과": 19,
    "대외협력과": 16,
    "평화기반조성과": 14,
    "공무원수련원": 12,
}
