"""The packaging tests share one wheel (the ``wheel`` fixture): under pytest-xdist they run on
one worker, so it is built once per run."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "wheel" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("wheel"))
