import { DO, DONT, negotiationBytes, OPTION_ECHO, OPTION_SUPPRESS_GO_AHEAD, WILL, WONT } from "./telnet-iac.ts"
import type { Negotiation } from "./telnet-iac.ts"

/**
 * How a plain telnet client answers a server's option offers: it lets the server echo and suppress
 * go-ahead, declines every other server option and offers none of its own. Each offer is answered once,
 * so two sides can never loop.
 */

const optionsTheServerMayUse = new Set([OPTION_ECHO, OPTION_SUPPRESS_GO_AHEAD])

export const makeTelnetClientAnswers = () => {
  const answered = new Set<string>()
  return (negotiation: Negotiation): Buffer | undefined => {
    const { verb, option } = negotiation
    const key = `${verb}:${option}`
    if (answered.has(key)) return undefined
    answered.add(key)
    if (verb === WILL) return negotiationBytes(optionsTheServerMayUse.has(option) ? DO : DONT, option)
    if (verb === DO) return negotiationBytes(WONT, option)
    return undefined // WONT / DONT: this client asked for nothing, so there is nothing to confirm
  }
}
