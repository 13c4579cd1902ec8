"""`python -m csn summary`: the job summary of a GitHub Actions run, in Markdown, for editors.

What an editor needs without opening a log: whether the data is valid (every
problem, where and how to fix it), what is left to translate, the pages the
pull request adds, changes and removes compared with `main`, and where to
download the built site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from csn.ci.annotations import problem_title
from csn.ci.markdown_table import cell, code, table
from csn.ci.pagediff import compare_sites, format_markdown
from csn.data.errors import DataError, Problem
from csn.data.load import load_site
from csn.data.schema import LANGUAGES
from csn.editors.translations import all_gaps, language_header, report_rows, state_text
from csn.messages import say, say_count
from csn.site.plan import build_plan


@dataclass
class Sites:
    """The folders to compare; either may be missing when its build failed or did not run."""

    built: Path | None = None  # this run's site
    base: Path | None = None  # the pull request's base (main), built the same way
    base_name: str = "main"


def validation_section(project_dir: Path) -> str:
    try:
        site = load_site(project_dir / "data")
        plan = build_plan(site, project_dir / "docs")
    except DataError as error:
        return _problems_markdown(error.problems)
    return say("summary.valid", projects=say_count("count.projects", len(site.projects)),
               partners=say_count("count.partners", len(site.partners)),
               news=say_count("count.news", len(site.news)), pages=say_count("count.pages", len(plan.pages)))


def _problems_markdown(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    rows = [[code(f"{p.file}:{p.line}" if p.line else p.file), cell(problem_title(p)),
             code(p.field), cell(p.text())] for p in sorted(problems)]
    header = [say("summary.column.where"), say("summary.column.problem"), say("summary.column.field"),
              say("summary.column.fix")]
    return "\n".join([say_count("summary.problems", errors), "", table(header, rows)])


def translations_section(project_dir: Path) -> str:
    gaps, files, pages = all_gaps(project_dir)
    checked = say("translations.checked", files=say_count("count.data_files", files),
                  pages=say_count("count.doc_pages", pages))
    if not gaps:
        return say("summary.translations_complete", checked=checked)
    header = [say("translations.column.entity"), say("translations.column.field"),
              *(language_header(lang) for lang in LANGUAGES), say("translations.column.where")]
    rows = [[cell(entity), code(field or say("translations.whole_file")), *(cell(state_text(state)) for state in states),
             code(where)]
            for entity, field, *states, where in report_rows(gaps)]
    return "\n".join([say_count("summary.translations_missing", len(rows), checked=checked), "", table(header, rows)])


def pages_section(sites: Sites) -> str:
    if sites.built is None or not sites.built.is_dir():
        return say("summary.pages.not_built")
    if sites.base is None:
        return say("summary.pages.not_pull_request", base=sites.base_name)
    if not sites.base.is_dir():
        return say("summary.pages.base_failed", base=sites.base_name)
    return say("summary.pages.compared", base=sites.base_name) + "\n\n" + format_markdown(
        compare_sites(sites.base, sites.built))


def download_section(environ: Mapping[str, str], site_built: bool) -> str:
    run = ""
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY") and environ.get("GITHUB_RUN_ID"):
        run = f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}/actions/runs/{environ['GITHUB_RUN_ID']}"
    if not site_built:
        return say("summary.download.failed_run", run=run) if run else say("summary.download.failed")
    artifact = environ.get("ARTIFACT_URL") or (f"{run}#artifacts" if run else "")
    where = say("summary.download.artifact_link", url=artifact) if artifact else say("summary.download.artifact")
    kept = say("summary.download.kept_run", run=run) if run else say("summary.download.kept")
    return say("summary.download.how", where=where, kept=kept)


def job_summary(project_dir: Path, sites: Sites, environ: Mapping[str, str]) -> str:
    built = sites.built is not None and sites.built.is_dir()
    return "\n\n".join([
        "## " + say("summary.heading"),
        "### " + say("summary.heading.data"), validation_section(project_dir),
        "### " + say("summary.heading.translations"), translations_section(project_dir),
        "### " + say("summary.heading.pages"), pages_section(sites),
        "### " + say("summary.heading.site"), download_section(environ, built),
    ]) + "\n"
