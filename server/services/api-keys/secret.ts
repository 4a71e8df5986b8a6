import { createHash, randomBytes } from 'node:crypto';

/** Lower-case base32: 32 symbols, so `byte & 31` picks one without bias. */
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const KEY_FORMAT = /^vk_([a-z2-7]{8})_[A-Za-z0-9_-]{43}$/;

/**
 * A new key: `vk_<8-char prefix>_<256 random bits, base64url>`. The prefix is stored in clear to
 * find the row and to show the admin which key is which; the whole key is stored only as its
 * SHA-256. A fast hash is right for 256 random bits (nothing to brute-force), and keeps intake
 * fast where argon2 would cap it at a few hundred requests per second.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = Array.from(randomBytes(8), (byte) => PREFIX_ALPHABET[byte & 31]).join('');
  const key = `vk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The prefix and hash of a presented key, or null when it is not shaped like one of ours. */
export function parseApiKey(raw: string): { prefix: string; hash: string } | null {
  const match = KEY_FORMAT.exec(raw);
  return match ? { prefix: match[1]!, hash: hashApiKey(raw) } : null;
}
