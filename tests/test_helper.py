"""The helper process a stage hands work to (``parallel.helper``): plain functions and values in,
their results out, read in any order."""

from __future__ import annotations

import math
import operator
import os

import pytest

from factcheck.errors import WorkerError
from factcheck.parallel import helper


def test_helper_results_are_read_in_any_order() -> None:
    with helper() as submit:
        if submit is None:
            pytest.skip("one core: no helper")
        first, second = submit(operator.add, 2, 3), submit(math.sqrt, 16.0)
        assert (second(), first()) == (4.0, 5)


def test_helper_failure_is_an_error_and_the_helper_goes_on() -> None:
    with helper() as submit:
        if submit is None:
            pytest.skip("one core: no helper")
        failed, after = submit(math.sqrt, -1.0), submit(operator.mul, 6, 7)
        with pytest.raises(WorkerError, match="ValueError: math domain error"):
            failed()
        assert after() == 42


def test_helper_is_none_when_not_wanted() -> None:
    with helper(wanted=False) as submit:
        assert submit is None


def test_helper_that_dies_is_an_error_of_our_family() -> None:
    """A helper killed mid-run (out of memory) ends the run with one line, not a traceback."""
    with helper() as submit:
        if submit is None:
            pytest.skip("one core: no helper")
        died = submit(os._exit, 1)
        with pytest.raises(WorkerError, match="ended before it finished"):
            died()
