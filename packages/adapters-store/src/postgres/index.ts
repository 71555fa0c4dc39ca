/** The PostgreSQL event store (STORE.md §3.2), also importable alone as `@csm/adapters-store/postgres`. */
export { PostgresEventStore } from "./postgres-event-store.ts"
export type { PostgresEventStoreOptions } from "./postgres-event-store.ts"
