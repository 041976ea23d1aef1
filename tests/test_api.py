"""The public API of ``import kwpld``: every name stays importable, and importing is cheap.

``kwpld/__init__.py`` imports its names on first use (PEP 562), so a name whose module moves
would only fail when someone uses it; these tests use every one. Which modules an import
loads is deterministic, so it is tested here; how long it takes is measured in
bench/startup.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kwpld

HEAVY = ("requests", "rdflib", "pyoxigraph", "pyshacl", "yaml", "jsonschema", "typer", "rich")


def loaded_by(code: str) -> list[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    report = "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code + report], capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_all_names_exactly_the_lazy_exports() -> None:
    assert sorted(kwpld.__all__) == sorted(["__version__", *kwpld._EXPORTS])
    assert len(set(kwpld.__all__)) == len(kwpld.__all__)


@pytest.mark.parametrize("name", kwpld.__all__)
def test_every_public_name_is_importable(name: str) -> None:
    value = getattr(kwpld, name)
    assert value is not None
    if name != "__version__":
        module, attribute = kwpld._EXPORTS[name]
        assert value is getattr(sys.modules[f"kwpld{module}"], attribute)


def test_star_import_and_dir() -> None:
    namespace: dict[str, object] = {}
    exec("from kwpld import *", namespace)
    assert set(kwpld.__all__) <= set(namespace)
    assert set(kwpld.__all__) <= set(dir(kwpld))
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        kwpld.nonsense  # noqa: B018


def test_functions_named_like_their_modules_stay_functions() -> None:
    """kwpld.build and kwpld.ingest are functions; importing the modules of the same name
    (which sets the package attribute to the module) must not replace them."""
    import kwpld.build
    import kwpld.ingest

    assert callable(kwpld.build) and kwpld.build is sys.modules["kwpld.build"].build
    assert callable(kwpld.ingest) and kwpld.ingest is sys.modules["kwpld.ingest"].ingest
    code = (
        "import kwpld.build, kwpld.review, kwpld\n"
        "assert callable(kwpld.build) and callable(kwpld.ingest), (kwpld.build, kwpld.ingest)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_kwpld_loads_nothing_heavy() -> None:
    loaded = loaded_by("import kwpld\nassert kwpld.__version__")
    assert [m for m in loaded if m.split(".")[0] == "kwpld"] == ["kwpld", "kwpld.__about__"]
    assert [h for h in HEAVY if h in loaded] == []


def test_using_a_name_loads_only_its_module() -> None:
    loaded = loaded_by("import kwpld\nkwpld.parse_date('May of Juche 80 (1991)')")
    assert "kwpld.dates" in loaded
    assert [h for h in ("requests", "pyoxigraph", "pyshacl", "rdflib") if h in loaded] == []
