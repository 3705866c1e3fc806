"""영남 산불 피해지역 구호 지원: each table of the section, optionally one department's rows."""

from __future__ import annotations

from bureau.selection import selector
from bureau.topics.relief.tables import TABLES

select = selector(TABLES)

#: 구호물품 by category with its counting unit (동, 대, 개).
supplies = select("relief_supplies")
#: 구호금 hierarchy (45억 → 5억 + 40억 → 37억 경북 + 3억 경남), amounts in 억원.
funds = select("relief_funds")
#: 재해·재난 구호지원 사업비 전액 소진·긴급편성, amounts in 백만원.
appropriations = select("relief_appropriations")
volunteers = select("relief_volunteers")
#: 직원 성금 모금, amount in 천원.
donations = select("relief_donations")
#: The response's dated steps, 3.22. first supplies to 4.11. execution.
timeline = select("relief_timeline")
tf_members = select("relief_tf_members")
