"""Page view models: what a page shows for one report and set of filters, computed once.

A view is built from a report's frames (``load(con, as_of, …)`` in the topic's ``view``
module) and computes each part of the page (tables, KPIs, highlights, figures) on first
use. The dashboard keeps one view per database build and filters and hands the same object
to every session (``ui.data.view``), so each :func:`part` is computed once and then only
read: callers must not change what a view returns.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

View = TypeVar("View")
Args = ParamSpec("Args")
Result = TypeVar("Result")


def part(method: Callable[Concatenate[View, Args], Result]) -> Callable[Concatenate[View, Args], Result]:
    """A view's method whose result is kept on the view per (hashable) arguments. Two
    sessions asking at once may both compute it; either result is the same."""

    @wraps(method)
    def kept(view: View, *args: Args.args, **kwargs: Args.kwargs) -> Result:
        parts: dict[Hashable, object] = vars(view).setdefault("_parts", {})
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        if key not in parts:
            parts[key] = method(view, *args, **kwargs)
        return parts[key]  # type: ignore[return-value]

    return kept
