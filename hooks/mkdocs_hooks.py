"""MkDocs' hooks: each event goes to the run's object in csn.hosts.mkdocs (see run.py)."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from csn.hosts.mkdocs import reloading

AFTER_I18N = -150  # below the i18n plugin's -100: its language and file list come first
LAST = -1000  # the finished page, after every other hook and plugin has changed it


def on_startup(command: str, dirty: bool) -> None:
    reloading.start(command, dirty)


@event_priority(AFTER_I18N)
def on_config(config):
    return reloading.refreshed().on_config(config)


@event_priority(AFTER_I18N)
def on_files(files, config):
    return reloading.current().on_files(files, config)


def on_serve(server, config, builder):
    return reloading.current().on_serve(server, config, builder)


@event_priority(AFTER_I18N)
def on_nav(nav, config, files):
    return reloading.current().on_nav(nav, config, files)


@event_priority(AFTER_I18N)
def on_env(env, config, files):
    return reloading.current().on_env(env, config, files)


def on_page_markdown(markdown, page, config, files):
    return reloading.current().on_page_markdown(markdown, page, config, files)


def on_page_content(html, page, config, files):
    return reloading.current().on_page_content(html, page, config, files)


def on_page_context(context, page, config, nav):
    return reloading.current().on_page_context(context, page, config, nav)


def on_template_context(context, template_name, config):
    return reloading.current().on_template_context(context, template_name, config)


@event_priority(AFTER_I18N)
def on_post_build(config):
    reloading.current().on_post_build(config)


@event_priority(LAST)
def on_post_page(output, page, config):
    return reloading.current().on_post_page(output, page, config)


@event_priority(LAST)
def on_post_template(output_content, template_name, config):
    return reloading.current().on_post_template(output_content, template_name, config)


def on_shutdown():
    reloading.current().on_shutdown()
