/** The KurrentDB event store (STORE.md §3.3), also importable alone as `@csm/adapters-store/kurrentdb`. */
export { kurrentHosts } from "./connection-name.ts"
export { KurrentEventStore } from "./kurrentdb-event-store.ts"
export type { KurrentEventStoreOptions } from "./kurrentdb-event-store.ts"
