/**
 * What a validator needs to know of another aggregate's names, supplied by the application from
 * a read model: the stored spelling of a name (names match case-insensitively), if it exists.
 */
export interface NameLookup {
  readonly canonical: (name: string) => string | undefined
}
