"""The benchmark's plain build, with the builder's own search timed inside it.

``python benchmark_timed_search.py build ARGS...`` runs ``mkdocs build ARGS...`` in this
process after wrapping every ``on_*`` event of Material's search plugin (the lunr index the
plain build makes, and a guide without the engine would have) so the CPU time spent in its
events is added up, as ``benchmark_timed_hooks.py`` adds up the engine's hooks in the hooked
build. Importing the plugin is not counted: the hooked build imports it too, since its
config lists the theme's search as off. The total is written where the benchmark reads it
(``CROSSROADS_SEARCH_SECONDS``). Both figures of the plain build then come from the same
process, so the machine's noise cancels out of their ratio.
"""

from __future__ import annotations

import atexit
import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from material.plugins.search.plugin import SearchPlugin

_spent = [0.0]


def _timed(event: Callable[..., Any]) -> Callable[..., Any]:
    # functools.wraps keeps what MkDocs reads off an event method (its mkdocs_priority).
    @functools.wraps(event)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return event(*args, **kwargs)
        finally:
            _spent[0] += time.process_time() - started

    return timed


# On the class, before MkDocs makes the plugin and registers its bound methods.
for _name in [n for n in vars(SearchPlugin) if n.startswith("on_")]:
    setattr(SearchPlugin, _name, _timed(getattr(SearchPlugin, _name)))


def _report() -> None:
    Path(os.environ["CROSSROADS_SEARCH_SECONDS"]).write_text(str(_spent[0]))


if __name__ == "__main__":
    from mkdocs.__main__ import cli

    atexit.register(_report)
    cli(sys.argv[1:], prog_name="mkdocs")
