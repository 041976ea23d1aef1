"""Write records and review files as YAML that reads like the hand-written record files.

Output is deterministic (keys in record order, no timestamps, fixed width), names are written
as one-line flow mappings like ``{text: Kim Jong Su, system: en}``, and files are replaced
atomically so an interrupted run never leaves half a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..atomic import write_atomic

__all__ = ["dump_yaml", "read_yaml", "write_text_atomic", "FlowDict", "FlowList"]


class FlowDict(dict[str, Any]):
    """A mapping written on one line: ``{text: ..., system: ...}``."""


class FlowList(list[int]):
    """A list of numbers written on one line: ``[179, 193]``."""


# libyaml's parser when PyYAML has it: a folder's pending review files are read on every ingest,
# and the pure-Python parser took 33 s of a 40 s ingest into a folder of 50 pending reviews.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """Parse YAML safely, with libyaml when present (the same values as ``yaml.safe_load``)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python


# libyaml's emitter when PyYAML has it (ten times faster on review files); both emitters write
# the same text (block sequences not indented under their key, as YAML's reference does).
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# the base is chosen at run time (libyaml's or PyYAML's), which a type checker cannot follow
class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n\n" in value else None
    if style:
        value = value.rstrip("\n") + "\n"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _flow(dumper: yaml.SafeDumper, value: FlowDict) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(FlowDict, _flow)
_Dumper.add_representer(
    FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(dict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items()))


def _flow_names(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "names" and isinstance(item, list):
                out[key] = [FlowDict(n) if isinstance(n, dict) and _short(n) else n for n in item]
            else:
                out[key] = _flow_names(item)
        return out
    if isinstance(value, list):
        if value and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return FlowList(value)
        return [_flow_names(v) for v in value]
    return value


def _short(name: dict[str, Any]) -> bool:
    return all(not isinstance(v, (dict,)) for v in name.values()) and len(str(name)) < 160


def dump_yaml(data: Any, header: str | None = None) -> str:
    """YAML text of ``data`` (records' names on one line each), with an optional comment header."""
    body = yaml.dump(
        _flow_names(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    if header:
        lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
        return lines + body
    return body


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and one rename."""
    write_atomic(path, text)
