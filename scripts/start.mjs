// `npm start`: builds when the sources changed since the last build, gives next-auth safe local
// defaults, then runs `next start` in this process's place (migrations and demo data run at
// server start, see instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const port = process.env.PORT ?? '3000';
const SOURCES = ['app', 'components', 'server', 'db', 'lib', 'i18n', 'messages', 'proxy.ts', 'instrumentation.ts',
  'next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function listFiles(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  const stat = statSync(full);
  if (!stat.isDirectory()) return [entry];
  return readdirSync(full).flatMap((name) => listFiles(path.join(entry, name)));
}

/** A fingerprint of the sources: size and mtime of every file that goes into the build. */
function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(listFiles).sort()) {
    const stat = statSync(path.join(root, file));
    hash.update(`${file}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function ensureBuild() {
  const stampFile = path.join(root, '.next', 'voronka-source-fingerprint');
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stampFile)
    && readFileSync(stampFile, 'utf8') === fingerprint;
  if (built) return;
  console.log('[voronka] building the app (first start or sources changed)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, fingerprint);
}

/** A random secret kept under .data/ so sessions survive restarts without any set-up. */
function localSecret() {
  const dir = path.join(root, '.data');
  const file = path.join(dir, 'nextauth-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

process.env.NEXTAUTH_SECRET ||= localSecret();
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
ensureBuild();

const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
