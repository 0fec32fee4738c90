"""The command line: ``python -m crossroads check|new|upgrade|anchors|schemas|watch|generate|
finish|diff``.

``check`` runs every check the build runs (data, markers in hand-written pages, published
anchors) and prints every problem as ``file:line: where: what``, then exits 1; on a valid
guide it prints a summary, warns about stale citations, thin coverage and technologies an
item names but is not tagged with, and exits 0.
``new`` writes a complete, buildable guide into DIR without overwriting anything;
``upgrade DIR`` brings a guide made by an earlier engine up to this one (its hooks file, the
engine's wheel and pin, the lock file and the schemas).
``anchors update|check`` records published anchors; ``schemas write|check`` keeps the JSON
Schemas editors use in ``data/schemas/``; ``watch`` re-reads every cited source.
``generate OUT`` writes the guide as a plain project that builds without hooks, and
``finish SITE`` does the post-build work on what any builder made of it.
``diff BASE HEAD`` prints, as Markdown, what readers would see change between two git
revisions or two guide folders.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crossroads.anchor_manifest import anchors_command
from crossroads.build_date import build_date
from crossroads.checking import check_project
from crossroads.diff import diff
from crossroads.diff_markdown import to_markdown
from crossroads.errors import DataError
from crossroads.finish import finish
from crossroads.generate import GenerateError, generate
from crossroads.revisions import RevisionError, load_version
from crossroads.scaffold import ScaffoldError, new_guide
from crossroads.schema_files import schemas_command
from crossroads.upgrade import UpgradeError, upgrade
from crossroads.validation import load_guide, stale_sources
from crossroads.watch import report, watch


def _check(project: Path) -> int:
    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        print(f"{project}: no mkdocs.yml here; run check in a guide's folder", file=sys.stderr)
        return 2
    today = build_date()
    try:
        checked = check_project(config_file, today)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    guide = checked.guide
    questions = len(guide.flowchart.questions) if guide.flowchart else 0
    print(
        f"{project}: {len(guide.technologies)} {guide.info.item.many}, "
        f"{len(guide.criteria)} criteria, {len(guide.use_cases)} use cases, "
        f"{questions} questions, {len(guide.sources)} sources: valid"
    )
    for warning in checked.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def _new(directory: Path) -> int:
    try:
        written = new_guide(directory)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote a new guide to {directory} ({len(written)} files). Next:")
    print(f"  cd {directory}")
    print("  scripts/serve.sh     # serve it on http://127.0.0.1:8000/")
    print("  scripts/test.sh      # check the data and build it as CI does")
    return 0


def _upgrade(guide: Path) -> int:
    try:
        upgraded = upgrade(guide)
    except UpgradeError as exc:
        print(exc, file=sys.stderr)
        return 2
    for warning in upgraded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not upgraded.changed:
        print(f"{guide}: already on this engine; nothing changed")
        return 0
    print(f"upgraded {guide}: {', '.join(upgraded.changed)}. Next, in {guide}:")
    print("  scripts/test.sh      # installs the engine's new wheel, checks and builds")
    return 0


def _watch(project: Path, report_file: Path | None, timeout: float) -> int:
    today = build_date()
    try:
        guide = load_guide(project / "data", today)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 2
    findings = watch(guide, timeout=timeout)
    text = report(findings, len(guide.sources), today.isoformat())
    if report_file is not None:
        report_file.write_text(text, encoding="utf-8")
    print(text, end="")
    return 1 if findings else 0


def _config_file(project: Path) -> Path | None:
    config_file = project / "mkdocs.yml"
    if not config_file.is_file():
        print(f"{project}: no mkdocs.yml here; run this in a guide's folder", file=sys.stderr)
        return None
    return config_file


def _generate(project: Path, out: Path) -> int:
    config_file = _config_file(project)
    if config_file is None:
        return 2
    today = build_date()
    try:
        generated = generate(config_file, out, today)
    except (DataError, GenerateError) as exc:
        print(exc, file=sys.stderr)
        return 1
    for source_id, checked in stale_sources(generated.guide, today):
        print(f"warning: source {source_id!r} was last checked on {checked}", file=sys.stderr)
    print(f"wrote {out}/mkdocs.yml and {len(generated.pages)} pages to {out}/docs. Next:")
    print(f"  mkdocs build --strict -f {out}/mkdocs.yml -d SITE")
    print("  python -m crossroads finish SITE")
    return 0


def _finish(project: Path, site: Path) -> int:
    config_file = _config_file(project)
    if config_file is None:
        return 2
    if not (site / "index.html").is_file():
        print(f"{site}: no index.html here; build the site first", file=sys.stderr)
        return 2
    try:
        finished = finish(site, config_file, build_date())
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(
        f"{site}: finished ({len(finished.changed)} pages repaired or given anchor aliases, "
        f"{len(finished.redirects)} redirect pages, search: {finished.search.records} sections "
        f"of {finished.search.pages} pages)"
    )
    return 0


def _diff(base: str, head: str, project: Path, site_url: str) -> int:
    today = build_date()
    guides = []
    for version in (base, head):
        try:
            guides.append(load_version(version, project, today))
        except RevisionError as exc:
            print(exc, file=sys.stderr)
            return 2
        except DataError as exc:
            print(f"{version}: {exc}", file=sys.stderr)
            return 1
    print(to_markdown(diff(*guides), site_url), end="")
    return 0


def _add_diff(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff", help="print, as Markdown, what readers would see change from BASE to HEAD"
    )
    for name in ("base", "head"):
        diff.add_argument(
            name,
            metavar=name.upper(),
            help="a git revision (commit, branch, tag) or a guide's folder",
        )
    diff.add_argument(
        "--project", default=Path(), type=Path, help="the guide's folder, in the git repository"
    )
    diff.add_argument(
        "--site-url", default="", help="link sections under this address (default: relative links)"
    )


def _add_build_steps(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    generate = commands.add_parser(
        "generate", help="write the guide as a plain project (mkdocs.yml + docs/) into OUT"
    )
    generate.add_argument("out", type=Path, metavar="OUT")
    generate.add_argument("--project", default=Path(), type=Path, help="the guide's folder")
    finish = commands.add_parser(
        "finish", help="after building OUT: aliases, markup repair, promise check, redirects"
    )
    finish.add_argument("site", type=Path, metavar="SITE", help="the built site")
    finish.add_argument("--project", default=Path(), type=Path, help="the guide's folder")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m crossroads")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check a guide as the build does, without building")
    check.add_argument("project", nargs="?", default=".", type=Path, help="the guide's folder")
    new = commands.add_parser("new", help="start a new guide in DIR")
    new.add_argument("directory", type=Path, metavar="DIR")
    upgrade = commands.add_parser("upgrade", help="bring the guide in DIR up to this engine")
    upgrade.add_argument("guide", nargs="?", default=".", type=Path, metavar="DIR")
    anchors = commands.add_parser(
        "anchors", help="record the pages and anchors readers may link to"
    )
    anchors.add_argument("action", choices=["update", "check"])
    anchors.add_argument("project", nargs="?", default=".", type=Path, help="the guide's folder")
    schemas = commands.add_parser(
        "schemas", help="write or check the JSON Schemas editors check data files against"
    )
    schemas.add_argument("action", choices=["write", "check"])
    schemas.add_argument("project", nargs="?", default=".", type=Path, help="the guide's folder")
    watch = commands.add_parser(
        "watch", help="fetch every source and report those that no longer say what is quoted"
    )
    watch.add_argument("project", nargs="?", default=".", type=Path, help="the guide's folder")
    watch.add_argument("--report", type=Path, help="also write the Markdown report here")
    watch.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    _add_build_steps(commands)
    _add_diff(commands)
    arguments = parser.parse_args(argv)
    if arguments.command == "diff":
        return _diff(arguments.base, arguments.head, arguments.project, arguments.site_url)
    if arguments.command == "generate":
        return _generate(arguments.project, arguments.out)
    if arguments.command == "finish":
        return _finish(arguments.project, arguments.site)
    if arguments.command == "watch":
        return _watch(arguments.project, arguments.report, arguments.timeout)
    if arguments.command == "check":
        return _check(arguments.project)
    if arguments.command == "upgrade":
        return _upgrade(arguments.guide)
    if arguments.command == "schemas":
        return schemas_command(arguments.action, arguments.project)
    if arguments.command == "anchors":
        try:
            return anchors_command(arguments.action, arguments.project / "mkdocs.yml", build_date())
        except DataError as exc:
            print(exc, file=sys.stderr)
            return 1
    return _new(arguments.directory)


def cli() -> None:
    """The ``crossroads`` command."""
    raise SystemExit(main(sys.argv[1:]))


if __name__ == "__main__":
    cli()
