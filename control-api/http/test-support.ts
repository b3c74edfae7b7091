// A small API on the real process server (cli/http.ts) for the tests: sample routes that use every
// piece of the foundation (schemas, pagination, auth, guards, rate limits), plus in-memory stores.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, FastifyPluginAsync, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Redis } from 'ioredis';
import { createHttpServer } from '../../cli/http.ts';
import { pino } from 'pino';
import { Registry } from '../../lib/metrics.ts';
import { apiPlugin } from './api.ts';
import { problemResponses, unauthorized } from './errors.ts';
import { ListQuery, Page, pageParams, toPage } from './pagination.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { AccessTokens, accessTokenResolver } from '../auth/tokens.ts';
import { MemoryRefreshStore, RefreshTokens } from '../auth/refresh.ts';
import { apiKeyResolver, generateApiKey, type ApiKeyRecord } from '../auth/api-keys.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { requirePlatformAdmin, requireRole, requireScope, type TenantRole } from '../auth/rbac.ts';

export const JWT = { secret: 'test-secret-0123456789abcdef0123456789', issuer: 'uap-test', audience: 'uap-api' };

export interface User {
  id: string;
  email: string;
  tenantId: string | null;
  role: TenantRole;
  platformAdmin: boolean;
  passwordHash: string;
}

const Agent = Type.Object({ id: Type.String(), name: Type.String(), prompt: Type.String(), createdAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false });
type AgentRow = { id: string; name: string; prompt: string; createdAt: string };
const Tokens = Type.Object({ accessToken: Type.String(), refreshToken: Type.String(), expiresIn: Type.Integer() }, { additionalProperties: false });

