import { runBench } from "./run-bench.ts"
import { cleanUp, workloads } from "./workloads.ts"

/**
 * The SQLite store benchmark of STORE.md §5 (`npm run bench` in this package); see run-bench.ts
 * for what it measures and prints.
 */
await runBench("SQLite event store (WAL, synchronous=FULL)", workloads, "store-sqlite")
cleanUp()
