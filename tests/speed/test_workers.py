"""Work shared out over every core (speed/workers.py): the results are those
of the inline map, in the items' order, and a failure in a worker stops the
build with its traceback."""

import os

import pytest
from clinic import speed
from clinic.seam import map_inline
from clinic.speed import workers
from pelican import signals


def square_and_pid(number):
    return number * number, os.getpid()


@pytest.mark.parametrize("mapper", [workers.fork_map, workers.thread_map])
def test_results_come_back_in_order(mapper, monkeypatch):
    monkeypatch.setattr(workers, "WORKERS", 2)
    items = list(range(50))
    results = mapper(square_and_pid, items)
    assert [square for square, _ in results] == [
        square for square, _ in map_inline(square_and_pid, items)
    ]


def test_fork_map_really_uses_other_processes(monkeypatch):
    monkeypatch.setattr(workers, "WORKERS", 2)
    pids = {pid for _, pid in workers.fork_map(square_and_pid, list(range(10)))}
    assert len(pids) == 2 and os.getpid() not in pids


def test_a_worker_that_fails_stops_with_its_traceback(monkeypatch):
    monkeypatch.setattr(workers, "WORKERS", 2)

    def fails_on_seven(number):
        if number == 7:
            raise ValueError("seven is not allowed")
        return number

    with pytest.raises(workers.WorkerError, match="seven is not allowed"):
        workers.fork_map(fails_on_seven, list(range(10)))


def test_large_results_do_not_block_the_workers(monkeypatch):
    """Each answer is bigger than a pipe holds: both are read as they come."""
    monkeypatch.setattr(workers, "WORKERS", 2)
    results = workers.fork_map(lambda n: str(n) * 200_000, [1, 2, 3, 4])
    assert [len(r) for r in results] == [200_000] * 4
    assert results[2][0] == "3"


def test_memory_is_given_back_where_glibc_can_and_nothing_fails_elsewhere(monkeypatch):
    trimmed = []

    class Glibc:
        def malloc_trim(self, pad):
            trimmed.append(pad)

    monkeypatch.setattr(workers.ctypes, "CDLL", lambda name: Glibc())
    workers.give_back_memory()
    assert trimmed == [0]
    monkeypatch.setattr(workers.ctypes, "CDLL", lambda name: object())  # no malloc_trim (musl)
    workers.give_back_memory()


def test_threads_share_one_heap_per_core_where_glibc_can_and_nothing_fails_elsewhere(
    monkeypatch,
):
    options = []

    class Glibc:
        def mallopt(self, option, value):
            options.append((option, value))

    monkeypatch.setattr(workers, "WORKERS", 2)
    monkeypatch.setattr(workers.ctypes, "CDLL", lambda name: Glibc())
    workers.fewer_arenas()
    assert options == [(workers.M_ARENA_MAX, 2)]
    monkeypatch.setattr(workers.ctypes, "CDLL", lambda name: object())  # no mallopt (musl)
    workers.fewer_arenas()


def test_the_heap_limit_is_set_when_a_build_starts():
    speed.register()  # as Pelican does; connecting twice connects once
    receivers = [receiver() for receiver in signals.initialized.receivers.values()]
    assert workers.fewer_arenas in receivers
