/**
 * Collects a body of at most `limit` bytes; `undefined` as soon as it grows past the limit, when
 * reading stops (leaving the loop cancels a web stream and destroys a Node stream).
 */
export const readBounded = async (chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array | undefined> => {
  const parts: Array<Uint8Array> = []
  let size = 0
  for await (const chunk of chunks) {
    size += chunk.byteLength
    if (size > limit) return undefined
    parts.push(chunk)
  }
  return Buffer.concat(parts, size)
}
