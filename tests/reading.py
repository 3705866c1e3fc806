"""Reading AppTest output the way a person sees it on screen."""

import re

import pandas as pd


def shown(markdown: str) -> str:
    """Markdown as rendered text: data is backslash-escaped (bureau.format.markdown_text), and
    URLs carry an invisible word joiner."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def shown_metrics(app) -> dict[str, str]:
    """Each KPI's label and its value as shown (ui.widgets.kpi_row escapes values)."""
    return {metric.label: shown(metric.value) for metric in app.metric}


def table_text(element) -> pd.DataFrame:
    """An st.dataframe as the screen shows it: the Styler's display text where the page
    formats its figures (bureau.table), otherwise the cells themselves as text."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    values = element.value
    styler = element.proto.arrow_data.styler
    if not styler.display_values:
        return values.astype(str)
    display = convert_arrow_bytes_to_pandas_df(styler.display_values)
    display.columns = values.columns
    return pd.DataFrame(display.to_numpy(), columns=values.columns)


#: Streamlit's heading elements, by level.
HEADINGS = {"title": 1, "header": 2, "subheader": 3}


def in_order(node) -> list:
    """Every element under an AppTest node (``app.main``) in the order the page shows them,
    through columns, containers and expanders."""
    from streamlit.testing.v1.element_tree import Block

    if isinstance(node, Block):
        return [element for key in sorted(node.children) for element in in_order(node.children[key])]
    return [node]


def empty_headings(app) -> list[str]:
    """Headings with nothing under them: followed directly by another heading or by the end
    of the page."""
    elements = in_order(app.main)
    return [
        shown(element.value)
        for element, following in zip(elements, [*elements[1:], None])
        if element.type in HEADINGS and (following is None or following.type in HEADINGS)
    ]


def open_chart_tables(app):
    """Opens every chart's "표로 보기" (ui.widgets sends its table only while it is open), as
    a reader clicking each one, and reruns."""
    from ui.widgets import TABLE_KEY_SUFFIX

    for key in list(app.session_state.keys()):
        if key.endswith(TABLE_KEY_SUFFIX):
            app.session_state[key] = True
    app.run()
    assert not app.exception, [error.message for error in app.exception]
    return app
