"""Finds each student's kata files in a folder or a .zip, and stages only those for grading.

Only the learner-editable files that the manifest names are taken. Everything else a student
handed in (tests, conftest.py, pytest.ini, pyproject.toml, a manifest, links) is never read,
so the grader's own pristine tests, settings and manifest are the only ones that run.
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from harness import limits, manifest


@dataclass
class Submission:
    student: str
    path: Path


@dataclass
class Staged:
    root: Path  # holds NN/<file> for every file found
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class SubmissionsError(Exception):
    """A folder of submissions that cannot be graded as it is; the message says why, in a line."""


def discover(folder: Path) -> list[Submission]:
    """One submission per folder or .zip in ``folder``; the student id is its name.

    Raises SubmissionsError for a .zip that is not a zip, and for two entries whose student ids
    are the same once normalised (``alice/`` and ``Alice.zip``): one would overwrite the other.
    """
    entries = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            entries.append(Submission(entry.name, entry))
        elif entry.is_file() and entry.suffix.lower() == ".zip":
            if not zipfile.is_zipfile(entry):
                raise SubmissionsError(f"{entry} is not a zip file: replace or remove it")
            entries.append(Submission(entry.stem, entry))
    _require_distinct_names(entries)
    return entries


def normalised(student: str) -> str:
    """A student id as a file system that ignores case or Unicode forms may see it."""
    return unicodedata.normalize("NFKC", student).casefold().strip()


def _require_distinct_names(entries: list[Submission]) -> None:
    seen: dict[str, Submission] = {}
    for submission in entries:
        twin = seen.setdefault(normalised(submission.student), submission)
        if twin is not submission:
            raise SubmissionsError(
                f"{twin.path.name} and {submission.path.name} are the same student once names "
                "are normalised (case, Unicode, spaces): rename or remove one"
            )


def wanted_files(katas: list[manifest.Kata]) -> list[str]:
    return [f"{kata.id}/{name}" for kata in katas for name in kata.files]


def stage(submission: Submission, katas: list[manifest.Kata], destination: Path) -> Staged:
    """Copy the submission's kata files into ``destination``/NN/ and say what was missing."""
    staged = Staged(root=destination)
    destination.mkdir(parents=True, exist_ok=True)
    try:
        if submission.path.is_dir():
            base = _descend_single_folders(submission.path, [kata.id for kata in katas])
            files = _read_folder(base, wanted_files(katas), staged)
        else:
            files = _read_zip(submission.path, wanted_files(katas), staged)
    except (OSError, zipfile.BadZipFile) as error:
        staged.problems.append(f"unreadable submission ({error.__class__.__name__})")
        files = {}
    for relative in wanted_files(katas):
        if relative in files:
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[relative])
            staged.found.append(relative)
        else:
            staged.missing.append(relative)
    return staged


def _candidates(relative: str) -> list[str]:
    # A copy of the whole repository, or of its katas/ folder, or a folder of NN/ folders.
    return [f"katas/{relative}", relative]


def _read_folder(base: Path, wanted: list[str], staged: Staged) -> dict[str, bytes]:
    files = {}
    for relative in wanted:
        for candidate in _candidates(relative):
            path = base / candidate
            if path.is_symlink():
                staged.problems.append(f"{relative} is a link, not a file (ignored)")
                break
            if path.is_file():
                if path.stat().st_size > limits.SUBMITTED_FILE_BYTES:
                    staged.problems.append(f"{relative} is too large (ignored)")
                else:
                    files[relative] = path.read_bytes()
                break
    return files


def _descend_single_folders(root: Path, kata_ids: list[str]) -> Path:
    """A zip or copy of a folder often wraps everything in one more folder: look inside it."""
    for _ in range(3):
        if (root / "katas").is_dir() or any((root / kata).is_dir() for kata in kata_ids):
            return root
        children = [c for c in root.iterdir() if not c.name.startswith(".")]
        folders = [c for c in children if c.is_dir() and not c.is_symlink()]
        if len(folders) != 1:
            return root
        root = folders[0]
    return root


def _read_zip(path: Path, wanted: list[str], staged: Staged) -> dict[str, bytes]:
    files = {}
    with zipfile.ZipFile(path) as archive:
        members = {
            info.filename: info
            for info in archive.infolist()
            if not info.is_dir() and not info.filename.startswith("__MACOSX/")
        }
        for relative in wanted:
            match = _find_member(members, relative)
            if match is None:
                continue
            info = members[match]
            if info.file_size > limits.SUBMITTED_FILE_BYTES:
                staged.problems.append(f"{relative} is too large (ignored)")
                continue
            # Read the member's bytes; nothing is extracted, so no path in the zip can escape.
            files[relative] = archive.read(info)
    return files


def _find_member(members: dict, relative: str) -> str | None:
    best = None
    for name in members:
        parts = PurePosixPath(name).parts
        for candidate in _candidates(relative):
            wanted = PurePosixPath(candidate).parts
            # At most one wrapping folder (repository name) in front of the expected path.
            if parts[-len(wanted) :] == wanted and len(parts) - len(wanted) <= 1:
                if best is None or len(name) < len(best):
                    best = name
    return best
