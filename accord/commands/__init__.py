"""CLI command groups kept out of accord/cli.py: each module registers its commands on
`accord.cli.app` when imported. Add a module here and list it in COMMAND_MODULES."""

import importlib

COMMAND_MODULES = ["analysis", "scale", "web", "train"]


def register_all() -> None:
    """Import every command module that exists, so its commands join the app."""
    for name in COMMAND_MODULES:
        try:
            importlib.import_module(f"accord.commands.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"accord.commands.{name}":
                raise
