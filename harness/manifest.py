"""Reads katas/katas.toml: the one source of the course's order, titles, points, files and hints."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
KATAS_DIR = ROOT / "katas"
SOLUTIONS_DIR = ROOT / "solutions"
MANIFEST_PATH = KATAS_DIR / "katas.toml"


@dataclass(frozen=True)
class Kata:
    id: str
    title: str
    points: int
    files: tuple[str, ...]
    hints: tuple[str, ...]
    autograd: bool = False
    builds_on: tuple[str, ...] = ()  # earlier katas whose learner code this kata runs

    @property
    def folder(self) -> Path:
        return KATAS_DIR / self.id


def load(path: Path = MANIFEST_PATH) -> list[Kata]:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    katas = [
        Kata(
            id=entry["id"],
            title=entry["title"],
            points=int(entry["points"]),
            files=tuple(entry["files"]),
            hints=tuple(entry.get("hints", ())),
            autograd=bool(entry.get("autograd", False)),
            builds_on=tuple(entry.get("builds_on", ())),
        )
        for entry in data["kata"]
    ]
    return katas


def by_id(kata_id: str, path: Path = MANIFEST_PATH) -> Kata:
    for kata in load(path):
        if kata.id == kata_id:
            return kata
    known = ", ".join(k.id for k in load(path))
    raise KeyError(f"no kata {kata_id!r} in the manifest (known: {known})")


README_PATH = ROOT / "README.md"
TABLE_START = "<!-- kata table: generated from katas/katas.toml by `python -m harness.manifest` -->"
TABLE_END = "<!-- end of kata table -->"


def readme_table(katas: list[Kata]) -> str:
    """The README's table of katas, as the manifest says it is."""
    rows = ["| kata | title | points | you edit |", "| --- | --- | --- | --- |"]
    for kata in katas:
        files = ", ".join(f"`katas/{kata.id}/{name}`" for name in kata.files)
        rows.append(
            f"| [{kata.id}](katas/{kata.id}/README.md) | {kata.title} | {kata.points} | {files} |"
        )
    return "\n".join(rows)


def update_readme(path: Path = README_PATH) -> bool:
    """Rewrite the README's kata table from the manifest; True if it changed."""
    text = path.read_text()
    head, rest = text.split(TABLE_START, 1)
    _, tail = rest.split(TABLE_END, 1)
    updated = f"{head}{TABLE_START}\n{readme_table(load())}\n{TABLE_END}{tail}"
    if updated != text:
        path.write_text(updated)
    return updated != text


if __name__ == "__main__":
    print("README.md updated" if update_readme() else "README.md already matches the manifest")
