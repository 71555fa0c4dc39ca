import { createHash } from "node:crypto"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CatalogSource } from "@csm/core"
import type { CatalogSourceError } from "@csm/core"
import { Effect, Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { DirectoryCatalogSource } from "./directory-source.ts"
import { INDEX_LIMIT } from "./source-files.ts"

const directory = mkdtempSync(join(tmpdir(), "cco-directory-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const RELEASE = `<smuMetaData><creationDate>08/09/2016 02:10:05 PDT</creationDate>` +
  `<smu id="AA1" status="Posted"><name>asr9k-px-5.3.3.CSCva29114</name></smu></smuMetaData>`
writeFileSync(join(directory, "catalog.dat"), "asr9k_px_5.3.3\n")
writeFileSync(join(directory, "asr9k_px_5.3.3.xml"), RELEASE)
writeFileSync(join(directory, "asr9k_px_5.3.2.xml"), "<smuMetaData><smu>")
writeFileSync(join(directory, "asr9k_px_5.3.1.xml"), "<html><body>Moved</body></html>")
mkdirSync(join(directory, "asr9k_px_6.0.0.xml"))

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")

const run = <A>(use: (source: CatalogSource["Service"]) => Effect.Effect<A, CatalogSourceError>, root = directory) =>
  Effect.runPromise(Effect.result(Effect.flatMap(Effect.service(CatalogSource), use).pipe(Effect.provide(DirectoryCatalogSource.layer(root)))))

const failure = async <A>(use: (source: CatalogSource["Service"]) => Effect.Effect<A, CatalogSourceError>, root = directory) => {
  const result = await run(use, root)
  if (Result.isSuccess(result)) throw new Error("expected a failure")
  return result.failure
}

const release = (platform: string, version: string, known?: string) =>
  (source: CatalogSource["Service"]) => source.readRelease({ platform, release: version }, known)

describe("DirectoryCatalogSource", () => {
  it("describes itself by its absolute directory", async () => {
    expect(await run((source) => Effect.succeed(source.describe))).toEqual(Result.succeed(`directory ${directory}`))
  })

  it("reads catalog.dat", async () => {
    expect(await run((source) => source.readIndex)).toEqual(Result.succeed("asr9k_px_5.3.3\n"))
  })

  it("reads and parses a release file, with the SHA-256 of its bytes", async () => {
    const result = await run(release("asr9k_px", "5.3.3"))
    if (Result.isFailure(result)) throw new Error(result.failure.message)
    if (result.success._tag !== "Read") throw new Error("expected Read")
    expect(result.success.sha256).toBe(sha256(RELEASE))
    expect(result.success.release.creationDate).toBe("08/09/2016 02:10:05 PDT")
    expect(result.success.release.entries.map((e) => e.name)).toEqual(["asr9k-px-5.3.3.CSCva29114"])
  })

  it("answers Unchanged for the known digest, without parsing", async () => {
    expect(await run(release("asr9k_px", "5.3.3", sha256(RELEASE)))).toEqual(Result.succeed({ _tag: "Unchanged" }))
    // A malformed file with the known digest is not even parsed.
    expect(await run(release("asr9k_px", "5.3.2", sha256("<smuMetaData><smu>")))).toEqual(Result.succeed({ _tag: "Unchanged" }))
  })

  it("reads again when the digest differs", async () => {
    const result = await run(release("asr9k_px", "5.3.3", sha256("older")))
    expect(Result.isSuccess(result) && result.success._tag).toBe("Read")
  })

  it("fails notFound for a missing file", async () => {
    expect(await failure(release("asr9k_px", "9.9.9"))).toMatchObject({
      reason: "notFound", message: `asr9k_px_9.9.9.xml: not found in ${directory}`
    })
    const empty = mkdtempSync(join(tmpdir(), "cco-empty-"))
    try {
      expect(await failure((source) => source.readIndex, empty)).toMatchObject({ reason: "notFound", message: `catalog.dat: not found in ${empty}` })
    } finally {
      rmSync(empty, { recursive: true })
    }
  })

  it("rejects a malformed file and an HTML page, naming the file", async () => {
    const malformed = await failure(release("asr9k_px", "5.3.2"))
    expect(malformed.reason).toBe("rejected")
    expect(malformed.message).toMatch(/^asr9k_px_5\.3\.2\.xml is not well-formed XML/)
    expect(await failure(release("asr9k_px", "5.3.1"))).toMatchObject({
      reason: "rejected", message: "asr9k_px_5.3.1.xml is an HTML page, not an SMU meta file"
    })
  })

  it("fails unavailable when the file cannot be read", async () => {
    const error = await failure(release("asr9k_px", "6.0.0"))
    expect(error.reason).toBe("unavailable")
    expect(error.message).toContain("asr9k_px_6.0.0.xml: cannot be read from")
  })

  it.each([
    ["../asr9k_px", "5.3.3"],
    ["asr9k_px", "5.3.3/../../x"],
    ["ASR9K", "5.3.3"],
    ["asr9k_px", "5.3"]
  ])("refuses to build a file name from %s %s", async (platform, version) => {
    const error = await failure(release(platform, version))
    expect(error.reason).toBe("unavailable")
    expect(error.message).toContain("refusing to read")
  })

  it("reads catalog.dat of exactly 1 MiB and refuses a larger one", async () => {
    const root = mkdtempSync(join(tmpdir(), "cco-large-"))
    try {
      writeFileSync(join(root, "catalog.dat"), "x".repeat(INDEX_LIMIT))
      const read = await run((source) => source.readIndex, root)
      expect(Result.isSuccess(read) && read.success.length).toBe(INDEX_LIMIT)
      writeFileSync(join(root, "catalog.dat"), "x".repeat(INDEX_LIMIT + 1))
      expect(await failure((source) => source.readIndex, root)).toMatchObject({
        reason: "unavailable", message: `catalog.dat: larger than 1 MiB in ${root}`
      })
    } finally {
      rmSync(root, { recursive: true })
    }
  })
})
