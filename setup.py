"""Packaging glue that pyproject.toml alone cannot express.

The top-level ``assets/`` folder (bundled articles, data files) is shipped inside
the package as ``reader.assets`` so an installed, non-editable rtl-reader finds
its sample library; package discovery cannot find a folder mapped from outside
the package tree, so it is added here.

Data-only folders (the migrations' SQL, the bundled articles) are listed as packages
too: setuptools ships their files either way, but warns that an unlisted importable
folder will be dropped by a later version.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["reader", "reader.*"], exclude=["*.__pycache__"]),
        "reader.assets",
        "reader.assets.articles",
    ],
    package_dir={"reader.assets": "assets"},
)
