// The declared tools in each provider's own tool format: every provider gets the same names, descriptions
// and JSON Schemas, so ToolRunner can serve a call whichever provider makes it.
import type { ToolSpec } from './tool-spec.ts';

/** OpenAI Realtime `session.tools`. */
export const toOpenAiRealtimeTools = (tools: ToolSpec[]) => tools.map((t) => ({ type: 'function' as const, name: t.name, description: t.description, parameters: t.parameters }));

/** OpenAI Chat Completions `tools`. */
export const toOpenAiChatTools = (tools: ToolSpec[]) => tools.map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: t.parameters } }));

/** Anthropic Messages `tools`. */
export const toAnthropicTools = (tools: ToolSpec[]) => tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters }));

/** Gemini `tools` (function declarations with a plain JSON Schema). */
export const toGeminiTools = (tools: ToolSpec[]) => (tools.length === 0 ? [] : [{ functionDeclarations: tools.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters })) }]);

/** Ultravox `selectedTools`: client tools (invoked over the call's socket), one body parameter per property. */
export function toUltravoxTools(tools: ToolSpec[]) {
  return tools.map((t) => {
    const props = (t.parameters.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(t.parameters.required) ? (t.parameters.required as string[]) : []);
    return {
      temporaryTool: {
        modelToolName: t.name,
        description: t.description,
        dynamicParameters: Object.entries(props).map(([name, schema]) => ({ name, location: 'PARAMETER_LOCATION_BODY', schema, required: required.has(name) })),
        client: {},
      },
    };
  });
}
