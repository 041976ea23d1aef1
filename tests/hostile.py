"""A copy of the fictional chart fixture whose records carry markup meant to break out of HTML
and SVG: in a person's name and description, a source's title and caption, a membership's
note and the dataset's title. The site and charts must show it as text, everywhere."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import yaml
from conftest import FIXTURES

SCRIPT = "<script>window.pwned = 1</script>"
ATTRIBUTE = '"><img src=x onerror="window.pwned = 2">'
QUOTES = "'single' & \"double\" </title></textarea>"

NAME = f"Kim {SCRIPT} Gasang"
DESCRIPTION = f"Described as {ATTRIBUTE} & more"
TITLE = f"</title>{SCRIPT}"
CAPTION = f"Caption {ATTRIBUTE}"
NOTE = f"Note {QUOTES}"
DATASET = f"Fictional & <b>bold</b> {SCRIPT}"


def hostile_data(dest: Path) -> Path:
    """Write the hostile copy into ``dest`` (a data folder) and return it."""
    shutil.copytree(FIXTURES / "charts-politburo", dest)
    config = (dest / "kwpld.yaml").read_text("utf-8")
    config = config.replace(
        "title: Fictional Political Bureau for chart tests",
        f"title: {json.dumps(DATASET)}",  # a JSON string is YAML
    )
    (dest / "kwpld.yaml").write_text(config, "utf-8")
    people = yaml.safe_load((dest / "people.yaml").read_text("utf-8"))
    kim = next(p for p in people["people"] if p["id"] == "kim-gasang")
    kim["names"][0]["text"] = NAME
    kim["description"] = DESCRIPTION
    _dump(people, dest / "people.yaml")
    articles = yaml.safe_load((dest / "articles.yaml").read_text("utf-8"))
    articles["articles"][0]["title"] = TITLE
    articles["articles"][1]["caption"] = CAPTION
    _dump(articles, dest / "articles.yaml")
    with (dest / "memberships.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["note"] = NOTE
    with (dest / "memberships.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return dest


def _dump(data: object, path: Path) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
