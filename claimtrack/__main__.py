"""``python -m claimtrack`` runs the command-line interface."""

from claimtrack.cli import main

main()
