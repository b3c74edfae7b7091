// /agent-configs: what answers a tenant's calls — kind, prompt, voice, tools, settings, and provider
// secrets (API keys). Viewers read (agents:read). Creating and editing is day-to-day work: the `user` role
// (agents:write); deleting one, which leaves its numbers without an agent, takes an admin.
//
// Secrets are sealed with AES-256-GCM (../crypto/secrets.ts) under UAP_SECRETS_KEY, bound to the row
// (tenant id + config id as additional data). Responses carry only `secretNames`; values are write-only.
// PATCH merges secrets by name: a string sets one, null removes it, names not mentioned are kept.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Database, Tx } from '../db/index.ts';
import { requireRole, requireScope } from '../auth/rbac.ts';
import { conflict, notFound, problemResponses } from '../http/errors.ts';
import { ListQuery, Page, pageParams, toPage } from '../http/pagination.ts';
import { agentSecretsAad, openSecrets, sealSecrets, type Secrets } from '../crypto/secrets.ts';
import { CURSOR_T, createdBefore, DateTime, JsonObject, NoQuery, NullableString, Uuid, cursorOf, isUniqueViolation, tenantOf } from './admin-common.ts';

export interface AgentConfigRouteDeps {
  db: Database;
  /** 32-byte AES-256-GCM key for provider secrets (loadSecretsKey). */
  secretsKey: Buffer;
  /** Clears the routing cache: the routing reply carries the agent config. */
  onRoutingChange: () => void;
}

export const AGENT_KINDS = ['offline', 'echo', 'ultravox', 'openai-realtime', 'cascaded'] as const;
const Kind = Type.Union(AGENT_KINDS.map((k) => Type.Literal(k)));
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Prompt = Type.String({ maxLength: 50_000 });
const Voice = Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]);
const Tools = Type.Array(JsonObject(), { maxItems: 64, description: 'Tool definitions (JSON objects)' });
const SECRET_NAME = '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$';
const SecretValue = Type.String({ minLength: 1, maxLength: 4096 });
const SecretsIn = Type.Record(Type.String({ pattern: SECRET_NAME }), SecretValue, {
  additionalProperties: false,
  maxProperties: 32,
  description: 'Provider secrets by name (e.g. {"OPENAI_API_KEY": "sk-..."}); write-only, encrypted at rest',
});
const SecretsPatch = Type.Record(Type.String({ pattern: SECRET_NAME }), Type.Union([SecretValue, Type.Null()]), {
  additionalProperties: false,
  maxProperties: 32,
  description: 'A string sets a secret, null removes it; names not mentioned are kept',
});

