import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { sampleFiles } from "./sample-files.ts"

/** Writes the sample catalog's files into `directory` (created if missing); returns the names written. */
export const writeSampleCatalog = (directory: string): ReadonlyArray<string> => {
  mkdirSync(directory, { recursive: true })
  return sampleFiles().map(({ file, text }) => {
    writeFileSync(join(directory, file), text, "utf8")
    return file
  })
}
