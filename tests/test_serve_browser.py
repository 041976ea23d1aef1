"""The workbench in a real browser, with the keyboard alone: Debian's headless Chromium over
the DevTools protocol (tests/cdp.py) against kwpld serve on 127.0.0.1.

The flow a scholar follows: open the review, open the article, accept a fact with the draft
it refers to, accept a Wikidata candidate, and run a query that shows both. Every step is
taken with Tab and Enter; each page is checked for names on its controls (the accessibility
tree Chromium gives screen readers) and for a visible focus. Screenshots are kept in
tests/artifacts/serve/ (git-ignored); with KWPLD_UPDATE_SCREENSHOTS=1 they also replace the
ones in docs/img/ that the README and docs/serve.md show.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, require_tool
from serve_helpers import ARTICLE, copy_folder, make_review_folder

from kwpld.serve import BackgroundServer, ServeOptions

pytest.importorskip("websocket", reason="websocket-client is a test extra")
from cdp import Browser  # noqa: E402

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "serve"
DOCS = ROOT / "docs" / "img"
MEMBERSHIP = "jang-song-taek.wpk-presidium.2013-01"
QUERY = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?who ?what WHERE {
  { ?m org:member ?who ; org:organization ?what }
  UNION { ?who owl:sameAs ?what }
} ORDER BY ?who ?what"""
KEYS = {
    "Tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
    "Enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = make_review_folder(tmp_path_factory.mktemp("browser") / "source")
    data = copy_folder(folder, tmp_path_factory.mktemp("browser-copy") / "data")
    options = ServeOptions(port=0, watch=0, reviewer="A. Scholar")
    with BackgroundServer(data, options) as running:
        yield running


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium = require_tool("chromium")
    b = Browser(chromium, tmp_path_factory.mktemp("chromium-profile"), width=1280, height=900)
    b.call("Accessibility.enable")
    yield b
    b.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS.parent / ".gitignore").write_text("*\n")
    return ARTIFACTS


def press(browser: Browser, name: str, *, modifiers: int = 0, wait_load: bool = False) -> None:
    key = KEYS[name]
    if wait_load:
        browser._forget("Page.loadEventFired")
    browser.call("Input.dispatchKeyEvent", type="keyDown", modifiers=modifiers, **key)
    up = {k: v for k, v in key.items() if k != "text"}
    browser.call("Input.dispatchKeyEvent", type="keyUp", modifiers=modifiers, **up)
    if wait_load:
        browser.wait_for("Page.loadEventFired")


def focused(browser: Browser) -> dict[str, str]:
    return browser.eval(
        "(() => { const e = document.activeElement; return {tag: e.tagName,"
        " text: (e.innerText || e.value || '').trim(), href: e.getAttribute('href') || '',"
        " name: e.getAttribute('name') || '', value: e.getAttribute('value') || '',"
        " outline: getComputedStyle(e).outlineStyle,"
        " form: e.form ? (e.form.querySelector('[name=draft],[name=qid]') || {}).value || ''"
        " : ''}; })()"
    )


def tab_until(browser: Browser, wanted, limit: int = 600) -> dict[str, str]:  # noqa: ANN001
    """Press Tab until the focused element is the one wanted; every stop must show focus."""
    for _ in range(limit):
        press(browser, "Tab")
        now = focused(browser)
        if now["tag"] != "BODY":
            assert now["outline"] != "none", f"no visible focus on {now}"
        if wanted(now):
            return now
    raise AssertionError("the keyboard never reached the control")


def unnamed_controls(browser: Browser) -> list[str]:
    """Buttons, links, text boxes and other controls without an accessible name."""
    nodes = browser.call("Accessibility.getFullAXTree")["nodes"]
    roles = {"button", "link", "textbox", "combobox", "checkbox", "searchbox", "radio"}
    missing = []
    for node in nodes:
        role = (node.get("role") or {}).get("value")
        if role in roles and not node.get("ignored"):
            name = ((node.get("name") or {}).get("value") or "").strip()
            if not name:
                missing.append(f"{role} {node.get('nodeId')}")
    return missing


