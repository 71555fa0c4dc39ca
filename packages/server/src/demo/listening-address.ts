import { Deferred, Effect, Logger } from "effect"

/**
 * Completes `found` with the base URL the HTTP server logs once it listens (`Listening on http://…`):
 * `runServer` runs until interrupted and answers nothing earlier, and with port 0 the port is known
 * only then. The server's own loggers keep printing as before.
 */
export const watchListeningAddress = (found: Deferred.Deferred<string>) =>
  Logger.layer([
    Logger.make(({ message }) => {
      for (const part of Array.isArray(message) ? message : [message]) {
        const match = typeof part === "string" ? /^Listening on (\S+)$/.exec(part) : null
        if (match !== null) Deferred.doneUnsafe(found, Effect.succeed(match[1]!))
      }
    })
  ], { mergeWithExisting: true })
