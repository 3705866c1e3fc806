"""``streamlit run`` that never asks the outside world for the machine's public IP address.

Streamlit looks it up (checkip.amazonaws.com, blocking, 1 s timeout per URL) for its start
banner and again for every websocket whose Origin it does not recognise: an outside request
from an intranet server, and a 2 s stall per rejected connection when outbound traffic is
dropped. ``make run`` starts the app through here: ``python -m ui.serve app.py [options]``.
"""

from __future__ import annotations

import sys

from streamlit import net_util
from streamlit.web import cli


def _no_external_ip() -> None:
    return None


def main(args: list[str]) -> None:
    net_util.get_external_ip = _no_external_ip  # looked up by name at each use, so this holds
    cli.main(["run", *args], prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
