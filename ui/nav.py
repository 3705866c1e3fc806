"""The dashboard's pages, in menu order: one per topic with a page (``bureau.topics``)."""

from __future__ import annotations

from dataclasses import dataclass

from bureau.topics import PAGE_TOPICS


@dataclass(frozen=True)
class PageInfo:
    slug: str
    title: str
    icon: str

    @property
    def path(self) -> str:
        return f"pages/{self.slug}.py"


PAGES: tuple[PageInfo, ...] = tuple(
    PageInfo(topic.slug, topic.page.title, topic.page.icon) for topic in PAGE_TOPICS if topic.page
)
PAGES_BY_SLUG: dict[str, PageInfo] = {page.slug: page for page in PAGES}