const AgentConfig = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    prompt: Type.String(),
    voice: NullableString(),
    tools: Type.Array(JsonObject()),
    settings: JsonObject(),
    secretNames: Type.Array(Type.String(), { description: 'Names of the stored secrets; values are never returned' }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

interface AgentRow {
  id: string;
  tenant_id: string;
  name: string;
  kind: string;
  prompt: string;
  voice: string | null;
  tools: Record<string, unknown>[];
  settings: Record<string, unknown>;
  secrets_encrypted: Buffer | null;
  created_at: Date;
  updated_at: Date;
  cursor_t: string;
}
const columns = (tx: Tx) => tx`id, tenant_id, name, kind, prompt, voice, tools, settings, secrets_encrypted, created_at, updated_at, ${tx.unsafe(CURSOR_T)} as cursor_t`;

export function agentConfigRoutes(d: AgentConfigRouteDeps): FastifyPluginAsync {
  const open = (row: Pick<AgentRow, 'tenant_id' | 'id' | 'secrets_encrypted'>): Secrets =>
    row.secrets_encrypted ? openSecrets(row.secrets_encrypted, d.secretsKey, agentSecretsAad(row.tenant_id, row.id)) : {};
  /** null when there is nothing to store (no secrets). */
  const seal = (tenant: string, id: string, s: Secrets): Buffer | null => (Object.keys(s).length === 0 ? null : sealSecrets(s, d.secretsKey, agentSecretsAad(tenant, id)));
  const toAgent = (a: AgentRow) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    prompt: a.prompt,
    voice: a.voice,
    tools: a.tools,
    settings: a.settings,
    secretNames: Object.keys(open(a)).sort(),
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  });
  const nameTaken = (name: string | undefined) => conflict(`an agent config named "${name}" exists in this tenant`);

  return async (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const read = [requireRole('viewer'), requireScope('agents:read')];

    r.get('/agent-configs', {
      onRequest: read,
      schema: {
        tags: ['agent-configs'],
        summary: "List the tenant's agent configs, newest first",
        querystring: ListQuery({ kind: Type.Optional(Kind), name: Type.Optional(Type.String({ maxLength: 200, description: 'Exact name' })) }),
        response: { 200: Page(AgentConfig), ...problemResponses(400, 401, 403) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const { limit, after } = pageParams(req.query);
      const { kind, name } = req.query;
      const rows = await d.db.withTenant(tenant, (tx) => tx<AgentRow[]>`
        select ${columns(tx)} from agent_configs where tenant_id = ${tenant}
          ${kind ? tx`and kind = ${kind}` : tx``}
          ${name ? tx`and name = ${name}` : tx``}
          and ${createdBefore(tx, after)}
        order by created_at desc, id desc limit ${limit + 1}`, { readOnly: true });
      return toPage(rows, limit, cursorOf, toAgent);
    });

    r.post('/agent-configs', {
      onRequest: [requireRole('user'), requireScope('agents:write')],
      schema: {
        tags: ['agent-configs'],
        summary: 'Create an agent config',
        body: Type.Object(
          {
            name: Name,
            kind: Kind,
            prompt: Type.Optional(Prompt),
            voice: Type.Optional(Voice),
            tools: Type.Optional(Tools),
            settings: Type.Optional(JsonObject()),
            secrets: Type.Optional(SecretsIn),
          },
          { additionalProperties: false },
        ),
        response: { 201: AgentConfig, ...problemResponses(400, 401, 403, 409) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const b = req.body;
      const id = randomUUID();
      const sealed = seal(tenant, id, (b.secrets ?? {}) as Secrets);
      let row: AgentRow;
      try {
        row = await d.db.withTenant(tenant, async (tx) => {
          const [a] = await tx<AgentRow[]>`
            insert into agent_configs (id, tenant_id, name, kind, prompt, voice, tools, settings, secrets_encrypted)
            values (${id}, ${tenant}, ${b.name}, ${b.kind}, ${b.prompt ?? ''}, ${b.voice ?? null}, ${tx.json((b.tools ?? []) as never)},
                    ${tx.json((b.settings ?? {}) as never)}, ${sealed})
            returning ${columns(tx)}`;
          return a;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(b.name);
        throw err;
      }
      d.onRoutingChange();
      return reply.code(201).send(toAgent(row));
    });

    r.get('/agent-configs/:id', {
      onRequest: read,
      schema: { tags: ['agent-configs'], summary: 'One agent config', params: IdParams, querystring: NoQuery, response: { 200: AgentConfig, ...problemResponses(401, 403, 404) } },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const [row] = await d.db.withTenant(tenant, (tx) => tx<AgentRow[]>`select ${columns(tx)} from agent_configs where tenant_id = ${tenant} and id = ${req.params.id}`, { readOnly: true });
      if (!row) throw notFound('no such agent config');
      return toAgent(row);
    });

    r.patch('/agent-configs/:id', {
      onRequest: [requireRole('user'), requireScope('agents:write')],
      schema: {
        tags: ['agent-configs'],
        summary: 'Change an agent config (top-level fields replace; secrets merge by name)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            kind: Type.Optional(Kind),
            prompt: Type.Optional(Prompt),
            voice: Type.Optional(Voice),
            tools: Type.Optional(Tools),
            settings: Type.Optional(JsonObject()),
            secrets: Type.Optional(SecretsPatch),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AgentConfig, ...problemResponses(400, 401, 403, 404, 409) },
      },
    }, async (req) => {
      const tenant = tenantOf(req.actor!);
      const id = req.params.id;
      const b = req.body;
      let row: AgentRow | null;
      try {
        row = await d.db.withTenant(tenant, async (tx) => {
          const [cur] = await tx<AgentRow[]>`select ${columns(tx)} from agent_configs where tenant_id = ${tenant} and id = ${id} for update`;
          if (!cur) return null;
          const set: Record<string, unknown> = {};
          if (b.name !== undefined) set.name = b.name;
          if (b.kind !== undefined) set.kind = b.kind;
          if (b.prompt !== undefined) set.prompt = b.prompt;
          if (b.voice !== undefined) set.voice = b.voice;
          if (b.tools !== undefined) set.tools = tx.json(b.tools as never);
          if (b.settings !== undefined) set.settings = tx.json(b.settings as never);
          if (b.secrets !== undefined) {
            const merged: Secrets = Object.assign(Object.create(null) as Secrets, open(cur));
            for (const [k, v] of Object.entries(b.secrets)) {
              if (v === null) delete merged[k];
              else merged[k] = v;
            }
            set.secrets_encrypted = seal(tenant, id, merged);
          }
          const [a] = await tx<AgentRow[]>`update agent_configs set ${tx(set as Record<string, never>, Object.keys(set) as never[])}
            where tenant_id = ${tenant} and id = ${id} returning ${columns(tx)}`;
          return a;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw nameTaken(b.name);
        throw err;
      }
      if (!row) throw notFound('no such agent config');
      d.onRoutingChange();
      return toAgent(row);
    });

    r.delete('/agent-configs/:id', {
      onRequest: [requireRole('admin'), requireScope('agents:write')],
      schema: {
        tags: ['agent-configs'],
        summary: 'Delete an agent config (numbers pointing at it are left without an agent)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    }, async (req, reply) => {
      const tenant = tenantOf(req.actor!);
      const rows = await d.db.withTenant(tenant, (tx) => tx`delete from agent_configs where tenant_id = ${tenant} and id = ${req.params.id} returning id`);
      if (rows.length === 0) throw notFound('no such agent config');
      d.onRoutingChange();
      return reply.code(204).send(null);
    });
  };
}
