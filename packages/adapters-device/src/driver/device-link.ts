import type { DeviceReader } from "./device-reader.ts"

/**
 * An open text stream to a device (or, during a hop, to a jump host): what the login dialog, prompt
 * detection and the CLI session drive, whatever the transport underneath. The transports tie the
 * stream's sockets and clients to the connect attempt's Scope, which closes them.
 */
export interface DeviceLink {
  readonly reader: DeviceReader
  readonly write: (text: string) => void
  /** Enter: `\r\n` on telnet, `\r` on SSH (DEVICE.md §2.4). */
  readonly enter: string
}
