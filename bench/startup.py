"""Start-up time of the ``kwpld`` command and of ``import kwpld``, against a bare interpreter.

    python bench/startup.py                  # 15 rounds
    python bench/startup.py --rounds 30 --json startup.json

Every start is a fresh process. The rounds run the commands in turn (baseline, import, help,
...), so a burst of load from elsewhere on the machine hits all of them alike; each figure is
the median over the rounds, of wall time and of CPU time (user + system of the child, which
the other processes on a shared machine disturb less). The baseline is ``python -c pass`` in
the same run: compare the ratios, not seconds across machines.

Also counted, once: the modules each start loads (``sys.modules`` at exit), kwpld's own among
them, and whether a heavy dependency (requests, rdflib, pyoxigraph, pyshacl) was loaded.
The target of issue 11 is ``kwpld --help`` in at most 0.15 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("requests", "rdflib", "pyoxigraph", "pyshacl", "yaml", "jsonschema")
TARGET_HELP_SECONDS = 0.15


def _kwpld_command() -> list[str]:
    """The installed console script when there is one (what a user runs), else ``-m``."""
    script = Path(sys.executable).parent / "kwpld"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kwpld"]


def commands() -> dict[str, list[str]]:
    py = sys.executable
    kwpld = _kwpld_command()
    return {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import kwpld'": [py, "-c", "import kwpld"],
        "kwpld --help": [*kwpld, "--help"],
        "kwpld validate --help": [*kwpld, "validate", "--help"],
    }


# What each start loads: the same code, run with a hook that lists sys.modules at exit.
_PROBES = {
    "python -c 'import kwpld'": "import kwpld",
    "kwpld --help": "from kwpld.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n"
    "    pass",
    "kwpld validate --help": "from kwpld.cli import main\ntry:\n    main(['validate', '--help'])"
    "\nexcept SystemExit:\n    pass",
}
_REPORT = "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"


def loaded_modules(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code + _REPORT], capture_output=True, text=True, check=True
    )
    return list(json.loads(result.stderr.strip().splitlines()[-1]))


def _time(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def measure(rounds: int) -> dict[str, dict[str, float]]:
    runs = commands()
    for command in runs.values():  # warm the file cache and the .pyc files first
        _time(command)
    walls: dict[str, list[float]] = {name: [] for name in runs}
    cpus: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, command in runs.items():
            wall, cpu = _time(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    base_wall = statistics.median(walls["python -c pass"])
    base_cpu = statistics.median(cpus["python -c pass"])
    out = {}
    for name in runs:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        out[name] = {
            "wall": wall,
            "cpu": cpu,
            "wall_ratio": wall / base_wall,
            "cpu_ratio": cpu / base_cpu,
            "wall_over_baseline": wall - base_wall,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each command")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    load = [round(x, 2) for x in os.getloadavg()]
    figures = measure(args.rounds)
    modules = {name: loaded_modules(code) for name, code in _PROBES.items()}

    print(f"{'start':28} {'wall':>8} {'ratio':>7} {'cpu':>8} {'ratio':>7}  modules (kwpld's)")
    for name, f in figures.items():
        loaded = modules.get(name)
        count = (
            f"{len(loaded)} ({sum(1 for m in loaded if m.split('.')[0] == 'kwpld')})"
            if loaded
            else ""
        )
        print(
            f"{name:28} {f['wall']:7.3f}s {f['wall_ratio']:6.1f}x {f['cpu']:7.3f}s "
            f"{f['cpu_ratio']:6.1f}x  {count}"
        )
    for name, loaded in modules.items():
        heavy = [h for h in HEAVY if h in loaded]
        print(f"{name}: loads {', '.join(heavy) if heavy else 'none of ' + ', '.join(HEAVY)}")
    helped = figures["kwpld --help"]
    verdict = {
        kind: "within" if helped[kind] <= TARGET_HELP_SECONDS else "over"
        for kind in ("wall", "cpu")
    }
    print(
        f"kwpld --help: {helped['wall']:.3f} s wall ({verdict['wall']} the "
        f"{TARGET_HELP_SECONDS} s target), {helped['cpu']:.3f} s CPU ({verdict['cpu']}); "
        f"machine: {os.cpu_count()} cores, load average {load}, {args.rounds} rounds "
        "(wall time above CPU time is waiting for a core)"
    )
    if args.json:
        data = {
            "machine": {
                "python": platform.python_version(),
                "cpus": os.cpu_count(),
                "load_average": load,
            },
            "rounds": args.rounds,
            "figures": figures,
            "modules": modules,
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
