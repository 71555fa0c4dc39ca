/**
 * Redaction (DEVICE.md §7), applied before anything reaches a log file, `status_message` or
 * `warnings_or_errors`: URL and scp credentials first, then every known secret of the job.
 */
const urlCredentials = /((?:s?ftp|scp):\/\/[^:/@\s]+):[^@\s]*@/g
const scpCredentials = /(scp\s+[^:/@\s]+):[^@\s]*@/g

/** Secrets shorter than this would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4

export interface Redactor {
  /** Remember a secret of this job. */
  readonly add: (secret: string) => void
  readonly redact: (text: string) => string
}

export const makeRedactor = (): Redactor => {
  const secrets = new Set<string>()
  return {
    add: (secret) => {
      if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret)
    },
    redact: (text) => {
      let redacted = text.replace(urlCredentials, "$1:***@").replace(scpCredentials, "$1:***@")
      // Longest first, so that a secret containing another is replaced whole.
      for (const secret of [...secrets].sort((a, b) => b.length - a.length)) redacted = redacted.replaceAll(secret, "***")
      return redacted
    }
  }
}
