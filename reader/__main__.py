"""``python -m reader`` runs the same command line as ``rtl-reader``."""

from reader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
