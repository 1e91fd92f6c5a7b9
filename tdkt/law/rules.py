"""Import every rule module so their versions register (titles/*.py, forms/*.py)."""

import importlib
import pkgutil

from tdkt.law import forms, titles

for package in (titles, forms):
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
