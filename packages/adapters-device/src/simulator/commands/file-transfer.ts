import { ask, say } from "../reply.ts"
import type { Reply } from "../reply.ts"
import { credentialsAccepted, maskUrlPassword } from "../repository.ts"
import type { CliCommand, CommandContext } from "./command.ts"
import { withOptionalAdmin } from "./command.ts"

/** `admin show install pie-info <url>/<file>` and `scp` (DEVICE.md §9.2). */
const splitAtLastSlash = (path: string): readonly [string, string] => {
  const at = path.lastIndexOf("/")
  return at < 0 ? ["", path] : [path.slice(0, at), path.slice(at + 1)]
}

const pieInfo = ({ router }: CommandContext, match: RegExpExecArray): Reply => {
  const url = match[1]!
  const [dir, file] = splitAtLastSlash(url)
  const spec = router.files.repository(dir)?.files[file]
  if (spec === undefined) return say(`Error:    Cannot read the pie file '${file}': No such file or directory`)
  return say(
    `Contents of pie file '/${maskUrlPassword(url)}':`,
    "    Expiry date       : Jan 19, 2021 02:55:56 UTC",
    `    Uncompressed size : ${spec.size}`,
    `    Compressed size   : ${Math.floor(spec.size * 0.6)}`,
    "",
    ...spec.internalNames.map((name) => `    ${name}`)
  )
}

const scp = ({ router }: CommandContext, match: RegExpExecArray): Reply => {
  const [, user, host, path, dest] = match
  const [dir, file] = splitAtLastSlash(path!)
  return [
    ask("Password: ", false, (password) => {
      const repository = router.files.repositoryAt(host!, dir)
      const spec = repository?.files[file]
      if (repository === undefined || spec === undefined) return say(`scp: ${path}: No such file or directory`)
      if (!credentialsAccepted(repository, user, password)) return say("Permission denied")
      router.files.storeLocal(dest!, file, spec)
      return say(`Transferred ${spec.size} bytes`)
    })
  ]
}

export const fileTransferCommands: ReadonlyArray<CliCommand> = [
  ...withOptionalAdmin({
    words: ["show", "install", "pie-info"],
    pattern: /^show install pie-info (\S+)$/,
    timestamped: true,
    run: pieInfo
  }),
  { words: ["scp"], pattern: /^scp ([^@\s]+)@([^:\s]+):(\S+) (\S+)$/, timestamped: false, run: scp }
]
