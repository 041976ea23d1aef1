"""Shared fixtures: paths, the built example, and real external tools (rapper, serdi)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "party-cells-2013"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require_tool(name: str) -> str:
    """Path of an external program; skip without it, unless CI requires every tool."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("KWPLD_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is not installed; .ci/install-system-packages installs it")
        pytest.skip(f"{name} is not installed")
    return path


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def built_example(tmp_path_factory: pytest.TempPathFactory):
    """The example built once per test session (BuildResult with out folder)."""
    import kwpld

    out = tmp_path_factory.mktemp("example") / "dist"
    return kwpld.build(EXAMPLE, out)


@pytest.fixture(scope="session")
def example_store(built_example):
    """The example's quads in an in-memory pyoxigraph store, for SPARQL checks."""
    return built_example.graph.to_store()
