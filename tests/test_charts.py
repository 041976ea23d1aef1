"""Charts drawn from real graphs, judged by parsing their SVG (and rendering their PNG)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from chart_helpers import all_text, by_class, parse_svg, png_colours, read_png, texts
from conftest import EXAMPLE, FIXTURES, require_tool

from kwpld.charts import (
    composition_chart,
    open_graph,
    render_png,
    structure_chart,
    timeline_chart,
)
from kwpld.charts.svg import FONT_FAMILY
from kwpld.errors import InputError

FIXTURE = FIXTURES / "charts-politburo"
BASE = "https://w3id.org/kwpld/id/"
FX = "https://example.org/fictional/"


@pytest.fixture(scope="module")
def example_graph(built_example):
    """The example as a release folder, opened the way `kwpld chart -g DIST` opens it."""
    return open_graph(built_example.out)


@pytest.fixture(scope="module")
def fixture_graph():
    """The fictional Political Bureau, a data folder built in memory."""
    return open_graph(FIXTURE)


def seats(root):
    """(organ, role, person id, status, uncertain) of every seat card, in drawing order."""
    found = []
    for group in by_class(root, "group"):
        for seat in by_class(group, "seat"):
            found.append(
                (
                    group.get("data-organ").rsplit("/", 1)[-1],
                    group.get("data-role"),
                    seat.get("data-person").rsplit("/", 1)[-1],
                    seat.get("data-status"),
                    seat.get("data-uncertain") == "true",
                )
            )
    return found


# -- composition ----------------------------------------------------------------------------


def test_seed_composition_draws_jang_song_taek_projected_on_the_presidium_inside_the_pb(
    example_graph,
):
    chart = composition_chart(example_graph, "wpk-pb", "2013-01")
    root = parse_svg(chart.svg)
    assert seats(root) == [("wpk-pb-presidium", "member", "jang-song-taek", "projected", False)]
    organs = by_class(root, "organ")
    assert [o.get("data-organ") for o in organs] == [
        BASE + "organ/wpk-pb",
        BASE + "organ/wpk-pb-presidium",
    ]
    # the Presidium's frame is inside the Political Bureau's
    assert organs[1] in list(organs[0].iter())
    card = by_class(root, "seat")[0]
    assert "Jang Song Taek" in texts(card) and "장성택 張成澤" in texts(card)
    assert by_class(card, "status-marker")[0].get("data-status") == "projected"
    legend = by_class(root, "legend")[0]
    assert [i.get("data-key") for i in by_class(legend, "legend-item")] == [
        "confirmed",
        "reported",
        "projected",
    ]
    assert "projected: an analyst's projection (1)" in all_text(legend)
    sources = by_class(root, "sources")[0]
    text = all_text(sources)
    assert (
        "The KWP Political Bureau as of January 2013 (graphic, NK Leadership Watch, January 2013)"
        in text
    )
    assert "projecting Jang Song Taek's membership on its Presidium" in text
    assert "Credit: Graphic by Michael Madden/NK Leadership Watch" in text
    assert card.get("data-sources") == "1"
    assert by_class(root, "empty-note"), "the PB itself has no recorded members: say so"
    assert chart.summary["statuses"] == {"confirmed": 0, "reported": 0, "projected": 1}


def test_composition_groups_presidium_members_and_alternates_by_status_at_a_day(fixture_graph):
    chart = composition_chart(fixture_graph, "fp-pb", "2013-01-15")
    assert seats(parse_svg(chart.svg)) == [
        ("fp-pb-presidium", "member", "kim-gasang", "confirmed", False),
        ("fp-pb-presidium", "member", "ri-siheom", "reported", False),
        ("fp-pb-presidium", "member", "pak-gyeonbon", "projected", False),
        ("fp-pb", "member", "choe-jari", "confirmed", False),  # from 2012: surely before
        ("fp-pb", "member", "jo-pyobon", "confirmed", False),  # two claims, surest kept
        ("fp-pb", "member", "kang-yesi", "reported", True),  # from 2013: maybe later
        ("fp-pb", "alternate-member", "yun-sangsang", "confirmed", False),
        ("fp-pb", "alternate-member", "song-balmyeong", "reported", False),
        ("fp-pb", "alternate-member", "mun-gongsang", "projected", False),
    ]
    root = parse_svg(chart.svg)
    titles = [t for g in by_class(root, "group") for t in texts(g)[:1]]
    assert titles == ["Members (3)", "Members (3)", "Alternate members (3)"]
    uncertain = [s for s in by_class(root, "seat") if s.get("data-uncertain")]
    assert "from 2013: may begin after 2013-01-15" in " ".join(texts(uncertain[0]))
    assert by_class(uncertain[0], "uncertain-marker")
    keys = [i.get("data-key") for i in by_class(root, "legend-item")]
    assert keys == ["confirmed", "reported", "projected", "uncertain"]
    jo = next(s for s in by_class(root, "seat") if s.get("data-person").endswith("jo-pyobon"))
    assert len(jo.get("data-claims").split()) == 2
    # O Mohyeong (ended 2012-12), Han Moui (from 2013-02-01), Seo Heogu (as of 2012-06 only)
    assert chart.summary["not_in_force"] == 3
    assert "3 recorded memberships of these organs are not in force" in all_text(root)


def test_composition_as_of_a_month_notes_changes_within_it(fixture_graph):
    root = parse_svg(composition_chart(fixture_graph, "fp-pb", "January 2013").svg)
    jo = next(s for s in by_class(root, "seat") if s.get("data-person").endswith("jo-pyobon"))
    assert "until 2013-01-20" in all_text(jo)
    kang = next(s for s in by_class(root, "seat") if s.get("data-person").endswith("kang-yesi"))
    assert kang.get("data-uncertain") == "true"


def test_composition_at_an_earlier_date_draws_other_people(fixture_graph):
    drawn = {
        s[2] for s in seats(parse_svg(composition_chart(fixture_graph, "fp-pb", "2012-12").svg))
    }
    assert drawn == {"kim-gasang", "choe-jari", "jo-pyobon", "o-mohyeong", "yun-sangsang"}
    drawn = {
        s[2] for s in seats(parse_svg(composition_chart(fixture_graph, "fp-pb", "2012-06").svg))
    }
    assert "seo-heogu" in drawn and "choe-jari" in drawn


def test_composition_depth_zero_leaves_out_sub_organs(fixture_graph):
    chart = composition_chart(fixture_graph, "fp-pb", "2013-01-15", depth=0)
    assert {s[0] for s in seats(parse_svg(chart.svg))} == {"fp-pb"}


def test_organs_are_named_by_id_prefixed_name_or_iri(example_graph):
    by_id = composition_chart(example_graph, "wpk-pb", "2013-01").svg
    assert composition_chart(example_graph, "organ:wpk-pb", "2013-01").svg == by_id
    assert composition_chart(example_graph, BASE + "organ/wpk-pb", "2013-01").svg == by_id
    assert composition_chart(example_graph, f"<{BASE}organ/wpk-pb>", "2013-01").svg == by_id


@pytest.mark.parametrize(
    ("organ", "as_of", "message"),
    [
        ("wpk-pbb", "2013-01", "no organ 'wpk-pbb' in"),
        ("wpk-pb-pres", "2013-01", "did you mean wpk-pb-presidium"),
        ("jang-song-taek", "2013-01", "'jang-song-taek' is a person"),
        ("nope:wpk-pb", "2013-01", "unknown prefix 'nope'"),
        ("wpk-pb", "2013-02-30", "February 2013 has 28 days"),
    ],
)
def test_composition_refuses_bad_input_with_a_clear_message(example_graph, organ, as_of, message):
    with pytest.raises(InputError, match=message):
        composition_chart(example_graph, organ, as_of)


# -- determinism ----------------------------------------------------------------------------


def test_charts_are_byte_identical_from_a_release_and_from_the_data_folder(example_graph):
    from_data = open_graph(EXAMPLE)
    for draw in (
        lambda g: composition_chart(g, "wpk-pb", "2013-01").svg,
        lambda g: structure_chart(g).svg,
        lambda g: timeline_chart(g, "wpk-party-cells").svg,
        lambda g: timeline_chart(g, "jang-song-taek").svg,
    ):
        first = draw(example_graph)
        assert draw(example_graph) == first
        assert draw(from_data) == first


def test_charts_are_deterministic_across_processes():
    """A fresh interpreter (another hash seed) draws the same bytes."""
    code = (
        "import sys, hashlib; from kwpld.charts import *; g = open_graph(sys.argv[1]);"
        "print(hashlib.sha256((composition_chart(g, 'fp-pb', '2013-01-15').svg"
        " + structure_chart(g).svg + timeline_chart(g, 'fp-pb').svg).encode()).hexdigest())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, str(FIXTURE)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


# -- structure ------------------------------------------------------------------------------


def test_structure_draws_the_party_down_to_its_basic_organizations(example_graph):
    chart = structure_chart(example_graph)
    root = parse_svg(chart.svg)
    nodes = {n.get("data-organ").rsplit("/", 1)[-1]: n for n in by_class(root, "organ-node")}
    assert set(nodes) == {
        "wpk",
        "wpk-cc",
        "wpk-pb",
        "wpk-pb-presidium",
        "rodong-sinmun",
        "wpk-party-committees",
        "wpk-party-cells",
    }  # not the state media or NK Leadership Watch: they are not in the party
    edges = {
        (e.get("data-from").rsplit("/", 1)[-1], e.get("data-to").rsplit("/", 1)[-1])
        for e in by_class(root, "edge")
    }
    assert edges == {
        ("wpk", "wpk-cc"),
        ("wpk-cc", "wpk-pb"),
        ("wpk-pb", "wpk-pb-presidium"),
        ("wpk-cc", "rodong-sinmun"),
        ("wpk", "wpk-party-committees"),
        ("wpk-party-committees", "wpk-party-cells"),
    }
    assert nodes["wpk-party-cells"].get("data-level") == "2"
    assert "family-basic" in nodes["wpk-party-cells"].get("class")
    assert "post: secretary of a party cell" in texts(nodes["wpk-party-cells"])
    assert "조선로동당" in texts(nodes["wpk"])
    keys = [i.get("data-key") for i in by_class(root, "legend-item")]
    assert keys == ["party", "central", "local", "basic", "media"]
    assert chart.title == "Organization of the Workers' Party of Korea"


def test_structure_below_an_organ_and_to_a_depth(fixture_graph):
    root = parse_svg(structure_chart(fixture_graph, "fp-cc", depth=1).svg)
    assert sorted(n.get("data-organ").rsplit("/", 1)[-1] for n in by_class(root, "organ-node")) == [
        "fictional-gazette",
        "fp-cc",
        "fp-pb",
        "fp-secretariat",
    ]


# -- timeline -------------------------------------------------------------------------------


def _bar(root, person):
    return [
        b
        for b in by_class(root, "bar")
        if b.get("data-membership").startswith(FX + f"membership/{person}")
    ]


def test_timeline_draws_year_precision_as_a_hatched_year_not_a_day(fixture_graph):
    chart = timeline_chart(fixture_graph, "fp-pb")
    root = parse_svg(chart.svg)
    (choe,) = _bar(root, "choe-jari")
    fuzzy = by_class(choe, "fuzzy")
    assert [(f.get("data-from"), f.get("data-to")) for f in fuzzy] == [("2012-01-01", "2012-12-31")]
    solid = by_class(choe, "solid")[0]
    assert float(solid.get("x")) == pytest.approx(
        float(fuzzy[0].get("x")) + float(fuzzy[0].get("width")), abs=0.02
    )
    assert by_class(choe, "open-end"), "no end recorded: the bar runs on with an arrow"
    (o,) = _bar(root, "o-mohyeong")
    assert [(f.get("data-from"), f.get("data-to")) for f in by_class(o, "fuzzy")] == [
        ("2012-12-01", "2012-12-31")
    ]
    assert not by_class(o, "open-end")
    (ri,) = _bar(root, "ri-siheom")
    assert "snapshot" in ri.get("class") and by_class(ri, "snapshot")
    assert chart.summary["marks"] == ["event", "fuzzy", "open", "snapshot"]
    groups = [g.get("data-organ").rsplit("/", 1)[-1] for g in by_class(root, "row-group")]
    assert groups == ["fp-pb", "fp-pb-presidium"]
    events = by_class(root, "event")
    assert [e.get("data-date") for e in events] == ["2013-01"]
    assert "Meeting of the Fictional Political Bureau" in all_text(by_class(root, "event-list")[0])
    keys = [i.get("data-key") for i in by_class(root, "legend-item")]
    assert keys[:3] == ["confirmed", "reported", "projected"] and "fuzzy" in keys


def test_timeline_of_a_person_lists_posts_and_events(fixture_graph):
    chart = timeline_chart(fixture_graph, "kim-gasang")
    root = parse_svg(chart.svg)
    rows = [r.get("data-subject").rsplit("/", 1)[-1] for r in by_class(root, "row")]
    assert rows == ["fictional-gazette", "fp-pb-presidium"]  # by start: 2011, then 2012-04-11
    assert "Editor-in-chief" in all_text(root) or "editor-in-chief" in all_text(root)
    assert [e.get("data-event").rsplit("/", 1)[-1] for e in by_class(root, "event")] == [
        "fp-conference-2012"
    ]


def test_seed_timeline_of_jang_song_taek_is_one_projected_snapshot(example_graph):
    root = parse_svg(timeline_chart(example_graph, "person:jang-song-taek").svg)
    (bar,) = by_class(root, "bar")
    assert bar.get("data-status") == "projected" and bar.get("data-as-of") == "2013-01"
    assert "as of 2013-01" in all_text(bar)


def test_timeline_row_titles_wrap_instead_of_cutting_a_long_organ_name(example_graph):
    root = parse_svg(timeline_chart(example_graph, "jang-song-taek").svg)
    (row,) = by_class(root, "row")
    title = " ".join(t.text or "" for t in by_class(row, "row-title"))
    assert title == (
        "Presidium of the Political Bureau of the Central Committee of the Workers' Party of Korea"
    )
    (rule,) = [e for e in row if e.tag.endswith("line")]
    (subtitle,) = by_class(row, "row-subtitle")
    assert float(subtitle.get("y")) < float(rule.get("y1")), "the row grows to hold its title"
    (snapshot,) = [e for e in by_class(row, "snapshot") if e.tag.endswith("rect")]
    middle = float(snapshot.get("y")) + float(snapshot.get("height")) / 2
    top = float(by_class(row, "row-title")[0].get("y")) - 14
    assert middle == pytest.approx((top + float(rule.get("y1")) - 2) / 2 + 1, abs=0.5)


def test_timeline_event_bands_lie_beneath_the_bars_and_their_notes(fixture_graph):
    """SVG paints in document order: the events group comes before every row, and the
    notes beside snapshots carry a halo of paper, so a band or guide never covers them."""
    root = parse_svg(timeline_chart(fixture_graph, "fp-pb").svg)
    order = [e for e in root.iter() if e.get("class") in ("events", "row")]
    assert order[0].get("class") == "events" and len(order) == 13
    notes = by_class(root, "bar-note")
    assert "as of 2012-06" in [n.text for n in notes]
    for note in notes:
        assert (note.get("paint-order"), note.get("stroke")) == ("stroke", "#ffffff")


def test_timeline_axis_options(fixture_graph):
    chart = timeline_chart(fixture_graph, "fp-pb", start="2005", end="2015")
    assert chart.summary["span"] == "2005–2015"
    with pytest.raises(InputError, match="before"):
        timeline_chart(fixture_graph, "fp-pb", start="2015", end="2005")


# -- fonts and PNG --------------------------------------------------------------------------


def test_the_font_named_first_covers_korean():
    fc_list = require_tool("fc-list")
    family = FONT_FAMILY.split(",")[0].strip("' ")
    found = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True).stdout
    assert family in found, f"{family} is not installed (Debian package fonts-noto-cjk)"


def test_hangul_renders_as_real_glyphs_not_boxes(tmp_path):
    """Three syllables give three different pictures; missing glyphs would be the same box."""
    require_tool("rsvg-convert")
    pictures = set()
    for syllable in ("장", "성", "택"):
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" '
            f'font-family="{FONT_FAMILY}"><text x="4" y="32" font-size="32">{syllable}</text></svg>'
        )
        path = render_png(svg, tmp_path / "g.png", scale=1)
        pictures.add(b"".join(read_png(path.read_bytes())[2]))
    assert len(pictures) == 3


def test_png_has_the_chart_size_times_the_zoom_and_is_not_blank(example_graph, tmp_path):
    require_tool("rsvg-convert")
    chart = composition_chart(example_graph, "wpk-pb", "2013-01")
    path = render_png(chart.svg, tmp_path / "pb.png", scale=1.5)
    width, height, rows = read_png(path.read_bytes())
    assert (width, height) == (round(chart.width * 1.5), round(chart.height * 1.5))
    assert len(png_colours(rows)) > 20


def test_cli_writes_svg_and_png_and_reports_errors_without_traceback(tmp_path, built_example):
    require_tool("rsvg-convert")
    kwpld = [sys.executable, "-m", "kwpld"]
    out = tmp_path / "charts" / "pb.svg"
    done = subprocess.run(
        kwpld
        + [
            "chart",
            "composition",
            "wpk-pb",
            "--as-of",
            "2013-01",
            "-g",
            str(EXAMPLE),
            "-o",
            str(out),
            "--png",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (
        out.read_text("utf-8")
        == composition_chart(open_graph(built_example.out), "wpk-pb", "2013-01").svg
    )
    width, height, _ = read_png(out.with_suffix(".png").read_bytes())
    assert width == 2 * 980
    # the real size of the file, not the chart's size in SVG units
    assert f"PNG {width}x{height} px at zoom 2" in done.stderr
    assert "SVG 980x" in done.stderr
    done = subprocess.run(
        kwpld + ["chart", "structure", "-g", str(built_example.out)], capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout.startswith("<?xml")
    for args, message in [
        (["timeline", "jang", "-g", str(EXAMPLE)], "did you mean jang-song-taek"),
        (["composition", "wpk-pb", "--as-of", "2013-01"], "--graph"),
        (
            ["composition", "wpk-pb", "--as-of", "2013-01", "-g", str(tmp_path / "none")],
            "no such release folder",
        ),
        (
            ["composition", "wpk-pb", "--as-of", "2013-01", "-g", str(EXAMPLE), "-o", "x.pdf"],
            "must end in .svg or .png",
        ),
    ]:
        done = subprocess.run(
            kwpld + ["chart", *args], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}
        )
        assert done.returncode == 2, (args, done.stderr)
        assert message in done.stderr and "Traceback" not in done.stderr


def test_png_without_the_renderer_is_a_clear_error(example_graph, tmp_path, monkeypatch):
    from kwpld.charts.png import RenderError

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RenderError, match="librsvg2-bin"):
        render_png(composition_chart(example_graph, "wpk-pb", "2013-01").svg, tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_prefetched_facts_draw_the_same_charts(fixture_graph):
    from kwpld.charts.facts import Facts

    def draw(facts):
        return (
            composition_chart(fixture_graph, "fp-pb", "2013-01", facts=facts).svg
            + timeline_chart(fixture_graph, "fp-pb", facts=facts).svg
            + timeline_chart(fixture_graph, "kim-gasang", facts=facts).svg
        )

    prefetched = Facts(fixture_graph)
    prefetched.prefetch()
    assert draw(prefetched) == draw(Facts(fixture_graph))


def test_charts_read_an_on_disk_store(built_example, tmp_path):
    from kwpld.publish.store import load_release

    load_release(built_example.out, tmp_path / "store")
    store_graph = open_graph(tmp_path / "store")
    release_graph = open_graph(built_example.out)
    assert seats(parse_svg(composition_chart(store_graph, "wpk-pb", "2013-01").svg)) == seats(
        parse_svg(composition_chart(release_graph, "wpk-pb", "2013-01").svg)
    )
