import type { TelnetHop, TelnetHopEvents } from "./telnet-hop.ts"

/**
 * The bastion's login shell (DEVICE.md §9.5, §2.1): a bash-like prompt that echoes what is typed,
 * answers `uname -sr`, runs `telnet <host> [port]` hops and says `command not found` to the rest.
 */

export interface BastionTerminal {
  readonly write: (text: string | Uint8Array) => void
  readonly close: () => void
}

export type OpenTelnetHop = (host: string, port: number, events: TelnetHopEvents) => TelnetHop

export interface BastionShell {
  readonly input: (text: string) => void
  readonly ended: () => void
}

const defaultTelnetPort = 23

/** At the prompt, waiting for a hop's connection (typed text is kept for it), or inside a hop. */
type ShellState = "prompt" | "connecting" | "hop"

export const makeBastionShell = (terminal: BastionTerminal, username: string, openHop: OpenTelnetHop): BastionShell => {
  const prompt = `[${username}@bastion ~]$ `
  let state: ShellState = "prompt"
  let hop: TelnetHop | undefined
  let typedAhead: Array<string> = []
  let line = ""
  let afterCarriageReturn = false

  const answer = (lines: ReadonlyArray<string>) => terminal.write(lines.map((text) => `${text}\r\n`).join("") + prompt)

  const telnet = (host: string | undefined, portText: string | undefined) => {
    const port = portText === undefined ? defaultTelnetPort : Number(portText)
    if (host === undefined || !Number.isInteger(port) || port <= 0 || port > 65535) {
      return answer(["usage: telnet host [port]"])
    }
    terminal.write(`Trying ${host}...\r\n`)
    state = "connecting"
    hop = openHop(host, port, {
      onConnected: () => {
        terminal.write(`Connected to ${host}.\r\nEscape character is '^]'.\r\n`)
        state = "hop"
        for (const text of typedAhead) hop?.send(text)
        typedAhead = []
      },
      onText: (bytes) => terminal.write(bytes),
      onFailed: (reason) => {
        hop = undefined
        typedAhead = []
        state = "prompt"
        answer([`telnet: Unable to connect to remote host: ${reason}`])
      },
      onClosed: () => {
        hop = undefined
        state = "prompt"
        answer(["", "Connection closed by foreign host."])
      }
    })
  }

  const run = (command: string) => {
    const words = command.trim().split(/\s+/).filter((word) => word !== "")
    const [name, ...args] = words
    if (name === undefined) return terminal.write(prompt)
    if (name === "exit" || name === "logout") {
      terminal.write("logout\r\n")
      return terminal.close()
    }
    if (name === "uname" && args.join(" ") === "-sr") return answer(["Linux 5.15.0"])
    if (name === "telnet") return telnet(args[0], args[1])
    answer([`-bash: ${name}: command not found`])
  }

  /** Line editing at the prompt: echo, backspace, Ctrl-C; `\r`, `\n` and `\r\n` are one Enter each. */
  const type = (char: string) => {
    const wasCarriageReturn = afterCarriageReturn
    afterCarriageReturn = char === "\r"
    if (char === "\n" && wasCarriageReturn) return
    if (char === "\r" || char === "\n") {
      const command = line
      line = ""
      terminal.write("\r\n")
      return run(command)
    }
    if (char === "\u007f" || char === "\b") {
      if (line === "") return
      line = line.slice(0, -1)
      return terminal.write("\b \b")
    }
    if (char === "\u0003") {
      line = ""
      return terminal.write(`^C\r\n${prompt}`)
    }
    if (char < " ") return
    line += char
    terminal.write(char)
  }

  terminal.write(prompt)
  return {
    input: (text) => {
      let rest = text
      while (rest !== "") {
        // a hop takes the rest of the text as it is, even when typed in the same chunk as the command
        if (state === "hop") return hop?.send(rest)
        if (state === "connecting") return void typedAhead.push(rest)
        const char = String.fromCodePoint(rest.codePointAt(0) ?? 0)
        rest = rest.slice(char.length)
        type(char)
      }
    },
    ended: () => {
      hop?.close()
      hop = undefined
    }
  }
}
