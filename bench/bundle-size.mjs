// First-load JavaScript per route, gzip-compressed, from the last `next build`
// (.next/diagnostics/route-bundle-stats.json). Target (DESIGN.md §7): ≤ 250 KB per route.
// Usage: node bench/bundle-size.mjs [project directory]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? '.');
const stats = JSON.parse(readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8'));
const gzipCache = new Map();
const gzipped = (chunk) => {
  if (!gzipCache.has(chunk)) gzipCache.set(chunk, gzipSync(readFileSync(path.join(root, chunk)), { level: 9 }).length);
  return gzipCache.get(chunk);
};
const LIMIT_KB = 250;
const rows = stats
  .map((route) => ({ route: route.route, kb: route.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipped(chunk), 0) / 1024 }))
  .sort((a, b) => b.kb - a.kb);
console.log('route'.padEnd(32), 'first-load JS (gzip)');
for (const { route, kb } of rows) console.log(route.padEnd(32), `${kb.toFixed(1)} KB`, kb > LIMIT_KB ? `  OVER ${LIMIT_KB} KB` : '');
