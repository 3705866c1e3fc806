"""Plotly figure builders: named functions, one module per topic, sharing one theme."""
