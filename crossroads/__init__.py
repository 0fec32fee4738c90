"""Crossroads: turn the YAML decision-guide data into MkDocs pages.

The flow is: :mod:`crossroads.loading` (YAML files with line numbers) ->
:mod:`crossroads.model` and :mod:`crossroads.validation` (one validated
:class:`~crossroads.model.Guide`) -> :mod:`crossroads.rendering` (pure functions
that return Markdown) -> :mod:`crossroads.site` (which pages exist and where).

Nothing in this package imports MkDocs but :mod:`crossroads.adapter`, whose events a
guide's one-line ``hooks/crossroads_hooks.py`` imports.
"""
