// A throw-away database on the test PostgreSQL (127.0.0.1:5432, or TEST_PG_URL), dropped afterwards.
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';

export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function createTestDatabase(): Promise<{ url: string; sql: postgres.Sql; drop(): Promise<void> }> {
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  const name = `uap_e2e_${randomBytes(5).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return {
    url,
    sql,
    async drop() {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
