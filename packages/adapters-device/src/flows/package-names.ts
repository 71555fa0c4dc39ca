/**
 * Package names (DEVICE.md §4): what a name says (platform, type, version, SMU, SP, subversion),
 * which names denote the same package, and which characters may be typed into a router CLI.
 * Classic XR and eXR name their packages differently, so every rule takes the device's OS.
 */
export type DeviceOs = "XR" | "eXR"

export interface PackageIdentity {
  readonly platform?: string
  readonly type?: string
  readonly version?: string
  readonly smu?: string
  readonly sp?: string
  readonly subversion?: string
}

const classicPlatform = /(asr9k|c12k|hfr)-/
const classicTypes = [
  "mini", "mcast", "mgbl", "mpls", "k9sec", "diags", "fpd", "doc", "bng", "li", "optic", "services-infra", "services",
  "infra-test", "video", "9000v", "asr901", "asr903", "ncs500x"
]
const classicVersion = /\d+\.\d+\.\d+(\.\d+\w+)?/
const smuPattern = /CSC[a-z]{2}\d{5}/
const spPattern = /(sp|fp)\d{0,2}/
const classicSubversion = /(CSC|sp|fp).*(\d+\.\d+\.\d+?)/

const exrPlatforms = ["asr9k", "ncs1k", "ncs1001", "ncs4k", "ncs5k", "ncs540", "ncs5500", "ncs6k", "xrv9k", "iosxrv"]
const exrTypeEnd = /-\d+\.\d+\.\d+(?:\.\d+)?/
const exrReleaseVersion = /-(r\d{3}[A-Za-z0-9]*)/
const exrDottedVersion = /(?<![\d.])(\d+\.\d+\.\d+(?:\.\d+)*)(?!\.\d|-|\d)/
const exrSubversion = /-(\d+\.\d+\.\d+\.\d+)-/

const defined = (entries: Record<string, string | undefined>): PackageIdentity =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ""))

const classicIdentity = (input: string): PackageIdentity => {
  const name = input.replace("asr9000v", "9000v").replace("services-infra-px", "services-infra")
  const smu = smuPattern.exec(name)?.[0]
  const sp = spPattern.exec(name)?.[0]
  return defined({
    platform: classicPlatform.exec(name)?.[1],
    type: classicTypes.find((type) => name.includes(`-${type}`)),
    version: classicVersion.exec(name)?.[0],
    smu,
    sp,
    subversion: smu !== undefined || sp !== undefined ? classicSubversion.exec(name)?.[2] : undefined
  })
}

const exrIdentity = (name: string): PackageIdentity => {
  const platform = exrPlatforms.find((candidate) => name.includes(`${candidate}-`))
  const typeEnd = exrTypeEnd.exec(name)
  const type = typeEnd === null
    ? undefined
    : name.slice(0, typeEnd.index).replace(`${platform ?? ""}-`, "").replace(".pkg", "").replace(".iso", "")
  return defined({
    platform,
    type,
    version: exrReleaseVersion.exec(name)?.[1] ?? exrDottedVersion.exec(name)?.[1],
    smu: smuPattern.exec(name)?.[0],
    subversion: exrSubversion.exec(name)?.[1]
  })
}

export const packageIdentity = (name: string, os: DeviceOs): PackageIdentity =>
  os === "XR" ? classicIdentity(name) : exrIdentity(name)

/** A platform, a version, and a type, SMU or SP. */
export const isValidPackage = (identity: PackageIdentity): boolean =>
  identity.platform !== undefined && identity.version !== undefined &&
  (identity.type !== undefined || identity.smu !== undefined || identity.sp !== undefined)

/** Equal fields; subversions count only when both names have one. */
export const samePackage = (a: PackageIdentity, b: PackageIdentity): boolean =>
  a.platform === b.platform && a.type === b.type && a.version === b.version && a.smu === b.smu && a.sp === b.sp &&
  (a.subversion === undefined || b.subversion === undefined || a.subversion === b.subversion)

export const namesSamePackage = (a: string, b: string, os: DeviceOs): boolean =>
  samePackage(packageIdentity(a, os), packageIdentity(b, os))

const typeable = /^[A-Za-z0-9._:/-]+$/

/** The project's rule for anything typed into the CLI as a package name or path part; the failure text, or undefined. */
export const untypeableName = (names: ReadonlyArray<string>): string | undefined => {
  const bad = names.find((name) => !typeable.test(name))
  return bad === undefined ? undefined : `Package name '${bad}' contains characters that cannot be sent to the device.`
}

/** Add sends only package files: classic `pie`/`tar` (not `-vm`), eXR `iso`/`tar`/`rpm`. */
export const addableFiles = (names: ReadonlyArray<string>, os: DeviceOs): ReadonlyArray<string> =>
  names.filter((name) =>
    os === "XR"
      ? (name.includes("pie") || name.includes("tar")) && !name.includes("-vm")
      : name.includes("iso") || name.includes("tar") || name.includes("rpm")
  )

export const NO_ACCEPTABLE_EXTENSION = "None of the selected package(s) has an acceptable file extension."

/** Tar files never parse as packages: their Activate refers to the Add operation of the same list. */
export const isTarFile = (name: string): boolean => name.endsWith(".tar")

/** The key under which Add remembers its op id for a later Activate of the same tar files. */
export const packageListKey = (names: ReadonlyArray<string>): string => [...names].sort().join(",")
