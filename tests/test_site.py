"""What a reader sees in the built guide: tables, sections, citations, nav, search, hosting."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from crossroads.guide import Guide
from crossroads.references import QUOTATION_MARKS, quoted
from crossroads.scaffold import new_guide
from crossroads.validation import load_guide
from tests.conftest import ROOT, Build, by_id, run_build, search_records


@pytest.fixture(scope="module", params=["shipped", "with a third technology"])
def site(request: pytest.FixtureRequest, shipped_site: Build, grown_site: Build) -> Build:
    """Each property below holds for the shipped guide and for it grown by data alone."""
    return shipped_site if request.param == "shipped" else grown_site


@pytest.fixture(scope="module")
def guide(site: Build) -> Guide:
    return load_guide(site.project / "data", dt.date.today())


def text_of(element: Tag | None, leave_out: frozenset[str] = frozenset({"headerlink"})) -> str:
    """Visible text, without the ¶ permalink MkDocs adds to headings (or, within
    ``element``, whatever is in an element of a class ``leave_out`` names)."""
    assert element is not None
    parts = []
    for string in element.find_all(string=True):
        inside = itertools.takewhile(lambda parent: parent is not element, string.parents)
        if not any(leave_out & set(parent.get("class") or []) for parent in inside):
            parts.append(str(string))
    return " ".join(" ".join(parts).split())


def cell_text(cell: Tag) -> str:
    """What a table cell says, without its column label (shown only on phones). Parsed
    pages are shared between tests, so this reads around the label, leaving it in place."""
    return text_of(cell, frozenset({"headerlink", "cr-cell-label"}))


def attr(element: Tag | None, name: str) -> str:
    """A single-valued HTML attribute as text."""
    assert element is not None
    value = element.get(name)
    assert isinstance(value, str), f"{name}={value!r}"
    return value


def cited_sources(block: Tag, page: BeautifulSoup) -> dict[str, Tag]:
    """Source URL → the passage a block's citation marker leads to, in the page's list of
    sources; each passage must link back to the marker."""
    passages = {}
    for marker in block.select(".cr-cite a"):
        passage = by_id(page).get(attr(marker, "href").removeprefix("#"))
        assert passage is not None and passage.name == "li", f"marker to nowhere: {marker}"
        assert passage.find("a", href=f"#{attr(marker, 'id')}") is not None, "no back-link"
        entry = passage.find_parent("li")
        assert entry is not None
        source_link = entry.find("a")
        number = len(entry.find_previous_siblings("li")) + 1
        assert text_of(marker) == f"[{number}]", "a marker's number is its source's place"
        passages[attr(source_link, "href")] = passage
    return passages


def comparison_table(page: BeautifulSoup) -> Tag:
    table = page.select_one(".cr-compare table")
    assert table is not None, "no comparison table on the page"
    return table


def test_comparison_page_has_a_row_per_criterion_and_a_column_per_technology(
    site: Build, guide: Guide
) -> None:
    for comparison in guide.comparisons:
        page = site.page(f"compare/{comparison.id}/")
        names = [guide.technologies[t].name for t in comparison.technologies]
        assert text_of(page.h1) == " vs ".join(names)
        table = comparison_table(page)
        header = [text_of(th) for th in table.select("thead th")]
        assert header == ["Criterion", *names]
        rows = table.select("tbody tr")
        assert [text_of(r.td) for r in rows] == [c.name for c in guide.criteria]


def test_each_cell_shows_verdict_and_reason_and_its_row_links_to_the_section(
    site: Build, guide: Guide
) -> None:
    for comparison in guide.comparisons:
        page = site.page(f"compare/{comparison.id}/")
        rows = comparison_table(page).select("tbody tr")
        for criterion, row in zip(guide.criteria, rows, strict=True):
            # The row's criterion name leads to the section with every verdict's details.
            link = row.select_one("td a")
            assert link is not None and link["href"] == f"#{criterion.id}"
            assert page.find(id=criterion.id) is not None
            cells = row.find_all("td")[1:]
            for technology_id, cell in zip(comparison.technologies, cells, strict=True):
                assessment = guide.assessment(technology_id, criterion.id)
                shown = cell_text(cell)
                assert shown, f"blank cell for {technology_id}/{criterion.id}"
                if assessment.status == "assessed":
                    assert shown.startswith(str(assessment.verdict))
                elif assessment.status == "depends":
                    assert shown.startswith("Depends")
                else:
                    assert shown.startswith("Not assessed yet")
                if assessment.reason:
                    assert " ".join(assessment.reason.split()) in shown


def test_every_criterion_has_a_section_with_dated_sources(site: Build, guide: Guide) -> None:
    for comparison in guide.comparisons:
        page = site.page(f"compare/{comparison.id}/")
        for criterion in guide.criteria:
            heading = page.find(id=criterion.id)
            assert heading is not None and heading.name == "h2"
            assert criterion.name in text_of(heading)
            for technology_id in comparison.technologies:
                assessment = guide.assessment(technology_id, criterion.id)
                section = _assessment_block(heading, guide.technologies[technology_id].name)
                cited = cited_sources(section, page)
                assert len(cited) == len(assessment.sources)
                for source_id, quote in assessment.sources.items():
                    source = guide.sources[source_id]
                    passage = cited.get(source.url)
                    assert passage is not None, (
                        f"{criterion.id}/{technology_id}: {source_id} not cited"
                    )
                    # The cited words, within the passage as the page shows it (a shorter
                    # excerpt of a passage another statement quotes longer shows the longer).
                    shown = text_of(passage.select_one(".cr-passage-toggle"))
                    assert " ".join(quote.split()) in shown
                    item = passage.find_parent("li")
                    assert item is not None
                    assert text_of(item.find("a")) == source.title
                    assert source.publisher in text_of(item)
                    time = item.find("time")
                    assert time is not None and time["datetime"] == source.checked.isoformat()


def test_a_quoted_passage_has_one_pair_of_quotation_marks(site: Build, guide: Guide) -> None:
    """A passage is shown in quotation marks, unless it is itself a quotation: a quoted
    ``"node": ">= 18"`` must not read (or print) with doubled marks."""
    own_marks = 0
    for _html, page in site.pages():
        for toggle in page.select(".cr-passage-toggle"):
            shown = toggle.get_text()
            if shown[:1] == "“" and shown[-1:] == "”":
                inner = shown[1:-1]
                assert inner[:1] not in QUOTATION_MARKS, shown
                assert inner[-1:] not in QUOTATION_MARKS, shown
            else:  # the passage's own marks, no others
                assert shown[:1] in QUOTATION_MARKS or shown[-1:] in QUOTATION_MARKS, shown
                own_marks += 1
    assert own_marks, "this guide quotes at least one quotation (a package.json line)"
    assert quoted('"node": ">= 18"') == "&quot;node&quot;: &quot;&gt;= 18&quot;"
    assert quoted("plain <words>") == "“plain &lt;words&gt;”"


def test_each_page_lists_each_source_it_cites_once(site: Build) -> None:
    """One numbered list per page: a source once, every passage reached from a marker."""
    pages = 0
    for html, page in site.pages():
        lists = page.select("ol.cr-references")
        if not lists:
            assert not page.select(".cr-cite"), f"{html}: markers but no list of sources"
            continue
        assert len(lists) == 1, html
        entries = lists[0].find_all("li", recursive=False)
        urls = [attr(e.find("a"), "href") for e in entries]
        assert len(urls) == len(set(urls)), f"{html}: a source listed twice"
        cited = cited_sources(page, page)
        assert set(cited) == set(urls), f"{html}: a listed source no marker cites"
        for passage in lists[0].select("li.cr-passage"):
            assert passage.select(".cr-backlinks a"), f"{html}: passage nothing cites"
        pages += 1
    assert pages >= 5


def _assessment_block(heading: Tag, technology_name: str) -> Tag:
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if "cr-assessment" in (sibling.get("class") or []) and text_of(sibling).startswith(
            f"{technology_name}:"
        ):
            return sibling
    raise AssertionError(f"no assessment of {technology_name} under {heading.get('id')}")


def test_not_assessed_cells_say_so(site: Build, guide: Guide) -> None:
    for comparison in guide.comparisons:
        page = site.page(f"compare/{comparison.id}/")
        expected = [
            (c.id, t)
            for c in guide.criteria
            for t in comparison.technologies
            if guide.assessment(t, c.id).status == "not-assessed"
        ]
        cells = comparison_table(page).select(".cr-verdict--not-assessed")
        assert len(cells) == len(expected)
        assert all(text_of(c) == "Not assessed yet" for c in cells)


def test_a_criterion_a_technology_omits_shows_as_not_assessed(tmp_path: Path) -> None:
    project = tmp_path / "guide"
    new_guide(project)
    toml = project / "data/technologies/toml.yml"
    text = toml.read_text()
    start = text.index("  comments:\n")
    end = text.index("\n  dates-and-times:", start)
    toml.write_text(text[:start] + text[end + 1 :])
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = result.page("compare/toml-vs-yaml/")
    row = next(r for r in comparison_table(page).select("tbody tr") if text_of(r.td) == "Comments")
    assert cell_text(row.find_all("td")[1]).startswith("Not assessed yet")
    section = _assessment_block(page.find(id="comments"), "TOML")  # type: ignore[arg-type]
    assert "Nobody has checked this yet" in text_of(section)


def test_every_rendered_statement_cites_a_dated_source(site: Build) -> None:
    """Assessments, pros/cons/similarities, claims and summaries: each shows a source and date."""
    checked = 0
    for html, page in site.pages():
        blocks = page.select(".cr-assessment, .cr-claim, .cr-statement")
        for block in blocks:
            if "Not assessed yet" in text_of(block)[:80]:
                continue
            sources = cited_sources(block, page)
            assert sources, f"{html}: statement without sources: {text_of(block)[:80]}"
            for url, passage in sources.items():
                assert url.startswith("https://")
                entry = passage.find_parent("li")
                assert entry is not None and entry.find("time") is not None
            checked += 1
    assert checked > 50


def test_pages_show_exactly_the_statements_about_their_technologies(
    site: Build, guide: Guide
) -> None:
    for technology_id in guide.technologies:
        page = site.page(f"technologies/{technology_id}/")
        on_page = {attr(block, "id") for block in page.select(".cr-statement")}
        assert on_page == {s.id for s in guide.statements if technology_id in s.technologies}
    for comparison in guide.comparisons:
        page = site.page(f"compare/{comparison.id}/")
        compared = set(comparison.technologies)
        within = [s for s in guide.statements if set(s.technologies) <= compared]
        anchored = [attr(block, "id") for block in page.select(".cr-statement[id]")]
        assert sorted(anchored) == sorted(s.id for s in within)  # each once: ids are unique
        # In full once, under its first criterion; under each of its others, a link there.
        assert len(page.select(".cr-statement")) == len(within)
        pointers = [a["href"] for a in page.select("article p > a[href^='#']")]
        for statement in within:
            assert pointers.count(f"#{statement.id}") == len(statement.criteria) - 1
        claims = {c.id for c in guide.claims if set(c.technologies) <= compared}
        linked = {
            attr(a, "href").rpartition("#")[2]
            for a in page.select("article a[href*='articles/']")
            if "#" in attr(a, "href")
        }
        assert linked <= claims


def test_technology_pages_and_nav_come_from_data(site: Build, guide: Guide) -> None:
    home = site.page("")
    nav_links = {text_of(a): a["href"] for a in home.select("nav.md-nav--primary a")}
    for technology in guide.technologies.values():
        assert nav_links.get(technology.name) == f"technologies/{technology.id}/"
        page = site.page(f"technologies/{technology.id}/")
        assert text_of(page.h1) == technology.name
        for criterion in guide.criteria:
            assert page.find(id=criterion.id) is not None
    for comparison in guide.comparisons:
        title = " vs ".join(guide.technologies[t].name for t in comparison.technologies)
        assert nav_links.get(title) == f"compare/{comparison.id}/"


def test_home_page_table_comes_from_the_marker(site: Build, guide: Guide) -> None:
    home = site.page("")
    table = comparison_table(home)
    assert len(table.select("tbody tr")) == len(guide.criteria)
    first_link = table.select_one("tbody td a")
    assert first_link is not None
    comparison_urls = {f"compare/{c.id}/#{guide.criteria[0].id}" for c in guide.comparisons}
    assert first_link["href"] in comparison_urls
    assert "crossroads:" not in home.decode()


def test_each_article_page_lists_its_claims_with_verdict_and_anchor(
    site: Build, guide: Guide
) -> None:
    index = site.page("articles/")
    listed = {attr(a, "href") for a in index.select("article li a")}
    for article in guide.articles.values():
        assert f"{article.id}/" in listed
        page = site.page(f"articles/{article.id}/")
        for claim in article.claims:
            heading = page.find(id=claim.id)
            assert heading is not None, claim.id
            block = heading.find_next_sibling(class_="cr-claim")
            assert block is not None
            assert f"Verdict: {claim.verdict.capitalize()}." in block.get_text()
            assert block.select_one(f".cr-claim-verdict--{claim.verdict} svg") is not None


def test_search_index_has_an_entry_per_criterion_section(site: Build, guide: Guide) -> None:
    records = search_records(site.site)
    for comparison in guide.comparisons:
        for criterion in guide.criteria:
            entry = records.get(f"compare/{comparison.id}/#{criterion.id}")
            assert entry is not None, criterion.id
            assert entry["t"] == criterion.name


def test_search_leaves_out_markers_sources_lists_and_buttons(site: Build, guide: Guide) -> None:
    records = search_records(site.site)
    assert "sources/" in records and all(f"sources/#{s}" in records for s in guide.sources)
    assert not any(url.endswith("#references") for url in records)
    for record in records.values():
        assert "Report a problem" not in record["x"], record["u"]
        assert "Sources on this page" not in record["x"], record["u"]
        assert not re.search(r"\[\d+\]", record["x"]), record["u"]


def test_site_is_ready_to_host(site: Build) -> None:
    assert (site.site / "404.html").is_file()
    assert (site.site / "sitemap.xml").is_file()
    canonical = site.page("").find("link", rel="canonical")
    assert attr(canonical, "href").startswith("https://")


def test_pages_load_nothing_from_third_party_hosts(site: Build) -> None:
    pattern = re.compile(r"""(?:src|href)=["'](https?:)?//([^/"']+)""")
    for html, page in site.pages():
        for element in page.select("script[src], link[href], img[src], iframe[src]"):
            if element.name == "link" and set(element.get("rel") or []) & {"canonical"}:
                continue
            url = element.get("src") or element.get("href")
            assert isinstance(url, str)
            host = urlsplit(url).netloc
            assert not host, f"{html.name}: {element.name} loads {url}"
        assert not pattern.search(str(page.find("style") or "")), html
    css = "\n".join(p.read_text() for p in site.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_use_case_pages_link_needs_to_criteria_and_cite_recommendations(
    site: Build, guide: Guide
) -> None:
    index = site.page("use-cases/")
    listed = {attr(a, "href") for a in index.select("article table a")}
    for use_case in guide.use_cases.values():
        assert f"{use_case.id}/" in listed
        page = site.page(f"use-cases/{use_case.id}/")
        assert text_of(page.h1) == use_case.title
        needs = page.find(id="needs")
        assert needs is not None
        links = [attr(a, "href") for a in needs.find_next("ul").select("a")]  # type: ignore[union-attr]
        assessed = {r.technology for r in use_case.recommendations}
        covering = [
            f"../../compare/{c.id}/" for c in guide.comparisons if assessed <= set(c.technologies)
        ]
        # Each need links to its criterion's section: in a comparison of every technology
        # the use case assesses, or on the criteria page when no comparison has them all.
        for need, link in zip(use_case.needs, links, strict=True):
            page_url, _, anchor = link.partition("#")
            assert anchor == need.criterion
            assert page_url == (covering[0] if covering else "../../criteria/")
        for recommendation in use_case.recommendations:
            heading = page.find(id=f"fit-{recommendation.technology}")
            assert heading is not None
            block = heading.find_next_sibling(class_="cr-recommendation")
            assert block is not None
            cited = set(cited_sources(block, page))
            assert cited == {guide.sources[s].url for s in recommendation.sources}
        for related in use_case.related:
            assert page.find("a", href=f"../{related}/") is not None


def test_flowchart_page_lists_every_question_and_outcome(site: Build, guide: Guide) -> None:
    assert guide.flowchart is not None
    page = site.page("decide/")
    for question in guide.flowchart.questions:
        heading = page.find(id=f"q-{question.id}")
        assert heading is not None and text_of(heading) == question.text
    for outcome in guide.flowchart.outcomes:
        heading = page.find(id=f"o-{outcome.id}")
        assert heading is not None and text_of(heading) == outcome.title
    overview = page.select_one(".cr-tree")
    assert overview is not None
    targets = {attr(a, "href") for a in overview.find_all("a")}
    expected = {f"#q-{q.id}" for q in guide.flowchart.questions}
    expected |= {f"#o-{o.id}" for o in guide.flowchart.outcomes}
    assert targets == expected


def test_due_citations_script_lists_old_citations_oldest_first() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/due_citations.py"), "--today", "2099-01-01"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("DUE ")]
    dates = [line.split()[1] for line in lines]
    assert lines and dates == sorted(dates)
    assert result.stdout.strip().endswith("are due for re-checking (checked > 12 months ago)")


def test_build_warns_about_stale_citations(tmp_path: Path, build: Callable[[Path], Build]) -> None:
    project = tmp_path / "guide"
    new_guide(project)  # the engine's warning: a small guide shows it as well as this one
    sources = project / "data/sources.yml"
    text = re.sub(r"(?m)^    checked: \S+", "    checked: 2020-01-02", sources.read_text(), count=1)
    sources.write_text(text)
    result = build(project)
    assert result.returncode == 0, result.output
    assert "was last checked on 2020-01-02, more than 12 months ago" in result.output


def test_flowchart_page_nests_the_whole_tree_without_javascript(site: Build, guide: Guide) -> None:
    assert guide.flowchart is not None
    tree = site.page("decide/").select_one(".cr-tree")
    assert tree is not None
    start = tree.find("a")
    first_question = guide.flowchart.questions[0]
    assert first_question.id == guide.flowchart.start
    assert start is not None and text_of(start) == first_question.text
    # Each answer is an item under its question, holding the node it leads to.
    for question in guide.flowchart.questions:
        for box in tree.select(f'a[href="#q-{question.id}"]'):
            answers = box.find_next_sibling("ul")
            assert answers is not None, question.id
            items = answers.find_all("li", recursive=False)
            assert [text_of(i.select_one(".cr-tree__label")) for i in items] == [
                a.label for a in question.answers
            ]
            for item, answer in zip(items, question.answers, strict=True):
                node = item.find("a", recursive=False)
                prefix = "q" if any(q.id == answer.next for q in guide.flowchart.questions) else "o"
                assert node is not None and attr(node, "href") == f"#{prefix}-{answer.next}"
    for outcome in guide.flowchart.outcomes:
        assert tree.select(f'a[href="#o-{outcome.id}"]'), outcome.id
