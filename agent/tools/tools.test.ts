// Tools: declaration checks, argument validation, the signed http tool against a real local server (and
// its guards: private addresses, timeouts, size caps), transfer confirmation and end_call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { createLogger } from '../../lib/logger.ts';
import type { AgentOutput } from '../kinds/types.ts';
import { parseTools } from './tool-spec.ts';
import { ToolRunner } from './tool-runner.ts';
import { isPublicAddress, callHttpTool, signBody } from './http-tool.ts';
import { toOpenAiRealtimeTools, toAnthropicTools, toUltravoxTools, toGeminiTools, toOpenAiChatTools } from './provider-formats.ts';

const log = createLogger('silent');
let server: Server;
let base = '';
const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
let handler: (req: IncomingMessage, body: string, res: ServerResponse) => void = (_q, _b, res) => res.end();

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

class Out implements AgentOutput {
  outputRate = 16000;
  transfers: string[] = [];
  sendAudio(): void {}
  mark(): void {}
  clear(): void {}
  hangup(): void {}
  transfer(t: string): void {
    this.transfers.push(t);
  }
}

function runner(tools: unknown[], secrets: Record<string, unknown> = {}, out = new Out()) {
  const { tools: specs, problems } = parseTools(tools);
  assert.deepEqual(problems, []);
  return new ToolRunner(specs, { callId: 'CA1', tenantId: 't1', log, out, secrets, allowPrivateHttp: true, transferTimeoutMs: 300 });
}

const orderTool = (extra: Record<string, unknown> = {}) => ({
  type: 'http',
  name: 'lookup_order',
  description: 'Look an order up',
  parameters: { type: 'object', properties: { orderId: { type: 'string', pattern: '^[0-9]+$' } }, required: ['orderId'], additionalProperties: false },
  url: `${base}/orders`,
  secretName: 'TOOL_SECRET',
  ...extra,
});

test('declarations: defaults for built-ins, bad entries reported and skipped', () => {
  const { tools, problems } = parseTools([
    { type: 'end_call' },
    { type: 'transfer', target: '+15551234567' },
    { type: 'http', name: 'x', url: 'ftp://example.com' },
    { type: 'http', name: 'bad name!', url: 'https://example.com' },
    { type: 'http', name: 'y', url: 'https://u:p@example.com' },
    { type: 'http', name: 'z', url: 'https://example.com', parameters: { type: 'string' } },
    { type: 'http', name: 'w', url: 'https://example.com', parameters: { type: 'object', properties: { a: { type: 'nonsense' } } } },
    { type: 'transfer', name: 't2', target: '12345' },
    { type: 'end_call' },
    { type: 'fly' },
    'nope',
  ]);
  assert.deepEqual(tools.map((t) => t.name), ['end_call', 'transfer_call']);
  assert.deepEqual(tools[1].parameters, { type: 'object', properties: {}, additionalProperties: false }, 'a fixed target leaves the model nothing to choose');
  assert.equal(problems.length, 9, problems.join('\n'));
  assert.deepEqual(parseTools({}).problems, ['tools must be a list']);
});

test('http tool: arguments are validated, the body is signed, JSON answers reach the model', async () => {
  handler = (_q, _b, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ status: 'shipped', eta: 'tomorrow' }));
  };
  const r = runner([orderTool()], { TOOL_SECRET: 's3cret' });
  const bad = await r.run('lookup_order', '{"orderId":"abc"}');
  assert.equal(bad.ok, false);
  assert.match(bad.output, /invalid arguments/);
  assert.equal((await r.run('lookup_order', 'not json')).ok, false);
  assert.equal((await r.run('nope', '{}')).ok, false);
  const n = seen.length;
  const ok = await r.run('lookup_order', '{"orderId":"42"}');
  assert.equal(ok.ok, true, ok.output);
  assert.deepEqual(JSON.parse(ok.output), { result: { status: 'shipped', eta: 'tomorrow' } });
  assert.equal(seen.length, n + 1, 'only the valid call reached the tenant');
  const req = seen.at(-1)!;
  assert.deepEqual(JSON.parse(req.body), { tool: 'lookup_order', arguments: { orderId: '42' }, callId: 'CA1' });
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-uap-signature']));
  assert.ok(m, String(req.headers['x-uap-signature']));
  assert.equal(m[2], createHmac('sha256', 's3cret').update(`${m[1]}.${req.body}`).digest('hex'), 'the tenant can verify the signature');
  assert.ok(Math.abs(Number(m[1]) - Date.now() / 1000) < 5);
});

