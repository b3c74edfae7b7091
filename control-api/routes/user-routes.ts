// /users: the caller's tenant's users. Viewers and up read (scope users:read); admins create, change and
// delete (users:write). Password hashes never leave the database; `hasPassword` says whether one is set.
// Only a platform admin can make (or unmake, change, delete) a platform admin — tenant admins could
// otherwise take over the platform by resetting its admin's password. A tenant keeps at least one admin.
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database, Tx } from '../db/index.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords.ts';
import { requireRole, requireScope, TENANT_ROLES, type Actor } from '../auth/rbac.ts';
import { conflict, forbidden, notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Page, pageParams, toPage } from '../http/pagination.ts';
import { CURSOR_T, createdBefore, DateTime, NoQuery, NullableString, Uuid, cursorOf, iso, isUniqueViolation, tenantOf } from './admin-common.ts';

const Role = Type.Union(TENANT_ROLES.map((x) => Type.Literal(x)));
const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });
const UserName = Type.String({ maxLength: 200 });

const User = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Type.String(),
    platformAdmin: Type.Boolean(),
    hasPassword: Type.Boolean(),
    lastLoginAt: NullableString({ format: 'date-time' }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
const UserParams = Type.Object({ userId: Uuid }, { additionalProperties: false });

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  is_platform_admin: boolean;
  has_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_t: string;
}
const toUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  platformAdmin: u.is_platform_admin,
  hasPassword: u.has_password,
  lastLoginAt: iso(u.last_login_at),
  createdAt: u.created_at.toISOString(),
  updatedAt: u.updated_at.toISOString(),
});
// Never `select *`: password_hash stays in the database.
const columns = (tx: Tx) => tx`id, email, name, role, is_platform_admin, password_hash is not null as has_password, last_login_at, created_at, updated_at, ${tx.unsafe(CURSOR_T)} as cursor_t`;

const notPlatformAdmin = () => forbidden('only a platform admin can grant, change or remove a platform admin', 'INSUFFICIENT_ROLE');

async function assertAnAdminLeft(tx: Tx, tenant: string): Promise<void> {
  const [{ n }] = await tx<{ n: number }[]>`select count(*)::int as n from users where tenant_id = ${tenant} and role = 'admin'`;
  if (n === 0) throw conflict('a tenant needs at least one admin');
}

