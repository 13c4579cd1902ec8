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
from csn.editors.translations import LANGUAGE_HEADERS, all_gaps, report_rows
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
    return (f"✅ **The data is valid**: {len(site.projects)} projects, {len(site.partners)} partners, "
            f"{len(site.news)} news items, {len(plan.pages)} pages.")


def _problems_markdown(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    rows = [[code(f"{p.file}:{p.line}" if p.line else p.file), cell(problem_title(p)),
             code(p.field), cell(p.message)] for p in sorted(problems)]
    return "\n".join([
        (f"❌ **{errors} {'problem' if errors == 1 else 'problems'} in the data**: nothing can be published until "
        "they are fixed. Each one is also marked on its line in the pull request's *Files changed* tab."),
        "",
        table(["Where", "Problem", "Field", "What is wrong and how to fix it"], rows),
    ])


def translations_section(project_dir: Path) -> str:
    gaps, files, pages = all_gaps(project_dir)
    checked = f"{files} data files and {pages} pages in each language checked"
    if not gaps:
        return f"✅ Every text exists in French and in English ({checked})."
    header = ["Entity", "Field", *(LANGUAGE_HEADERS[lang] for lang in LANGUAGES), "Where"]
    rows = [[cell(entity), code(field), *map(cell, states), code(where)]
            for entity, field, *states, where in report_rows(gaps)]
    return "\n".join([
        (f"{len(rows)} {'text is' if len(rows) == 1 else 'texts are'} missing or unfinished "
        f"(empty text and TODO count as missing; {checked}):"), "", table(header, rows)])


def pages_section(sites: Sites) -> str:
    if sites.built is None or not sites.built.is_dir():
        return "The site was not built, so its pages cannot be compared: see the log of the `make build` step."
    if sites.base is None:
        return f"Not compared: only a pull request is compared with `{sites.base_name}`."
    if not sites.base.is_dir():
        return f"Not compared: `{sites.base_name}` could not be built (see the log of its build step)."
    return (f"Compared with `{sites.base_name}`, by address; a page counts as changed when its title or text "
            "changed.\n\n" + format_markdown(compare_sites(sites.base, sites.built)))


def download_section(environ: Mapping[str, str], site_built: bool) -> str:
    run = ""
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY") and environ.get("GITHUB_RUN_ID"):
        run = f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}/actions/runs/{environ['GITHUB_RUN_ID']}"
    if not site_built:
        return f"No site to download: the build failed{f' (see [the run]({run}))' if run else ''}."
    artifact = environ.get("ARTIFACT_URL") or (f"{run}#artifacts" if run else "")
    where = f"[the `site` artifact]({artifact})" if artifact else "the `site` artifact of this run"
    return (f"Download {where} (kept 14 days{f', listed at the bottom of [the run]({run})' if run else ''}), "
            "unzip it into a folder, then run `python3 -m http.server -d <folder> 8000` and open "
            "http://127.0.0.1:8000/ to browse the site as it would be published.")


def job_summary(project_dir: Path, sites: Sites, environ: Mapping[str, str]) -> str:
    built = sites.built is not None and sites.built.is_dir()
    return "\n\n".join([
        "## Site check",
        "### Data", validation_section(project_dir),
        "### Translations", translations_section(project_dir),
        "### Pages", pages_section(sites),
        "### Built site", download_section(environ, built),
    ]) + "\n"
