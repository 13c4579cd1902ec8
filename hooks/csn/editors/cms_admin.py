"""The editing interface of the published site: /admin/, Sveltia CMS served from the site itself.

The build writes admin/index.html (its own Content-Security-Policy, noindex),
admin/config.json (cms_config.py, completed with the repository to commit to
and the current themes) and copies the CMS bundled from the npm package by
tools/bundle_cms.mjs (the Makefile runs it when package-lock.json changes).
Nothing of it is a page of the site: it is in no sitemap, search index, feed
or open data, and the public pages' policy does not change.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from csn.editors.cms_config import Themes, cms_config, render

ADMIN_FOLDER = "admin"
BUNDLE_ENV = "CSN_ADMIN_BUNDLE"
BUNDLE_DEFAULT = Path("node_modules") / ".cache" / "csn-admin"  # from the project folder
BUNDLE_STAMP = "VERSION"  # written last by tools/bundle_cms.mjs: a bundle without it is incomplete
REPOSITORY_ENVS = ("CSN_REPOSITORY", "GITHUB_REPOSITORY")  # owner/name; GitHub Actions sets the second
# Without a repository (a local build), signing in to GitHub cannot work, but the local clone mode can.
NO_REPOSITORY = "owner/repository"
BRANCH = "main"
GITHUB_API = "https://api.github.com"


class AdminBundleMissing(Exception):
    """The CMS was not bundled: the message says how to bundle it."""


def admin_policy() -> str:
    """The editor's own policy: the site's files, and GitHub's API as the only other host it talks to.

    'unsafe-inline' styles: the editor's components add their styles at run time; scripts stay the
    site's own files ('wasm-unsafe-eval' lets its image tools compile their WebAssembly, no eval).
    blob: URLs are the previews of images read from the repository or picked on the computer; data: URLs
    are read by the editor itself (its logo, the stand-in for GitHub's status page: tools/bundle_cms.mjs).
    """
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", "blob:", "data:", GITHUB_API],
        "worker-src": ["'self'", "blob:"],
        "frame-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


# A translated value: its French and English inputs side by side, French first, where the form is wide enough
# (the CMS lays out an object's inputs one under the other; `data-key-path` ends with the language).
ADMIN_STYLE = """\
@media (min-width: 1100px) {
  .item-list:has(> section[data-key-path$=".fr"] + section[data-key-path$=".en"]) {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    column-gap: 16px;
  }
}
"""
STYLE_FILE = "csn-admin.css"


def admin_page() -> str:
    """admin/index.html: the policy first, then the configuration's address and the editor's script."""
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{admin_policy()}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Édition du site · Site editing — Consortium Santé Numérique</title>
<link href="config.json" type="application/json" rel="cms-config-url">
<link href="{STYLE_FILE}" rel="stylesheet">
<script type="module" src="cms.js"></script>
</head>
<body>
<noscript>
<p lang="fr">L'édition du site demande JavaScript : activez-le, puis rechargez la page.</p>
<p lang="en">Editing the site needs JavaScript: turn it on, then reload the page.</p>
</noscript>
</body>
</html>
"""


def repository(environ: Mapping[str, str]) -> str:
    return next((environ[name] for name in REPOSITORY_ENVS if environ.get(name)), NO_REPOSITORY)


def admin_config(themes: Themes, site_url: str, environ: Mapping[str, str]) -> str:
    # Sign-in with a token or on a local clone: GitHub's OAuth needs a server of ours (DEVELOPING.md).
    backend = {"name": "github", "repo": repository(environ), "branch": BRANCH, "auth_methods": ["token"]}
    config: dict[str, Any] = cms_config(themes, backend=backend)
    if site_url.startswith(("http://", "https://")):
        config = {**config, "site_url": site_url.rstrip("/"), "display_url": site_url}
    return render(config)


def find_bundle(project_dir: Path, environ: Mapping[str, str]) -> Path:
    bundle = Path(environ.get(BUNDLE_ENV) or project_dir / BUNDLE_DEFAULT)
    if not (bundle / BUNDLE_STAMP).is_file():
        raise AdminBundleMissing(
            f"the editing interface (/admin/) is not bundled in {bundle}: `make build` and `make serve` bundle it "
            f"(node tools/bundle_cms.mjs {BUNDLE_DEFAULT.as_posix()}), or set {BUNDLE_ENV} to a bundle's folder")
    return bundle


def _copy_bundle(bundle: Path, target: Path) -> None:
    """Copy the bundle unless the same version is already there (a preview rebuild)."""
    stamp = (bundle / BUNDLE_STAMP).read_bytes()
    if (target / BUNDLE_STAMP).is_file() and (target / BUNDLE_STAMP).read_bytes() == stamp:
        return
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(bundle, target)


def write_admin(site_dir: Path, project_dir: Path, themes: Themes, site_url: str,
                environ: Mapping[str, str] | None = None) -> Path:
    """Write /admin/ into a built site; raise AdminBundleMissing when the CMS is not bundled."""
    environ = os.environ if environ is None else environ
    target = site_dir / ADMIN_FOLDER
    _copy_bundle(find_bundle(project_dir, environ), target)
    _write_if_changed(target / "index.html", admin_page())
    _write_if_changed(target / STYLE_FILE, ADMIN_STYLE)
    _write_if_changed(target / "config.json", admin_config(themes, site_url, environ))
    return target


def _write_if_changed(path: Path, text: str) -> None:
    """A preview rebuild leaves an unchanged file as it was (its time tells what a rebuild rewrote)."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
