// One error format for the whole API: RFC 9457 problem details (application/problem+json) with a stable
// `code`. Every failure path (our own errors, schema validation, fastify's parser errors, bugs) ends in
// `registerErrorHandler`, so clients see one shape and never a stack trace or an internal message.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { UapError } from '../../lib/errors.ts';

/** The catalogue: each code has one HTTP status and one constant title (RFC 9457: title does not vary). */
export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, title: 'Bad request' },
  BAD_JSON: { status: 400, title: 'Malformed JSON body' },
  BAD_CURSOR: { status: 400, title: 'Invalid pagination cursor' },
  VALIDATION_FAILED: { status: 400, title: 'Request validation failed' },
  AUTH_REQUIRED: { status: 401, title: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid credentials' },
  TOKEN_EXPIRED: { status: 401, title: 'Access token expired' },
  TOKEN_INVALID: { status: 401, title: 'Access token invalid' },
  REFRESH_INVALID: { status: 401, title: 'Refresh token invalid' },
  REFRESH_EXPIRED: { status: 401, title: 'Refresh token expired' },
  REFRESH_REVOKED: { status: 401, title: 'Refresh token revoked' },
  REFRESH_REUSED: { status: 401, title: 'Refresh token reused' },
  API_KEY_INVALID: { status: 401, title: 'API key invalid' },
  API_KEY_EXPIRED: { status: 401, title: 'API key expired' },
  API_KEY_REVOKED: { status: 401, title: 'API key revoked' },
  WIDGET_KEY_INVALID: { status: 401, title: 'Widget key invalid' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  ORIGIN_NOT_ALLOWED: { status: 403, title: 'Origin not allowed' },
  INSUFFICIENT_ROLE: { status: 403, title: 'Insufficient role' },
  INSUFFICIENT_SCOPE: { status: 403, title: 'Insufficient scope' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable' },
  CONFLICT: { status: 409, title: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  CLIENT_ERROR: { status: 400, title: 'Client error' }, // fallback for 4xx statuses we have no code for
  INTERNAL: { status: 500, title: 'Internal error' },
  UNAVAILABLE: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One offending field. `path` is a JSON Pointer inside the request part named by `in`. */
export interface FieldError {
  in: 'body' | 'querystring' | 'params' | 'headers';
  path: string;
  message: string;
}

export interface ApiErrorOptions {
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
  retryable?: boolean;
  /** Overrides the catalogue status; only the CLIENT_ERROR fallback needs this. */
  status?: number;
}

/** An error meant for the client: its detail is shown verbatim, so it must never carry secrets. */
export class ApiError extends UapError {
  override readonly code: ErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  constructor(code: ErrorCode, opts: ApiErrorOptions = {}) {
    const entry = ERROR_CATALOGUE[code];
    const detail = opts.detail ?? entry.title;
    super(code, detail, { cause: opts.cause, retryable: opts.retryable ?? (code === 'RATE_LIMITED' || code === 'UNAVAILABLE') });
    this.code = code;
    this.status = opts.status ?? entry.status;
    this.title = entry.title;
    this.detail = detail;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }
}

// ---- factories: the common cases, so call sites read as intent ----

export const badRequest = (detail?: string, code: 'BAD_REQUEST' | 'BAD_JSON' | 'BAD_CURSOR' = 'BAD_REQUEST') => new ApiError(code, { detail });

type UnauthorizedCode = Extract<ErrorCode, 'AUTH_REQUIRED' | 'INVALID_CREDENTIALS' | `TOKEN_${string}` | `REFRESH_${string}` | `API_KEY_${string}`>;

/** 401 with the RFC 6750 challenge; `invalid_token` tells clients a token was seen but refused. */
export function unauthorized(code: UnauthorizedCode = 'AUTH_REQUIRED', detail?: string, cause?: unknown): ApiError {
  const challenge = code === 'AUTH_REQUIRED' ? 'Bearer realm="uap"' : 'Bearer realm="uap", error="invalid_token"';
  return new ApiError(code, { detail, cause, headers: { 'www-authenticate': challenge } });
}

export const forbidden = (detail?: string, code: 'FORBIDDEN' | 'INSUFFICIENT_ROLE' | 'INSUFFICIENT_SCOPE' = 'FORBIDDEN') => new ApiError(code, { detail });
export const notFound = (detail?: string) => new ApiError('NOT_FOUND', { detail });
export const conflict = (detail?: string) => new ApiError('CONFLICT', { detail });

export function rateLimited(retryAfterSeconds: number): ApiError {
  const s = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError('RATE_LIMITED', { detail: `Rate limit exceeded, retry in ${s} s`, headers: { 'retry-after': String(s) } });
}

export const validation = (errors: FieldError[]) =>
  new ApiError('VALIDATION_FAILED', { detail: errors.map((e) => `${e.in}${e.path}: ${e.message}`).join('; ') || undefined, errors });

// ---- the wire shape ----

export const FieldErrorSchema = Type.Object(
  {
    in: Type.Unsafe<FieldError['in']>({ type: 'string', enum: ['body', 'querystring', 'params', 'headers'] }),
    path: Type.String({ description: 'JSON Pointer to the field inside `in`' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    instance: Type.String({ description: 'Request id' }),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  // A shared schema (app.addSchema in the API plugin): one `Problem` component in the OpenAPI document.
  { $id: 'Problem', title: 'Problem', additionalProperties: false, description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof ProblemSchema>;

const ProblemRef = Type.Unsafe<Problem>({ $ref: 'Problem#' });
type ProblemResponse = { description: string; content: Record<string, { schema: typeof ProblemRef }> };

/** Response-schema entries for error statuses, documented (and serialized) as application/problem+json. */
export function problemResponses(...statuses: number[]): Record<number, ProblemResponse> {
  const out: Record<number, ProblemResponse> = {};
  for (const s of statuses) out[s] = { description: 'Problem details', content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemRef } } };
  return out;
}

export function problemType(code: string): string {
  return `urn:uap:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

export function toProblem(err: ApiError, requestId: string): Problem {
  const p: Problem = { type: problemType(err.code), title: err.title, status: err.status, detail: err.detail, code: err.code, instance: requestId };
  if (err.errors) p.errors = err.errors;
  return p;
}

// ---- mapping anything thrown to an ApiError ----

// fastify's own request errors: their messages may echo input, so they get our fixed details instead.
const FASTIFY_CODES: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'Content-Type must be application/json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_JSON', detail: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_JSON', detail: 'The request body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', detail: 'Content-Length does not match the body' },
  FST_ERR_NOT_FOUND: { code: 'NOT_FOUND', detail: 'Not found' },
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

type ValidationItem = { keyword: string; instancePath?: string; params?: Record<string, unknown>; message?: string };

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** ajv errors → field errors; `required` and `additionalProperties` name the field in params, not in instancePath. */
export function fieldErrors(items: ValidationItem[], part: string | undefined): FieldError[] {
  const where = (['body', 'querystring', 'params', 'headers'].includes(part ?? '') ? part : 'body') as FieldError['in'];
  return items.map((v) => {
    const base = v.instancePath ?? '';
    if (v.keyword === 'required' && typeof v.params?.missingProperty === 'string') {
      return { in: where, path: `${base}/${escapePointer(v.params.missingProperty)}`, message: 'is required' };
    }
    if (v.keyword === 'additionalProperties' && typeof v.params?.additionalProperty === 'string') {
      return { in: where, path: `${base}/${escapePointer(v.params.additionalProperty)}`, message: 'is not an allowed field' };
    }
    return { in: where, path: base, message: v.message ?? 'is invalid' };
  });
}

/** Classifies anything thrown. Only ApiErrors and known fastify 4xx errors reach the client as they are. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as Partial<FastifyError> & { validation?: ValidationItem[]; validationContext?: string };
  if (Array.isArray(e.validation)) return validation(fieldErrors(e.validation, e.validationContext));
  const known = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (known) return new ApiError(known.code, { detail: known.detail, cause: err });
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 429) return rateLimited(1);
  if (status >= 400 && status < 500) {
    const code = STATUS_CODES[status];
    // 401 from elsewhere still needs the challenge header.
    if (code === 'AUTH_REQUIRED') return unauthorized('AUTH_REQUIRED', undefined, err);
    return code ? new ApiError(code, { cause: err }) : new ApiError('CLIENT_ERROR', { status, cause: err });
  }
  // A retryable domain error (bus timeout, no responders) is the server's temporary problem, not a bug.
  if (status === 503 || (err instanceof UapError && err.retryable)) return new ApiError('UNAVAILABLE', { cause: err, headers: { 'retry-after': '1' } });
  return new ApiError('INTERNAL', { detail: 'An unexpected error occurred', cause: err });
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: ApiError): FastifyReply {
  return reply.code(err.status).headers(err.headers).type(PROBLEM_CONTENT_TYPE).send(toProblem(err, req.id));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req, reply) => {
    const api = toApiError(err);
    // Bugs are logged with the original error (stack included) — in the log, never in the response.
    if (api.status >= 500) req.log.error({ err, code: api.code }, 'request failed');
    else req.log.info({ code: api.code, status: api.status, detail: api.detail }, 'request refused');
    return sendProblem(req, reply, api);
  });
}

export function registerNotFoundHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    sendProblem(req, reply, notFound(`No route for ${req.method} ${req.url.split('?')[0]}`));
  });
}
