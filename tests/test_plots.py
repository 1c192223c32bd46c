"""`grader.py plot`: every kata's picture, drawn from the learner's code next to torch's.

Pictures are drawn in subprocesses with the Agg backend, the way a learner runs the command;
this process never imports matplotlib. What a picture shows is read back as data: the lines
of the figure (to see a wrong derivative drawn differently) and the digest of the data a PNG
records (to see that the README's pictures are up to date).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from harness import manifest, plots
from harness.plots.picture import DIGEST_KEY

ROOT = manifest.ROOT
SOLUTIONS = manifest.SOLUTIONS_DIR
PICTURED = plots.available()
README_PICTURES = ("01", "05")  # the two pictures README.md shows, from docs/
SIZE = (1000, 650)  # pixels: every picture, as README.md's pictures are
LIMIT = 300  # seconds for one drawing subprocess on a busy machine


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "MPLBACKEND": "Agg", **(env or {})}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=LIMIT,
        env=environment,
    )


# What a figure draws, as JSON: per panel, its title and every line's label and data; and the
# figure's own texts (the notes under the panels). Also the digest of the picture's data.
DUMP = textwrap.dedent(
    """
    import json, sys
    from harness import plots

    dumped = []
    for kata, source in json.loads(sys.argv[1]):
        figure = plots.figure(kata, source)
        panels = [
            {
                "title": ax.get_title(),
                "lines": {
                    line.get_label(): [list(map(float, line.get_xdata())),
                                       list(map(float, line.get_ydata()))]
                    for line in ax.get_lines()
                },
            }
            for ax in figure.axes
        ]
        texts = [text.get_text() for text in figure.texts]
        digest = plots.digest(plots.picture(kata, source))
        dumped.append({"panels": panels, "texts": texts, "digest": digest})
    print(json.dumps(dumped))
    """
)


def dump(requests: list[tuple[str, str]]) -> list[dict]:
    done = run("-c", DUMP, json.dumps([[kata, str(source)] for kata, source in requests]))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def tree_with(tmp: Path, kata: str, module: str, appended: str) -> Path:
    """A source tree whose kata ``kata`` is the solution with ``appended`` at its end."""
    folder = tmp / kata
    folder.mkdir(parents=True)
    text = (SOLUTIONS / kata / f"{module}.py").read_text()
    (folder / f"{module}.py").write_text(text + "\n\n" + textwrap.dedent(appended))
    return tmp


WRONG_TANH_GRAD = """
def tanh_grad(x):
    return 1 - x**2
"""

# Every way a learner's function can go wrong, in one file.
TROUBLED = """
def sigmoid_grad(x):
    raise NotImplementedError


def relu(x):
    return 1 / 0


def leaky_relu(x, negative_slope=0.01):
    return x[:5]


def leaky_relu_grad(x, negative_slope=0.01):
    y = np.where(x > 0, 1.0, negative_slope)
    y[::7] = np.nan
    return y


def tanh(x):
    while True:
        pass


def relu_grad(x):
    import torch

    t = torch.tensor(x, requires_grad=True)
    torch.relu(t).sum().backward()
    return t.grad.numpy()
"""


@pytest.fixture(scope="module")
def on_the_solutions(tmp_path_factory):
    """`grader.py plot --source solutions --out DIR`: every picture, in one run."""
    out = tmp_path_factory.mktemp("pictures")
    done = run(
        "grader.py", "plot", "--source", str(SOLUTIONS), "--out", str(out),
        env={"PYTHONPROFILEIMPORTTIME": "1"},
    )  # fmt: skip
    return done, out


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """The lines and digests of kata 01 right, with a wrong tanh_grad, and troubled; and of
    the README's pictures on the solutions."""
    wrong = tree_with(tmp_path_factory.mktemp("wrong"), "01", "activations", WRONG_TANH_GRAD)
    troubled = tree_with(tmp_path_factory.mktemp("troubled"), "01", "activations", TROUBLED)
    requests = [("01", SOLUTIONS), ("01", wrong), ("01", troubled)]
    requests += [(kata, SOLUTIONS) for kata in README_PICTURES]
    right, wrong, troubled, *readme = dump(requests)
    return {"right": right, "wrong": wrong, "troubled": troubled, "readme": readme}


