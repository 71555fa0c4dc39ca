/**
 * Event-store adapters for the core's `EventStore` port (STORE.md §3). Each is also a subpath of
 * its own (`@csm/adapters-store/sqlite`, `/postgres`, `/kurrentdb`), so that a program loads only
 * the database client it uses.
 */
export * from "./kurrentdb/index.ts"
export * from "./postgres/index.ts"
export * from "./sqlite/index.ts"
