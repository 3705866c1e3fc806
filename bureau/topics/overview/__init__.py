"""일반 현황: 조직 및 인력, 부서별 담당업무, 자치구·동 행정여건, and the current issues at a glance."""

from bureau.topic import Page, Topic
from bureau.topics.overview import briefing, slides, tables

TOPIC = Topic(
    "overview",
    tables.TABLES,
    page=Page("개요", ":material/dashboard:"),
    kpis=briefing.kpis,
    slides=slides.organization_slides,
)
