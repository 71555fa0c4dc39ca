import { KurrentDBClient } from "@kurrent/kurrentdb-client"
import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendStreamRequest,
  AppendToStreamOptions,
  EventData,
  MultiAppendResult,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions
} from "@kurrent/kurrentdb-client"

/**
 * The part of `@kurrent/kurrentdb-client` the adapter uses, as plain functions: the adapter's
 * I/O goes through it, so unit tests can stand a small fake in for a server.
 */
export interface KurrentClient {
  readonly appendToStream: (stream: string, events: Array<EventData>, options: AppendToStreamOptions) => Promise<AppendResult>
  /** KurrentDB 25.1+, enabled in the server's configuration. */
  readonly multiStreamAppend: (requests: Array<AppendStreamRequest>) => Promise<MultiAppendResult>
  /** Throws `StreamNotFoundError` while iterating when the stream does not exist. */
  readonly readStream: (stream: string, options: ReadStreamOptions) => AsyncIterable<ResolvedEvent>
  readonly readAll: (options: ReadAllOptions) => AsyncIterable<AllStreamResolvedEvent>
  /** Events strictly after `fromPosition`, then live ones, until unsubscribed. */
  readonly subscribeToAll: (options: SubscribeToAllOptions) => LiveEvents
  readonly dispose: () => Promise<void>
}

export interface LiveEvents extends AsyncIterable<AllStreamResolvedEvent> {
  readonly unsubscribe: () => Promise<void>
}

/** The real client's methods, bound (they are prototype methods using `this`). */
export const kurrentClientOf = (client: KurrentDBClient): KurrentClient => ({
  appendToStream: (stream, events, options) => client.appendToStream(stream, events, options),
  multiStreamAppend: (requests) => client.multiStreamAppend(requests),
  readStream: (stream, options) => client.readStream(stream, options),
  readAll: (options) => client.readAll(options),
  subscribeToAll: (options) => client.subscribeToAll(options),
  dispose: () => client.dispose()
})

/**
 * A client for a connection string. A malformed one fails with where and what was expected,
 * never its text, which may hold a password. The client connects on its first request.
 */
export const connectKurrent = (connectionString: string): KurrentClient => {
  try {
    return kurrentClientOf(KurrentDBClient.connectionString(connectionString))
  } catch (error) {
    // The client's ParseError says where (`location`) and what it `expected`.
    const where = error instanceof Error && "location" in error && "expected" in error &&
        Array.isArray(error.location) && typeof error.location[0] === "number" && typeof error.expected === "string"
      ? `: at character ${error.location[0] + 1}, expected ${error.expected}`
      : ""
    throw new Error(`The KurrentDB connection string cannot be parsed${where}.`)
  }
}
