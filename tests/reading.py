"""Reading AppTest output the way a person sees it on screen."""

import re


def shown(markdown: str) -> str:
    """Markdown as rendered text: data is backslash-escaped (bureau.format.markdown_text)."""
    return re.sub(r"\\(.)", r"\1", markdown)
