"""The HTML report in a real browser (issue 18): headless Chromium opens the file, shows the conflicts
first, runs no script from a source, and leaves a screenshot.

`.ci/run` installs Debian's ``chromium`` when it is missing; where no browser can be had, the tests
skip and say why. The screenshot goes to ``$FACTCHECK_ARTIFACTS`` (CI's folder of artefacts) when set,
and ``FACTCHECK_UPDATE_ARTIFACTS=1`` rewrites the one kept in ``tests/artifacts/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
TIMEOUT = 90  # seconds: a cold start on a loaded 2-core machine

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium on PATH (apt-get install chromium; .ci/run installs it)",
)

# If autoescaping failed, this script would mark the page, and the mark would show in the DOM.
PAYLOAD = "<script>document.documentElement.setAttribute('data-pwned', 'yes')</script>"
SOURCES = {
    "a_gazette.txt": (
        f"Bridge opens {PAYLOAD}\n\nPublished 3 March 2024\n\n"
        f"The new bridge over the river cost EUR 210 million, officials said. {PAYLOAD}\n\n"
        "The bridge is 1,200 metres long.\n"
    ),
    "b_courier.txt": (
        "Bridge opens at last\n\nPublished 1 February 2024\n\n"
        "The new bridge over the river cost EUR 180 million, officials said.\n\n"
        "The bridge is 1,200 metres long.\n"
    ),
}


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [
        BROWSER,
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox will not start
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # a request to the network would fail, not leave
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    news = folder / "news"
    news.mkdir()
    for name, text in SOURCES.items():
        (news / name).write_text(text, encoding="utf-8")
    target = folder / "report.html"
    result = CliRunner().invoke(
        app,
        ["export", str(news), "-o", str(target)],
        env={"SOURCE_DATE_EPOCH": "1700000000", "NO_COLOR": "1"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    return target


def test_browser_runs_no_script_from_a_source(page: Path, tmp_path: Path) -> None:
    result = _chromium("--dump-dom", page.as_uri(), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert 'id="conflicts"' in dom
    assert "data-pwned" not in dom.split("<body", 1)[0]  # the script did not run: <html> is unmarked
    assert "&lt;script&gt;document.documentElement" in dom  # it is shown as text


def test_browser_shows_the_conflicts_first(page: Path, tmp_path: Path) -> None:
    printed = tmp_path / "report.pdf"
    result = _chromium(
        "--no-pdf-header-footer", f"--print-to-pdf={printed}", page.as_uri(), profile=tmp_path / "p"
    )
    assert result.returncode == 0 and printed.exists(), result.stderr[-2000:]
    pdf = pdfium.PdfDocument(printed.read_bytes())
    try:
        pages = [" ".join(pdf[k].get_textpage().get_text_range().split()) for k in range(len(pdf))]
    finally:
        pdf.close()
    text = " ".join(pages)  # as printed: the words laid out, wrapped where the page wraps them
    assert "Conflicts" in pages[0]
    assert text.index("Conflicts") < text.index("EUR 210 million") < text.index("Agreements")
    assert "EUR 180 million" in text and "<script>document" in text


def test_browser_screenshot(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    result = _chromium(
        "--hide-scrollbars",
        "--window-size=1200,1400",
        f"--screenshot={shot}",
        page.as_uri(),
        profile=tmp_path / "p",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
    if folder := os.environ.get("FACTCHECK_ARTIFACTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(folder) / "report.png")
    if os.environ.get("FACTCHECK_UPDATE_ARTIFACTS") == "1":
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copyfile(shot, ARTIFACTS / "report.png")


def test_browser_screenshot_of_the_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's picture: the seeds' report as a browser shows it (``docs/images/report.png``,
    rewritten with ``FACTCHECK_UPDATE_ARTIFACTS=1``)."""
    monkeypatch.chdir(ROOT)
    target = tmp_path / "seeds.html"
    result = CliRunner().invoke(
        app,
        ["export", "seeds", "-o", str(target)],
        env={"SOURCE_DATE_EPOCH": "1700000000", "NO_COLOR": "1"},
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    shot = tmp_path / "report.png"
    shown = _chromium(
        "--hide-scrollbars",
        "--window-size=1100,1300",
        f"--screenshot={shot}",
        target.as_uri(),
        profile=tmp_path / "p",
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert shot.read_bytes().startswith(b"\x89PNG")
    if os.environ.get("FACTCHECK_UPDATE_ARTIFACTS") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "images" / "report.png")
