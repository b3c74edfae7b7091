// Tools for agent kinds: declare (tool-spec), run (tool-runner), offer to providers (provider-formats).
import type { AgentCallContext } from '../kinds/types.ts';
import { parseTools } from './tool-spec.ts';
import { ToolRunner } from './tool-runner.ts';

export { parseTools, TOOL_TYPES, type ToolSpec } from './tool-spec.ts';
export { ToolRunner, type ToolResult } from './tool-runner.ts';
export { busDataTools, type DataTools } from './data-tools.ts';
export * from './provider-formats.ts';

/** The call's tools from its agent config (bad entries logged and skipped). */
export function toolRunnerFor(ctx: AgentCallContext, opts: { allowPrivateHttp?: boolean } = {}): ToolRunner {
  const { tools, problems } = parseTools(ctx.settings.tools);
  if (problems.length > 0) ctx.log.warn({ problems }, 'agent config tools with problems were skipped');
  const secrets = (ctx.settings.secrets ?? {}) as Record<string, unknown>;
  return new ToolRunner(tools, { callId: ctx.callId, tenantId: ctx.tenantId, log: ctx.log, out: ctx.out, secrets, allowPrivateHttp: opts.allowPrivateHttp ?? false, onToolCall: ctx.onToolCall, data: ctx.data, agentConfigId: ctx.agentConfigId });
}
