"""A third technology added as data: its pages exist and carry nothing about the others.

``grown_site`` (tests/conftest.py) is the shipped guide plus one technology, one source,
one statement about it and the guide's first technology, and a comparison of the two, all as
data. The property tests
in test_site.py also run on it; these are the checks specific to growing a guide.
"""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from crossroads.validation import load_guide
from tests.conftest import Build, grown_with, search_records


def content_text(site: Build, path: str) -> str:
    """What the page itself says: the article, without the site's nav and search."""
    article = site.page(path).select_one("article")
    assert article is not None
    return article.get_text(" ", strip=True)


def other_technologies(site: Build, shown: set[str]) -> dict[str, str]:
    guide = load_guide(site.project / "data", dt.date.today())
    return {t.id: t.name for t in guide.technologies.values() if t.id not in shown}


def test_a_comparison_shows_nothing_about_technologies_it_does_not_compare(
    grown_site: Build,
) -> None:
    other = grown_with(grown_site.project)
    text = content_text(grown_site, f"compare/{other}-vs-example-stack/")
    assert "Both test with fixtures" in text
    # A name the compared technology's own data gives (Express, for what runs on Node.js)
    # may show in its verdicts; any other would come from an item about another technology.
    own_words = (grown_site.project / f"data/technologies/{other}.yml").read_text()
    for name in other_technologies(grown_site, {other, "example-stack"}).values():
        if name not in own_words:
            assert not re.search(rf"\b{re.escape(name)}", text), f"{name} on the comparison"
    article = grown_site.page(f"compare/{other}-vs-example-stack/").select_one("article")
    assert article is not None
    links = [str(a["href"]) for a in article.select("a[href]")]
    for technology_id, name in other_technologies(grown_site, {other, "example-stack"}).items():
        page = f"technologies/{technology_id}/"
        assert not [href for href in links if page in href], f"a link to {name}'s page"


def test_the_new_technology_page_is_only_about_it(grown_site: Build) -> None:
    text = content_text(grown_site, "technologies/example-stack/")
    assert text.startswith("Example Stack")
    other = grown_with(grown_site.project)
    for name in other_technologies(grown_site, {"example-stack", other}).values():
        assert not re.search(rf"\b{re.escape(name)}", text), f"{name} on the page"
    page = grown_site.page("technologies/example-stack/")
    testing = page.find(id="testing")
    assert testing is not None
    assert "Tested by fixtures" in testing.find_next("p").get_text()  # type: ignore[union-attr]
    community = page.find(id="community")
    assert community is not None
    assert "Not assessed yet" in community.find_next("p").get_text()  # type: ignore[union-attr]


def test_the_old_comparison_does_not_gain_the_new_statement(grown_site: Build) -> None:
    guide = load_guide(grown_site.project / "data", dt.date.today())
    old = next(c for c in guide.comparisons if "example-stack" not in c.technologies)
    use_case = next(iter(guide.use_cases))
    for path in (f"compare/{old.id}/", f"use-cases/{use_case}/"):
        assert "Both test with fixtures" not in content_text(grown_site, path)


def test_the_new_technology_appears_in_nav_compare_any_and_search(grown_site: Build) -> None:
    guide = load_guide(grown_site.project / "data", dt.date.today())
    home = grown_site.page("")
    nav = [a.get_text(strip=True) for a in home.select("nav.md-nav--primary a")]
    other = guide.technologies[grown_with(grown_site.project)]
    assert "Example Stack" in nav and f"{other.name} vs Example Stack" in nav

    overview = BeautifulSoup((grown_site.site / "compare/index.html").read_text(), "html.parser")
    table = overview.select_one("#all-technologies ~ .cr-compare table")
    assert table is not None
    header = [th.get_text(strip=True) for th in table.select("thead th")]
    assert header == ["Criterion", *(t.name for t in guide.technologies.values())]

    locations = set(search_records(grown_site.site))
    assert "technologies/example-stack/#testing" in locations
    assert f"compare/{other.id}-vs-example-stack/#testing" in locations
