/** Helpers for the tests of the core and of its adapters: the store contract suite, given/when/then. */
export * from "./check.ts"
export * from "./decider-spec.ts"
export * from "./install-fixtures.ts"
export * from "./store-contract.ts"
export * from "./embedded-domain.ts"
export * from "./cco-sample-release.ts"
