import type { Save } from "../shared/upsert.ts"

/** Create or update an entry (a validated row; its password already sealed). */
export interface SaveEntry<F> extends Save<F, "password"> {
  readonly _tag: "SaveEntry"
}

/** Who still refers to an entry, as the application found in the read models. */
export interface Referrers {
  readonly kind: "host" | "region" | "install job"
  readonly names: ReadonlyArray<string>
}

export interface DeleteEntry {
  readonly _tag: "DeleteEntry"
  readonly name: string
  readonly usedBy: ReadonlyArray<Referrers>
  readonly time: string
  readonly by: string
}

export type DirectoryCommand<F> = SaveEntry<F> | DeleteEntry
