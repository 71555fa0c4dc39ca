import type { SchemaAST } from "effect"

/**
 * Whether a Schema's stored (encoded) form is its decoded form: no transformation anywhere in it,
 * only checks. Data of such a type, once `encode` validated it, reads back as itself, which lets
 * a replay skip the Schema (see `EventCodec.replay`).
 */
export const storesAsIs = (ast: SchemaAST.AST): boolean => {
  if (ast.encoding !== undefined) return false
  switch (ast._tag) {
    case "Objects":
      return ast.propertySignatures.every((property) => storesAsIs(property.type)) &&
        ast.indexSignatures.every((index) => storesAsIs(index.type))
    case "Arrays":
      return ast.elements.every(storesAsIs) && ast.rest.every(storesAsIs)
    case "Union":
      return ast.types.every(storesAsIs)
    // A declaration (a class, Redacted, ...) or a recursive schema may transform: decode those.
    case "Declaration":
    case "Suspend":
      return false
    default:
      return true
  }
}
