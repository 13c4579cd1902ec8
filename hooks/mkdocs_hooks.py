"""MkDocs hooks: hand the plan of the data layer (hooks/csn) to MkDocs and Material.

Each handler only dispatches. mkdocs-static-i18n runs every event once per
language (its on_config at priority -100 sets the language), so the handlers
here run after it, read the language from the build and keep their state on
this build's objects.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

# MkDocs puts hooks/ on sys.path only while this module's top level runs.
from csn.annotations import print_problems
from csn.build import LanguageBuild, prepare
from csn.environment import check_environment
from csn.error_page import ERROR_TEMPLATE, error_page
from csn.errors import DataError
from csn.incremental import must_render
from csn.map_svg import off_map_warnings
from csn.page_context import language_root, page_context, page_meta, theme_globals
from csn.page_security import secure_page, template_scripts
from csn.plan import DEFAULT_LANGUAGE
from csn.preview_problems import write_problems_pages
from csn.publishing import scheduled_warnings
from csn.search_index import split_search_index
from csn.search_merge import merge_indexes, read_indexes
from csn.settings import read_settings
from csn.site_files import language_files
from csn.site_url import VARIABLE as SITE_URL_VARIABLE
from csn.site_url import checked_site_url
from csn.template_cache import THEME_TEMPLATES

HOOKS_DIR = Path(__file__).resolve().parent
_csn_stamp: tuple = ()


def _csn_source_stamp() -> tuple:
    return tuple((str(path), path.stat().st_mtime_ns) for path in sorted((HOOKS_DIR / "csn").rglob("*"))
                 if path.is_file() and path.suffix in (".py", ".yml"))


def _reload_edited_data_layer() -> None:
    """Make an edit of hooks/csn/ count at the next `mkdocs serve` rebuild.

    The preview server keeps one process, in which MkDocs loads this file once
    and Python keeps every csn module (and build.py's cache of the loaded
    site): when a source file changed, import them all anew.
    """
    global _csn_stamp, prepare, check_environment, checked_site_url, DataError, page_context, page_meta, theme_globals
    global print_problems, secure_page, template_scripts, off_map_warnings, write_problems_pages, error_page
    global language_root, scheduled_warnings
    global split_search_index, read_settings, language_files, THEME_TEMPLATES, must_render, merge_indexes
    global read_indexes
    stamp = _csn_source_stamp()
    if stamp == _csn_stamp:
        return
    if _csn_stamp:
        for name in [name for name in sys.modules if name == "csn" or name.startswith("csn.")]:
            del sys.modules[name]
        sys.path.insert(0, str(HOOKS_DIR))
        try:
            from csn.annotations import print_problems
            from csn.build import prepare
            from csn.environment import check_environment
            from csn.error_page import error_page
            from csn.errors import DataError
            from csn.incremental import must_render
            from csn.map_svg import off_map_warnings
            from csn.page_context import language_root, page_context, page_meta, theme_globals
            from csn.page_security import secure_page, template_scripts
            from csn.preview_problems import write_problems_pages
            from csn.publishing import scheduled_warnings
            from csn.search_index import split_search_index
            from csn.search_merge import merge_indexes, read_indexes
            from csn.settings import read_settings
            from csn.site_files import language_files
            from csn.site_url import checked_site_url
            from csn.template_cache import THEME_TEMPLATES
        finally:
            sys.path.remove(str(HOOKS_DIR))
    _csn_stamp = stamp


_reload_edited_data_layer()

log = logging.getLogger("mkdocs.hooks.csn")
PROJECT_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_PREFIX = "csn/"  # overrides/csn/: the data layer's templates
AFTER_I18N = -150  # below the i18n plugin's -100: its language and file list come first
LAST = -1000  # the finished page, after every other hook and plugin has changed it

TEMPLATES_DIR = PROJECT_DIR / "overrides" / "csn"

_serving = False  # under `mkdocs serve`, which keeps this module from rebuild to rebuild
_build: LanguageBuild | None = None
# Under --dirty: the search indexes as the previous build left them, read when a (re)build
# starts and used when its last language is done.
_previous_search: dict | None = None
_spool: tempfile.TemporaryDirectory | None = None  # the generated files' content, until MkDocs copies it
_problems: list = []  # the data's problems, while `mkdocs serve` shows them instead of the site


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        log.info("Previewing without the Content-Security-Policy: the live-reload script is inline and changes "
                 "every run (`make build` writes the policy)")


@event_priority(AFTER_I18N)
def on_config(config):
    global _build, _problems
    _reload_edited_data_layer()
    lang = config.theme["language"]
    _problems = []
    dirty = "--dirty" in sys.argv  # as mkdocs-static-i18n reads it: the flag reaches no hook
    if dirty:
        _allow_dirty_builds()
        _remember_search_indexes(config)
    try:
        check_environment()
        if not os.environ.get(SITE_URL_VARIABLE) and config.site_url:
            checked_site_url(config.site_url, "mkdocs.yml")
        settings = read_settings(config.extra.get("csn"))
        _build = prepare(PROJECT_DIR, Path(config.docs_dir), TEMPLATES_DIR, lang, settings, dirty)
    except DataError as error:
        _build = None
        # The plain list of problems (and GitHub annotations in CI), then a one-line failure: never a traceback.
        print_problems(error.problems)
        if _serving:
            _problems = error.problems
            if dirty and not _building_other_languages(config):
                utils.clean_directory(config.site_dir)  # no page of the last good build may hide the problems
            config.nav = None  # its pages are left out until the data is fixed
            return config
        raise PluginError(f"the data has {len([p for p in error.problems if p.severity == 'error'])} problem(s); "
                          "nothing was built") from None
    for problem in scheduled_warnings(_build.site) + off_map_warnings(_build.site):
        log.info("%s", problem)  # expected, not a warning: a strict build must not fail on it
    made, reused = _build.site.picture_work
    if (made or reused) and not _building_other_languages(config):
        log.info("Pictures: %d processed, %d taken from the cache (.cache/pictures/)", made, reused)
    return config


@event_priority(AFTER_I18N)
def on_files(files: Files, config) -> Files:
    """Place docs pages at their planned address and add one generated page per record."""
    for file in [f for f in files if f.src_uri.startswith(TEMPLATES_PREFIX)]:
        files.remove(file)  # our own templates (feed.xml, sitemap.xml), not files of the site
    if _build is None:  # the preview of data with problems: the assets and, for the i18n plugin, a home page
        home = f"{config.theme['language']}/index.md"
        return Files([file for file in files if not file.is_documentation_page() or file.src_uri == home])
    planned = {page.source: page for page in _build.plan.in_language(_build.lang) if page.source}
    for file in list(files.documentation_pages()):
        page = planned.get(file.src_uri)
        if page is None:
            files.remove(file)  # a docs page of the other language, or a fallback copy
            continue
        _place(file, page, config)
    for page in _build.plan.in_language(_build.lang):
        if page.is_generated:
            file = File.generated(config, f"_generated/{page.lang}/{page.key.replace(':', '/')}.md", content="",
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            _place(file, page, config)
            DataPage(None, file, config)
            files.append(file)
    for path, content in language_files(_build, config.site_url or "/"):
        files.append(_generated_file(config, path, content))
    _add_assets(files, config)
    if "--dirty" in sys.argv:
        _mark_pages_to_render(files, _build.rerender)
    return files


def _add_assets(files: Files, config) -> None:
    """Publish the images the data uses (checked by validation), at their path from the project root."""
    for path in _build.site.assets:
        taken = files.get_file_from_path(path)
        if taken is not None and Path(taken.abs_src_path) != PROJECT_DIR / path:
            raise PluginError(f"{path}: the theme already has a file at this address: rename the image")
        if taken is None:
            file = File(path, str(PROJECT_DIR), config.site_dir, config.use_directory_urls)
            file.abs_dest_path = str(Path(config.site_dir) / path)
            files.append(file)
    for path, source in _build.site.picture_files.items():  # processed pictures, from the build's cache
        file = File.generated(config, path, abs_src_path=str(source))
        file.dest_uri = path
        file.abs_dest_path = str(Path(config.site_dir) / path)
        files.append(file)


def _generated_file(config, path: str, content: str | bytes) -> File:
    """A feed, sitemap or data file written as is at `path` from the site root.

    Its content waits in a temporary file until MkDocs copies it, not in memory: with thousands of
    records the open data, feeds and sitemaps weigh tens of megabytes for the whole build. The
    folder is a hidden one in the site folder (the build reads and writes nothing outside the
    project and its output), removed once the last language is built.
    """
    global _spool
    if _spool is None:
        Path(config.site_dir).mkdir(parents=True, exist_ok=True)
        _spool = tempfile.TemporaryDirectory(prefix=".csn-files-", dir=config.site_dir)
    source = Path(_spool.name) / config.theme["language"] / path
    source.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        source.write_text(content, encoding="utf-8")
    else:
        source.write_bytes(content)
    file = File.generated(config, path, abs_src_path=str(source))
    file.dest_uri = path
    file.abs_dest_path = str(Path(config.site_dir) / path)
    return file


def _mark_pages_to_render(files: Files, rerender: set[str] | None) -> None:
    """Under --dirty, MkDocs renders only the pages whose file says it was modified: say which."""
    for file in files.documentation_pages():
        planned = getattr(file, "csn_page", None)
        render = (rerender is None or planned is None or must_render(planned, rerender)
                  or not os.path.isfile(file.abs_dest_path))
        file.is_modified = (lambda render=render: render)


class _DirtyBuildWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale pages; this site says which pages to render."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _allow_dirty_builds() -> None:
    # The warning would fail the preview's strict build; the filter is added once per process.
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(type(f).__name__ == "_DirtyBuildWarning" for f in logger.filters):
        logger.addFilter(_DirtyBuildWarning())


def _remember_search_indexes(config) -> None:
    global _previous_search
    if not _building_other_languages(config):  # the first language of this rebuild: nothing rewritten yet
        _previous_search = read_indexes(Path(config.site_dir))


def _building_other_languages(config) -> bool:
    """Whether mkdocs-static-i18n is building a further language inside the first one's build."""
    return getattr(config.plugins.get("i18n"), "building", False)


