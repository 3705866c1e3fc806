"""What an executive should notice: short Korean sentences with their figure, any topic.

Each topic's module produces :class:`Highlight` items; pages list them and the executive
briefing (and the deck) can pick from several topics, most severe first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

#: ``warning``: needs attention (far behind pace, the report disagrees with itself);
#: ``notice``: unusual but not a problem (collection over 100 %, behind pace overall);
#: ``info``: the largest movements.
Severity = Literal["warning", "notice", "info"]
SEVERITY_ORDER: dict[str, int] = {"warning": 0, "notice": 1, "info": 2}


@dataclass(frozen=True)
class Highlight:
    """One finding: ``text`` is the sentence, ``figure`` its key figure as printed."""

    topic: str
    kind: str
    severity: Severity
    subject: str
    text: str
    figure: str
    value: float | None = None
    #: slug of the page that shows the details
    page: str = ""


def by_severity(items: Iterable[Highlight]) -> list[Highlight]:
    """Most severe first; the producer's order is kept within a severity."""
    return sorted(items, key=lambda item: SEVERITY_ORDER[item.severity])
