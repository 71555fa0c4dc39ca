import * as net from "node:net"
import { StringDecoder } from "node:string_decoder"
import { Effect } from "effect"
import type { Scope } from "effect"
import type { TargetFailed } from "./connection-failure.ts"
import { reasonOfSocketError, targetFailed } from "./connection-failure.ts"
import type { DeviceLink } from "./device-link.ts"
import type { DeviceReader } from "./device-reader.ts"
import { scopedResource } from "./scoped-resource.ts"
import type { Target } from "./targets.ts"
import { makeTelnetDecoder } from "./telnet-negotiation.ts"

/**
 * A telnet connection on a raw socket (DEVICE.md §2.1): options are negotiated by
 * `telnet-negotiation.ts`, the text goes to the reader, and the login dialog runs on top. The socket
 * closes with the Scope.
 */

const connectSocket = (target: Target, timeoutMs: number) =>
  Effect.callback<net.Socket, TargetFailed>((resume) => {
    const socket = net.createConnection({ host: target.host, port: target.port })
    socket.setNoDelay(true)
    const timer = setTimeout(() => {
      socket.destroy()
      resume(Effect.fail(targetFailed(target, "Connection timeout")))
    }, timeoutMs)
    const onError = (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      socket.destroy()
      resume(Effect.fail(targetFailed(target, reasonOfSocketError(error))))
    }
    socket.once("error", onError)
    socket.once("connect", () => {
      clearTimeout(timer)
      socket.off("error", onError)
      resume(Effect.succeed(socket))
    })
    return Effect.sync(() => {
      clearTimeout(timer)
      socket.destroy()
    })
  })

export const openTelnet = (target: Target, timeoutMs: number, reader: DeviceReader): Effect.Effect<DeviceLink, TargetFailed, Scope.Scope> =>
  scopedResource(connectSocket(target, timeoutMs), (socket) => socket.destroy()).pipe(
    Effect.map((socket) => {
      const decode = makeTelnetDecoder()
      const text = new StringDecoder("utf8")
      socket.on("data", (chunk: Buffer) => {
        const { data, replies } = decode(chunk)
        if (replies.length > 0) socket.write(replies)
        reader.push(text.write(data))
      })
      socket.on("error", () => {}) // followed by "close": the reader sees the end
      socket.once("close", () => reader.end())
      return {
        reader,
        write: (typed: string) => {
          // UTF-8 never contains the IAC byte (255), so typed text needs no escaping.
          if (socket.writable) socket.write(typed, "utf8")
        },
        enter: "\r\n"
      }
    })
  )
