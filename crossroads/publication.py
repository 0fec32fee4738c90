"""Where the guide is published and where its source lives: for links that leave the page.

Kept apart from the data model because it comes from the site configuration
(``site_url`` and ``repo_url`` in mkdocs.yml), not from ``data/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode


def url_path(src_uri: str) -> str:
    """A docs-relative page path as its URL path: ``compare/x.md`` -> ``compare/x/``."""
    url = src_uri.removesuffix(".md").removesuffix("index")
    return url if not url or url.endswith("/") else url + "/"


@dataclass(frozen=True)
class Publication:
    site_url: str
    repo_url: str

    def page_url(self, page_path: str, anchor: str = "") -> str:
        """Public URL of a docs-relative page path such as ``compare/a-vs-b.md``."""
        url = url_path(page_path)
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base + quote(url) + (f"#{anchor}" if anchor else "")

    def report_url(
        self, *, page_path: str, page_title: str, section: str, anchor: str, data_files: list[str]
    ) -> str:
        """A new-issue link in the guide's repository, prefilled with where the problem is."""
        files = "\n".join(f"- {name}" for name in data_files)
        body = (
            f"Page: {self.page_url(page_path, anchor)}\n"
            f"Section id: {anchor}\n"
            f"Data to look at:\n{files}\n\n"
            "What is wrong or out of date, and which primary source says so?\n"
        )
        query = urlencode({"title": f"{page_title}: {section}", "body": body})
        return f"{self.repo_url.rstrip('/')}/issues/new?{query}"
