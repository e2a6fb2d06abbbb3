"""The README's two set-up commands stay true: CI runs exactly the test one."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

import pytest

from tests.apptest import run_page
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def command(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```\n(.+?)\n```", README)
    assert match, f"README.md has no {marker} block"
    return match.group(1)


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command("test-command") in ci


def test_the_run_command_installs_and_starts_the_app() -> None:
    run = command("run-command")
    assert "requirements.txt" in run
    assert run.endswith("streamlit run app.py")


@pytest.mark.parametrize("marker", ["run-command", "test-command"])
def test_both_commands_compile_the_catalogs_before_they_run(marker: str) -> None:
    steps = command(marker).split(" && ")
    assert steps.index("pybabel compile -d locale") == len(steps) - 2


def test_the_data_readme_points_to_the_descriptor_for_the_schema() -> None:
    schema_doc = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "[`datapackage.json`](datapackage.json)" in schema_doc.split("## Schema", 1)[1]


EXAMPLE_LINKS = re.findall(r"`(/[a-z]*\?[^`\s]+)`", README)


def test_the_readme_gives_example_links() -> None:
    assert len(EXAMPLE_LINKS) >= 2


@pytest.mark.parametrize("link", EXAMPLE_LINKS)
def test_each_example_link_opens_its_page_with_every_filter_used_and_something_shown(link: str) -> None:
    path, _, query = link.partition("?")
    page = f"pages/{path.strip('/') or 'home'}.py"
    app = run_page(page, **dict(parse_qsl(query, strict_parsing=True)))
    assert not app.exception
    assert not app.warning, "a parameter was ignored"
    assert not [info.value for info in app.info if info.value.startswith("No ")], "the link shows nothing"
