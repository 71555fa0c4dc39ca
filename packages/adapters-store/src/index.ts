/** Event-store adapters for the core's `EventStore` port (STORE.md §3). */
export { SqliteEventStore } from "./sqlite/sqlite-event-store.ts"
export type { SqliteEventStoreOptions } from "./sqlite/sqlite-event-store.ts"
export { PostgresEventStore } from "./postgres/postgres-event-store.ts"
export type { PostgresEventStoreOptions } from "./postgres/postgres-event-store.ts"
export { KurrentEventStore } from "./kurrentdb/kurrentdb-event-store.ts"
export type { KurrentEventStoreOptions } from "./kurrentdb/kurrentdb-event-store.ts"
export { kurrentHosts } from "./kurrentdb/connection-name.ts"
