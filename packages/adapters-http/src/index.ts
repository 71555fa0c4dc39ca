/** The `/api/v1` HTTP adapter of API.md: routes, Basic and token auth, roles, the CSM envelope, OpenAPI. */
export { HttpAuthConfig, MaxBodyBytes } from "./config.ts"
export { CsmHttpRoutes } from "./routes.ts"
export * from "./crypto/aes-gcm-secret-box.ts"
export * from "./crypto/scrypt-password-hasher.ts"
