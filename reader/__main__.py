"""``python -m reader`` runs the same command line as ``rtl-reader``."""

from reader.cli import run_command

if __name__ == "__main__":
    run_command()
