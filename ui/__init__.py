"""Streamlit glue shared by every page: database access, filters, page frame, widgets."""
