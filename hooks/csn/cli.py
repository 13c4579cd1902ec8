"""Commands for editors and CI, run from hooks/ as `python -m csn <command>` (the Makefile does it).

validate      check every data file; every problem at once, `file:line: field: message`
schemas       write what is generated from schema.py (JSON Schemas, first lines, guides' tables)
schema-check  check data files against their JSON Schemas, as editors' tools see them
new           make a new news item, project or partner file, full of TODOs to fill
translations  list what is missing or unfinished in either language
yaml-syntax   check that YAML files are well formed
pagediff      the pages added, changed and removed between two built sites, in Markdown
summary       the Markdown summary of a GitHub Actions run (data, translations, pages, download)

What editors read is in French, or in English with CSN_LANG=en (see messages/).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from csn.ci.annotations import print_problems
from csn.data.environment import environment_problems
from csn.data.errors import DataError
from csn.data.publishing import publication_date, scheduled_warnings
from csn.data.schema import LANGUAGES
from csn.data.settings import project_settings
from csn.hosts.mkdocs.site_build import build_site
from csn.messages import say, say_count
from csn.pictures.map_svg import off_map_warnings
from csn.render.build import check_project


def project_folder(start: Path | None = None) -> Path:
    """The project the command is run in: the nearest folder from the working one up that holds
    mkdocs.yml and data/ (the Makefile runs commands from the project's folder)."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
            return folder
    return start

PREVIEW = f"http://{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}/"
LANGUAGE_NAME_CODES = {"fr": "language_name.fr", "en": "language_name.en"}
# The commands that read the build's date, the day to publish for or the site's address.
ENVIRONMENT_READERS = frozenset({"validate", "build", "summary"})


def validate(project_dir: Path) -> int:
    started = time.perf_counter()
    try:
        settings = project_settings(project_dir)
        site, plan = check_project(project_dir, project_dir / "docs", publication_date(), settings.news_per_page,
                                   years=settings.years)
    except DataError as error:
        print_problems(error.problems)
        return 1
    elapsed = time.perf_counter() - started
    for problem in scheduled_warnings(site) + off_map_warnings(site):
        print(problem)
    scheduled = say_count("validate.scheduled", len(site.scheduled)) if site.scheduled else ""
    print(say("validate.valid", projects=say_count("count.projects", len(site.projects)),
              partners=say_count("count.partners", len(site.partners)),
              news=say_count("count.news_published", len(site.news)), scheduled=scheduled,
              pages=say_count("count.pages", len(plan.pages)), seconds=round(elapsed, 2)))
    if site.drafts:
        print(say_count("validate.drafts", len(site.drafts)))
    return 0


def schemas(project_dir: Path, check: bool) -> int:
    from csn.editors import generated

    try:
        if check:
            stale = generated.stale(project_dir)
            for name in stale:
                print(say("schemas.stale", file=name), file=sys.stderr)
            return 1 if stale else 0
        changed = generated.write(project_dir)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print("\n".join(say("schemas.updated", file=name) for name in changed) or say("schemas.up_to_date"))
    return 0


def schema_check(project_dir: Path, files: list[Path]) -> int:
    from csn.editors.schema_check import check_files

    problems = check_files(project_dir, files or None)
    if problems:
        print_problems(problems)
        return 1
    print(say("schema_check.valid"))
    return 0


def new(project_dir: Path, kind: str, title: str, record_id: str, date: str, title_en: str) -> int:
    from csn.editors.scaffold import ScaffoldError, new_item

    try:
        created = new_item(project_dir, kind, title=title, record_id=record_id, date=date, title_en=title_en)
    except ScaffoldError as error:
        print(f"make new-{kind}: {error.message}", file=sys.stderr)
        return 1
    print(say("scaffold.created", file=created.path.relative_to(project_dir).as_posix()))
    print(say("scaffold.pages"))
    for lang in LANGUAGES:
        name = say(LANGUAGE_NAME_CODES[lang])
        print(f"  {name:<9} /{created.paths[lang]}  ({say('scaffold.preview', url=PREVIEW + created.paths[lang])})")
    if created.slug_todo:
        print(say("scaffold.slug_todo"))
    print(say("scaffold.slug_hint"))
    return 0


def translations(project_dir: Path, strict: bool) -> int:
    from csn.editors.translations import translation_report

    report, missing = translation_report(project_dir)
    print(report)
    return 1 if strict and missing else 0


def yaml_syntax(files: list[Path]) -> int:
    from csn.editors.yaml_syntax import syntax_problems

    problems = [problem for path in files for problem in syntax_problems(path, path.as_posix())]
    if problems:
        print("\n".join(map(str, problems)), file=sys.stderr)
        print(say_count("yaml_syntax.bad", len(problems), files=len(files)), file=sys.stderr)
        return 1
    print(say_count("yaml_syntax.good", len(files)))
    return 0


def pagediff(old_site: Path, new_site: Path) -> int:
    from csn.ci.pagediff import compare_sites, format_markdown

    for folder in (old_site, new_site):
        if not folder.is_dir():
            print(say("pagediff.no_folder", folder=folder), file=sys.stderr)
            return 1
    print(format_markdown(compare_sites(old_site, new_site)))
    return 0


def summary(project_dir: Path, site: Path | None, base_site: Path | None) -> int:
    from csn.ci.summary import Sites, job_summary

    print(job_summary(project_dir, Sites(built=site, base=base_site), os.environ), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m csn", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=None, help="project folder (holds data/ and docs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every data file and report every problem at once")
    generate = commands.add_parser("schemas", help="write the files generated from schema.py")
    generate.add_argument("--check", action="store_true", help="only check them; exit 1 when one is stale")
    check = commands.add_parser("schema-check", help="check data files against their JSON Schemas")
    check.add_argument("files", nargs="*", type=Path, help="data files (default: all)")
    scaffold = commands.add_parser("new", help="make a new data file")
    scaffold.add_argument("kind", choices=("news", "project", "partner"))
    scaffold.add_argument("--title", default="", help="its title (a partner's name), in French")
    scaffold.add_argument("--title-en", default="", help="its title in English")
    scaffold.add_argument("--id", default="", help="its id, the file name (default: made from the title)")
    scaffold.add_argument("--date", default="", help="a news item's date (default: today)")
    report = commands.add_parser("translations", help="what is missing in either language")
    report.add_argument("--strict", action="store_true", help="exit 1 when anything is missing")
    syntax = commands.add_parser("yaml-syntax", help="check that YAML files are well formed")
    syntax.add_argument("files", nargs="*", type=Path)
    diff = commands.add_parser("pagediff", help="pages added, changed and removed between two built sites")
    diff.add_argument("old_site", type=Path)
    diff.add_argument("new_site", type=Path)
    job = commands.add_parser("summary", help="the Markdown summary of a GitHub Actions run")
    job.add_argument("--site", type=Path, help="this run's built site")
    job.add_argument("--base-site", type=Path, help="the base branch's built site, to compare pages with")
    build = commands.add_parser("build", help="strict build into site/, replaced only when the build succeeds")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site/)")
    args = parser.parse_args(argv)
    project = (args.project or project_folder()).resolve()
    if args.command in ENVIRONMENT_READERS:
        problems = environment_problems()
        if problems:  # a wrong SOURCE_DATE_EPOCH, CSN_TODAY or SITE_URL: one clear line each, before anything runs
            print_problems(problems)
            return 1
    if args.command == "validate":
        return validate(project)
    if args.command == "build":
        return build_site(project, (args.site_dir or project / "site").resolve())
    if args.command == "schemas":
        return schemas(project, args.check)
    if args.command == "schema-check":
        return schema_check(project, args.files)
    if args.command == "new":
        return new(project, args.kind, args.title, args.id, args.date, args.title_en)
    if args.command == "pagediff":
        return pagediff(args.old_site, args.new_site)
    if args.command == "summary":
        return summary(project, args.site, args.base_site)
    if args.command == "yaml-syntax":
        return yaml_syntax(args.files)
    return translations(project, args.strict)
