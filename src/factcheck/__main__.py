"""``python -m factcheck`` and the ``factcheck`` command. ``--version`` alone is answered before the
command line and the stages are imported (a second of NumPy, SciPy, Typer and Rich)."""

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from factcheck import __version__

        print(f"factcheck {__version__}")
        return
    from factcheck.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
