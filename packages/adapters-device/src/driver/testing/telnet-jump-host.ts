import * as net from "node:net"

/**
 * A minimal telnet jump host for tests (DEVICE.md §2.1, telnet row): `login:`/`Password:`, a `$ `
 * shell that echoes what is typed, and `telnet <host> <port>`, which then pipes bytes both ways until
 * either side closes. Anything else gets `<cmd>: command not found`.
 */

export interface RunningJumpHost {
  readonly port: number
  readonly stop: () => Promise<void>
}

export const startTelnetJumpHost = (credentials: { readonly username: string; readonly password: string }): Promise<RunningJumpHost> => {
  const sockets = new Set<net.Socket>()
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on("error", () => {})
    socket.once("close", () => sockets.delete(socket))
  }
  const server = net.createServer((client) => {
    track(client)
    let phase: "login" | "password" | "shell" | "piped" = "login"
    let username = ""
    let line = ""
    const onLine = (text: string) => {
      if (phase === "login") {
        username = text
        phase = "password"
        return client.write("\r\nPassword: ")
      }
      if (phase === "password") {
        const good = username === credentials.username && text === credentials.password
        phase = good ? "shell" : "login"
        return client.write(good ? "\r\nLast login: Tue Mar  7 10:00:00 2017\r\n$ " : "\r\nLogin incorrect\r\nlogin: ")
      }
      const hop = /^telnet (\S+) (\d+)$/.exec(text.trim())
      if (hop === null) return client.write(`\r\n-bash: ${text.trim().split(" ")[0]}: command not found\r\n$ `)
      phase = "piped"
      const onward = net.connect({ host: hop[1], port: Number(hop[2]) })
      track(onward)
      client.write(`\r\nTrying ${hop[1]}...\r\n`)
      onward.once("connect", () => {
        client.write(`Connected to ${hop[1]}.\r\nEscape character is '^]'.\r\n`)
        onward.on("data", (chunk) => client.write(chunk))
        client.on("data", (chunk: Buffer) => onward.write(chunk))
      })
      onward.once("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED") client.write("telnet: Unable to connect to remote host: Connection refused\r\n$ ")
      })
      onward.once("close", () => client.end())
    }
    client.write("\r\nlogin: ")
    client.on("data", (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (phase === "piped") return
        if (char === "\r") {
          const text = line
          line = ""
          onLine(text)
        } else if (char !== "\n" && char !== "\0") {
          line += char
          if (phase !== "password") client.write(char)
        }
      }
    })
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        stop: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(() => done())
          })
      })
    )
  })
}
