"""The benchmark's wrapper around hooks/crossroads_hooks.py: times the hooks inside a build.

scripts/benchmark.py copies this file next to the real hooks in a hooked test project and
points mkdocs.yml at it. It loads the real hooks, wraps every ``on_*`` event so the CPU time
spent importing them and in every event is added up, and writes the total where the
benchmark reads it (``CROSSROADS_HOOK_SECONDS``). Both figures then come from the same
process at the same moment, so the machine's noise cancels out of their ratio.
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_started = time.process_time()
_spec = importlib.util.spec_from_file_location(
    "crossroads_hooks", Path(__file__).with_name("crossroads_hooks.py")
)
assert _spec is not None and _spec.loader is not None
_hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_hooks)
_spent = [time.process_time() - _started]


def _timed(event: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return event(*args, **kwargs)
        finally:
            _spent[0] += time.process_time() - started

    return timed


for _name in [n for n in vars(_hooks) if n.startswith("on_")]:
    globals()[_name] = _timed(getattr(_hooks, _name))


def on_shutdown() -> None:
    Path(os.environ["CROSSROADS_HOOK_SECONDS"]).write_text(str(_spent[0]))
