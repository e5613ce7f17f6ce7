"""Measuring a process tree: peak memory (RSS and PSS summed over the process and every
descendant, e.g. forkserver and pool workers) and CPU seconds, sampled from /proc."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    result, todo = [], [pid]
    while todo:
        current = todo.pop()
        result.append(current)
        todo.extend(_children(current))
    return result


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes; PSS shares pages between the processes that map them."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


@dataclass
class Sampler:
    """Samples the tree rooted at this process every `interval` seconds while running."""

    interval: float = 0.2
    peak_rss: int = 0
    peak_pss: int = 0
    peak_single_rss: int = 0
    processes: int = 0
    cpu: dict[int, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> "Sampler":
        self._start_cpu = {pid: _cpu(pid) for pid in tree(os.getpid())}
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        pids = tree(os.getpid())
        memory = [_memory(pid) for pid in pids]
        self.peak_rss = max(self.peak_rss, sum(r for r, _ in memory))
        self.peak_pss = max(self.peak_pss, sum(p for _, p in memory))
        self.peak_single_rss = max([self.peak_single_rss] + [r for r, _ in memory])
        self.processes = max(self.processes, len(pids))
        for pid in pids:
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu(pid))

    @property
    def cpu_seconds(self) -> float:
        """CPU seconds used by the tree while sampled (processes gone between samples are missed
        for their last interval)."""
        return sum(value - self._start_cpu.get(pid, 0.0) for pid, value in self.cpu.items())


def load_average() -> float:
    """The 1-minute load average: other work on the machine skews wall-clock numbers."""
    return os.getloadavg()[0]


class Timer:
    """Wall-clock seconds of a with-block."""

    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.start
