import type { HostMemory } from "../flows/flow-context.ts"

/**
 * What the adapter remembers per host between jobs (the last working target, Add op ids for tar
 * activates, the last completed Pre-Upgrade captures). In memory for now: lost on restart.
 */
export interface HostMemories {
  readonly of: (hostname: string) => HostMemory
}

export const makeHostMemories = (): HostMemories => {
  const memories = new Map<string, HostMemory>()
  return {
    of: (hostname) => {
      const existing = memories.get(hostname)
      if (existing !== undefined) return existing
      const created: HostMemory = { addOperations: new Map() }
      memories.set(hostname, created)
      return created
    }
  }
}
