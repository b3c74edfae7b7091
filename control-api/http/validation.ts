// The API's schema validator. fastify's default ajv silently *removes* unknown fields (removeAdditional:
// true) and coerces body types; the API instead rejects both, so a typo in a field name is a 400, not a
// silently ignored setting. Query strings and path params are text on the wire, so only they are coerced.
//
// ajv and ajv-formats are fastify's own validator packages (dependencies of @fastify/ajv-compiler).
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import formatsPlugin from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS with `module.exports = plugin`; under NodeNext the default import is the plugin.
const addFormats = formatsPlugin as unknown as (ajv: Ajv) => Ajv;

const BASE: Options = {
  removeAdditional: false, // unknown fields are errors (with additionalProperties: false in every object schema)
  useDefaults: true, // fills defaults such as PageQuery's limit
  allErrors: false, // as fastify: with allErrors a crafted body can make validation expensive
  strict: true, // a typo in a schema keyword fails at startup, not silently at runtime
};

export function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ ...BASE, coerceTypes: coerce ? 'array' : false });
  addFormats(ajv);
  ajv.addKeyword('example'); // OpenAPI annotation, allowed in schemas for the docs
  return ajv;
}

/** Installs the strict validator on this encapsulation context (the API plugin and its children). */
export function registerValidation(app: FastifyInstance): void {
  const bodyAjv = createAjv(false);
  const textAjv = createAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    return ajv.compile(schema as object) as ValidateFunction;
  });
}
