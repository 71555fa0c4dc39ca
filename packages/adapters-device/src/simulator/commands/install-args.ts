import type { InstallAction } from "../faults.ts"
import { matchesPattern } from "../faults.ts"
import type { RouterRuntime } from "../runtime.ts"

/**
 * The package arguments of activate/deactivate/remove: names, or `id <N>` for the packages of a
 * completed Add (DEVICE.md §4 tar files). Option words are not names.
 */
const optionWords = new Set(["async", "parallel-reload", "synchronous", "pkg"])

export type PackageArgs =
  | { readonly kind: "names"; readonly names: ReadonlyArray<string> }
  | { readonly kind: "unknownId"; readonly id: string }

export const packageArgs = (router: RouterRuntime, text: string): PackageArgs => {
  const words = text
    .replace(/\bprompt-level \S+/g, "")
    .split(" ")
    .filter((word) => word !== "" && !optionWords.has(word))
  if (words[0] === "id") {
    const op = router.install.operation(Number(words[1]))
    return op !== undefined && op.action === "add" && op.state === "completed"
      ? { kind: "names", names: op.packages }
      : { kind: "unknownId", id: words[1] ?? "" }
  }
  return { kind: "names", names: words }
}

/** Names of `names` not found in the list (`find` gives the device's spelling). */
export const partition = (
  names: ReadonlyArray<string>,
  find: (name: string) => string | undefined
): { readonly found: ReadonlyArray<string>; readonly missing: ReadonlyArray<string> } => ({
  found: names.flatMap((name) => {
    const listed = find(name)
    return listed === undefined ? [] : [listed]
  }),
  missing: names.filter((name) => find(name) === undefined)
})

/** `failOperation` applies to this action and command line. */
export const plannedFault = (
  router: RouterRuntime,
  action: InstallAction,
  line: string
): { readonly mode: "refuse" | "fail" | "abort"; readonly errorLines: ReadonlyArray<string> } | undefined => {
  const fault = router.faults().failOperation
  if (fault === undefined || fault.action !== action) return undefined
  if (fault.match !== undefined && !matchesPattern(fault.match, line)) return undefined
  return { mode: fault.mode, errorLines: fault.errorLines ?? [`Simulated failure of the install ${action} operation.`] }
}
