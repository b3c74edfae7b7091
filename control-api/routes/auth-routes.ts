// /auth: register (a new tenant and its first admin), login, refresh (rotating, reuse detected), logout.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DEFAULT_TENANT_SLUG, type Database } from '../db/index.ts';
import { hashPassword, verifyPassword, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from '../auth/passwords.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import type { RefreshTokens } from '../auth/refresh.ts';
import type { TenantRole } from '../auth/rbac.ts';
import { ApiError, conflict, problemResponses, unauthorized } from '../http/errors.ts';

export interface AuthRouteDeps {
  db: Database;
  access: AccessTokens;
  refresh: RefreshTokens;
}

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' });
const Tokens = Type.Object(
  { accessToken: Type.String(), tokenType: Type.Literal('Bearer'), expiresIn: Type.Integer(), refreshToken: Type.String(), tenantId: Type.String(), userId: Type.String(), role: Type.String() },
  { additionalProperties: false },
);

export function authRoutes(d: AuthRouteDeps): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    async function tokensFor(user: { id: string; tenant_id: string; role: TenantRole; is_platform_admin: boolean }) {
      const access = await d.access.issue({ sub: user.id, tid: user.tenant_id, role: user.role, pa: user.is_platform_admin });
      const refresh = await d.refresh.issue(user.id, user.tenant_id);
      return { accessToken: access.token, tokenType: 'Bearer' as const, expiresIn: access.expiresIn, refreshToken: refresh.token, tenantId: user.tenant_id, userId: user.id, role: user.role };
    }

    r.post('/auth/register', {
      config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Create a tenant and its first admin user (or claim the seeded "default" tenant while it has no users)',
        body: Type.Object({ tenantName: Type.String({ minLength: 1, maxLength: 200 }), tenantSlug: Slug, email: Email, password: Password, name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        response: { 201: Tokens, ...problemResponses(400, 409, 429) },
      },
    }, async (req, reply) => {
      const b = req.body;
      const hash = await hashPassword(b.password);
      const user = await d.db.withPlatform(async (tx) => {
        // The very first user of the installation becomes the platform admin.
        const [{ n }] = await tx<{ n: number }[]>`select count(*)::int as n from users`;
        const [exists] = await tx<{ id: string; users: number }[]>`select t.id, (select count(*)::int from users u where u.tenant_id = t.id) as users from tenants t where t.slug = ${b.tenantSlug}`;
        // A fresh install's default tenant (whose catch-all number answers the first calls) is claimed by
        // whoever registers it first; any other taken slug is a conflict.
        const claim = exists && exists.users === 0 && b.tenantSlug === DEFAULT_TENANT_SLUG;
        if (exists && !claim) throw conflict(`tenant slug "${b.tenantSlug}" is taken`);
        const [t] = claim
          ? await tx<{ id: string }[]>`update tenants set name = ${b.tenantName} where id = ${exists.id} returning id`
          : await tx<{ id: string }[]>`insert into tenants (name, slug) values (${b.tenantName}, ${b.tenantSlug}) returning id`;
        const [u] = await tx<{ id: string; tenant_id: string; role: TenantRole; is_platform_admin: boolean }[]>`
          insert into users (tenant_id, email, name, password_hash, role, is_platform_admin)
          values (${t.id}, ${b.email.toLowerCase()}, ${b.name ?? ''}, ${hash}, 'admin', ${n === 0}) returning id, tenant_id, role, is_platform_admin`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, target_type, target_id, ip, details)
          values (${t.id}, 'user', ${u.id}, ${claim ? 'tenant.claim' : 'tenant.register'}, 'tenant', ${t.id}, ${req.ip}, ${tx.json({ slug: b.tenantSlug })})`;
        return u;
      });
      return reply.code(201).send(await tokensFor(user));
    });

    r.post('/auth/login', {
      config: { public: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }), tenantSlug: Type.Optional(Slug) }, { additionalProperties: false }),
        response: { 200: Tokens, ...problemResponses(400, 401, 429) },
      },
    }, async (req) => {
      const { email, password, tenantSlug } = req.body;
      const rows = await d.db.withPlatform((tx) => tx<{ id: string; tenant_id: string; role: TenantRole; is_platform_admin: boolean; password_hash: string | null }[]>`
        select u.id, u.tenant_id, u.role, u.is_platform_admin, u.password_hash from users u join tenants t on t.id = u.tenant_id
        where u.email = ${email.toLowerCase()} and t.status = 'active' and (${tenantSlug ?? null}::text is null or t.slug = ${tenantSlug ?? null})`);
      // One email in several tenants needs tenantSlug; the answer does not say which exist.
      const user = rows.length === 1 ? rows[0] : undefined;
      if (!(await verifyPassword(user?.password_hash ?? null, password)) || !user) throw unauthorized('INVALID_CREDENTIALS', 'email or password is wrong');
      await d.db.withTenant(user.tenant_id, (tx) => tx`update users set last_login_at = now() where id = ${user.id}`);
      return tokensFor(user);
    });

    r.post('/auth/refresh', {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for new tokens (the old one is spent; reusing it revokes the session)',
        body: Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false }),
        response: { 200: Tokens, ...problemResponses(400, 401) },
      },
    }, async (req) => {
      const next = await d.refresh.rotate(req.body.refreshToken);
      const [u] = await d.db.withPlatform((tx) => tx<{ id: string; tenant_id: string; role: TenantRole; is_platform_admin: boolean }[]>`
        select u.id, u.tenant_id, u.role, u.is_platform_admin from users u join tenants t on t.id = u.tenant_id where u.id = ${next.userId} and t.status = 'active'`);
      if (!u) throw unauthorized('REFRESH_INVALID', 'the user no longer exists');
      const access = await d.access.issue({ sub: u.id, tid: u.tenant_id, role: u.role, pa: u.is_platform_admin });
      return { accessToken: access.token, tokenType: 'Bearer' as const, expiresIn: access.expiresIn, refreshToken: next.token, tenantId: u.tenant_id, userId: u.id, role: u.role };
    });

    r.post('/auth/logout', {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'End the session of a refresh token (every token of its family is revoked)',
        body: Type.Object({ refreshToken: Type.String({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problemResponses(400) },
      },
    }, async (req, reply) => {
      await d.refresh.logout(req.body.refreshToken).catch((err: unknown) => {
        if (!(err instanceof ApiError)) throw err; // an unknown or spent token: the session is over anyway
      });
      return reply.code(204).send(null);
    });
  };
}
