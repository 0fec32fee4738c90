"""The MkDocs adapter: the only part of the package that imports MkDocs.

A guide's ``hooks/crossroads_hooks.py`` is one line that imports the events of
:mod:`crossroads.adapter.mkdocs_hooks`; the engine itself never imports MkDocs, and
``python -m crossroads generate`` and ``finish`` run the same steps without it.
"""
