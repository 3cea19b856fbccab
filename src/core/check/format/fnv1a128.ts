const OFFSET = 0x6c62272e07bb014262b821756295c58dn
const PRIME = 0x0000000001000000000000000000013bn
const MASK = (1n << 128n) - 1n

/**
 * FNV-1a, 128 bits, of the UTF-8 bytes of `text`, as 32 hex digits: a stable, well-spread
 * fingerprint in pure code (the core imports nothing from Node but node:path). Not for secrets.
 */
export function fnv1a128(text: string): string {
  let hash = OFFSET
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * PRIME) & MASK
  }
  return hash.toString(16).padStart(32, '0')
}
