/**
 * `npm run bench:auth` (issue 4, "Must show" 8): what a PIN or password costs,
 * so the Argon2id parameters are chosen knowingly. Prints, on this machine:
 *
 *  - the Argon2id parameters and the time of one hash and one verify;
 *  - verifies per second with both cores busy (the server's ceiling for sign-ins);
 *  - sign-ins per second through HTTP on PostgreSQL (verify, new device, audit
 *    entries, token), with p50/p99 latency, 4 clients at once;
 *  - the device-side PIN verifier (PBKDF2-SHA256, 100,000 iterations) in Node,
 *    for scale: a phone's WebCrypto is a few times slower.
 */
import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { PIN_VERIFIER_ITERATIONS } from '@opentill/domain';
import { startServer } from './servers.js';

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HASHES = 20;
const SIGN_INS = 80;
const CLIENTS = 4;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

async function time<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function post(url: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

async function main() {
  const { ARGON2_OPTIONS, hashPin, verifyPin } = await import('../apps/server/src/auth/pin.js');
  const stored = await hashPin('4321');
  const hashMs: number[] = [];
  const verifyMs: number[] = [];
  for (let i = 0; i < HASHES; i++) {
    hashMs.push(await time(() => hashPin('4321')));
    verifyMs.push(await time(() => verifyPin(stored, '4321')));
  }
  const parallelStarted = performance.now();
  await Promise.all(Array.from({ length: HASHES * 2 }, () => verifyPin(stored, '1234')));
  const verifiesPerSecond = (HASHES * 2) / ((performance.now() - parallelStarted) / 1000);
  const salt = randomBytes(16);
  const pbkdf2Ms = await time(async () => pbkdf2Sync('4321', salt, PIN_VERIFIER_ITERATIONS, 32, 'sha256'));

  const name = `opentill_bench_auth_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const server = await startServer({ DATABASE_URL: url.toString(), OPENTILL_AUTH_RATE_LIMIT: '100000' }, 3311);
  const latencies: number[] = [];
  let signInsPerSecond: number;
  try {
    const phone = `083${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const shop = { businessName: 'Bench Pharmacy', ownerName: 'Bench', phone, pin: '4321' };
    await post(`${server.url}/api/v1/auth/register`, { ...shop, deviceId: randomUUID() });
    const signIn = () => post(`${server.url}/api/v1/auth/sign-in`, { phone, pin: '4321', deviceId: randomUUID() });
    for (let i = 0; i < CLIENTS; i++) await signIn(); // warm up
    let left = SIGN_INS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (left-- > 0) latencies.push(await time(signIn));
      }),
    );
    signInsPerSecond = SIGN_INS / ((performance.now() - started) / 1000);
  } finally {
    server.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
  const rows: [string, string][] = [
    ['Argon2id parameters (PINs and passwords)', `m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}`],
    [`One hash / one verify (median of ${HASHES})`, `${ms(percentile(hashMs, 50))} / ${ms(percentile(verifyMs, 50))}`],
    ['Verifies per second, all cores', `${Math.round(verifiesPerSecond)}/s`],
    [
      `Sign-ins through HTTP on PostgreSQL, ${CLIENTS} clients (${SIGN_INS})`,
      `${Math.round(signInsPerSecond)}/s, p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
    ],
    [`Device PIN verifier, PBKDF2-SHA256 × ${PIN_VERIFIER_ITERATIONS.toLocaleString('en')} (Node)`, ms(pbkdf2Ms)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nOpenTill sign-in cost (${new Date().toISOString()}, node ${process.version})\n`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log('');
}

await main();
process.exit(0);
