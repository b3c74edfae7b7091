// Stream tokens: HMAC-SHA256 over base64url JSON claims; sign/verify, tamper, expiry, malformed, replay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signStreamToken, verifyStreamToken, streamTokenKey, TokenReplayGuard, type StreamClaims } from './stream-token.ts';

const KEY = streamTokenKey('a-long-enough-stream-token-secret', undefined)!;
const CLAIMS = { callId: 'CA123', providerCallId: 'CA123', tenantId: 'acme', agentKind: 'offline', agentConfigId: 'offline', from: '+15550001111', to: '+15550002222' };
const NOW = 1_700_000_000_000;

/** Signs arbitrary body text with KEY, for malformed-but-signed tokens. */
function signRaw(bodyJson: string, key = KEY): string {
  const body = Buffer.from(bodyJson).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

test('streamTokenKey: secret wins over the Twilio token; either gives a 32-byte key; none gives undefined', () => {
  const fromSecret = streamTokenKey('secret-secret-secret', 'twilio-token');
  const fromSecretOnly = streamTokenKey('secret-secret-secret', undefined);
  const fromTwilio = streamTokenKey(undefined, 'twilio-token');
  assert.ok(fromSecret && fromTwilio && fromSecretOnly);
  assert.equal(fromSecret.length, 32);
  assert.deepEqual(fromSecret, fromSecretOnly);
  assert.notDeepEqual(fromSecret, fromTwilio);
  assert.deepEqual(streamTokenKey(undefined, 'twilio-token'), fromTwilio, 'deterministic: split roles agree');
  assert.equal(streamTokenKey(undefined, undefined), undefined);
  assert.equal(streamTokenKey('', ''), undefined);
});

test('sign → verify round trip returns the claims plus exp and jti', () => {
  const tok = signStreamToken(KEY, CLAIMS, 30, NOW);
  assert.match(tok, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'URL-safe, one dot');
  const r = verifyStreamToken(KEY, tok, NOW);
  assert.ok(r.ok);
  const { exp, jti, ...rest } = r.claims;
  assert.deepEqual(rest, CLAIMS);
  assert.equal(exp, NOW / 1000 + 30);
  assert.equal(typeof jti, 'string');
  assert.ok(jti.length >= 12);
});

test('every token gets a fresh jti', () => {
  const jtis = new Set<string>();
  for (let i = 0; i < 100; i++) {
    const r = verifyStreamToken(KEY, signStreamToken(KEY, CLAIMS, 30, NOW), NOW);
    assert.ok(r.ok);
    jtis.add(r.claims.jti);
  }
  assert.equal(jtis.size, 100);
});

test('tampering with the body or the signature → TOKEN_BAD_SIGNATURE', () => {
  const tok = signStreamToken(KEY, CLAIMS, 30, NOW);
  const [body, sig] = tok.split('.');
  // Change the claims (another tenant) and keep the signature.
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as StreamClaims;
  const forged = Buffer.from(JSON.stringify({ ...claims, tenantId: 'victim' })).toString('base64url');
  assert.deepEqual(verifyStreamToken(KEY, `${forged}.${sig}`, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  // Flip one character of the signature / the body.
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  assert.deepEqual(verifyStreamToken(KEY, `${body}.${flip(sig, 5)}`, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  assert.deepEqual(verifyStreamToken(KEY, `${flip(body, 3)}.${sig}`, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  // Truncated or extended signature (length check before timingSafeEqual).
  assert.deepEqual(verifyStreamToken(KEY, `${body}.${sig.slice(0, -4)}`, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  assert.deepEqual(verifyStreamToken(KEY, `${body}.${sig}AAAA`, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  assert.deepEqual(verifyStreamToken(KEY, `${body}.`, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
  // Another key.
  const other = streamTokenKey('another-secret-entirely', undefined)!;
  assert.deepEqual(verifyStreamToken(other, tok, NOW), { ok: false, code: 'TOKEN_BAD_SIGNATURE' });
});

test('expiry: valid until exp (inclusive), TOKEN_EXPIRED after', () => {
  const tok = signStreamToken(KEY, CLAIMS, 30, NOW);
  assert.ok(verifyStreamToken(KEY, tok, NOW + 29_999).ok);
  assert.ok(verifyStreamToken(KEY, tok, NOW + 30_000).ok);
  assert.deepEqual(verifyStreamToken(KEY, tok, NOW + 30_001), { ok: false, code: 'TOKEN_EXPIRED' });
  assert.deepEqual(verifyStreamToken(KEY, tok, NOW + 3_600_000), { ok: false, code: 'TOKEN_EXPIRED' });
  // Default "now" is the real clock.
  assert.deepEqual(verifyStreamToken(KEY, signStreamToken(KEY, CLAIMS, 30, Date.now() - 60_000)), { ok: false, code: 'TOKEN_EXPIRED' });
  assert.ok(verifyStreamToken(KEY, signStreamToken(KEY, CLAIMS, 30)).ok);
});

test('missing token → TOKEN_MISSING', () => {
  for (const t of [undefined, null, '', 42, {}, ['a.b']]) assert.deepEqual(verifyStreamToken(KEY, t, NOW), { ok: false, code: 'TOKEN_MISSING' });
});

test('malformed token → TOKEN_MALFORMED', () => {
  for (const t of ['abc', '.abc', 'a.b.c', '..', '.', 'x'.repeat(2049), `${'x'.repeat(2040)}.yyyyyyyyy`]) {
    assert.deepEqual(verifyStreamToken(KEY, t, NOW), { ok: false, code: 'TOKEN_MALFORMED' }, t.slice(0, 20));
  }
});

test('correctly signed but malformed claims → TOKEN_MALFORMED (never throws)', () => {
  for (const body of ['not json', 'null', '42', '"str"', '{}', '{"exp":"soon","callId":"c","tenantId":"t"}', '{"exp":99999999999,"tenantId":"t"}', '{"exp":99999999999,"callId":"c"}', '{"exp":99999999999,"callId":5,"tenantId":"t"}']) {
    assert.deepEqual(verifyStreamToken(KEY, signRaw(body), NOW), { ok: false, code: 'TOKEN_MALFORMED' }, body);
  }
  assert.ok(verifyStreamToken(KEY, signRaw('{"exp":99999999999,"callId":"c","tenantId":"t"}'), NOW).ok);
});

test('replay guard: a jti is accepted once', () => {
  const g = new TokenReplayGuard();
  const exp = NOW / 1000 + 30;
  assert.equal(g.use('jti-1', exp, NOW), true);
  assert.equal(g.use('jti-1', exp, NOW), false);
  assert.equal(g.use('jti-1', exp, NOW + 10_000), false);
  assert.equal(g.use('jti-2', exp, NOW), true);
  // Independent guards do not share state.
  assert.equal(new TokenReplayGuard().use('jti-1', exp, NOW), true);
});

test('replay guard: a used jti is still refused after many others, until swept after its expiry', () => {
  const g = new TokenReplayGuard();
  const exp = NOW / 1000 + 30;
  assert.equal(g.use('target', exp, NOW), true);
  for (let i = 0; i < 10_050; i++) g.use(`j${i}`, exp + 3600, NOW);
  assert.equal(g.use('target', exp, NOW + 1_000), false, 'not swept while unexpired');
  // Past its expiry the entry may be swept; a token that old is refused by verify anyway.
  g.use('trigger', exp + 3600, NOW + 60_000);
  assert.equal(g.use('target', exp, NOW + 60_000), true, 'expired entries are swept once the map is large');
});

test('round trip with the replay guard, as the media core uses it', () => {
  const g = new TokenReplayGuard();
  const tok = signStreamToken(KEY, CLAIMS, 30, NOW);
  const first = verifyStreamToken(KEY, tok, NOW + 1000);
  assert.ok(first.ok);
  assert.equal(g.use(first.claims.jti, first.claims.exp, NOW + 1000), true);
  const again = verifyStreamToken(KEY, tok, NOW + 2000);
  assert.ok(again.ok, 'the signature is still fine');
  assert.equal(g.use(again.claims.jti, again.claims.exp, NOW + 2000), false, 'but the guard refuses it');
});
