import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePostgresTarget, scrub, toPgStoreError } from './connect.js';

test('the schema comes out of the URL, and the location shows neither password nor password parameter', () => {
  const target = parsePostgresTarget('postgres://ana:p%40ss@db.example:5432/corpus?schema=harbour&sslmode=require');
  assert.deepEqual(target, {
    connectionString: 'postgres://ana:p%40ss@db.example:5432/corpus?sslmode=require', schema: 'harbour',
    location: 'postgres://ana@db.example:5432/corpus?sslmode=require (schema harbour)', secret: 'p@ss',
  });
  assert.equal(parsePostgresTarget('postgres:///test?host=/var/run/postgresql&password=zz').location, 'postgres:///test?host=%2Fvar%2Frun%2Fpostgresql');
});

test('the schema option wins over the URL', () => {
  assert.equal(parsePostgresTarget('postgres://h/db?schema=a', { schema: 'b' }).schema, 'b');
});

test('a server error carrying the password in its text is reported without it', () => {
  const err = toPgStoreError(Object.assign(new Error('password authentication failed: p@ss / p%40ss'), { code: '28P01' }), { location: 'postgres://h/db', secret: 'p@ss' });
  assert.equal((err as { code: string }).code, 'E_STORE_UNREADABLE');
  assert.equal((err as Error).message, 'Database postgres://h/db cannot be read: password authentication failed: *** / ***');
  assert.equal(scrub('no secret here', null), 'no secret here');
});

test('a disk-full error is E_STORE_UNWRITABLE; a constraint error passes through', () => {
  assert.equal((toPgStoreError(Object.assign(new Error('could not extend file'), { code: '53100' }), { location: 'x', secret: null }) as { code: string }).code, 'E_STORE_UNWRITABLE');
  const constraint = Object.assign(new Error('null value in column "text"'), { code: '23502' });
  assert.equal(toPgStoreError(constraint, { location: 'x', secret: null }), constraint);
});
