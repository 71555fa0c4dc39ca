import ssh2 from "ssh2"
import type { AuthContext } from "ssh2"

const { utils } = ssh2

/**
 * A fresh host key per start: clients accept any host key (DEVICE.md §2.1). ECDSA P-256 is quick to
 * make; ssh2 1.17 now and then generates an ed25519 key it cannot parse back (mscdex/ssh2#1513).
 */
export const generateHostKey = (): string => utils.generateKeyPairSync("ecdsa", { bits: 256 }).private

const offeredMethods: Array<"password" | "keyboard-interactive"> = ["password", "keyboard-interactive"]

/**
 * Answers one SSH authentication request: `password`, or `keyboard-interactive` with one `Password: `
 * prompt (echo off). Calls `onAccepted` with the user name before accepting.
 */
export const authenticateWithPassword = (
  context: AuthContext,
  check: (username: string, password: string) => boolean,
  onAccepted: (username: string) => void
): void => {
  const settle = (password: string | undefined) => {
    if (password !== undefined && check(context.username, password)) {
      onAccepted(context.username)
      context.accept()
    } else context.reject(offeredMethods)
  }
  if (context.method === "password") settle(context.password)
  else if (context.method === "keyboard-interactive") {
    context.prompt([{ prompt: "Password: ", echo: false }], (answers) => settle(answers[0]))
  } else context.reject(offeredMethods)
}
