"""MkDocs wiring for this guide: the Crossroads engine's events, from the installed package.

``hooks:`` in mkdocs.yml names this file. Every event, the state of a build and what
``mkdocs serve`` shows while the guide has a problem live in the engine's MkDocs adapter
(``crossroads/adapter/mkdocs_hooks.py``), so an engine upgrade changes them without a copy
here. A builder without hooks gets the same steps from ``python -m crossroads generate``
and ``python -m crossroads finish``.
"""

from crossroads.adapter.mkdocs_hooks import *  # noqa: F403