def check_png(path: Path) -> None:
    with Image.open(path) as image:
        assert image.size == SIZE, f"{path.name} is {image.size}, not {SIZE}"
        histogram = image.convert("L").histogram()  # pixels per grey level, 0 is black
    drawn = sum(histogram[:200])
    assert drawn > 0.01 * sum(histogram), f"{path.name} is blank: {drawn} pixels drawn"


@pytest.mark.parametrize("kata", PICTURED)
def test_every_picture_is_drawn_on_the_solutions(on_the_solutions, kata):
    done, out = on_the_solutions
    assert done.returncode == 0, done.stderr[-3000:]
    png = out / f"{kata}.png"
    assert str(png) in done.stdout.splitlines(), "the command prints the path of each PNG"
    check_png(png)


def test_the_pictures_cover_the_katas_that_have_one():
    assert PICTURED == ["01", "02", "03", "05", "06", "07", "08", "09", "10", "11", "12"]


def test_on_the_stubs_every_picture_says_in_one_line_what_to_write(tmp_path):
    done = run("grader.py", "plot", "--out", str(tmp_path))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == len(PICTURED), done.stderr
    for kata, line in zip(PICTURED, lines, strict=True):
        assert line.startswith(f"grader.py plot: nothing to draw for kata {kata} yet: "), line
        assert f"not implemented in katas/{kata}/" in line, line
    assert not list(tmp_path.iterdir()), "no picture is written when nothing is written"


def test_one_unwritten_kata_exits_1_with_one_line_and_no_traceback():
    done = run("grader.py", "plot", "1")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "grader.py plot: nothing to draw for kata 01 yet: sigmoid, sigmoid_grad, tanh, "
        "tanh_grad, relu, relu_grad, leaky_relu, leaky_relu_grad are not implemented in "
        "katas/01/activations.py\n"
    )


def test_a_wrong_tanh_grad_draws_a_different_line(drawn):
    def tanh_panel(figure):
        (panel,) = [p for p in figure["panels"] if p["title"] == "tanh"]
        return panel["lines"]

    right, wrong = tanh_panel(drawn["right"]), tanh_panel(drawn["wrong"])
    x_right, y_right = right["tanh_grad (yours)"]
    x_wrong, y_wrong = wrong["tanh_grad (yours)"]
    assert x_right == x_wrong
    assert y_right != y_wrong
    assert right["torch"] == wrong["torch"], "torch's line does not depend on the learner"
    assert drawn["right"]["digest"] != drawn["wrong"]["digest"]


def test_each_problem_is_drawn_as_far_as_it_goes_and_named(drawn):
    figure = drawn["troubled"]
    labels = {label: data for panel in figure["panels"] for label, data in panel["lines"].items()}
    assert labels["sigmoid_grad: not written yet"] == [[], []]
    assert labels["relu: raised ZeroDivisionError"] == [[], []]
    assert labels["leaky_relu: wrong shape (5,)"] == [[], []]
    assert labels["tanh: ran out of time"] == [[], []]
    assert labels["relu_grad: used torch autograd"] == [[], []]
    assert len(labels["leaky_relu_grad (yours)"][1]) > 0, "NaN leaves gaps, the rest is drawn"
    assert len(labels["sigmoid (yours)"][1]) > 0
    notes = "\n".join(figure["texts"])
    assert "not written yet (left out): sigmoid_grad" in notes
    assert "relu raised ZeroDivisionError: division by zero" in notes
    assert "leaky_relu returned shape (5,)" in notes
    assert "leaky_relu_grad returned 69 values that are NaN or infinite" in notes
    assert "tanh did not finish in time" in notes
    assert "relu_grad called torch's autograd" in notes


