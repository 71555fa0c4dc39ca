import type { DemoHost, DemoLab } from "./demo-lab.ts"
import { demoProfile, demoRegion } from "./demo-registration.ts"
import type { Login } from "./register-demo.ts"

/** What the demo prints once the lab is registered: where the server is, how to log in, the hosts, and curl lines to try. */

/** One shell word, whatever the text holds. */
export const shellQuote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`

const osName = (host: DemoHost) => (host.os === "xr" ? `classic XR ${host.release}` : `eXR ${host.release}`)

/** The host the printed chain runs on: a classic router reached directly. */
export const chainHost = (lab: DemoLab): DemoHost | undefined => lab.hosts.find((host) => host.os === "xr" && !host.viaJumpHost)

/** Two packages of the host's repository; ones that restart processes keep the chain within seconds. */
const chainPackages = (host: DemoHost) => (host.restartPackages.length > 0 ? host.restartPackages : host.packages).slice(0, 2)

/** The rows of `POST /api/v1/install` for a full chain on the host, linked by the implicit dependencies. */
export const chainRequest = (host: DemoHost): ReadonlyArray<Readonly<Record<string, unknown>>> => {
  const packages = chainPackages(host)
  return [
    { hostname: host.hostname, install_action: "Pre-Upgrade", command_profile: demoProfile.profile_name },
    { hostname: host.hostname, install_action: "Add", server_repository: host.repository.hostname, software_packages: packages },
    { hostname: host.hostname, install_action: "Activate", software_packages: packages },
    { hostname: host.hostname, install_action: "Post-Upgrade", command_profile: demoProfile.profile_name },
    { hostname: host.hostname, install_action: "Commit" }
  ]
}

const hostLine = (host: DemoHost, lab: DemoLab, width: number) =>
  [
    `  ${host.hostname.padEnd(width)}  ${osName(host).padEnd(16)}  ${host.transport.padEnd(6)}  127.0.0.1:${host.port}`,
    host.viaJumpHost ? ` through the jump host ${lab.jumpHost.name} (ssh 127.0.0.1:${lab.jumpHost.port})` : ""
  ].join("")

export const demoInstructions = (base: string, login: Login, lab: DemoLab): ReadonlyArray<string> => {
  const auth = `-u ${shellQuote(`${login.username}:${login.password}`)}`
  const host = chainHost(lab)
  const width = Math.max(...lab.hosts.map(({ hostname }) => hostname.length))
  const repositories = [...new Map(lab.hosts.map((host) => [host.repository.hostname, host.packages.length])).entries()]
  const [first] = lab.hosts
  return [
    "",
    `The demo is ready: csm-server at ${base}, with ${lab.hosts.length} simulated routers at time scale ${lab.timeScale}.`,
    "Ctrl-C stops everything.",
    "",
    `Log in with HTTP Basic as ${login.username}, password ${login.password}; or take a token (valid for one hour)`,
    `and send it as the user name with the password "unused":`,
    `  curl ${auth} ${base}/api/v1/token`,
    "",
    `Hosts of region "${demoRegion}"${first === undefined ? "" : ` (login ${first.username}, password ${first.password})`}:`,
    ...lab.hosts.map((host) => hostLine(host, lab, width)),
    `Server repositories: ${repositories.map(([name, count]) => `${name} (${count} packages)`).join(", ")}.`,
    `Command profile "${demoProfile.profile_name}": ${demoProfile.command_list.join("; ")}.`,
    ...(host === undefined ? [] : [
      "",
      `Schedule a full chain (Pre-Upgrade, Add, Activate, Post-Upgrade, Commit) on ${host.hostname}:`,
      `  curl ${auth} -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify(chainRequest(host)))} ${base}/api/v1/install`
    ]),
    "Watch the jobs:",
    `  curl ${auth} ${base}/api/v1/install`,
    "Download the session logs of a job (here job 1; any job id from the answers above):",
    `  curl ${auth} -o install-job-1-logs.zip ${base}/api/v1/install/logs/1`
  ]
}
