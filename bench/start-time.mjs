// Measures the zero-setup path of README: first `npm start` on an empty embedded database
// (build if needed, migrate, demo data) and a second start on the kept data, each until the
// sign-in page answers 200. Usage: node bench/start-time.mjs [--fresh-build]
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = process.env.BENCH_PORT ?? '3300';
const dataDir = path.join(root, '.data', 'bench-pglite');

async function waitForSignIn(deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/signin`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('sign-in page did not answer in time');
}

async function timedStart(label) {
  const started = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: port, PGLITE_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForSignIn(started + 15 * 60_000);
    const seconds = (Date.now() - started) / 1000;
    console.log(`${label}: sign-in page answered after ${seconds.toFixed(1)} s`);
    return seconds;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv.includes('--fresh-build')) rmSync(path.join(root, '.next'), { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
await timedStart('first start (empty database)');
await timedStart('second start (data kept)');
rmSync(dataDir, { recursive: true, force: true });
