"""What Streamlit Community Cloud needs to run the app as it is: the entry point at the root,
every imported package in requirements.txt, the config file, and the Python version the README names."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires

from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEPLOY = README.split("## Deploy", 1)[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; (]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def required_distributions() -> set[str]:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return {_name(line.split("#", 1)[0]) for line in lines if line.split("#", 1)[0].strip()}


def installed_by(names: set[str]) -> set[str]:
    """`names` and everything they depend on (without extras): what pip installs for them."""
    installed: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in installed:
            continue
        installed.add(name)
        try:
            dependencies = requires(name) or []
        except PackageNotFoundError:
            continue
        pending += [_name(dependency) for dependency in dependencies if "extra ==" not in dependency]
    return installed


def imported_modules() -> set[str]:
    """Top-level modules that the app's own code imports (app.py, lib/, pages/)."""
    modules = set()
    for path in [ROOT / "app.py", *(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"lib", "__future__"}


def test_the_entry_point_is_at_the_root() -> None:
    assert (ROOT / "app.py").is_file()
    assert (ROOT / "requirements.txt").is_file()


def test_every_package_the_app_imports_is_installed_by_requirements() -> None:
    distributions = packages_distributions()
    installed = installed_by(required_distributions())
    for module in imported_modules():
        providers = {name.lower().replace("_", "-") for name in distributions.get(module, [module])}
        assert providers & installed, f"{module} is imported but requirements.txt does not install {providers}"


def test_every_requirement_has_bounds() -> None:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if requirement:
            assert ">=" in requirement and "<" in requirement, requirement


def test_the_config_turns_usage_statistics_off_and_sets_the_theme() -> None:
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["theme"]["base"] == "light"
    # Links, the selected tab and focused controls take the primary colour, on the light theme's white.
    assert contrast_with_white(CONFIG["theme"]["primaryColor"]) >= 4.5
    assert contrast_with_white(CONFIG["theme"]["textColor"]) >= 4.5


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of a #rrggbb colour against white."""
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", colour), colour
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_the_deploy_steps_name_the_python_version_the_project_targets() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = pyproject["tool"]["ruff"]["target-version"]  # e.g. "py311"
    version = f"{target[2]}.{target[3:]}"
    assert f"Python {version}" in DEPLOY
    assert "`app.py`" in DEPLOY
