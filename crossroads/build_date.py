"""The date a build treats as "today", for freshness checks and future-date errors.

``CROSSROADS_TODAY=2026-11-24`` pins it: an input of the build, as ``SOURCE_DATE_EPOCH`` is
for other tools, so that a build on another day (a reproducible build, a test) gives the same
site; otherwise it is the machine's local date.
"""

from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    pinned = os.environ.get("CROSSROADS_TODAY")
    if pinned:
        return dt.date.fromisoformat(pinned)
    return dt.date.today()
