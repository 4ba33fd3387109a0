"""Packaging glue that pyproject.toml alone cannot express.

The top-level ``assets/`` folder (bundled articles, data files) is shipped inside
the package as ``reader.assets`` so an installed, non-editable rtl-reader finds
its sample library; package discovery cannot find a folder mapped from outside
the package tree, so it is added here.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["reader", "reader.*"]), "reader.assets"],
    package_dir={"reader.assets": "assets"},
)
