import { Redacted, Result, Schema, SchemaGetter, SchemaIssue } from "effect"
import { Rejected } from "./rejected.ts"

/**
 * Schemas of the names and values that the API accepts, with the guide's "Length" limits.
 * Each decodes a raw JSON value. Their messages are predicates ("must ..."): `decodeField`
 * completes them with the key the user wrote, since one schema serves several keys
 * (a jump host's name is `hostname` on /jump_hosts and `jump_host` on /hosts).
 */

// Trimmed and composed (NFC), so that names that look equal are equal.
const tidy = (s: string): string => s.trim().normalize("NFC")

/**
 * The identity of a name: names keep their case, but "R1" and "r1" are the same host. Tidied
 * too, so that a name from a URL path finds its entry as the validated row stored it.
 */
export const nameKey = (name: string): string => tidy(name).toLowerCase()

/** Orders named things as lists show them: by name key, in code point order. */
export const byName = (a: { readonly name: string }, b: { readonly name: string }): number => {
  const [x, y] = [nameKey(a.name), nameKey(b.name)]
  return x < y ? -1 : x > y ? 1 : 0
}

/** Decodes one value of a row; a failure is the sentence `'<key>' <predicate>.` */
export const decodeField = <T>(key: string, schema: Schema.Decoder<T>, value: unknown): Result.Result<T, Rejected> =>
  Result.mapError(
    Schema.decodeUnknownResult(schema)(value),
    (error) => new Rejected({ message: `'${key}' ${firstMessage(error.issue)}.` })
  )

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()
const firstMessage = (issue: SchemaIssue.Issue): string => formatter(issue).issues[0]?.message ?? "is invalid"

const rule = (ok: (value: string) => boolean, message: string) =>
  Schema.makeFilter<string>((value) => ok(value) || message)

// Anything that does not print as itself: control and format characters, and separators other
// than the plain space (a no-break space or a line separator would make two names look equal).
const unprintable = /(?=[\p{C}\p{Z}])[^ ]/u
const printable = rule((s) => !unprintable.test(s), "must not contain control characters")
const maxLength = (max: number) => Schema.isMaxLength(max, { message: `must be at most ${max} characters` })
const nonEmpty = Schema.isNonEmpty({ message: "must not be empty" })

const jsonString = Schema.String.annotate({ message: "must be a string" })

// These schemas only ever decode requests, so their transformations have no way back.
const into = <From extends Schema.Top, To extends Schema.Top>(
  from: From,
  to: To,
  decode: (value: From["Type"]) => To["Encoded"]
) => from.pipe(Schema.decodeTo(to, { decode: SchemaGetter.transform(decode), encode: SchemaGetter.forbiddenEncoding }))

const tidied = into(jsonString, Schema.String, tidy)

/** Free text (a location, a full name, a path): trimmed, printable, at most `max` characters. */
export const Text = (max: number) => tidied.check(printable, maxLength(max))

/** A name: trimmed, printable, not empty, no `/` (names travel in URL paths), at most `max` characters. */
export const Name = (max: number) =>
  tidied.check(nonEmpty, printable, rule((s) => !s.includes("/"), "must not contain '/'"), maxLength(max))

// Characters with a meaning to a file system or a shell or device CLI; a hostname names log
// files and may reach a device session, so it must be inert in both.
const unsafeInHostname = /[\\:*?"<>|;&$`']/
const safeHostname = Schema.makeFilter<string>((s) => {
  const unsafe = unsafeInHostname.exec(s)?.[0]
  if (unsafe !== undefined) return `must not contain '${unsafe}', which is unsafe in a file name or a device command`
  return !/^[-.]/.test(s) || "must not start with '-' or '.', which is unsafe in a file name or a device command"
})

export const Hostname = Name(50).check(safeHostname)
export const RegionName = Name(100)
export const JumpHostName = Name(100)
export const ServerRepositoryName = Name(100)
export const CommandProfileName = Name(100)
/** A CSM user's name; no `:`, which HTTP Basic credentials use as the separator. */
export const UserName = Name(50).check(rule((s) => !s.includes(":"), "must not contain ':'"))

/** A host name or IP address to connect to. */
const address = rule((s) => !/[\s\p{C}]/u.test(s), "must not contain spaces or control characters")
export const Address = tidied.check(nonEmpty, address, maxLength(100))

/** A device or repository login name. */
export const Username = Text(50)

/**
 * A password in plain text, as received; the caller seals or hashes it at once. Neither trimmed
 * nor held to `printable`: only control characters, which could end a line in a device session, are refused.
 */
export const Password = into(
  jsonString.check(nonEmpty, rule((s) => !/\p{Cc}/u.test(s), "must not contain control characters"), maxLength(50)),
  Schema.Redacted(Schema.String),
  (s) => Redacted.make(s)
)

export const ConnectionType = Schema.Literals(["telnet", "ssh"]).annotate({ message: `must be "telnet" or "ssh"` })
export type ConnectionType = typeof ConnectionType.Type

/**
 * A comma delimited string or a list of strings, as a list of trimmed, non-empty items;
 * `max` bounds the comma-joined form, which is how the API shows it.
 */
export const CommaList = (item: Schema.Decoder<string>, max = Infinity) =>
  into(
    Schema.Union([jsonString, Schema.Array(jsonString)])
      .annotate({ message: "must be a comma delimited string or a list of strings" }),
    Schema.Array(item).check(Schema.makeFilter((items) => items.join(",").length <= max || `must be at most ${max} characters`)),
    splitItems
  )

const splitItems = (value: string | ReadonlyArray<string>): ReadonlyArray<string> =>
  (typeof value === "string" ? value.split(",") : value).map(tidy).filter((item) => item !== "")

export const Roles = CommaList(Schema.String.check(printable), 100)
/** Active and standby addresses. */
export const TsOrIp = CommaList(Schema.String.check(address), 100).check(
  Schema.makeFilter((items) => items.length > 0 || "must not be empty")
)

const portMessage = "must be a port number from 1 to 65535"
const Port = Schema.Number.check(
  Schema.isInt({ message: portMessage }),
  Schema.isBetween({ minimum: 1, maximum: 65535 }, { message: portMessage })
)
const portItem = Schema.Union([Schema.Number, Schema.String])
const toPort = (item: number | string): number =>
  typeof item === "number" ? item : /^\s*\d+\s*$/.test(item) ? Number(item) : Number.NaN

/** One port number, as a number or a numeric string. */
export const PortNumber = into(portItem.annotate({ message: portMessage }), Port, toPort)

/** Port numbers (active and standby): comma delimited, or a list of numbers or numeric strings. */
export const PortNumbers = into(
  Schema.Union([portItem, Schema.Array(portItem)])
    .annotate({ message: `${portMessage}, or a comma delimited list or a list of them` }),
  Schema.Array(Port),
  (value) =>
    (typeof value === "number" ? [value] : typeof value === "string" ? value.split(",").filter((s) => s.trim() !== "") : value)
      .map(toPort)
)
