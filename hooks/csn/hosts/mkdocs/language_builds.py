"""`make build` on both cores: the data read once, each language built by MkDocs in a forked process.

mkdocs-static-i18n builds a single language when its `build_only_locale` is
set (mkdocs.yml reads it from CSN_ONLY_LANGUAGE). Here this process imports
MkDocs and Material, reads and checks the data once (into a RunMemory that
run.py's MkDocsRun starts from), then forks one child per language: each inherits all of it,
copy-on-write, and runs MkDocs' own `build --strict` into a folder of its own
(MkDocs empties its site folder when it starts). Meanwhile this process writes
the files of the whole site that come from the data alone (feeds, sitemaps,
robots.txt, open data). Each child, its pages written, runs Pagefind over its
own folder: the index of its language (search_bundle.py). Then the two folders
are put together, with one entry file listing both indexes.

The children only render pages and index them: CSN_LANGUAGE_PROCESS tells the
hooks to leave the site's files to this process. `mkdocs build` and
`mkdocs serve` without it still build everything in one process.
"""

from __future__ import annotations

import filecmp
import gc
import os
import resource
import shutil
import sys
from pathlib import Path

from csn.ci.annotations import print_problems
from csn.data.environment import check_environment
from csn.data.errors import DataError
from csn.data.schema import LANGUAGES
from csn.data.settings import read_settings
from csn.data.site_url import VARIABLE as SITE_URL_VARIABLE
from csn.data.site_url import checked_site_url
from csn.editors.cms_admin import AdminBundleMissing, write_admin
from csn.hosts.mkdocs import run
from csn.messages import say_count
from csn.outputs.search_bundle import SearchIndexError, indexing_cost, merge_entries, take_entry, write_search_bundle
from csn.render.build import RunMemory, prepare
from csn.render.site_files import write_site_files

ONLY_LANGUAGE = "CSN_ONLY_LANGUAGE"  # read by mkdocs.yml: mkdocs-static-i18n's build_only_locale


class MergeError(Exception):
    """Two language builds wrote different files at one address."""


def build_languages(project_dir: Path, staging: Path) -> int:
    """Build the site of `project_dir` into the empty folder `staging`; return an exit status (0: built)."""
    from mkdocs.config import load_config  # imported here, before the fork: the children inherit MkDocs

    try:
        # What the hooks' on_config checks, once here: the children then find it done (build.py's cache).
        check_environment()
        config = load_config(config_file=str(project_dir / "mkdocs.yml"))
        if not os.environ.get(SITE_URL_VARIABLE) and config.site_url:
            checked_site_url(config.site_url, "mkdocs.yml")
        settings = read_settings(config.extra.get("csn"))
        memory = RunMemory()
        builds = [prepare(project_dir, Path(config.docs_dir), run.templates_dir(project_dir), lang, settings,
                          memory=memory) for lang in LANGUAGES]
    except DataError as error:
        print_problems(error.problems)
        errors = len([p for p in error.problems if p.severity == "error"])
        print(say_count("build.data_problems", errors), file=sys.stderr)
        return 1
    import material  # noqa: F401 - the theme's modules, inherited by both children
    run.inherited_memory = memory  # each child's run starts from the checked data and compiled templates

    folders = {lang: staging / f".{lang}-pages" for lang in LANGUAGES}
    children = {lang: _fork_language_build(project_dir, lang, folders[lang]) for lang in LANGUAGES}
    try:
        write_site_files(staging, builds, config.site_url or "/")  # feeds, sitemaps, robots.txt, open data
    finally:
        statuses = {lang: _wait(pid) for lang, pid in children.items()}
    failed = [lang for lang, status in statuses.items() if status != 0]
    if failed:
        print(f"The build of {', '.join(failed)} failed: nothing was built.", file=sys.stderr)
        return statuses[failed[0]]
    try:
        entries = [take_entry(folders[lang]) for lang in LANGUAGES]
        for lang in LANGUAGES:
            merge_tree(folders[lang], staging)
        merge_entries(staging, entries)
        themes = [(theme.id, theme.label) for theme in builds[0].site.themes]
        write_admin(staging, project_dir, themes, config.site_url or "/")  # the editing interface, /admin/
    except (MergeError, SearchIndexError, AdminBundleMissing) as error:
        print(f"{error}; nothing was built.", file=sys.stderr)
        return 1
    return 0


def _fork_language_build(project_dir: Path, lang: str, site_dir: Path) -> int:
    """Fork a child that runs `mkdocs build --strict` of `lang` into `site_dir`; return its process id."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()  # the child's collector leaves the inherited objects alone: their pages stay shared
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            os.environ[ONLY_LANGUAGE] = lang
            os.environ[run.LANGUAGE_PROCESS] = "1"
            os.chdir(project_dir)  # MkDocs finds mkdocs.yml in the working folder
            status = _mkdocs_build(site_dir)
            if status == 0:
                _report(lang, "pages built", resource.getrusage(resource.RUSAGE_SELF))
                status = _index_language(lang, site_dir)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
    gc.unfreeze()
    return pid


def _mkdocs_build(site_dir: Path) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(args=["build", "--strict", "--site-dir", str(site_dir)], prog_name="mkdocs", standalone_mode=False)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else 1
    except Exception as error:  # noqa: BLE001 - MkDocs has logged what went wrong; its exit says it failed
        print(f"Aborted: {error}", file=sys.stderr)
        return 1
    return 0


def _index_language(lang: str, site_dir: Path) -> int:
    """Pagefind over this language's pages only: its index, apart from the other language's."""
    try:
        write_search_bundle(site_dir)
    except SearchIndexError as error:
        print(f"{error}; nothing was built.", file=sys.stderr)
        return 1
    cpu, peak = indexing_cost()
    print(f"{lang}: search index built in {cpu:.1f} s of CPU, peak memory {peak:.0f} MB (Pagefind)",
          file=sys.stderr)
    return 0


def _report(lang: str, what: str, usage: resource.struct_rusage) -> None:
    """What a language's process cost: the figures `make bench` cannot see one by one."""
    print(f"{lang}: {what} in {usage.ru_utime + usage.ru_stime:.1f} s of CPU, "
          f"peak memory {usage.ru_maxrss / 1024:.0f} MB", file=sys.stderr)


def _wait(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def merge_tree(source: Path, destination: Path) -> None:
    """Move every file of `source` into `destination`, then remove `source`. A file both have must be the
    same (the theme's assets, written by both languages); a different one is an error."""
    for entry in os.scandir(source):
        target = destination / entry.name
        if entry.is_dir(follow_symlinks=False):
            if target.exists():
                merge_tree(Path(entry.path), target)
            else:
                os.rename(entry.path, target)
        elif not target.exists():
            os.rename(entry.path, target)
        elif not filecmp.cmp(entry.path, target, shallow=False):
            raise MergeError(f"{target.relative_to(destination)}: the languages' builds wrote different files")
    shutil.rmtree(source)
