import { postgresWorkloads } from "./postgres-workloads.ts"
import { runBench } from "./run-bench.ts"

/**
 * The PostgreSQL store benchmark of STORE.md §5 (`node dist/bench/postgres-bench.js`), on the
 * server of `CSM_BENCH_POSTGRES` or else `CSM_TEST_POSTGRES`; see run-bench.ts for what it
 * measures and prints.
 */
const url = process.env.CSM_BENCH_POSTGRES ?? process.env.CSM_TEST_POSTGRES
if (url === undefined) {
  console.error("Set CSM_BENCH_POSTGRES (or CSM_TEST_POSTGRES) to postgres://user:password@host:port/database.")
  process.exitCode = 2
} else {
  const { cleanUp, workloads } = postgresWorkloads(url)
  try {
    await runBench("PostgreSQL event store (one round trip per append)", workloads, "store-postgres")
  } finally {
    await cleanUp()
  }
}
