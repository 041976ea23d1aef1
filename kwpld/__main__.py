"""``python -m kwpld`` runs the command-line interface."""

from .cli import main

main()
