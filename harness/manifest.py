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
