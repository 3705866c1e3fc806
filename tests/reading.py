"""Reading AppTest output the way a person sees it on screen."""

import re


def shown(markdown: str) -> str:
    """Markdown as rendered text: data is backslash-escaped (bureau.format.markdown_text), and
    URLs carry an invisible word joiner."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def shown_metrics(app) -> dict[str, str]:
    """Each KPI's label and its value as shown (ui.widgets.kpi_row escapes values)."""
    return {metric.label: shown(metric.value) for metric in app.metric}
