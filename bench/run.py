"""`make bench`: runs the build benchmark (bench.bench); `python bench/run.py --help` lists the options."""

from __future__ import annotations

import sys

from bench.bench import main

if __name__ == "__main__":
    sys.exit(main())
