"""Cross-row checks run on the freshly loaded database during a build: the generic ones
(``integrity``: keys and references of every table) and each topic's (``Topic.error_checks``
reject the data, ``Topic.reconcilers`` compare printed derived figures with ours)."""
