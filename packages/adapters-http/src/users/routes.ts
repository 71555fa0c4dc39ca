import { deleteUser, saveUsers, userRowSpec, usersList } from "@csm/core"
import { Effect, Schema } from "effect"
import { defineEndpoint } from "../http/endpoint.ts"
import { bulk } from "../http/envelope.ts"
import { bulkShape, deletedShape, listShape } from "../http/shapes.ts"
import { rowSchema } from "../openapi/json-schema.ts"
import { deletedAnswer, listAnswer, named } from "../shared/rows.ts"

/** API.md §3: users, managed by Admins only. */
export const userEndpoints = [
  defineEndpoint({
    method: "POST",
    path: "/api/v1/users",
    summary: "Create or update users",
    access: "Admin",
    query: {},
    rows: rowSchema(userRowSpec, "A password is only changed when one is given."),
    responses: {
      "200": { description: "Every row succeeded.", body: bulkShape("user_list", "username") },
      "207": { description: "At least one row failed.", body: bulkShape("user_list", "username") }
    },
    handle: ({ caller, rows }) =>
      Effect.map(saveUsers(rows, caller.user.name), (outcomes) => bulk("user_list", named("username", outcomes)))
  }),
  defineEndpoint({
    method: "GET",
    path: "/api/v1/users",
    summary: "List users (never their passwords)",
    access: "Admin",
    query: { username: Schema.String },
    responses: { "200": { description: "The users.", body: listShape("user_list") } },
    handle: ({ query }) => Effect.flatMap(usersList(query.username), listAnswer("user_list"))
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/api/v1/users/:username/delete",
    summary: "Delete a user; the last Admin stays",
    access: "Admin",
    query: {},
    responses: { "200": { description: "The user was deleted.", body: deletedShape("username") } },
    handle: ({ caller, params }) => Effect.flatMap(deleteUser(params["username"] ?? "", caller.user.name), deletedAnswer("username"))
  })
]
