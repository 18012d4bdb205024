"""The machine a benchmark ran on, for the results files in benchmarks/."""

import os
import platform


def machine():
    memory_kb = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    return f"{os.cpu_count()} cores, {memory_kb / 1024 / 1024:.1f} GiB RAM, {platform.platform()}"
