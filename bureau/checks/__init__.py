"""Cross-row checks run on the freshly loaded database during a build, by one engine
(``engine``): every table's keys and references (``integrity``), then the checks declared
beside each table (``Table.checks``; the types are in ``declared``, what they return in
``base``). Some reject the data; the others compare the report's printed derived figures
with ours and are recorded in the ``reconciliation`` table."""