def wait_graph(server: BackgroundServer) -> None:
    status = server.graph.wait()
    assert status.state == "current", status


def shoot(browser: Browser, shots: Path, name: str, top: str | None = None) -> None:
    """A screenshot of the whole page, or of 900 pixels from the element ``top``."""
    import base64

    path = shots / f"{name}.png"
    if top is None:
        browser.screenshot(path)
    else:
        y = browser.eval(
            f"document.querySelector({top!r}).getBoundingClientRect().top + window.scrollY - 16"
        )
        data = browser.call(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": max(0, y), "width": 1280, "height": 900, "scale": 1},
        )["data"]
        path.write_bytes(base64.b64decode(data))
    if os.environ.get("KWPLD_UPDATE_SCREENSHOTS"):
        shutil.copyfile(path, DOCS / f"serve-{name}.png")


def test_review_a_fact_and_a_link_and_query_them_with_the_keyboard_alone(server, browser, shots):
    url = server.url
    browser.goto(url + "review")
    # the first Tab reaches the skip link, then the header's links, in reading order
    first = tab_until(browser, lambda f: True, limit=1)
    assert first["text"] == "Skip to the content"
    order = [tab_until(browser, lambda f: True, limit=1)["text"] for _ in range(4)]
    assert order[1:] == ["Browse", "Query", "Review"]
    assert unnamed_controls(browser) == []
    shoot(browser, shots, "review")

    # open the article, by keyboard
    tab_until(browser, lambda f: f["href"] == f"/review/article/{ARTICLE}")
    press(browser, "Enter", wait_load=True)
    assert browser.eval("location.pathname") == f"/review/article/{ARTICLE}"
    assert browser.eval("document.querySelectorAll('#article-text mark').length") > 50
    assert unnamed_controls(browser) == []
    shoot(browser, shots, "article", top="body")

    # accept the membership with the organ draft it refers to
    button = tab_until(
        browser,
        lambda f: f["value"] == "accept-with-dependencies" and f["form"] == MEMBERSHIP,
    )
    assert button["text"].startswith("Accept with the drafts it refers to")
    press(browser, "Enter", wait_load=True)
    message = browser.eval("document.querySelector('.flash[role=status]').innerText")
    assert f"membership {MEMBERSHIP}" in message and "organ wpk-presidium" in message
    status = browser.eval(f"document.getElementById('draft-{MEMBERSHIP}').dataset.status")
    assert status == "accepted"
    wait_graph(server)

    # accept Kim Jong Un's Wikidata item
    browser.goto(url + "review/links")
    assert unnamed_controls(browser) == []
    button = tab_until(
        browser,
        lambda f: f["value"] == "accept" and f["form"] == "Q56226",
    )
    assert "Q56226 for Kim Jong Un" in button["text"]
    press(browser, "Enter", wait_load=True)
    assert "kim-jong-un accepted Q56226" in browser.eval(
        "document.querySelector('.flash').innerText"
    )
    shoot(browser, shots, "links", top="main")
    wait_graph(server)

    # the query page: type the query, run it with Ctrl+Enter
    browser.goto(url + "query")
    tab_until(browser, lambda f: f["tag"] == "TEXTAREA")
    browser.eval("document.getElementById('query').select()")
    browser.call("Input.insertText", text=QUERY)
    press(browser, "Enter", modifiers=2, wait_load=True)  # 2: Ctrl
    rows = browser.eval(
        "[...document.querySelectorAll('#results tbody tr')]"
        ".map(r => [...r.cells].map(c => c.innerText.trim()))"
    )
    assert ["person:jang-song-taek", "organ:wpk-presidium"] in rows
    assert ["person:kim-jong-un", "wd:Q56226"] in rows
    assert unnamed_controls(browser) == []
    shoot(browser, shots, "query")

    assert browser.errors() == []
    hosts = {u.split("/")[2] for u in browser.requested_urls() if u.startswith("http")}
    assert hosts == {url.split("/")[2]}, hosts  # nothing from the network
