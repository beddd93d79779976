"""Where per-article work runs: in local worker processes or on a Dask cluster.

The build hands every article's extraction to ``map_ordered`` and records the results in input
order, so the graph it writes does not depend on where or in which order the work ran. An
executor is a function ``(fn, items, workers, scheduler, fingerprint) -> Iterator`` registered
under a name, in the manner of rdflib's plugin registry: it is named by a module path and an
attribute and imported only when asked for, so ``kg`` does not import dask unless a build uses
it, and another executor (ray, a batch queue) can be registered without changing the build.

Both built-in executors stream: at most a few tasks per worker are in flight and results are
handed back as soon as the ones before them are done, so memory stays flat however many
articles the build holds.
"""

from __future__ import annotations

import importlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Tasks in flight per worker: enough to keep a worker busy while the client collects the
#: results before it, few enough that memory does not grow with the corpus.
IN_FLIGHT_PER_WORKER = 4
#: Fewer items than this run in this process: starting workers would cost more than it saves.
SERIAL_BELOW = 8
#: Items per Dask task. The scheduler spends about a millisecond on every task, as long as
#: an article's extraction: one task per article would make it the bottleneck of a large
#: cluster; eight keep a task near a tenth of a second, and the window still short.
DASK_BATCH = 8
#: Seconds to wait for a Dask scheduler to answer (and to show at least one worker).
CONNECT_TIMEOUT_S = 5.0


class ExecutorError(RuntimeError):
    """An executor cannot run at all (not installed, scheduler unreachable); one line."""


@dataclass(frozen=True)
class _Plugin:
    module: str
    attr: str


_REGISTRY: dict[str, _Plugin] = {}


def register(name: str, module: str, attr: str) -> None:
    """Make ``executor=name`` call ``module.attr``; imported on first use only."""
    _REGISTRY[name] = _Plugin(module, attr)


def names() -> list[str]:
    """The registered executors' names (for ``--executor`` choices)."""
    return sorted(_REGISTRY)


def get(name: str) -> Callable[..., Iterator]:
    try:
        plugin = _REGISTRY[name]
    except KeyError:
        raise ExecutorError(f"unknown executor {name!r} (known: {', '.join(names())})") from None
    return getattr(importlib.import_module(plugin.module), plugin.attr)


def map_ordered(fn: Callable[[T], R], items: Iterable[T], *, executor: str = "local",
                workers: int | None = None, scheduler: str | None = None,
                fingerprint: Callable[[], str] | None = None) -> Iterator[R]:
    """``fn`` over ``items``, results yielded in the order of ``items``.

    ``items`` is consumed lazily, a bounded number ahead of the results, so it can be a
    generator over a million articles. ``workers`` is the number of local processes (default:
    one per core) or, with Dask, the number of workers the in-flight bound is sized for
    (default: the cluster's threads). ``fingerprint``, when given, is computed here and on
    every Dask worker; a worker that differs (another version of the code) stops the run
    before any task is sent, because its results would differ from a local build's.
    """
    return get(executor)(fn, items, workers=workers, scheduler=scheduler,
                         fingerprint=fingerprint)


