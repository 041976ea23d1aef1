"""Benchmark the charts and the browse site on a synthetic corpus.

    python bench/charts_site.py --size 100k [--keep DIR]

Writes a synthetic data folder (kwpld synth), builds its release, then times: opening the
release as a graph, one composition, structure and timeline chart of the party's largest
organs, and the whole site (collect, charts, pages, RDF files). Reports pages, charts,
files, bytes and peak RSS. Only the stage of this benchmark is timed, not synth or build.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from kwpld import build
from kwpld.charts import composition_chart, open_graph, structure_chart, timeline_chart
from kwpld.charts.facts import Facts
from kwpld.site import build_site
from kwpld.synth import synthesize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k", help="synth size: tiny, 10k, 100k, 1m")
    parser.add_argument("--keep", type=Path, help="keep the work folder here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kwpld-bench-site-"))
    try:
        data, dist, site = work / "data", work / "dist", work / "site"
        synthesize(data, size=args.size)
        result = build(data, dist)
        print(f"corpus: {result.triple_count} triples ({args.size})")

        start = time.perf_counter()
        graph = open_graph(dist)
        facts = Facts(graph)
        print(f"open the release as a graph      {time.perf_counter() - start:7.2f} s")
        organs = sorted(facts.organs, key=lambda o: -len(facts.memberships(organ=o)))
        biggest = organs[0]
        for name, draw in [
            (
                "composition of the largest organ",
                lambda: composition_chart(graph, biggest, "2013-01", facts=facts),
            ),
            ("structure of the party", lambda: structure_chart(graph, facts=facts)),
            (
                "timeline of the largest organ",
                lambda: timeline_chart(graph, biggest, depth=0, facts=facts),
            ),
        ]:
            start = time.perf_counter()
            chart = draw()
            took = time.perf_counter() - start
            print(f"{name:32} {took:7.2f} s  ({len(chart.svg) / 1024:.0f} KB SVG)")

        start = time.perf_counter()
        made = build_site(graph, site)
        took = time.perf_counter() - start
        pages = sum(made.pages.values())
        print(
            f"site                             {took:7.2f} s  {pages} pages, {made.charts} charts, "
            f"{made.files} files, {made.bytes / 2**20:.1f} MB ({pages / took:.0f} pages/s)"
        )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS {rss:.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
