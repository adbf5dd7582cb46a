"""Build step: the wheel carries the top-level term files, templates and static
files inside the package (letter_simplifier/shipped/), so an installed copy works
outside the checkout. Everything else is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("glossary", "templates", "static")


class BuildPyWithShipped(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the top-level folders
            return
        target = Path(self.build_lib) / "letter_simplifier" / "shipped"
        for name in SHIPPED:
            shutil.copytree(name, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithShipped})
