import { Schema } from "effect"

/**
 * How a session fails (DEVICE.md §2.4, §8). `message` is the job's `status_message` when the error
 * ends the job, so each says what happened in the words DEVICE.md gives.
 */

/** All targets failed, or login did not reach a usable prompt: "Connection error: <host>:<port>: Authentication failed". */
export class ConnectionFailed extends Schema.TaggedError<ConnectionFailed>()("ConnectionFailed", {
  message: Schema.String
}) {}

/** The device answered `% Invalid input…` (or eXR/admin-VM syntax errors): "Command unknown". */
export class CommandSyntaxError extends Schema.TaggedError<CommandSyntaxError>()("CommandSyntaxError", {
  command: Schema.String,
  message: Schema.String
}) {}

/** No echo or no prompt in time: "Command timeout: '<cmd>'". */
export class CommandTimeout extends Schema.TaggedError<CommandTimeout>()("CommandTimeout", {
  command: Schema.String,
  message: Schema.String
}) {}

/** EOF or `Connection closed`: "Unexpected device disconnect". */
export class DeviceDisconnected extends Schema.TaggedError<DeviceDisconnected>()("DeviceDisconnected", {
  message: Schema.String
}) {}

/** ` --More-- ` could not be paged or `Error: input buffer overflow`: "Command too long". */
export class CommandTooLong extends Schema.TaggedError<CommandTooLong>()("CommandTooLong", {
  command: Schema.String,
  message: Schema.String
}) {}

export type CommandError = CommandSyntaxError | CommandTimeout | DeviceDisconnected | CommandTooLong