def local_map(fn: Callable[[T], R], items: Iterable[T], *, workers: int | None = None,
              scheduler: str | None = None, fingerprint: Callable[[], str] | None = None
              ) -> Iterator[R]:
    """Worker processes on this machine (forked: they start at once and share the parent's
    loaded modules); in this process when there is one worker or little work."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    it = iter(items)
    head = list(itertools.islice(it, SERIAL_BELOW))
    if workers <= 1 or len(head) < SERIAL_BELOW:
        for item in itertools.chain(head, it):
            yield fn(item)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if hasattr(os, "fork") else None
    rest = itertools.chain(head, it)
    # One task per item: an article costs tens of milliseconds, a task's round trip through
    # the pool well under one, so batching would buy little and delay results.
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        try:
            for item in itertools.islice(rest, IN_FLIGHT_PER_WORKER * workers):
                window.append(pool.submit(fn, item))
            while window:
                result = window.popleft().result()
                for item in itertools.islice(rest, 1):
                    window.append(pool.submit(fn, item))
                yield result
        finally:
            for f in window:
                f.cancel()


def _fingerprint_on_worker(fingerprint: Callable[[], str]) -> str:
    return fingerprint()


def dask_map(fn: Callable[[T], R], items: Iterable[T], *, workers: int | None = None,
             scheduler: str | None = None, fingerprint: Callable[[], str] | None = None
             ) -> Iterator[R]:
    """An existing Dask cluster (``dask scheduler`` + ``dask worker``) at ``scheduler``.

    Each ``DASK_BATCH`` items are one task (``client.submit``); finished tasks are collected
    as they complete (``as_completed``), held until the ones before them are in, and handed
    out in order. Tasks in flight plus held back never exceed ``IN_FLIGHT_PER_WORKER`` per
    worker, so neither the client nor the scheduler holds more than a window of the corpus.
    The items travel to the workers pickled: whatever a task needs (the article's bytes) must
    be in the item.
    """
    client = _connect(scheduler)
    try:
        if fingerprint is not None:
            _check_fingerprint(client, fingerprint)
        yield from _dask_stream(client, fn, iter(items), workers)
    finally:
        client.close()


def _connect(scheduler: str | None):
    try:
        import dask
        from distributed import Client
        from distributed.comm import resolve_address
    except ImportError:
        raise ExecutorError("--executor dask needs dask.distributed: "
                            "pip install 'kg[dask]'") from None
    address = scheduler or dask.config.get("scheduler-address", None)
    if not address:
        raise ExecutorError("--executor dask needs --scheduler ADDRESS (the tcp://host:8786 "
                            "that `dask scheduler` prints)")
    try:
        # Checked first: a Client that fails on a malformed address hangs in its destructor.
        resolve_address(address)
    except ValueError as exc:
        raise ExecutorError(f"--scheduler {address}: {exc} (expected tcp://host:8786)") from None
    except OSError as exc:
        raise ExecutorError(f"--scheduler {address}: cannot resolve the host ({exc})") from None
    try:
        client = Client(address, timeout=f"{CONNECT_TIMEOUT_S}s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(f"cannot reach the Dask scheduler at {address} within "
                            f"{CONNECT_TIMEOUT_S:g} s ({type(exc).__name__}); start one with "
                            "`dask scheduler` or check --scheduler") from None
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError):
        client.close()
        raise ExecutorError(f"the Dask scheduler at {address} has no workers; start some "
                            f"with `dask worker {address}`") from None
    return client


def _check_fingerprint(client, fingerprint: Callable[[], str]) -> None:
    """The scheduler unpickles the tasks and the workers run them: both need this code."""
    mine = fingerprint()
    try:
        theirs: dict[str, Any] = client.run(_fingerprint_on_worker, fingerprint)
        theirs["the scheduler"] = client.run_on_scheduler(_fingerprint_on_worker, fingerprint)
    except Exception as exc:  # noqa: BLE001 - typically: kg is not installed there
        raise ExecutorError(f"the Dask cluster cannot run kg ({type(exc).__name__}: {exc}); "
                            "install the same kg on the scheduler and every worker") from None
    other = sorted(w for w, fp in theirs.items() if fp != mine)
    if other:
        raise ExecutorError(f"Dask {'worker ' if other[0] != 'the scheduler' else ''}{other[0]} "
                            f"runs other kg extractors ({theirs[other[0]]}, here {mine}); "
                            "install the same kg on the scheduler and every worker"
                            f"{f' ({len(other)} differ)' if len(other) > 1 else ''}")


def _apply(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(item) for item in batch]


def _dask_stream(client, fn: Callable[[T], R], it: Iterator[T],
                 workers: int | None) -> Iterator[R]:
    from distributed import as_completed

    threads = workers or sum(client.nthreads().values()) or 1
    limit = IN_FLIGHT_PER_WORKER * threads
    live: dict[str, tuple[int, Any]] = {}  # task key -> (input position, future)
    held: dict[int, list] = {}
    submitted = 0
    next_out = 0
    pending = as_completed(loop=client.loop)
    batches = _chunks(it, DASK_BATCH)

    def submit(n: int) -> None:
        nonlocal submitted
        for batch in itertools.islice(batches, n):
            fut = client.submit(_apply, fn, batch, pure=False)
            live[fut.key] = (submitted, fut)
            submitted += 1
            pending.add(fut)

    try:
        submit(limit)
        for fut in pending:
            position, _ = live.pop(fut.key)
            held[position] = fut.result()  # re-raises a task's exception here
            fut.release()
            while next_out in held:
                yield from held.pop(next_out)
                next_out += 1
            # Held-back results count against the window too: room is what was handed out.
            submit(limit - (submitted - next_out))
    finally:
        if live:
            client.cancel([f for _, f in live.values()])


def _chunks(it: Iterator[T], n: int) -> Iterator[list[T]]:
    while batch := list(itertools.islice(it, n)):
        yield batch


register("local", __name__, "local_map")
register("dask", __name__, "dask_map")
