"""Work on many files shared out over every core, for the seams that take
a `map(function, items)`: the output check (checks/output.py) and minify
(output/minify.py).

`fork_map` is for work that holds Python's lock (parsing pages in Python,
minify-html): one forked process per core takes every WORKERS-th item,
starting with the site and the function in memory as they are, and sends
back only its results. `thread_map` is for work done by a library that lets
go of the lock while it works (brotli, zlib): threads share the memory and
cost nothing to start. Both return the results in the order of the items,
as the inline map does.
"""

import concurrent.futures
import contextlib
import ctypes
import gc
import os
import pickle
import selectors
import traceback

WORKERS = os.cpu_count() or 1
M_ARENA_MAX = -8  # glibc's malloc.h: mallopt's "most heaps for threads"


class WorkerError(RuntimeError):
    """A worker process failed: the build stops with its traceback."""


def thread_map(function, items):
    if WORKERS < 2 or len(items) < 2:
        return [function(item) for item in items]
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(function, items))


def fork_map(function, items):
    if WORKERS < 2 or len(items) < 2 or not hasattr(os, "fork"):
        return [function(item) for item in items]
    children = fork_shares(lambda share, pipe: _work(function, items, share, pipe))
    return _collect(children, len(items))


def fork_shares(work):
    """Fork one worker per core: each runs `work(share, pipe)` (share 0 to
    WORKERS - 1; it writes its answers to the pipe and ends the process).
    Returns {the read end of each worker's pipe: its pid}."""
    children = {}
    # Python's garbage collector, run in a worker, would write to every object
    # the site holds and so copy the whole heap page by page: frozen objects
    # are left alone (the use gc.freeze documents for forking).
    gc.freeze()
    try:
        for share in range(WORKERS):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker
                os.close(read_end)
                work(share, write_end)  # never returns
            os.close(write_end)
            children[read_end] = pid
    finally:
        gc.unfreeze()
    return children


def _work(function, items, share, pipe):
    status = 0
    try:
        try:
            done = [(index, function(items[index])) for index in range(share, len(items), WORKERS)]
        except Exception:
            done, status = traceback.format_exc(), 1
        with os.fdopen(pipe, "wb") as stream:
            stream.write(pickle.dumps(done))
    finally:
        os._exit(status)


def _collect(children, count):
    """Read every worker's whole answer (all at once: a worker blocked on a
    full pipe must not wait for another), then put the results in order."""
    received = {fd: bytearray() for fd in children}
    with selectors.DefaultSelector() as selector:
        for fd in children:
            selector.register(fd, selectors.EVENT_READ)
        open_fds = set(children)
        while open_fds:
            for key, _ in selector.select():
                chunk = os.read(key.fd, 1 << 20)
                if chunk:
                    received[key.fd] += chunk
                    continue
                selector.unregister(key.fd)
                os.close(key.fd)
                open_fds.discard(key.fd)
    results, failures = [None] * count, []
    for fd, pid in children.items():
        _, status = os.waitpid(pid, 0)
        try:
            answer = pickle.loads(received[fd])
        except Exception:
            failures.append(f"a worker process ended with status {status} and no answer")
            continue
        if isinstance(answer, str):  # the worker's traceback
            failures.append(answer)
            continue
        for index, result in answer:
            results[index] = result
    if failures:
        raise WorkerError("\n".join(failures))
    return results


def fewer_arenas(_pelican=None):
    """`initialized`: at most one malloc heap (arena) per core for the
    threads of this process (page writers, compression, Pagefind's reader)
    instead of glibc's eight per core. Each heap keeps what its threads
    freed, so a livereload session held about 20 MiB more at its peak
    (benchmarks/build-notes.md). Heaps already made are left as they are.
    glibc only; elsewhere nothing."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, WORKERS)


def give_back_memory():
    """After the page writers are done: hand the heap memory this process
    has freed back to the system. glibc keeps it otherwise, and Pagefind
    builds its index next (about 245 MiB at 1,000 articles), so the two
    would add up (benchmarks/build-notes.md). glibc only; elsewhere nothing."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)
