"""``python -m attache`` is the ``attache`` command."""

from attache.cli import main

main()
