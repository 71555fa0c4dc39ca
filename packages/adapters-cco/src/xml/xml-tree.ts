import { XMLParser, XMLValidator } from "fast-xml-parser"
import { Result } from "effect"

/**
 * A well-formed XML document as a plain tree, in document order, every value a string.
 * fast-xml-parser does the reading; this file pins its options and turns its ordered output
 * into elements the catalog code can walk without knowing the library.
 */
export interface XmlElement {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: ReadonlyArray<XmlElement>
  /** The element's own text (text and CDATA, not that of child elements), trimmed. */
  readonly text: string
}

const TEXT = "#text"
const ATTRIBUTES = ":@"

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities declared in a DOCTYPE may not reference other entities, and their count, size and
  // total expansion are capped (the library's defaults), so no entity bomb can grow. External
  // entities are refused and nothing is ever fetched.
  processEntities: true,
  // Needed for numeric references (`&#233;`); it also decodes HTML names such as `&nbsp;`.
  htmlEntities: true
})

/** One node of fast-xml-parser's ordered output: `{ tag: children, ":@": attributes }` or `{ "#text": text }`. */
type OrderedNode = Readonly<Record<string, unknown>>

const isRecord = (value: unknown): value is OrderedNode => typeof value === "object" && value !== null && !Array.isArray(value)

const nodesOf = (value: unknown): ReadonlyArray<OrderedNode> => Array.isArray(value) ? value.filter(isRecord) : []

const attributesOf = (node: OrderedNode): Record<string, string> => {
  const raw = node[ATTRIBUTES]
  if (!isRecord(raw)) return {}
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, String(value)]))
}

const toElement = (node: OrderedNode): XmlElement | undefined => {
  const name = Object.keys(node).find((key) => key !== ATTRIBUTES && key !== TEXT)
  if (name === undefined || name.startsWith("?")) return undefined
  const content = nodesOf(node[name])
  return {
    name,
    attributes: attributesOf(node),
    children: content.flatMap((child) => toElement(child) ?? []),
    text: content.map((child) => child[TEXT] === undefined ? "" : String(child[TEXT])).join("").trim()
  }
}

/** The root element, or why the text is not a well-formed document. */
export const parseXml = (text: string): Result.Result<XmlElement, string> => {
  const valid = XMLValidator.validate(text)
  if (valid !== true) return Result.fail(`${valid.err.msg} (line ${valid.err.line})`)
  let nodes: ReadonlyArray<OrderedNode>
  try {
    nodes = nodesOf(parser.parse(text))
  } catch (cause) {
    // Entity limits, nesting depth, a malformed DOCTYPE: the library throws instead of validating.
    return Result.fail(cause instanceof Error ? cause.message : String(cause))
  }
  const roots = nodes.flatMap((node) => toElement(node) ?? [])
  const [root] = roots
  if (root === undefined) return Result.fail("no root element")
  if (roots.length > 1) return Result.fail(`more than one root element (${roots.map((r) => r.name).join(", ")})`)
  return Result.succeed(root)
}