class DataPage(Page):
    """A page drawn from the data: its template writes the body in on_page_content."""

    def render(self, config, files) -> None:
        # Its Markdown is empty: MkDocs would still build a Markdown converter for it (2 ms a page).
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def _place(file: File, page, config) -> None:
    file.dest_uri = page.dest_uri
    file.url = page.path or "./"
    # The i18n plugin leaves a wrong dest_dir on its files: place from site_dir.
    file.abs_dest_path = str(Path(config.site_dir) / page.dest_uri)
    file.csn_page = page


@event_priority(AFTER_I18N)
def on_env(env, config, files):
    """Material's overrides (header, search, skip link) on every page, the 404 included, in the language built."""
    env.globals.update(theme_globals(_build, config.theme["language"]))
    # Material's templates compiled once per run, not once per language; and its
    # frame blocks shared by the data pages of a folder (see overrides/main.html).
    env.bytecode_cache = THEME_TEMPLATES
    env.globals["csn_shared_block"] = _build.shared_blocks if _build else _render_alone
    return env


def _render_alone(name: str, render):
    """Without data (the preview of data with problems) every block is rendered for its page."""
    return render()


def on_page_markdown(markdown: str, page, config, files) -> str:
    if _build is None:  # the home page kept for the i18n plugin while the preview shows the data's problems
        return markdown
    # The sitemap's dates: the build's day (SOURCE_DATE_EPOCH), not the machine's clock.
    page.update_date = _build.today.isoformat()
    planned = getattr(page.file, "csn_page", None)
    if planned is not None:
        page.meta.update(page_meta(planned))
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    planned = getattr(page.file, "csn_page", None)
    if planned is None:
        return html
    return _build.renderer.render_content(planned, html)


