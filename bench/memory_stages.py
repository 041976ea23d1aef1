"""Peak memory of a build, stage by stage, in one process: where a build's RSS goes.

    python bench/memory_stages.py --records 23150             # load+map, validate, write
    python bench/memory_stages.py --records 77050 --no-shacl

``bench/flat.py`` reports the peak RSS of a whole build (its largest process); this says
which stage reaches it. The build runs in this process with ``jobs=1`` (no fork, so one
process holds everything, as the parent of a ``--jobs 2`` build does while it validates),
and after each stage prints the resident set (``VmRSS``) and its high-water mark so far
(``VmHWM``) from ``/proc/self/status``: a stage whose high-water mark rises above what it
leaves resident had a transient peak (Linux only).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from flat import corpus  # noqa: E402


def memory() -> dict[str, int]:
    """``VmRSS`` and ``VmHWM`` of this process, in MB."""
    found = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                found[key] = int(value.split()[0]) // 1024
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=231_050)
    parser.add_argument("--no-shacl", dest="shacl", action="store_false")
    args = parser.parse_args()
    data = corpus(args.records)

    from kwpld.build import build_graph
    from kwpld.publish import write_release
    from kwpld.validate import validate_graph

    rows = [("start", memory())]
    records, graph = build_graph(data)
    rows.append(("load + map", memory()))
    if args.shacl:
        validate_graph(graph, records)
        rows.append(("validate (SHACL)", memory()))
    out = Path(tempfile.mkdtemp(prefix="kwpld-memory-"))
    try:
        write_release(records, graph, out)
        rows.append(("write (jobs=1)", memory()))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"{args.records:,} records, {len(graph):,} quads")
    print("| after | resident MB | peak so far MB |\n| --- | ---: | ---: |")
    for name, m in rows:
        print(f"| {name} | {m['VmRSS']:,} | {m['VmHWM']:,} |")
    print(f"\n`python bench/memory_stages.py {' '.join(sys.argv[1:])}`")
    print(json.dumps({name: m for name, m in rows}))


if __name__ == "__main__":
    main()