export function userRoutes(db: Database): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const read = [requireRole('viewer'), requireScope('users:read')];
    const write = [requireRole('admin'), requireScope('users:write')];
    /** uap_app may not set is_platform_admin: such writes run as the owner, confined by explicit WHEREs. */
    const run = <T>(actor: Actor, tenant: string, platform: boolean, fn: (tx: Tx) => Promise<T>) =>
      platform && actor.platformAdmin ? db.withPlatform(fn) : db.withTenant(tenant, fn);

    r.get('/users', {
      onRequest: read,
      schema: {
        tags: ['users'],
        summary: "List the tenant's users, newest first",
        querystring: ListQuery({ role: Type.Optional(Role), email: Type.Optional(Type.String({ maxLength: 254 })) }),
        response: { 200: Page(User), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const { limit, after } = pageParams(req.query);
      const { role, email } = req.query;
      const rows = await db.withTenant(tenant, (tx) => tx<UserRow[]>`
        select ${columns(tx)} from users where tenant_id = ${tenant}
          ${role ? tx`and role = ${role}` : tx``}
          ${email ? tx`and email = ${email.toLowerCase()}` : tx``}
          and ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, cursorOf, toUser);
    });

    r.post('/users', {
      onRequest: write,
      schema: {
        tags: ['users'],
        summary: 'Create a user in the tenant (without a password: no password login until one is set)',
        body: Type.Object(
          {
            email: Email,
            name: Type.Optional(UserName),
            role: Type.Optional(Role),
            password: Type.Optional(Password),
            platformAdmin: Type.Optional(Type.Boolean({ description: 'Platform admins only' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: User, ...problemResponses(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      const actor = req.actor!;
      const tenant = tenantOf(actor);
      const b = req.body;
      if (b.platformAdmin && !actor.platformAdmin) throw notPlatformAdmin();
      const hash = b.password === undefined ? null : await hashPassword(b.password);
      const email = b.email.toLowerCase();
      try {
        const row = await run(actor, tenant, b.platformAdmin === true, async (tx) => {
          const [u] = b.platformAdmin
            ? await tx<UserRow[]>`insert into users (tenant_id, email, name, password_hash, role, is_platform_admin)
                values (${tenant}, ${email}, ${b.name ?? ''}, ${hash}, ${b.role ?? 'user'}, true) returning ${columns(tx)}`
            : await tx<UserRow[]>`insert into users (tenant_id, email, name, password_hash, role)
                values (${tenant}, ${email}, ${b.name ?? ''}, ${hash}, ${b.role ?? 'user'}) returning ${columns(tx)}`;
          return u;
        });
        return reply.code(201).send(toUser(row));
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict(`a user with email ${email} exists in this tenant`);
        throw err;
      }
    });

    r.get('/users/:userId', {
      onRequest: read,
      schema: { tags: ['users'], summary: 'One user', params: UserParams, querystring: NoQuery, response: { 200: User, ...problemResponses(401, 403, 404) } },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const [row] = await db.withTenant(tenant, (tx) => tx<UserRow[]>`select ${columns(tx)} from users where tenant_id = ${tenant} and id = ${req.params.userId}`, { readOnly: true });
      if (!row) throw notFound('no such user');
      return toUser(row);
    });

    r.patch('/users/:userId', {
      onRequest: write,
      schema: {
        tags: ['users'],
        summary: "Change a user's name, role or password (a new password ends the user's sessions)",
        params: UserParams,
        body: Type.Object(
          { name: Type.Optional(UserName), role: Type.Optional(Role), password: Type.Optional(Password), platformAdmin: Type.Optional(Type.Boolean({ description: 'Platform admins only' })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: User, ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (req) => {
      const actor = req.actor!;
      const tenant = tenantOf(actor);
      const id = req.params.userId;
      const b = req.body;
      if (b.platformAdmin !== undefined && !actor.platformAdmin) throw notPlatformAdmin();
      const hash = b.password === undefined ? undefined : await hashPassword(b.password);
      const row = await run(actor, tenant, b.platformAdmin !== undefined, async (tx) => {
        const [cur] = await tx<{ is_platform_admin: boolean }[]>`select is_platform_admin from users where tenant_id = ${tenant} and id = ${id} for update`;
        if (!cur) return null;
        if (cur.is_platform_admin && !actor.platformAdmin) throw notPlatformAdmin();
        const set: Record<string, unknown> = {};
        if (b.name !== undefined) set.name = b.name;
        if (b.role !== undefined) set.role = b.role;
        if (hash !== undefined) set.password_hash = hash;
        if (b.platformAdmin !== undefined) set.is_platform_admin = b.platformAdmin;
        const [u] = await tx<UserRow[]>`update users set ${tx(set as Record<string, never>, Object.keys(set) as never[])} where tenant_id = ${tenant} and id = ${id} returning ${columns(tx)}`;
        if (b.role !== undefined) await assertAnAdminLeft(tx, tenant);
        if (hash !== undefined) await tx`update refresh_tokens set revoked_at = now() where tenant_id = ${tenant} and user_id = ${id} and revoked_at is null`;
        return u;
      });
      if (!row) throw notFound('no such user');
      return toUser(row);
    });

    r.delete('/users/:userId', {
      onRequest: write,
      schema: { tags: ['users'], summary: 'Delete a user (their sessions end; API keys they created stay)', params: UserParams, response: { 204: Type.Null(), ...problemResponses(401, 403, 404, 409) } },
    }, async (req, reply) => {
      const actor = req.actor!;
      const tenant = tenantOf(actor);
      const id = req.params.userId;
      const found = await db.withTenant(tenant, async (tx) => {
        const [cur] = await tx<{ is_platform_admin: boolean }[]>`select is_platform_admin from users where tenant_id = ${tenant} and id = ${id} for update`;
        if (!cur) return false;
        if (cur.is_platform_admin && !actor.platformAdmin) throw notPlatformAdmin();
        await tx`delete from users where tenant_id = ${tenant} and id = ${id}`;
        await assertAnAdminLeft(tx, tenant);
        return true;
      });
      if (!found) throw notFound('no such user');
      return reply.code(204).send(null);
    });
  };
}
