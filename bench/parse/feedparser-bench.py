# Times Python feedparser over the real-world corpus: the same documents, read into memory first.
#   /usr/bin/python3 bench/parse/feedparser-bench.py FILE_LIST ROUNDS
# Prints one JSON line: {"bytes": N, "seconds": best round}.
import json
import sys
import time

import feedparser

paths = [line.strip() for line in open(sys.argv[1]) if line.strip()]
rounds = int(sys.argv[2])
bodies = [open(path, 'rb').read() for path in paths]
best = None
for _ in range(rounds):
    started = time.perf_counter()
    for body in bodies:
        feedparser.parse(body)
    elapsed = time.perf_counter() - started
    best = elapsed if best is None else min(best, elapsed)
print(json.dumps({'bytes': sum(len(body) for body in bodies), 'seconds': best}))
