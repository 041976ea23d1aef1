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
from .yamlemit import FlowDict, FlowList, Unusual, Writer, short_name

__all__ = ["dump_yaml", "read_yaml", "write_text_atomic", "FlowDict", "FlowList"]


# libyaml's parser when PyYAML has it: a folder's pending review files are read on every ingest,
# and the pure-Python parser took 33 s of a 40 s ingest into a folder of 50 pending reviews.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """Parse YAML safely, with libyaml when present (the same values as ``yaml.safe_load``)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python


# libyaml's emitter when PyYAML has it (ten times faster on review files); both emitters write
# the same text (block sequences not indented under their key, as YAML's reference does).
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


_STR, _NULL, _BOOL, _INT = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool", "int"))
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_RESOLVED: dict[str, str] = {}
"""How a plain scalar resolves (is "no" a bool?): the same for every file, so asked once."""


# the base is chosen at run time (libyaml's or PyYAML's), which a type checker cannot follow
class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """PyYAML's safe dumper with its Python half made cheap: the tree of nodes is built in one
    function (:meth:`represent`) instead of a representer lookup per value, and the resolver's
    answer for a scalar is remembered. The nodes are the ones PyYAML builds (the same styles,
    the same anchors for an object met twice), so libyaml writes the same text, byte for byte;
    a type this does not know goes through PyYAML's own representers."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # libyaml asks twice per scalar: as plain (``implicit[0]``: the implicit resolvers, by
        # the value alone) and as quoted (PyYAML's answer is then always the string tag)
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return _STR
        tag = _RESOLVED.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_RESOLVED) < 100_000:
                _RESOLVED[value] = tag
        return tag

    def represent(self, data: Any) -> None:
        self.serialize(self._node(data))
        self.represented_objects: dict[Any, Any] = {}
        self.object_keeper: list[Any] = []
        self.alias_key = None

    def _node(self, value: Any) -> yaml.Node:
        kind = type(value)
        if kind is str:
            if "\n\n" in value:
                return yaml.ScalarNode(_STR, value.rstrip("\n") + "\n", style="|")
            return yaml.ScalarNode(_STR, value, style=self.default_style)
        if value is None:
            return yaml.ScalarNode(_NULL, "null", style=self.default_style)
        if kind is bool:
            return yaml.ScalarNode(_BOOL, "true" if value else "false", style=self.default_style)
        if kind is int:
            return yaml.ScalarNode(_INT, str(value), style=self.default_style)
        if kind is not dict and kind is not list and kind is not FlowDict and kind is not FlowList:
            return self.represent_data(value)  # type: ignore[no-any-return]  # PyYAML's way
        key = id(value)
        represented: dict[int, yaml.Node] = self.represented_objects
        if key in represented:  # an object met twice: an anchor and an alias, as PyYAML does
            return represented[key]
        self.object_keeper.append(value)
        node = self._node
        made: yaml.Node
        if kind is dict or kind is FlowDict:
            pairs: list[tuple[yaml.Node, yaml.Node]] = []
            flow = True if kind is FlowDict else self.default_flow_style
            made = represented[key] = yaml.MappingNode(_MAP, pairs, flow_style=flow)
            for k, v in value.items():
                pairs.append((node(k), node(v)))
            if made.flow_style is None:  # PyYAML's choice when no default is given
                made.flow_style = all(_plain(n) for pair in pairs for n in pair)
            return made
        items: list[yaml.Node] = []
        flow = True if kind is FlowList else self.default_flow_style
        made = represented[key] = yaml.SequenceNode(_SEQ, items, flow_style=flow)
        for v in value:
            items.append(node(v))
        if made.flow_style is None:
            made.flow_style = all(_plain(n) for n in items)
        return made


def _plain(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style


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
                out[key] = [
                    FlowDict(n) if isinstance(n, dict) and short_name(n) else n for n in item
                ]
            else:
                out[key] = _flow_names(item)
        return out
    if isinstance(value, list):
        if value and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            return FlowList(value)
        return [_flow_names(v) for v in value]
    return value


def _pyyaml(data: Any) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )  # fmt: skip


def dump_yaml(data: Any, header: str | None = None) -> str:
    """YAML text of ``data`` (records' names on one line each), with an optional comment header.

    :class:`~kwpld.review.yamlemit.Writer` writes the usual shape directly (five times faster
    than building PyYAML's nodes), the same text; a document it leaves goes through PyYAML."""
    try:
        body = Writer(_pyyaml).document(data)
    except Unusual:
        body = _pyyaml(_flow_names(data))
    if header:
        lines = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
        return lines + body
    return body


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and one rename."""
    write_atomic(path, text)