def on_page_context(context, page, config, nav):
    planned = getattr(page.file, "csn_page", None)
    if planned is not None:
        context["csn"] = page_context(planned, _build, config)
        # Material finds the search index (and sitemap) under `base`: the root of the page's language.
        context["base_url"] = language_root(planned)
    return context


def on_template_context(context, template_name, config):
    if template_name == ERROR_TEMPLATE and _build is not None:
        page = error_page(_build.plan, config.site_url or "/")
        context["csn_error"] = {"page": page, "body": _build.renderer.render_file("error.html", error=page)}
    return context


def _remove_spool() -> None:
    global _spool
    if _spool is not None:
        _spool.cleanup()
        _spool = None


def on_shutdown() -> None:
    _remove_spool()  # a build that failed half-way left its generated files there


@event_priority(AFTER_I18N)
def on_post_build(config) -> None:
    """Split the search index that mkdocs-static-i18n wrote for all languages into one per language."""
    global _previous_search
    if _problems:
        write_problems_pages(Path(config.site_dir), TEMPLATES_DIR, _problems)
        return
    if _building_other_languages(config):
        return  # mkdocs-static-i18n builds the other languages inside the first one's post_build: wait for it
    _remove_spool()
    # Once, after the last language: the index then holds every language's pages.
    counts = split_search_index(Path(config.site_dir))
    log.debug("search index documents per language: %s", counts)
    if _previous_search:  # a preview rebuild's indexes get back the entries of the pages it kept
        merge_indexes(_previous_search)
        _previous_search = None


@event_priority(LAST)
def on_post_page(output: str, page, config) -> str:
    return _secure(output, config, page.file.src_uri)


@event_priority(LAST)
def on_post_template(output_content: str, template_name: str, config) -> str:
    if template_name == ERROR_TEMPLATE and _build is not None and _build.lang != DEFAULT_LANGUAGE:
        return ""  # one error page for every language, written by the default language's build (MkDocs skips it)
    return _secure(output_content, config, template_name) if template_name.endswith(".html") else output_content


def _secure(html: str, config, where: str) -> str:
    # The preview server injects an inline live-reload script that no hash can cover: no policy there.
    if _serving:
        return secure_page(html)
    refused: list[str] = []
    secured = secure_page(html, template_scripts(tuple(map(str, config.theme.dirs))), refused)
    for text in refused:  # a warning fails the strict build: the page would not work as built
        log.warning("%s: an inline script that no template wrote gets no hash in the page's policy and will not "
                    "run: %r", where, text[:120])
    return secured
