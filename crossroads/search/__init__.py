"""Search: the guide's built pages as one record per section, in a chunked static index.

It works on any builder's output (the hooks run it after MkDocs builds, ``finish`` after
any other builder): :mod:`.records` reads the built HTML, :mod:`.index` scores and chunks
it, :mod:`.words` holds the word rules that ``assets/search-ui.js`` mirrors in the browser.
"""
