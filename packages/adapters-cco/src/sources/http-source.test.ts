import { createHash } from "node:crypto"
import { createServer } from "node:http"
import type { IncomingHttpHeaders, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { CatalogSource } from "@csm/core"
import type { CatalogSourceError, CcoIndexEntry } from "@csm/core"
import { Effect, Result } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { HttpCatalogSource, MAX_DOWNLOADS } from "./http-source.ts"
import type { HttpCatalogSourceOptions } from "./http-source.ts"
import { INDEX_LIMIT } from "./source-files.ts"

const RELEASE = `<smuMetaData><creationDate>08/09/2016 02:10:05 PDT</creationDate>` +
  `<smu id="AA1" status="Posted"><name>asr9k-px-5.3.3.CSCva29114</name></smu></smuMetaData>`
const RELEASE_SHA = createHash("sha256").update(RELEASE).digest("hex")
const ENTRY: CcoIndexEntry = { platform: "asr9k_px", release: "5.3.3" }

/** What the test server saw. */
let requests: Array<{ readonly url: string; readonly headers: IncomingHttpHeaders }> = []
/** Requests of the `gate` area answered all at once when enough of them are waiting. */
let gate: { expected: number; answered: number; waiting: Array<ServerResponse>; open: number; maxOpen: number }
const hanging: Array<ServerResponse> = []

const answer = (response: ServerResponse, status: number, body = "", headers: Record<string, string> = {}) => {
  response.writeHead(status, headers)
  response.end(body)
}

const endless = (response: ServerResponse) => {
  response.writeHead(200)
  const chunk = Buffer.alloc(64 * 1024, "x")
  const write = () => {
    while (!response.destroyed && response.write(chunk)) { /* until the socket buffer is full */ }
  }
  response.on("drain", write)
  write()
}

/**
 * Holds the `gate` area's requests and answers them in batches: at once when every request still
 * expected is waiting (a client without a limit sends them all), else once MAX_DOWNLOADS wait and a
 * grace period let a fifth arrive if the client would send one. The absence of a fifth request
 * has no event to await; the grace only gives a faulty client time to show itself.
 */
const GRACE_MS = 100
const releaseGate = () => {
  for (const waiting of gate.waiting.splice(0)) {
    // Closed from the server's side here: the client's next request can only follow this answer.
    gate.open--
    gate.answered++
    answer(waiting, 200, RELEASE)
  }
}
const gated = (response: ServerResponse) => {
  gate.waiting.push(response)
  gate.open++
  gate.maxOpen = Math.max(gate.maxOpen, gate.open)
  if (gate.waiting.length === gate.expected - gate.answered) releaseGate()
  else if (gate.waiting.length === MAX_DOWNLOADS) setTimeout(releaseGate, GRACE_MS)
}

const server = createServer((request, response) => {
  const url = request.url ?? ""
  requests.push({ url, headers: request.headers })
  const [, area = "", file = ""] = /^\/([^/]+(?:\/\d+)?)\/(.*)$/.exec(url) ?? []
  const redirect = /^redirect\/(\d+)$/.exec(area)
  if (redirect !== null) {
    const left = Number(redirect[1])
    return left === 0 ? answer(response, 200, "redirected\n") : answer(response, 302, "", { location: `/redirect/${left - 1}/${file}` })
  }
  if (area === "gate") return gated(response)
  switch (`${area} ${file}`) {
    case "cco catalog.dat": return answer(response, 200, "asr9k_px_5.3.3\n")
    case "cco asr9k_px_5.3.3.xml": return answer(response, 200, RELEASE)
    case "cco asr9k_px_5.3.1.xml": return answer(response, 200, "<html><body>Sign in</body></html>")
    case "etag asr9k_px_5.3.3.xml":
      return request.headers["if-none-match"] === `"v1"`
        ? answer(response, 304)
        : answer(response, 200, RELEASE, { etag: `"v1"`, "last-modified": "Tue, 09 Aug 2016 09:10:05 GMT" })
    case "err catalog.dat": return answer(response, 500, "oops")
    case "unsolicited asr9k_px_5.3.3.xml": return answer(response, 304)
    case "big catalog.dat": return answer(response, 200, "x".repeat(INDEX_LIMIT + 1))
    case "exact catalog.dat": return answer(response, 200, "x".repeat(INDEX_LIMIT))
    case "endless asr9k_px_5.3.3.xml": return endless(response)
    case "away catalog.dat": return answer(response, 302, "", { location: "file:///etc/passwd" })
    case "hang catalog.dat": return void hanging.push(response)
    case "auth catalog.dat": return answer(response, 200, "authorized\n")
    default: return answer(response, 404, "not here")
  }
})

let origin = ""
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const response of hanging) response.destroy()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  requests = []
})