test('http tool: error statuses, a missing secret, timeouts and oversized answers are results, not crashes', async () => {
  handler = (_q, _b, res) => {
    res.statusCode = 503;
    res.end('busy');
  };
  const r = runner([orderTool(), orderTool({ name: 'slow', secretName: undefined, timeoutMs: 200 }), orderTool({ name: 'big', secretName: undefined, maxResponseBytes: 1024 })], { TOOL_SECRET: 'k' });
  const e503 = await r.run('lookup_order', { orderId: '1' });
  assert.deepEqual(JSON.parse(e503.output), { error: 'the tool answered HTTP 503', detail: 'busy' });
  assert.match((await runner([orderTool()]).run('lookup_order', { orderId: '1' })).output, /secret TOOL_SECRET is not set/);
  handler = () => {}; // never answers
  const t0 = Date.now();
  const slow = await r.run('slow', { orderId: '1' });
  assert.equal(slow.ok, false);
  assert.match(slow.output, /within 200 ms/);
  assert.ok(Date.now() - t0 < 2000);
  handler = (_q, _b, res) => res.end('x'.repeat(100_000));
  const big = await r.run('big', { orderId: '1' });
  assert.match(big.output, /exceeds 1024 bytes/);
});

test('http tool: private and loopback addresses are refused unless allowed', async () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', '100.64.0.1', '0.0.0.0']) assert.equal(isPublicAddress(ip), false, ip);
  for (const ip of ['8.8.8.8', '2606:4700:4700::1111']) assert.equal(isPublicAddress(ip), true, ip);
  await assert.rejects(callHttpTool({ url: new URL(`${base}/x`), body: '{}', timeoutMs: 1000, maxResponseBytes: 1000, allowPrivate: false }), /not a public address/);
  // A name that resolves to loopback is caught at connect time too.
  await assert.rejects(callHttpTool({ url: new URL(`http://localhost:${new URL(base).port}/x`), body: '{}', timeoutMs: 1000, maxResponseBytes: 1000, allowPrivate: false }), /non-public address/);
  assert.match(signBody('k', 'b', 1), /^t=1,v1=[0-9a-f]{64}$/);
});

test('transfer waits for the outcome; end_call asks to hang up; send_dtmf is refused on this call', async () => {
  const out = new Out();
  const r = runner([{ type: 'transfer' }, { type: 'end_call' }, { type: 'send_dtmf' }], {}, out);
  const p = r.run('transfer_call', { target: '+15551234567' });
  await new Promise((res) => setImmediate(res));
  assert.deepEqual(out.transfers, ['+15551234567']);
  r.onTransferOutcome({ target: '+15551234567', ok: true });
  assert.deepEqual(JSON.parse((await p).output), { transferred: true, target: '+15551234567' });
  const refused = r.run('transfer_call', { target: '+15551234567' });
  await new Promise((res) => setImmediate(res));
  r.onTransferOutcome({ target: '+15551234567', ok: false, errorCode: 'TWILIO_REJECTED', errorMessage: 'not in progress' });
  assert.match((await refused).output, /transfer failed: TWILIO_REJECTED not in progress/);
  assert.match((await r.run('transfer_call', { target: '+15551234567' })).output, /TRANSFER_TIMEOUT/);
  assert.match((await r.run('transfer_call', { target: 'bogus' })).output, /E\.164 number or a sip: URI/);
  assert.match((await r.run('transfer_call', {})).output, /invalid arguments/);
  assert.equal(out.transfers.length, 3, 'bad targets never reached the media core');
  const end = await r.run('end_call', {});
  assert.equal(end.endCall, true);
  assert.equal((await r.run('send_dtmf', { digits: '12#' })).ok, false);
});

test('provider formats carry the same names and schemas', () => {
  const { tools } = parseTools([{ type: 'end_call' }, { type: 'http', name: 'lookup', description: 'd', url: 'https://example.com', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } }]);
  assert.deepEqual(toOpenAiRealtimeTools(tools).map((t) => t.name), ['end_call', 'lookup']);
  assert.equal(toOpenAiChatTools(tools)[1].function.parameters, tools[1].parameters);
  assert.equal(toAnthropicTools(tools)[1].input_schema, tools[1].parameters);
  assert.equal(toGeminiTools(tools)[0].functionDeclarations[1].parametersJsonSchema, tools[1].parameters);
  assert.deepEqual(toUltravoxTools(tools)[1], {
    temporaryTool: { modelToolName: 'lookup', description: 'd', dynamicParameters: [{ name: 'id', location: 'PARAMETER_LOCATION_BODY', schema: { type: 'string' }, required: true }], client: {} },
  });
});
