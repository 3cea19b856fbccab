import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The HMAC-SHA-256 (hex) of a cache entry under `secret` (see `cacheSecret`): `label` says what
 * the entry is and where it belongs (its format and key), `content` is what it holds. Without the
 * secret, nobody can write an entry that verifies, even knowing everything else about it.
 */
export function cacheMac(secret: Buffer, label: string, content: string): string {
  return createHmac('sha256', secret).update(label).update('\0').update(content).digest('hex')
}

/** Whether `mac` is the entry's `cacheMac` (compared in constant time). */
export function isCacheMacValid(secret: Buffer, label: string, content: string, mac: string): boolean {
  const expected = Buffer.from(cacheMac(secret, label, content), 'hex')
  const given = Buffer.from(mac, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
