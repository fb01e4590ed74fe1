"""Packaging: the wheel carries the resources, desktop files are valid, the app checks itself."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader import __version__, app_check, paths
from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / "press-reader.desktop"
APP_ID = "io.github.press_reader.PressReader"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = PACKAGING / "icons"
ICON_NAME = "press-reader"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
TRANSLATIONS = ROOT / "resources" / "translations"


def _source_files(folder: Path) -> list[Path]:
    """Every file below ``folder``, relative to it, without Python's caches."""
    return sorted(
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


# -- the wheel ---------------------------------------------------------------------------------


def _source_tree(target: Path) -> Path:
    """A copy of what a release is built from (so that a build leaves nothing in the checkout):
    the package, its resources with the committed .qm files, pyproject.toml and the README."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("reader", "resources"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    return target


def _pip_wheel(source: Path, dist: Path) -> Path:
    """``pip wheel SOURCE`` and nothing before it (no make, no compile step); offline, with the
    setuptools the test extra installed."""
    subprocess.run(
        [
            sys.executable,
            *("-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index"),
            *("--no-build-isolation", "--wheel-dir", str(dist), str(source)),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = dist.glob("press_reader-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel as plain pip builds it from the source tree."""
    tmp = tmp_path_factory.mktemp("wheel")
    return _pip_wheel(_source_tree(tmp / "source"), tmp / "dist")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, built through the PEP 517 hook every front end calls."""
    tmp = tmp_path_factory.mktemp("sdist")
    source = _source_tree(tmp / "source")
    built = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta; "
            "print(build_meta.build_sdist(sys.argv[1]))",
            str(tmp / "dist"),
        ],
        cwd=source,
        check=True,
        capture_output=True,
        text=True,
    )
    return tmp / "dist" / built.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.wheel
def test_wheel_has_every_module_and_resource(wheel: Path, wheel_names: set[str]) -> None:
    assert wheel.name == f"press_reader-{__version__}-py3-none-any.whl"
    modules = {f"reader/{p.as_posix()}" for p in _source_files(ROOT / "reader")}
    assert modules <= wheel_names
    bundled = {f"reader/resources/{p.as_posix()}" for p in _source_files(ROOT / "resources")}
    assert bundled <= wheel_names
    for needed in ("demo/demo.opml", "demo/tags.json", "icons/app.svg", "__init__.py"):
        assert f"reader/resources/{needed}" in wheel_names
    assert any(n.startswith("reader/resources/demo/feeds/") for n in wheel_names)
    # Nothing but the package: no top-level resources/, tests or caches.
    assert {name.split("/")[0] for name in wheel_names} == {
        "reader",
        f"press_reader-{__version__}.dist-info",
    }
    assert not [name for name in wheel_names if "__pycache__" in name or name.endswith(".pyc")]


def _translation_sources() -> list[Path]:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    assert sources, "the French interface's .ts is missing"
    return sources


@pytest.mark.wheel
def test_wheel_has_compiled_translations(wheel: Path, wheel_names: set[str]) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for ts in _translation_sources():
            name = f"reader/resources/translations/{ts.stem}.qm"
            assert archive.read(name) == ts.with_suffix(".qm").read_bytes()


@pytest.mark.wheel
def test_the_sdist_and_a_wheel_built_from_it_carry_the_translations(
    sdist: Path, tmp_path: Path
) -> None:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for ts in _translation_sources():
        assert f"resources/translations/{ts.name}" in names
        assert f"resources/translations/{ts.stem}.qm" in names
    unpacked = tmp_path / "unpacked"
    with tarfile.open(sdist) as archive:
        archive.extractall(unpacked, filter="data")
    (source,) = unpacked.iterdir()
    with zipfile.ZipFile(_pip_wheel(source, tmp_path / "dist")) as archive:
        built = set(archive.namelist())
    for ts in _translation_sources():
        assert f"reader/resources/translations/{ts.stem}.qm" in built


def _ts_messages(ts: Path) -> Iterator[tuple[str, str, str | None, bool, list[str]]]:
    """Every finished message of a .ts: context, source, disambiguation, plural, the forms."""
    root = ElementTree.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {
                "unfinished",
                "obsolete",
                "vanished",
            }:
                continue
            plural = message.get("numerus") == "yes"
            forms = (
                [form.text or "" for form in translation.iter("numerusform")]
                if plural
                else [translation.text or ""]
            )
            source = message.findtext("source") or ""
            yield name, source, message.findtext("comment"), plural, forms


def test_each_committed_qm_says_what_its_ts_says() -> None:
    """The .qm files are committed (a plain pip build has no Qt tool to compile them): each
    must give every finished translation of its .ts, so an edit of the .ts without
    `make translations` fails here."""
    from PySide6.QtCore import QTranslator

    for ts in _translation_sources():
        translator = QTranslator()
        assert translator.load(str(ts.with_suffix(".qm"))), f"{ts.stem}.qm is missing"
        stale = []
        for context, source, comment, plural, forms in _ts_messages(ts):
            # French: 0 and 1 take the first form, 2 and more the second.
            counts = (1, 2) if plural else (-1,)
            for count, form in zip(counts, forms, strict=False):
                got = translator.translate(context, source, comment, count)
                if got != form:
                    stale.append(f"{context}: {source!r} gives {got!r}, the .ts says {form!r}")
        assert not stale, f"{ts.stem}.qm is out of date (make translations):\n" + "\n".join(
            stale[:10]
        )


@pytest.mark.wheel
def test_wheel_declares_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        entry_points = archive.read(
            f"press_reader-{__version__}.dist-info/entry_points.txt"
        ).decode()
    assert "press-reader = reader.cli:main" in entry_points


@pytest.mark.wheel
def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    """Unpacked (as pip installs it) and first on the path: the resources come from the wheel,
    not from the checkout."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    found = subprocess.run(
        [sys.executable, "-c", "from reader.paths import resources_dir; print(resources_dir())"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    )
    where = Path(found.stdout.strip())
    assert where == site / "reader" / "resources"
    assert (where / "demo" / "demo.opml").is_file()


def test_every_package_is_listed_in_pyproject() -> None:
    """pyproject.toml lists the packages by hand (to map resources/ into reader.resources): a
    new sub-package must be added there, or the wheel would leave it out."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in [ROOT / "reader", *(ROOT / "reader").rglob("*")]
        if folder.is_dir() and folder.name != "__pycache__" and any(folder.glob("*.py"))
    }
    assert listed == on_disk | {"reader.resources"}
    assert config["tool"]["setuptools"]["package-dir"] == {"reader.resources": "resources"}


# -- resources from the running install -----------------------------------------------------


def test_resources_are_found_through_importlib() -> None:
    found = paths.resources_dir()
    assert found == resources.files(paths.RESOURCES_PACKAGE)
    assert (found / "demo" / "demo.opml").is_file()
    assert (found / "icons" / "app.svg").is_file()
    # This checkout is installed in editable mode: the files are the top-level resources/.
    assert found.resolve() == (ROOT / "resources").resolve()


# -- desktop integration ------------------------------------------------------------------------


def _system_tool(name: str, package: str) -> str:
    """A checking tool the setup installs (packaging/system-deps.sh); a missing one skips the
    test only outside CI, on a system where the setup cannot install it."""
    tool = shutil.which(name)
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing: packaging/system-deps.sh installs {package}")
        pytest.skip(f"{name} is not installed (Debian: {package})")
    return tool


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_describes_the_application() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Press Reader"
    assert entry["Exec"].split()[0] == "press-reader"
    assert entry["Icon"] == ICON_NAME
    categories = entry["Categories"]
    assert categories.endswith(";") and "Network" in categories.split(";")
    assert entry["Comment[fr]"]


def test_desktop_file_passes_desktop_file_validate() -> None:
    tool = _system_tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_has_what_software_centres_need() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "Press Reader"
    assert root.findtext("summary")
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("icon") == ICON_NAME
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__ and newest.get("date")
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _system_tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_set_has_every_size() -> None:
    hicolor = ICONS / "hicolor"
    svg = hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"
    # The same drawing as the window's icon: packaging/make_icons.py copies it.
    assert svg.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()
    for size in PNG_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        assert _png_size(png) == (size, size)


def test_windows_and_macos_icons_hold_pngs() -> None:
    ico = (ICONS / f"{ICON_NAME}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _h, _c, _r, _p, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert ico[offset : offset + 4] == b"\x89PNG" and offset + length <= len(ico)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes

    icns = (ICONS / f"{ICON_NAME}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, at = set(), 8
    while at < len(icns):
        kind, length = icns[at : at + 4], struct.unpack(">I", icns[at + 4 : at + 8])[0]
        assert icns[at + 8 : at + 12] == b"\x89PNG"
        kinds.add(kind)
        at += length
    assert at == len(icns) and {b"icp4", b"ic07", b"ic09"} <= kinds


def test_pyinstaller_spec_is_python() -> None:
    spec = PACKAGING / "press-reader.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")


# -- the self-check -------------------------------------------------------------------------------


def _command() -> list[str]:
    script = Path(sys.executable).with_name("press-reader")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reader"]


def test_self_check_opens_and_closes_the_window(tmp_path: Path) -> None:
    result = subprocess.run(
        [*_command(), "--self-check"],
        cwd=tmp_path,
        env=_offscreen_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "self-check ok\n"


def test_self_check_is_not_in_the_help() -> None:
    result = subprocess.run(
        [*_command(), "--help"], capture_output=True, text=True, env=_offscreen_env()
    )
    assert result.returncode == 0 and "--self-check" not in result.stdout


@pytest.fixture
def no_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    yield tmp_path


def test_self_check_failure_is_one_line(
    no_resources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app_check.run_self_check() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("press-reader: self-check failed: the demo library is missing")
