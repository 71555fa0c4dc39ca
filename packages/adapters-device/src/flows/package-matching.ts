import type { DeviceOs } from "./package-names.ts"
import { isValidPackage, namesSamePackage, packageIdentity } from "./package-names.ts"

/**
 * Which of the device's internal names an action sends (DEVICE.md §4 "Matching"). The lists are
 * the device's own names (`disk0:` included on classic; merged XR and admin VM on eXR).
 */
export type Match =
  | { readonly _tag: "Send"; readonly names: ReadonlyArray<string> }
  | { readonly _tag: "Nothing"; readonly message: string }
  | { readonly _tag: "Refused"; readonly message: string }

const equalTo = (names: ReadonlyArray<string>, os: DeviceOs) => (entry: string): boolean =>
  names.some((name) => namesSamePackage(entry, name, os))

export const matchActivate = (
  requested: ReadonlyArray<string>,
  lists: { readonly active: ReadonlyArray<string>; readonly inactive: ReadonlyArray<string> },
  os: DeviceOs
): Match => {
  const remaining = requested
    .filter((name) => isValidPackage(packageIdentity(name, os)))
    .filter((name) => !lists.active.some((active) => namesSamePackage(active, name, os)))
  if (remaining.length === 0) return { _tag: "Nothing", message: "Nothing to be activated." }
  const names = lists.inactive.filter(equalTo(remaining, os))
  return names.length === 0
    ? { _tag: "Refused", message: "To be activated packages not in inactive packages list." }
    : { _tag: "Send", names }
}

export const matchDeactivate = (requested: ReadonlyArray<string>, active: ReadonlyArray<string>, os: DeviceOs): Match => {
  const names = active.filter(equalTo(requested, os))
  return names.length === 0
    ? { _tag: "Refused", message: "To be deactivated packages not in active packages list." }
    : { _tag: "Send", names }
}

/** Nothing left to remove is a warning, and the job completes. */
export const matchRemove = (requested: ReadonlyArray<string>, inactive: ReadonlyArray<string>, os: DeviceOs): Match => {
  const names = inactive.filter(equalTo(requested, os))
  return names.length === 0
    ? { _tag: "Nothing", message: "Packages already removed. Nothing to be removed" }
    : { _tag: "Send", names }
}
