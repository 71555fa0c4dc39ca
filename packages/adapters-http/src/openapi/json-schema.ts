import { Password } from "@csm/core"
import type { RowSpec } from "@csm/core"
import { Schema } from "effect"

export type JsonSchema = Readonly<Record<string, unknown>>

/** The JSON Schema of a value as the wire gives it. */
export const jsonSchema = (schema: Schema.Top): JsonSchema => finiteOnly(Schema.toJsonSchemaDocument(schema).schema)

// JSON bodies hold finite numbers only: the spellings of the others, which Schema's JSON codec adds to
// every number, would only mislead.
const nonFinite = JSON.stringify({ type: "string", enum: ["Infinity", "-Infinity", "NaN"] })
const finiteOnly = <A>(value: A): A =>
  Array.isArray(value)
    ? value.filter((item) => JSON.stringify(item) !== nonFinite).map(finiteOnly) as A
    : typeof value === "object" && value !== null
    ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, finiteOnly(item)])) as A
    : value

/**
 * One value as the wire gives it. Where the wire form is a plain string, the validated form says
 * more (lengths, patterns), so that one is shown.
 */
export const fieldSchema = (schema: Schema.Top): JsonSchema => {
  const wire = jsonSchema(schema)
  return Object.keys(wire).length === 1 && wire["type"] === "string" ? jsonSchema(Schema.toType(schema)) : wire
}

/** The schemas of the keys `names` picks from `decoders`, in the order of `names`. */
export const propertiesOf = (
  decoders: Readonly<Record<string, Schema.Top>>,
  names: ReadonlyArray<string> = Object.keys(decoders)
): Record<string, JsonSchema> =>
  Object.fromEntries(names.flatMap((name) => {
    const decoder = decoders[name]
    return decoder === undefined ? [] : [[name, fieldSchema(decoder)]]
  }))

/**
 * One row of a bulk upsert, from the spec its validator reads rows with. Only the name is always
 * required; the others are required when the row creates its entry.
 */
export const rowSchema = <F, S extends string>(spec: RowSpec<F, S>, description?: string): JsonSchema => {
  const inputs: Readonly<Record<string, Schema.Top>> = spec.inputs
  const createKeys = [spec.nameKey, ...spec.required].join(", ")
  return {
    type: "object",
    properties: {
      [spec.nameKey]: fieldSchema(spec.name),
      ...propertiesOf(inputs),
      ...Object.fromEntries(spec.secrets.map((key) => [key, { ...fieldSchema(Password), writeOnly: true }]))
    },
    required: [spec.nameKey],
    additionalProperties: false,
    description: [`Required when the row creates its entry: ${createKeys}.`, description].filter(Boolean).join(" ")
  }
}