type Use<A> = (source: CatalogSource["Service"]) => Effect.Effect<A, CatalogSourceError>

const withSource = <A>(options: Partial<HttpCatalogSourceOptions>, use: Use<A>) =>
  Effect.flatMap(Effect.service(CatalogSource), use).pipe(
    Effect.provide(HttpCatalogSource.layer({ baseUrl: `${origin}/cco`, timeoutSeconds: 5, ...options }))
  )

const run = <A>(options: Partial<HttpCatalogSourceOptions>, use: Use<A>) => Effect.runPromise(Effect.result(withSource(options, use)))

const succeeded = async <A>(options: Partial<HttpCatalogSourceOptions>, use: Use<A>): Promise<A> => {
  const result = await run(options, use)
  if (Result.isFailure(result)) throw new Error(result.failure.message)
  return result.success
}

const failed = async <A>(options: Partial<HttpCatalogSourceOptions>, use: Use<A>): Promise<CatalogSourceError> => {
  const result = await run(options, use)
  if (Result.isSuccess(result)) throw new Error("expected a failure")
  return result.failure
}

const readIndex: Use<string> = (source) => source.readIndex
const readRelease = (known?: string, entry = ENTRY): Use<unknown> => (source) => source.readRelease(entry, known)

describe("HttpCatalogSource", () => {
  it.each(["/cco", "/cco/"])("GETs <base>/catalog.dat with the base written %s", async (path) => {
    expect(await succeeded({ baseUrl: `${origin}${path}` }, readIndex)).toBe("asr9k_px_5.3.3\n")
    expect(requests.map((r) => r.url)).toEqual(["/cco/catalog.dat"])
  })

  it("GETs and parses <base>/<platform>_<release>.xml, with the SHA-256 of its bytes", async () => {
    const read = await succeeded({}, (source) => source.readRelease(ENTRY, undefined))
    if (read._tag !== "Read") throw new Error("expected Read")
    expect(read.sha256).toBe(RELEASE_SHA)
    expect(read.release.entries.map((e) => e.id)).toEqual(["AA1"])
    expect(requests.map((r) => r.url)).toEqual(["/cco/asr9k_px_5.3.3.xml"])
  })

  it("answers Unchanged when the bytes have the known digest", async () => {
    expect(await succeeded({}, readRelease(RELEASE_SHA))).toEqual({ _tag: "Unchanged" })
  })

  it("rejects an HTML page", async () => {
    expect(await failed({}, readRelease(undefined, { platform: "asr9k_px", release: "5.3.1" }))).toMatchObject({
      reason: "rejected", message: "asr9k_px_5.3.1.xml is an HTML page, not an SMU meta file"
    })
  })

  it("fails notFound on 404 and unavailable on another status, naming file and URL", async () => {
    expect(await failed({}, readRelease(undefined, { platform: "asr9k_px", release: "9.9.9" }))).toMatchObject({
      reason: "notFound", message: `asr9k_px_9.9.9.xml: HTTP 404 from ${origin}/cco/asr9k_px_9.9.9.xml`
    })
    expect(await failed({ baseUrl: `${origin}/err` }, readIndex)).toMatchObject({
      reason: "unavailable", message: `catalog.dat: HTTP 500 from ${origin}/err/catalog.dat`
    })
    expect(await failed({ baseUrl: `${origin}/unsolicited` }, readRelease())).toMatchObject({
      reason: "unavailable", message: `asr9k_px_5.3.3.xml: HTTP 304 from ${origin}/unsolicited/asr9k_px_5.3.3.xml`
    })
  })

  it("follows up to 5 redirects and fails on the 6th", async () => {
    expect(await succeeded({ baseUrl: `${origin}/redirect/5` }, readIndex)).toBe("redirected\n")
    expect(requests).toHaveLength(6)
    expect(await failed({ baseUrl: `${origin}/redirect/6` }, readIndex)).toMatchObject({
      reason: "unavailable", message: `catalog.dat: more than 5 redirects from ${origin}/redirect/6/catalog.dat`
    })
  })

  it("follows no redirect to another scheme", async () => {
    expect(await failed({ baseUrl: `${origin}/away` }, readIndex)).toMatchObject({
      reason: "unavailable", message: "catalog.dat: refusing to fetch file:///etc/passwd"
    })
  })

  it("gives up on a server that never answers after the timeout", async () => {
    expect(await failed({ baseUrl: `${origin}/hang`, timeoutSeconds: 0.2 }, readIndex)).toMatchObject({
      reason: "unavailable", message: `catalog.dat: no complete answer within 0.2 s from ${origin}/hang/catalog.dat`
    })
  })

  it("fails unavailable when nothing listens", async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    expect(await failed({ baseUrl: `http://127.0.0.1:${port}/cco` }, readIndex)).toMatchObject({
      reason: "unavailable", message: `catalog.dat: cannot reach http://127.0.0.1:${port}/cco/catalog.dat (ECONNREFUSED)`
    })
  })

  it("reads a catalog.dat of exactly 1 MiB and refuses a larger one", async () => {
    expect((await succeeded({ baseUrl: `${origin}/exact` }, readIndex)).length).toBe(INDEX_LIMIT)
    expect(await failed({ baseUrl: `${origin}/big` }, readIndex)).toMatchObject({
      reason: "unavailable", message: `catalog.dat: larger than 1 MiB at ${origin}/big/catalog.dat`
    })
  })

  it("stops reading an endless release body at 32 MiB", async () => {
    expect(await failed({ baseUrl: `${origin}/endless` }, readRelease())).toMatchObject({
      reason: "unavailable", message: `asr9k_px_5.3.3.xml: larger than 32 MiB at ${origin}/endless/asr9k_px_5.3.3.xml`
    })
  })

  it("asks conditionally with the validators of the known copy and takes a 304 as Unchanged", async () => {
    const reads = await succeeded({ baseUrl: `${origin}/etag` }, (source) =>
      Effect.all([
        source.readRelease(ENTRY, undefined),
        source.readRelease(ENTRY, RELEASE_SHA),
        // Another known digest: the remembered validators are not those of that copy.
        source.readRelease(ENTRY, "0".repeat(64))
      ]))
    expect(reads.map((read) => read._tag)).toEqual(["Read", "Unchanged", "Read"])
    expect(requests.map((r) => [r.headers["if-none-match"], r.headers["if-modified-since"]])).toEqual([
      [undefined, undefined],
      [`"v1"`, "Tue, 09 Aug 2016 09:10:05 GMT"],
      [undefined, undefined]
    ])
  })

  it(`never has more than ${MAX_DOWNLOADS} downloads open at once`, async () => {
    const entries = Array.from({ length: 10 }, (_, i): CcoIndexEntry => ({ platform: "asr9k_px", release: `5.3.${i}` }))
    gate = { expected: entries.length, answered: 0, waiting: [], open: 0, maxOpen: 0 }
    // Every release file of the `gate` area is the same document.
    const reads = await succeeded({ baseUrl: `${origin}/gate` }, (source) =>
      Effect.forEach(entries, (entry) => source.readRelease(entry, undefined), { concurrency: "unbounded" }))
    expect(reads).toHaveLength(10)
    expect(gate.answered).toBe(10)
    expect(gate.maxOpen).toBe(MAX_DOWNLOADS)
  })

  it("keeps credentials out of describe and sends them as Basic authorization", async () => {
    const baseUrl = `http://reader:s%40cret@127.0.0.1:${new URL(origin).port}/auth`
    expect(await succeeded({ baseUrl }, (source) => Effect.succeed(source.describe))).toBe(`${origin}/auth/`)
    expect(await succeeded({ baseUrl }, readIndex)).toBe("authorized\n")
    expect(requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from("reader:s@cret").toString("base64")}`)
  })

  it("fails every read of a base that is no URL, without showing it", async () => {
    expect(await succeeded({ baseUrl: "http://" }, (source) => Effect.succeed(source.describe))).toBe("an invalid catalog URL")
    expect(await failed({ baseUrl: "http://" }, readIndex)).toMatchObject({
      reason: "unavailable", message: "catalog.dat: the catalog source is not a valid http or https URL"
    })
  })
})
