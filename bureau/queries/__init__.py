"""Parameterised queries that return DataFrames; one module per topic."""
