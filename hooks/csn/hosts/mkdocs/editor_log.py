"""MkDocs' log as an editor reads it under `make serve` and `make build`: its notes about its own
machinery left out.

MkDocs and mkdocs-static-i18n report, at the INFO level, things that ask
nothing of an editor and would read as problems: a template that wrote
nothing on purpose (this site writes one 404 page and its own sitemaps), a
site folder that keeps the pages a preview rebuild did not need to render
again ("stale files ... --clean"), the temporary folder and the settings
of each language's build. They stay in the log at the DEBUG level
(`mkdocs serve --verbose`); warnings and errors are never hidden.
"""

from __future__ import annotations

import logging

# The start of each message left out, as MkDocs 1.6 and mkdocs-static-i18n 1.3 word them.
MACHINERY_NOTES = (
    "Template skipped: ",  # "... generated empty output": the 404 page of the second language, the theme's sitemap
    "The directory contains stale files",  # the preview keeps the pages it did not render again
    "mkdocs_static_i18n: Building ",  # "... 'en' documentation to directory: /tmp/..."
    "mkdocs_static_i18n: Overriding ",  # "... 'en' config 'site_description' with ..."
)


class MachineryNotes(logging.Filter):
    """Lowers MkDocs' notes about its machinery to DEBUG, where the usual log does not show them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO and record.getMessage().startswith(MACHINERY_NOTES):
            if not logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG):
                return False
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def quiet_machinery_notes(logger_name: str = "mkdocs") -> None:
    """Filter the handlers of MkDocs' logger (records of its child loggers reach them), once."""
    for handler in logging.getLogger(logger_name).handlers:
        if not any(isinstance(f, MachineryNotes) for f in handler.filters):
            handler.addFilter(MachineryNotes())
