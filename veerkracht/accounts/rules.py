# rules' autodiscovery imports `<app>.rules`; the predicates live in permissions.py.
from . import permissions  # noqa: F401
