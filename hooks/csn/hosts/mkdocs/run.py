"""One `mkdocs build` or `mkdocs serve` run: the data layer's plan handed to MkDocs and Material.

mkdocs-static-i18n runs every event once per language (its on_config at priority -100 sets the
language), so the handlers run after it, read the language from the build and keep their state on
this run's object (as Material's blog plugin keeps `is_serve`/`is_dirty` from on_startup).
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from csn.ci.annotations import print_problems
from csn.data.assets import ASSETS_FOLDER
from csn.data.environment import check_environment
from csn.data.errors import DataError
from csn.data.publishing import scheduled_warnings
from csn.data.schema import DEFAULT_LANGUAGE
from csn.data.settings import read_settings
from csn.data.site_url import VARIABLE as SITE_URL_VARIABLE
from csn.data.site_url import checked_site_url
from csn.editors.cms_admin import AdminBundleMissing, write_admin
from csn.hosts.mkdocs.editor_log import quiet_machinery_notes
from csn.hosts.mkdocs.page_context import language_root, page_context, page_meta, theme_globals
from csn.hosts.mkdocs.preview_problems import write_problems_pages
from csn.hosts.mkdocs.theme_blocks import SharedBlocks
from csn.messages import say, say_count
from csn.outputs.search_bundle import SearchIndexError, has_search_bundle, write_search_bundle
from csn.pictures.map_svg import off_map_warnings
from csn.render.build import LanguageBuild, RunMemory, prepare
from csn.render.site_files import language_files, write_site_files
from csn.render.template_cache import MemoryBytecodeCache
from csn.security.page_security import secure_page, template_scripts
from csn.site.error_page import ERROR_TEMPLATE, error_page
from csn.site.incremental import must_render

log = logging.getLogger("mkdocs.hooks.csn")
TEMPLATES_PREFIX = "csn/"  # overrides/csn/: the data layer's templates
# Set in the processes `make build` forks, one per language (language_builds.py): they render their pages
# only; the parent writes the site's files from the data and indexes the search once both are done.
LANGUAGE_PROCESS = "CSN_LANGUAGE_PROCESS"
# In such a process: the memory its parent filled before the fork (the checked data, compiled templates).
inherited_memory: RunMemory | None = None


def in_language_process() -> bool:
    return os.environ.get(LANGUAGE_PROCESS) == "1"


def templates_dir(project_dir: Path) -> Path:
    return project_dir / "overrides" / "csn"


class MkDocsRun:
    """The state of one run, from on_startup to on_shutdown; one language's build at a time."""

    def __init__(self, command: str = "build", dirty: bool = False) -> None:
        self.serving = command == "serve"  # under `mkdocs serve`, the run lasts from rebuild to rebuild
        self.dirty = dirty  # `--dirty`: a rebuild renders only the pages an edit touches
        self.build: LanguageBuild | None = None
        self.project_dir = Path.cwd()  # until on_config reads the configuration file's folder
        self.shared_blocks = SharedBlocks()
        # Checked data kept between languages and, in a preview, between rebuilds.
        self.memory = inherited_memory or RunMemory()
        self.theme_templates = MemoryBytecodeCache()  # Material's templates, compiled once for both languages
        self.spool: tempfile.TemporaryDirectory | None = None  # generated files' content, until MkDocs copies it
        self.problems: list = []  # the data's problems, while `mkdocs serve` shows them instead of the site
        # A preview's rebuild writes the feeds, sitemaps and open data after its pages (see on_post_build).
        self.previewed = False  # the preview's first build is done
        self.deferred_files: list[LanguageBuild] = []
        self.site_files_writer: threading.Thread | None = None
        quiet_machinery_notes()
        if self.serving:
            log.debug("Previewing without the Content-Security-Policy: the live-reload script is inline and "
                     "changes every run (`make build` writes the policy)")

    # -- on_config ----------------------------------------------------------------------------------
    def on_config(self, config):
        lang = config.theme["language"]
        self.project_dir = Path(config.config_file_path).resolve().parent  # the project mkdocs.yml belongs to
        self.problems = []
        self._finish_site_files()
        self.shared_blocks = SharedBlocks()  # one language's frame blocks: nothing kept across languages
        if self.dirty:
            _allow_dirty_builds()
        try:
            check_environment()
            if not os.environ.get(SITE_URL_VARIABLE) and config.site_url:
                checked_site_url(config.site_url, "mkdocs.yml")
            settings = read_settings(config.extra.get("csn"))
            self.build = prepare(self.project_dir, Path(config.docs_dir), templates_dir(self.project_dir), lang,
                                 settings, self.dirty,
                                 self.memory)
        except DataError as error:
            self.build = None
            # The plain list of problems (and GitHub annotations in CI), then a one-line failure: never a traceback.
            print_problems(error.problems)
            if self.serving:
                self.problems = error.problems
                if self.dirty and not _building_other_languages(config):
                    utils.clean_directory(config.site_dir)  # no page of the last good build may hide the problems
                config.nav = None  # its pages are left out until the data is fixed
                return config
            errors = len([p for p in error.problems if p.severity == "error"])
            raise PluginError(say_count("build.data_problems", errors)) from None
        if not in_language_process() or lang == DEFAULT_LANGUAGE:  # said once, not by each language's process
            for problem in scheduled_warnings(self.build.site) + off_map_warnings(self.build.site):
                log.info("%s", problem)  # expected, not a warning: a strict build must not fail on it
        made, reused = self.build.site.picture_work
        if (made or reused) and (not in_language_process() or lang == DEFAULT_LANGUAGE) \
                and not _building_other_languages(config):
            log.info("%s", say("build.pictures", made=made, reused=reused))
        return config

    # -- on_files -----------------------------------------------------------------------------------
    def on_files(self, files: Files, config) -> Files:
        """Place docs pages at their planned address and add one generated page per record."""
        for file in [f for f in files if f.src_uri.startswith(TEMPLATES_PREFIX)]:
            files.remove(file)  # our own templates (feed.xml, sitemap.xml), not files of the site
        build = self.build
        if build is None:  # the preview of data with problems: the assets and, for the i18n plugin, a home page
            home = f"{config.theme['language']}/index.md"
            return Files([file for file in files if not file.is_documentation_page() or file.src_uri == home])
        planned = {page.source: page for page in build.plan.in_language(build.lang) if page.source}
        for file in list(files.documentation_pages()):
            page = planned.get(file.src_uri)
            if page is None:
                files.remove(file)  # a docs page of the other language, or a fallback copy
                continue
            _place(file, page, config)
        for page in build.plan.in_language(build.lang):
            if page.is_generated:
                file = File.generated(config, f"_generated/{page.lang}/{page.key.replace(':', '/')}.md", content="",
                                      inclusion=InclusionLevel.NOT_IN_NAV)
                _place(file, page, config)
                DataPage(None, file, config)
                files.append(file)
        if self.serving and self.previewed:
            self.deferred_files.append(build)
        elif not in_language_process():  # else `make build`'s parent writes them once (language_builds.py)
            for path, content in language_files(build, config.site_url or "/"):
                files.append(self._generated_file(config, path, content))
        self._add_assets(files, config)
        if self.dirty:
            _mark_pages_to_render(files, build.rerender)
        return files

    # -- on_serve -----------------------------------------------------------------------------------
    def on_serve(self, server, config, builder):
        """The preview rebuilds when an image of assets/ is added or saved too: adding a missing logo
        clears its error without saving the record again. The folder is made if the project has none
        yet (it is where images go), so that the first image added is seen."""
        folder = Path(config.config_file_path).resolve().parent / ASSETS_FOLDER
        folder.mkdir(exist_ok=True)
        server.watch(str(folder))
        return server

    # -- on_nav -------------------------------------------------------------------------------------
    def on_nav(self, nav, config, files):
        """Under --dirty, a page MkDocs does not read again has no title (it reads it from the page's
        source): the header tabs of the pages rendered again would show "None" in its place. It gets
        the title a full build gives it, from the plan."""
        if self.dirty and self.build is not None:
            for page in nav.pages:
                planned = getattr(page.file, "csn_page", None)
                if planned is not None and page.markdown is None and not page.file.is_modified():
                    page.markdown = ""  # read no further: MkDocs skips the page, whose output is kept
                    page.meta = page_meta(planned)
        return nav

    def _add_assets(self, files: Files, config) -> None:
        """Publish the images the data uses (checked by validation), at their path from the project root."""
        for path in self.build.site.assets:
            taken = files.get_file_from_path(path)
            if taken is not None and Path(taken.abs_src_path) != self.project_dir / path:
                raise PluginError(say("build.asset_taken", path=path))
            if taken is None:
                file = File(path, str(self.project_dir), config.site_dir, config.use_directory_urls)
                file.abs_dest_path = str(Path(config.site_dir) / path)
                files.append(file)
        for path, source in self.build.site.picture_files.items():  # processed pictures, from the build's cache
            if files.get_file_from_path(path) is not None:
                raise PluginError(say("build.asset_taken", path=path))
            file = File.generated(config, path, abs_src_path=str(source))
            file.dest_uri = path
            file.abs_dest_path = str(Path(config.site_dir) / path)
            files.append(file)

    def _generated_file(self, config, path: str, content: str | bytes) -> File:
        """A feed, sitemap or data file written as is at `path` from the site root.

        Its content waits in a temporary file until MkDocs copies it, not in memory: with thousands of
        records the open data, feeds and sitemaps weigh tens of megabytes for the whole build. The
        folder is a hidden one in the site folder (the build reads and writes nothing outside the
        project and its output), removed once the last language is built.
        """
        if self.spool is None:
            Path(config.site_dir).mkdir(parents=True, exist_ok=True)
            self.spool = tempfile.TemporaryDirectory(prefix=".csn-files-", dir=config.site_dir)
        source = Path(self.spool.name) / config.theme["language"] / path
        source.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            source.write_text(content, encoding="utf-8")
        else:
            source.write_bytes(content)
        file = File.generated(config, path, abs_src_path=str(source))
        file.dest_uri = path
        file.abs_dest_path = str(Path(config.site_dir) / path)
        return file

    # -- templates and pages ------------------------------------------------------------------------
    def on_env(self, env, config, files):
        """Material's overrides (header, search, skip link) on every page, the 404 included, in the language built."""
        env.globals.update(theme_globals(self.build, config.theme["language"]))
        # Material's templates compiled once per run, not once per language; and its
        # frame blocks shared by the data pages of a folder (see overrides/main.html).
        env.bytecode_cache = self.theme_templates
        env.globals["csn_shared_block"] = self.shared_blocks if self.build else _render_alone
        return env

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if self.build is None:  # the home page kept for the i18n plugin while the preview shows the data's problems
            return markdown
        # The sitemap's dates: the build's day (SOURCE_DATE_EPOCH), not the machine's clock.
        page.update_date = self.build.today.isoformat()
        planned = getattr(page.file, "csn_page", None)
        if planned is not None:
            meta = page_meta(planned)
            # What a docs page hides in its front matter (`hide: [toc]`) adds to what every page hides.
            meta["hide"] = list(dict.fromkeys([*meta["hide"], *(page.meta.get("hide") or ())]))
            page.meta.update(meta)
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        planned = getattr(page.file, "csn_page", None)
        if planned is None:
            return html
        return self.build.renderer.render_content(planned, html)

    def on_page_context(self, context, page, config, nav):
        planned = getattr(page.file, "csn_page", None)
        if planned is not None:
            context["csn"] = page_context(planned, self.build, config)
            # Material reads its sitemap under `base`: the root of the page's language.
            context["base_url"] = language_root(planned)
        return context

    def on_template_context(self, context, template_name, config):
        if template_name == ERROR_TEMPLATE and self.build is not None:
            page = error_page(self.build.plan, config.site_url or "/")
            context["csn_error"] = {"page": page, "body": self.build.renderer.render_file("error.html", error=page)}
        return context

    # -- the end of a language, of the run ----------------------------------------------------------
    def on_post_build(self, config) -> None:
        """Once, after the last language: Pagefind indexes the finished site, one index per language."""
        if self.problems:
            write_problems_pages(Path(config.site_dir), templates_dir(self.project_dir), self.problems)
            return
        if _building_other_languages(config):
            return  # mkdocs-static-i18n builds the other languages inside the first one's post_build: wait for it
        self.remove_spool()
        if self.deferred_files:
            self._write_site_files_after(Path(config.site_dir), config.site_url or "/")
        self.previewed = self.serving
        if in_language_process():
            return  # `make build`'s language process indexes its pages after MkDocs (language_builds.py)
        self._write_admin(config)
        site_dir = Path(config.site_dir)
        # The preview indexes its first build only: a rebuild after each edit would wait for the whole index.
        if self.serving and has_search_bundle(site_dir):
            return
        try:
            write_search_bundle(site_dir)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def _write_site_files_after(self, site_dir: Path, site_url: str) -> None:
        """A preview's rebuild: the edited page is served, and the browser reloads, once MkDocs has written
        the pages; the feeds, sitemaps and open data (about 40 % of a rebuild's work at N=1000, all of
        their records) are written just after, beside the server, rather than before the pages."""
        builds, self.deferred_files = self.deferred_files, []

        def write() -> None:
            try:
                write_site_files(site_dir, builds, site_url)
            except OSError as error:
                log.error("%s", error)

        self.site_files_writer = threading.Thread(target=write, name="csn-site-files", daemon=True)
        self.site_files_writer.start()

    def _finish_site_files(self) -> None:
        """The next rebuild (or the end) waits for the last one's files: one writer at a time."""
        if self.site_files_writer is not None:
            self.site_files_writer.join()
            self.site_files_writer = None

    def _write_admin(self, config) -> None:
        """The editing interface at /admin/ (Sveltia CMS), once per build, after every language."""
        themes = [(theme.id, theme.label) for theme in self.build.site.themes]
        try:
            write_admin(Path(config.site_dir), self.project_dir, themes, config.site_url or "/")
        except AdminBundleMissing as error:
            raise PluginError(str(error)) from None

    def on_post_page(self, output: str, page, config) -> str:
        return self._secure(output, config, page.file.src_uri)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if template_name == ERROR_TEMPLATE and self.build is not None and self.build.lang != DEFAULT_LANGUAGE:
            return ""  # one error page for every language, written by the default language's build (MkDocs skips it)
        return self._secure(output_content, config, template_name) if template_name.endswith(".html") else output_content

    def _secure(self, html: str, config, where: str) -> str:
        # The preview server injects an inline live-reload script that no hash can cover: no policy there.
        if self.serving:
            return secure_page(html)
        refused: list[str] = []
        secured = secure_page(html, template_scripts(tuple(map(str, config.theme.dirs))), refused)
        for text in refused:  # a warning fails the strict build: the page would not work as built
            log.warning("%s: an inline script that no template wrote gets no hash in the page's policy and will not "
                        "run: %r", where, text[:120])
        return secured

    def remove_spool(self) -> None:
        if self.spool is not None:
            self.spool.cleanup()
            self.spool = None

    def on_shutdown(self) -> None:
        self._finish_site_files()
        self.remove_spool()  # a build that failed half-way left its generated files there


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


def _building_other_languages(config) -> bool:
    """Whether mkdocs-static-i18n is building a further language inside the first one's build."""
    return getattr(config.plugins.get("i18n"), "building", False)


def _render_alone(name: str, render):
    """Without data (the preview of data with problems) every block is rendered for its page."""
    return render()


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
