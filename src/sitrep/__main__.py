"""``python -m sitrep`` runs the command-line interface."""

from sitrep.cli import main

main()
