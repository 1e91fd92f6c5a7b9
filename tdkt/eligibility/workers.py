"""Sharing a large judgement between processes.

Reading a population's records, building the law engine's subjects and judging them is CPU work in
Python: one process uses one core however many the server has. A Sở-wide recompute therefore splits its
people into parts judged by forked processes, each reading through its own database connection, while
the parent judges the collectives; the parent then writes every result in one transaction, as before.

Forking is only done where it is safe and useful: on PostgreSQL (SQLite's test databases live in one
process's memory), outside any transaction (a forked process could not see uncommitted rows), with a
system that forks, and for populations large enough to repay starting the processes."""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import wait

from django.db import connection, connections

logger = logging.getLogger(__name__)
PROCESSES = max(1, min(4, os.cpu_count() or 1))  # a province's recompute gains little past four
PARALLEL_FROM = 4_000  # people from which their judgement is shared between processes


def can_share(people: int) -> bool:
    """Whether judging this many people is shared between processes here."""
    return (
        PROCESSES > 1
        and people >= PARALLEL_FROM
        and connection.vendor == "postgresql"
        and not connection.in_atomic_block
        and "fork" in multiprocessing.get_all_start_methods()
    )


def parts_of(items: list, count: int) -> list[list]:
    """`items` cut into `count` consecutive parts of (nearly) equal size, none empty."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    parts, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        parts.append(items[start:end])
        start = end
    return parts


class WorkerError(RuntimeError):
    """A process sharing the work failed (its traceback is logged); nothing was written."""


class Workers:
    """One forked process per part, each running `work(part, report)`; `report(n)` tells the parent that
    n more items are done. Used as a context manager: the processes start on entering, the parent keeps
    working and gathers their results with `results`, in the parts' order (an error in a process is
    raised in the parent, its traceback logged); leaving stops any process still running, so an error
    in the parent leaves none behind."""

    def __init__(self, work: Callable, parts: list[list]):
        self.work, self.parts = work, parts
        self.pipes: list = []
        self.processes: list = []

    def start(self) -> Workers:
        # No connection may be shared across the fork: each process opens its own when it first queries.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        try:
            for part in self.parts:
                receive, send = context.Pipe(duplex=False)
                self.pipes.append(receive)
                process = context.Process(target=self._run, args=(send, part), daemon=True)
                process.start()
                send.close()  # the parent only reads: EOF when the process ends
                self.processes.append(process)
        except BaseException:
            self.stop()  # no process is left running when another could not start
            raise
        return self

    def __enter__(self) -> Workers:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop the processes still running (none once `results` returned) and release the pipes."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()
        for pipe in self.pipes:
            pipe.close()

    def _run(self, send, part) -> None:  # in the forked process
        code = 0
        try:
            send.send(("done", self.work(part, lambda n: send.send(("progress", n)))))
        except BaseException as exc:
            send.send(("error", (f"{type(exc).__name__}: {exc}", traceback.format_exc())))
            code = 1
        finally:
            try:
                connections.close_all()
            finally:
                os._exit(code)  # no parent's exit handlers (test runners, servers) in the child

    def results(self, on_progress: Callable[[int], None] | None = None) -> list:
        found: list = [None] * len(self.parts)
        pending = {pipe: i for i, pipe in enumerate(self.pipes)}
        try:
            while pending:
                for pipe in wait(list(pending)):
                    i = pending[pipe]
                    try:
                        kind, value = pipe.recv()
                    except EOFError:
                        self.processes[i].join()
                        raise WorkerError(
                            f"Tiến trình xét điều kiện {i + 1} dừng giữa chừng "
                            f"(mã thoát {self.processes[i].exitcode})."
                        ) from None
                    if kind == "progress":
                        if on_progress:
                            on_progress(value)
                    elif kind == "error":
                        summary, details = value
                        logger.error("Process %s of %s failed:\n%s", i + 1, len(self.parts), details)
                        raise WorkerError(f"Tiến trình xét điều kiện {i + 1} gặp lỗi: {summary}")
                    else:
                        found[i] = value
                        del pending[pipe]
        finally:
            if pending:  # one failed: the others' work is of no use
                self.stop()
        for process in self.processes:
            process.join()  # each exits once its answer is sent
        return found
