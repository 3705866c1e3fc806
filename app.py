"""행정국 업무보고 대시보드: page configuration and navigation only."""

from pathlib import Path

import streamlit as st

from ui.nav import PAGES

# A file served by the app itself: a ":material/…:" page icon makes browsers fetch the
# favicon from a public font CDN.
FAVICON = Path(__file__).parent / "ui" / "static" / "favicon.png"

st.set_page_config(page_title="행정국 업무보고 대시보드", page_icon=str(FAVICON), layout="wide")
navigation = st.navigation(
    [
        st.Page(page.path, title=page.title, icon=page.icon, default=index == 0)
        for index, page in enumerate(PAGES)
    ]
)
navigation.run()
