"""Configuration and environment are input too: SITE_URL, SOURCE_DATE_EPOCH and CSN_TODAY are checked,
and a wrong value gives the same clear line in every command (validate, summary, build, the preview's
build), never a traceback; the page policy hashes only the scripts the templates wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from csn.data.environment import environment_problems
from csn.data.site_url import checked_site_url, site_url_problems
from csn.security.html_tags import start_tags
from csn.security.page_security import TemplateScripts, page_policy, secure_page, template_scripts, untrusted_scripts
from tests.helpers.sitebuild import build, copy_project
from tests.helpers.themes import THEME_DIRS

GOOD_URLS = ["https://csn.example.org/", "https://csn.example.org", "http://127.0.0.1:8000/",
             "https://org.github.io/csn-showcase/", "https://xn--sant-dpa.example/a/b_c~d/", "http://[::1]:8080/x/",
             "https://csn.example.org/sous%20dossier/"]
BAD_URLS = {
    'https://csn.example.org/"><script>alert(1)</script>': "characters",
    "https://csn.example.org/'onmouseover=alert(1)": "characters",
    "javascript:alert(1)//https://csn.example.org/": "absolute http",
    "JaVaScRiPt:alert(document.domain)": "absolute http",
    "data:text/html,<script>alert(1)</script>": "characters",
    "ftp://csn.example.org/": "absolute http",
    "//csn.example.org/": "absolute http",
    "/csn/": "absolute http",
    "https://user:secret@csn.example.org/": "password",
    "https://csn.example.org/a b/": "characters",
    "https://csn.example.org/\n": "U+000A",
    "https://csn.example.org/\x00": "U+0000",
    "https://csn.example.org/\u0085": "U+0085",
    "https://csn.example.org/?q=1": "query",
    "https://csn.example.org/#top": "fragment",
    "https://csn.exa_mple.org/": "host",
    "https://:8000/": "host",
    "https://csn.example.org:99999/": "port",
    "https://santé.example/": "non-ASCII",
    "https://csn.example.org/%zz/": "%-encode",
    "https://csn.example.org/a\\b": "characters",
}


@pytest.mark.parametrize("value", GOOD_URLS)
def test_a_site_address_is_accepted(value):
    assert site_url_problems(value) == []
    assert checked_site_url(value).endswith("/")


@pytest.mark.parametrize(("value", "why"), BAD_URLS.items())
def test_a_wrong_site_address_is_refused_with_a_clear_message(value, why):
    [problem] = site_url_problems(value)
    assert problem.file == "SITE_URL" and problem.code == "site_url.invalid"
    assert why in problem.text("en") and "set it to the site's public address, like https://" in problem.text("en")
    assert "donnez l'adresse publique du site, comme https://" in problem.text("fr")
    assert "\n" not in str(problem) and "\x00" not in str(problem)


def test_the_address_in_mkdocs_yml_is_named_as_such():
    [problem] = site_url_problems("javascript:x", "mkdocs.yml")
    assert (problem.file, problem.field) == ("mkdocs.yml", "site_url")


ENVIRONMENTS = {
    "SOURCE_DATE_EPOCH": ("last tuesday", "SOURCE_DATE_EPOCH: `last tuesday` n'est pas un instant"),
    "CSN_TODAY": ("2030-02-30", "CSN_TODAY: `2030-02-30` n'est pas un jour"),
    "SITE_URL": ('https://csn.example.org/"><script>alert(1)</script>', "SITE_URL: `https://csn.example.org/\""),
}


def test_every_wrong_variable_is_reported_at_once():
    problems = environment_problems({name: value for name, (value, _) in ENVIRONMENTS.items()})
    assert [p.file for p in problems] == ["SOURCE_DATE_EPOCH", "CSN_TODAY", "SITE_URL"]
    assert environment_problems({"SOURCE_DATE_EPOCH": "9" * 30})[0].text().startswith("`999")
    assert environment_problems({}) == [] and environment_problems({"CSN_TODAY": " ", "SITE_URL": ""}) == []


def csn(project: Path, command: str, env: dict) -> subprocess.CompletedProcess:
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), **env}
    return subprocess.run([sys.executable, "-m", "csn", "--project", str(project), command], cwd=project,
                          env=environ, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("environment") / "project")


@pytest.mark.parametrize("variable", ENVIRONMENTS)
@pytest.mark.parametrize("command", ["validate", "summary", "build"])
def test_every_command_gives_the_same_clear_line(project, command, variable):
    value, line = ENVIRONMENTS[variable]
    done = csn(project, command, {variable: value})
    output = done.stdout + done.stderr
    assert done.returncode == 1 and line in output, output
    assert "Traceback" not in output and not (project / "site").exists()


@pytest.mark.parametrize("variable", ENVIRONMENTS)
def test_the_mkdocs_build_gives_the_same_clear_line(project, variable):
    value, line = ENVIRONMENTS[variable]
    result = build(project, extra_env={variable: value})
    assert result.returncode != 0 and line in result.output, result.output
    assert "Traceback" not in result.output and not (result.site / "index.html").exists()


def test_a_wrong_address_in_mkdocs_yml_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]',
        "site_url: !ENV [SITE_URL, \"http://127.0.0.1:8000/x'onload='y\"]"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and "mkdocs.yml: site_url: `http://127.0.0.1:8000/x'onload='y/`" in result.output
    assert "Traceback" not in result.output




def test_the_policy_hashes_only_the_scripts_a_template_wrote():
    trusted = TemplateScripts.of('__md_scope=new URL("{{ base_url }}",location)')
    page = ('<html><head><meta charset="utf-8">'
            '<script>__md_scope=new URL("../..",location)</script>'  # the template's, with its value
            '<script>__md_scope=new URL("x",location);alert(1)//",location)</script>'  # a value that left its string
            '<script>alert("injected")</script>'  # no template's
            '<script>__md_scope=new URL("../..",location);</script>'  # one byte more
            '</head></html>')
    refused: list[str] = []
    secured = secure_page(page, trusted, refused)
    policy = page_policy(start_tags(page), trusted)
    assert secured.count("'sha256-") == policy.count("'sha256-") == 1
    assert refused == ['__md_scope=new URL("x",location);alert(1)//",location)', 'alert("injected")',
                       '__md_scope=new URL("../..",location);']


def test_every_inline_script_of_the_built_site_was_written_by_a_template(real_site):
    trusted = template_scripts(THEME_DIRS)
    assert len(trusted.patterns) >= 5
    checked = 0
    for page in real_site.site.rglob("*.html"):
        tags = start_tags(page.read_text(encoding="utf-8"))
        assert untrusted_scripts(tags, trusted) == [], page
        checked += sum(1 for t in tags if t.name == "script" and "src" not in t.attrs)
    assert checked > 100
