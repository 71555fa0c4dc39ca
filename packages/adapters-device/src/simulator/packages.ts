import type { Flavour, SimPackages, SimPackageSet, SimRepositoryFile } from "./config.ts"

/**
 * The router's package lists (DEVICE.md §5, §9.3): one set on classic XR, one per VM on eXR
 * (the admin VM holds the `sysadmin` packages). Names are the device's internal names.
 */
export type Vm = "xr" | "admin"
export type ListName = "active" | "inactive" | "committed"

interface MutableSet {
  active: Array<string>
  inactive: Array<string>
  committed: Array<string>
}

export interface PackageStore {
  readonly list: (vm: Vm, list: ListName) => ReadonlyArray<string>
  readonly version: () => string
  /** The name as listed in `list` (classic names may be given without `disk0:`), or undefined. */
  readonly find: (list: ListName, name: string) => string | undefined
  /** What a file added from a repository becomes (known after the Add, or from the repositories). */
  readonly remember: (spec: SimRepositoryFile) => void
  readonly specOf: (name: string) => SimRepositoryFile | undefined
  readonly add: (names: ReadonlyArray<string>) => void
  readonly activate: (names: ReadonlyArray<string>) => void
  readonly deactivate: (names: ReadonlyArray<string>) => void
  readonly remove: (names: ReadonlyArray<string>) => void
  readonly commit: () => void
}

const copySet = (set: SimPackageSet): MutableSet => ({
  active: [...set.active],
  inactive: [...set.inactive],
  committed: [...set.committed]
})

const without = (names: ReadonlyArray<string>, gone: string): Array<string> => names.filter((name) => name !== gone)
const withName = (names: ReadonlyArray<string>, added: string): Array<string> =>
  names.includes(added) ? [...names] : [...names, added]

export const makePackageStore = (
  flavour: Flavour,
  initial: Required<SimPackages>,
  initialVersion: string,
  knownFiles: ReadonlyArray<SimRepositoryFile>
): PackageStore => {
  const sets: Record<Vm, MutableSet> = { xr: copySet(initial.xr), admin: copySet(initial.admin) }
  const vms: ReadonlyArray<Vm> = flavour === "exr" ? ["xr", "admin"] : ["xr"]
  const specs = new Map<string, SimRepositoryFile>()
  let version = initialVersion

  const remember = (spec: SimRepositoryFile): void => {
    for (const name of spec.internalNames) specs.set(name, spec)
  }
  knownFiles.forEach(remember)

  const vmOf = (name: string): Vm => (flavour === "exr" && name.includes("sysadmin") ? "admin" : "xr")
  const candidates = (name: string): ReadonlyArray<string> =>
    flavour === "xr" && !name.startsWith("disk0:") ? [name, `disk0:${name}`] : [name]
  const locate = (list: ListName, name: string): { vm: Vm; name: string } | undefined => {
    for (const vm of vms) {
      const found = candidates(name).find((candidate) => sets[vm][list].includes(candidate))
      if (found !== undefined) return { vm, name: found }
    }
    return undefined
  }
  const move = (name: string, from: ListName, to: ListName): void => {
    const place = locate(from, name)
    if (place === undefined) return
    sets[place.vm][from] = without(sets[place.vm][from], place.name)
    sets[place.vm][to] = withName(sets[place.vm][to], place.name)
  }

  const activateOne = (name: string): void => {
    const place = locate("inactive", name)
    if (place === undefined) return
    const spec = specs.get(place.name)
    const targets = spec?.activates ?? [place.name]
    sets[place.vm].inactive = without(sets[place.vm].inactive, place.name)
    if (spec?.version !== undefined) {
      // A new release (an eXR ISO) replaces the whole active set of each VM it brings images for.
      for (const vm of vms) {
        const mine = targets.filter((target) => vmOf(target) === vm)
        if (mine.length > 0) sets[vm].active = [...mine]
      }
      version = spec.version
      return
    }
    for (const target of targets) sets[vmOf(target)].active = withName(sets[vmOf(target)].active, target)
  }

  return {
    list: (vm, list) => sets[vm][list],
    version: () => version,
    find: (list, name) => locate(list, name)?.name,
    remember,
    specOf: (name) => specs.get(name) ?? specs.get(`disk0:${name}`),
    add: (names) => {
      for (const name of names) {
        const vm = vmOf(name)
        if (!sets[vm].active.includes(name)) sets[vm].inactive = withName(sets[vm].inactive, name)
      }
    },
    activate: (names) => names.forEach(activateOne),
    deactivate: (names) => names.forEach((name) => move(name, "active", "inactive")),
    remove: (names) => {
      for (const name of names) {
        const place = locate("inactive", name)
        if (place !== undefined) sets[place.vm].inactive = without(sets[place.vm].inactive, place.name)
      }
    },
    commit: () => {
      for (const vm of vms) sets[vm].committed = [...sets[vm].active]
    }
  }
}
