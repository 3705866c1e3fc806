"""행정국 업무보고 대시보드: page configuration and navigation only."""

import streamlit as st

from ui.nav import PAGES

st.set_page_config(
    page_title="행정국 업무보고 대시보드", page_icon=":material/account_balance:", layout="wide"
)
navigation = st.navigation(
    [
        st.Page(page.path, title=page.title, icon=page.icon, default=index == 0)
        for index, page in enumerate(PAGES)
    ]
)
navigation.run()
