"""The dashboard's pages, in menu order: one place that app.py and page links read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    slug: str
    title: str
    icon: str

    @property
    def path(self) -> str:
        return f"pages/{self.slug}.py"


PAGES: tuple[PageInfo, ...] = (
    PageInfo("overview", "개요", ":material/dashboard:"),
    PageInfo("budget", "예산 현황", ":material/account_balance_wallet:"),
    PageInfo("relief", "산불 피해 구호", ":material/volunteer_activism:"),
    PageInfo("markets", "직거래장터", ":material/storefront:"),
    PageInfo("ai_training", "AI 교육", ":material/school:"),
    PageInfo("housing", "주거복지", ":material/home:"),
)

PAGES_BY_SLUG: dict[str, PageInfo] = {page.slug: page for page in PAGES}
