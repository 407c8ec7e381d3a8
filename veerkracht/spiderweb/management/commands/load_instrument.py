# `load_instrument path/to/file.json` reads better for one file; it is the same command.
from .load_instruments import Command  # noqa: F401