def test_without_sigalrm_an_endless_loop_is_stopped_all_the_same(tmp_path):
    """Where there is no SIGALRM (Windows), the harness's watchdog thread sets the time limit."""
    troubled = tree_with(tmp_path, "01", "activations", TROUBLED)
    script = (
        "import signal; del signal.setitimer\n"
        "from harness import plots\n"
        f"print(plots.picture('01', {str(troubled)!r}).problems)"
    )
    done = run("-c", script)
    assert done.returncode == 0, done.stderr
    assert "tanh did not finish in time" in done.stdout


# A stand-in for Graphviz's dot: node i at (1.5 i, 1.2 (i % 2)) inches, in dot's plain format.
FAKE_DOT = """#!{python}
import re, sys
names = re.findall(r"^(n[0-9]+);$", sys.stdin.read(), re.MULTILINE)
print("graph 1 10 10")
for i, name in enumerate(names):
    print(f"node {{name}} {{1.5 * i}} {{1.2 * (i % 2)}} 1 0.5 {{name}} solid box black lightgrey")
print("stop")
"""

GRAPH_LAYOUT = textwrap.dedent(
    """
    import json
    from harness import plots

    ax = plots.figure("05", {source!r}, graphviz=True).axes[0]
    print(json.dumps({{"title": ax.get_title(),
                      "where": [list(map(float, t.get_position())) for t in ax.texts
                                if t.get_text()]}}))  # the nodes, not the arrows
    """
)


@pytest.mark.parametrize("installed", [True, False], ids=["dot", "no-dot"])
def test_graphviz_lays_out_the_graph_when_asked_and_installed(tmp_path, installed):
    dot = tmp_path / "dot"
    dot.write_text(FAKE_DOT.format(python=sys.executable))
    dot.chmod(0o755)
    path = str(tmp_path) if installed else str(tmp_path / "nothing-here")
    done = run("-c", GRAPH_LAYOUT.format(source=str(SOLUTIONS)), env={"PATH": path})
    assert done.returncode == 0, done.stderr
    drawn = json.loads(done.stdout)
    spread = [[i / 1.0, float(i % 2)] for i in range(len(drawn["where"]))]
    if installed:
        assert drawn["where"] == spread, "the nodes stand where dot put them"
        assert "not installed" not in drawn["title"]
    else:
        assert drawn["where"] != spread
        assert "dot is not installed: the built-in layout" in drawn["title"]


@pytest.mark.parametrize("index", range(len(README_PICTURES)))
def test_the_readme_pictures_are_made_by_the_command_and_up_to_date(drawn, index):
    kata = README_PICTURES[index]
    png = ROOT / "docs" / f"{kata}.png"
    check_png(png)
    with Image.open(png) as image:
        recorded = image.text.get(DIGEST_KEY)
    assert recorded == drawn["readme"][index]["digest"], (
        f"docs/{kata}.png is not what `grader.py plot` draws today; redraw it with "
        f"`python grader.py plot {kata} --source solutions --out docs/{kata}.png`"
    )
    assert f"](docs/{kata}.png)" in (ROOT / "README.md").read_text()


def imported_matplotlib(done: subprocess.CompletedProcess) -> bool:
    """Whether a run under PYTHONPROFILEIMPORTTIME imported matplotlib (in any process)."""
    imports = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    return any(name.split(".")[0] == "matplotlib" for name in imports)


def test_plot_imports_matplotlib(on_the_solutions):
    assert imported_matplotlib(on_the_solutions[0]), "the check below could not fail"


@pytest.mark.parametrize(
    "command",
    [("-m", "pytest", "katas/01", "-q", "-x"), ("grader.py", "01", "--json")],
    ids=["pytest-kata", "grader"],
)
def test_kata_runs_and_the_grader_never_import_matplotlib(command):
    done = run(*command, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert "import time:" in done.stderr, "the import profile was not recorded"
    assert not imported_matplotlib(done), "only `grader.py plot` may import matplotlib"
