/** The SQLite event store (STORE.md §3.1), also importable alone as `@csm/adapters-store/sqlite`. */
export { SqliteEventStore } from "./sqlite-event-store.ts"
export type { SqliteEventStoreOptions } from "./sqlite-event-store.ts"
