// Function calls the model makes, run on our side. Each result goes back to the model as a
// `function_call_output` (a JSON string); an error result tells the model the tool failed rather than
// leaving it waiting. For now: `end_call` (hang up after the goodbye plays); `send_dtmf` and any other
// tool answer with an error.
import type { RealtimeTool } from './session-config.ts';

export const BUILTIN_TOOLS: RealtimeTool[] = [
  {
    type: 'function',
    name: 'end_call',
    description: 'Hang up the phone call. Say goodbye first; the call ends once your goodbye has played.',
    parameters: { type: 'object', properties: { reason: { type: 'string', description: 'Why the call is ending' } } },
  },
];

export interface ToolResult {
  /** JSON text for function_call_output. */
  output: string;
  /** end_call: hang up once the audio already sent has played. */
  endCall?: { reason: string };
}

function args(json: string): Record<string, unknown> | undefined {
  if (json.trim() === '') return {};
  try {
    const v = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function runTool(name: string, argumentsJson: string): ToolResult {
  const a = args(argumentsJson);
  if (a === undefined) return { output: JSON.stringify({ error: `the arguments of ${name} are not a JSON object` }) };
  switch (name) {
    case 'end_call': {
      const reason = typeof a.reason === 'string' && a.reason.trim() ? a.reason.trim().slice(0, 200) : 'agent ended the call';
      return { output: JSON.stringify({ ok: true, result: 'The call will end once your goodbye has played.' }), endCall: { reason } };
    }
    case 'send_dtmf':
      return { output: JSON.stringify({ error: 'send_dtmf is not available on this call yet' }) };
    default:
      return { output: JSON.stringify({ error: `unknown tool: ${name}` }) };
  }
}