/** No response may carry a stack trace or a source location. */
export function assertNoStack(res: LightMyRequestResponse): void {
  assert.doesNotMatch(res.body, /\bat [^\s]+ \(|\n\s+at |"stack"|\.ts:\d+|node_modules/, `stack trace in response: ${res.body.slice(0, 300)}`);
}

export interface TestApi {
  app: FastifyInstance;
  /** inject() plus the no-stack-trace check on every response. */
  request(opts: InjectOptions): Promise<LightMyRequestResponse & { json(): any }>;
  tokens: AccessTokens;
  refresh: RefreshTokens;
  refreshStore: MemoryRefreshStore;
  users: Map<string, User>;
  keys: Map<string, ApiKeyRecord>;
  agents: AgentRow[];
  /** A signed-in user's access token. */
  tokenFor(user: User): Promise<string>;
  addUser(u: Omit<User, 'passwordHash'>, password?: string): Promise<User>;
  addKey(rec: Partial<ApiKeyRecord> & { tenantId: string; role: TenantRole }): { key: string; record: ApiKeyRecord };
  logs: string[];
}

export async function buildTestApi(t: TestContext, opts: { rateLimit?: RateLimitOptions; redis?: Redis } = {}): Promise<TestApi> {
  const logs: string[] = [];
  // Log lines are captured so tests can check what was (and was not) logged.
  const logger = pino({ level: 'info' }, { write: (s: string) => void logs.push(s) });
  const app = await createHttpServer(logger, new Registry(), { ready: () => true, info: () => ({}) });
  t.after(() => app.close());

  const tokens = new AccessTokens(JWT);
  const refreshStore = new MemoryRefreshStore();
  const refresh = new RefreshTokens({ store: refreshStore });
  const users = new Map<string, User>();
  const keys = new Map<string, ApiKeyRecord>();
  const agents: AgentRow[] = [];

  const routes: FastifyPluginAsync = async (plain) => {
    const r = plain.withTypeProvider<TypeBoxTypeProvider>();
    const Login = Type.Object({ email: Type.String({ maxLength: 320 }), password: Type.String({ maxLength: 256 }) }, { additionalProperties: false });
    // Login has its own, tighter limit per IP against password guessing.
    r.post('/auth/login', { config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } }, schema: { body: Login, response: { 200: Tokens, ...problemResponses(400, 401) } } }, async (req) => {
      const user = [...users.values()].find((u) => u.email === req.body.email) ?? null;
      if (!(await verifyPassword(user?.passwordHash ?? null, req.body.password)) || !user) throw unauthorized('INVALID_CREDENTIALS', 'Wrong email or password');
      const access = await tokens.issue({ sub: user.id, tid: user.tenantId, role: user.role, pa: user.platformAdmin });
      const rt = await refresh.issue(user.id, user.tenantId);
      return { accessToken: access.token, refreshToken: rt.token, expiresIn: access.expiresIn };
    });
    const RefreshBody = Type.Object({ refreshToken: Type.String({ maxLength: 256 }) }, { additionalProperties: false });
    r.post('/auth/refresh', { config: { public: true }, schema: { body: RefreshBody, response: { 200: Tokens, ...problemResponses(400, 401) } } }, async (req) => {
      const rt = await refresh.rotate(req.body.refreshToken);
      const user = users.get(rt.userId);
      if (!user) throw unauthorized('REFRESH_INVALID');
      const access = await tokens.issue({ sub: user.id, tid: user.tenantId, role: user.role, pa: user.platformAdmin });
      return { accessToken: access.token, refreshToken: rt.token, expiresIn: access.expiresIn };
    });
    r.post('/auth/logout', { config: { public: true }, schema: { body: RefreshBody, response: { 204: Type.Null(), ...problemResponses(400) } } }, async (req, reply) => {
      await refresh.logout(req.body.refreshToken);
      return reply.code(204).send(null);
    });

    const AgentFilters = { name: Type.Optional(Type.String({ maxLength: 200, description: 'Exact name' })) };
    r.get('/agents', { onRequest: [requireRole('viewer')], schema: { querystring: ListQuery(AgentFilters), response: { 200: Page(Agent), ...problemResponses(400, 401, 403) } } }, async (req) => {
      const { limit, after } = pageParams(req.query);
      const rows = agents
        .filter((a) => req.query.name === undefined || a.name === req.query.name)
        .sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)))
        .filter((a) => !after || a.createdAt < after.t || (a.createdAt === after.t && a.id < after.id))
        .slice(0, limit + 1);
      return toPage(rows, limit, (a) => ({ t: a.createdAt, id: a.id }));
    });
    const CreateAgent = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), prompt: Type.String({ maxLength: 10_000 }), temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 2 })) }, { additionalProperties: false });
    r.post('/agents', { onRequest: [requireRole('user')], schema: { body: CreateAgent, response: { 201: Agent, ...problemResponses(400, 401, 403) } } }, async (req, reply) => {
      const row = { id: `ag_${String(agents.length + 1).padStart(4, '0')}`, name: req.body.name, prompt: req.body.prompt, createdAt: new Date().toISOString() };
      agents.push(row);
      return reply.code(201).send(row);
    });
    r.get('/agents/:id', { onRequest: [requireRole('viewer')], schema: { params: Type.Object({ id: Type.String({ pattern: '^ag_[0-9]{4}$' }) }, { additionalProperties: false }), querystring: Type.Object({}, { additionalProperties: false }), response: { 200: Agent, ...problemResponses(400, 401, 403, 404) } } }, async (req) => {
      const a = agents.find((x) => x.id === req.params.id);
      if (!a) throw Object.assign(new Error('no such agent'), { statusCode: 404 });
      return a;
    });
    const Empty = Type.Object({}, { additionalProperties: false });
    const Ok = Type.Object({ ok: Type.Boolean() }, { additionalProperties: false });
    r.get('/calls', { onRequest: [requireScope('calls:read')], schema: { querystring: Empty, response: { 200: Ok, ...problemResponses(401, 403) } } }, async () => ({ ok: true }));
    r.get('/admin/tenants', { onRequest: [requirePlatformAdmin()], schema: { querystring: Empty, response: { 200: Ok, ...problemResponses(401, 403) } } }, async () => ({ ok: true }));
    r.get('/boom', { schema: { querystring: Type.Object({}, { additionalProperties: false }), response: { 200: Type.Object({}) } } }, async () => {
      throw new Error('database password is hunter2 at /srv/app/secret.ts:42');
    });
  };

  await app.register(apiPlugin, {
    prefix: '/api/v1',
    auth: { bearer: accessTokenResolver(tokens), apiKey: apiKeyResolver({ findByPrefix: async (p) => keys.get(p) ?? null, touchLastUsed: async (id, at) => { for (const k of keys.values()) if (k.id === id) k.lastUsedAt = at; } }) },
    rateLimit: { ...opts.rateLimit, redis: opts.redis },
    routes: [routes],
  });
  await app.ready();

  let n = 0;
  return {
    app,
    request: async (o) => {
      const res = await app.inject(o);
      assertNoStack(res);
      return res;
    },
    tokens,
    refresh,
    refreshStore,
    users,
    keys,
    agents,
    logs,
    tokenFor: async (u) => (await tokens.issue({ sub: u.id, tid: u.tenantId, role: u.role, pa: u.platformAdmin })).token,
    addUser: async (u, password = 'correct horse battery') => {
      const user = { ...u, passwordHash: await hashPassword(password) };
      users.set(user.id, user);
      return user;
    },
    addKey: (rec) => {
      const g = generateApiKey();
      const record: ApiKeyRecord = { id: `key_${++n}`, prefix: g.prefix, secretHash: g.secretHash, scopes: ['*'], expiresAt: null, revokedAt: null, lastUsedAt: null, ...rec };
      keys.set(record.prefix, record);
      return { key: g.key, record };
    },
  };
}
