// The agent role: a worker with the agent kinds this build knows.
import type { Config } from '../lib/config.ts';
import type { Bus } from '../lib/bus/types.ts';
import type { Logger } from '../lib/logger.ts';
import type { Registry } from '../lib/metrics.ts';
import { AgentWorker } from './worker.ts';
import { uap, subjects } from '../proto/index.ts';
import { errorMessage } from '../lib/errors.ts';
import { EspeakTts } from './tts/espeak.ts';
import { offlineKind, prewarmOffline } from './kinds/offline.ts';
import { needsVad, parseOfflineSettings } from './kinds/offline/settings.ts';
import { echoKind } from './kinds/echo.ts';
import { ultravoxKind } from './kinds/ultravox/ultravox-kind.ts';
import { openaiRealtimeKind } from './kinds/openai-realtime/realtime-kind.ts';
import { cascadedKind } from './kinds/cascaded/cascaded-kind.ts';
import { recordingStore } from '../lib/recordings.ts';

export type { AgentKind, AgentCall, AgentCallContext, AgentOutput } from './kinds/types.ts';

export interface AgentRole {
  worker: AgentWorker;
  drain(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startAgentRole(config: Config, bus: Bus, registry: Registry, log: Logger): Promise<AgentRole> {
  const tts = new EspeakTts(16000);
  // Until agent configs live in the database, settings come from the ROUTES config by config id.
  const settingsById = new Map<string, Record<string, unknown>>();
  const kindById = new Map<string, string>();
  for (const r of config.routes.values()) {
    settingsById.set(r.agentConfigId, r.agent);
    kindById.set(r.agentConfigId, r.agentKind);
  }
  const worker = new AgentWorker({
    bus,
    log,
    registry,
    kinds: [
      offlineKind(tts, {
        vadBatchWaitMs: config.vadBatchWaitMs,
        vadEngine: config.vadEngine,
        // Like cascaded: only when calls are routed by config to offline agents that listen for speech.
        preload: [...config.routes.values()].some((r) => r.agentKind === 'offline' && needsVad(parseOfflineSettings(r.agent))) ? { log } : undefined,
      }),
      echoKind,
      ultravoxKind({ apiKey: config.ultravoxApiKey, baseUrl: config.ultravoxBaseUrl, allowPrivateHttp: config.toolHttpAllowPrivate }),
      openaiRealtimeKind({ apiKey: config.openaiApiKey, url: config.openaiRealtimeUrl, model: config.openaiRealtimeModel, restBaseUrl: config.openaiBaseUrl, registry, allowPrivateHttp: config.toolHttpAllowPrivate }),
      cascadedKind({
        registry,
        allowPrivateHttp: config.toolHttpAllowPrivate,
        vadBatchWaitMs: config.vadBatchWaitMs,
        vadEngine: config.vadEngine,
        // Silero is heavy: load it at start only when calls are routed to this kind by config.
        preload: [...config.routes.values()].some((r) => r.agentKind === 'cascaded'),
        espeak: tts,
        openai: { apiKey: config.openaiApiKey, baseUrl: config.openaiBaseUrl },
        anthropic: { apiKey: config.anthropicApiKey, baseUrl: config.anthropicBaseUrl },
        gemini: { apiKey: config.geminiApiKey, baseUrl: config.geminiBaseUrl },
        deepgram: { apiKey: config.deepgramApiKey, baseUrl: config.deepgramUrl },
        elevenlabs: { apiKey: config.elevenlabsApiKey, baseUrl: config.elevenlabsBaseUrl },
      }),
    ],
    capacity: config.agentCapacity,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    resolveSettings: (id) => (config.routingSource === 'config' ? settingsById.get(id) : undefined),
    resolveKind: (id) => (config.routingSource === 'config' ? kindById.get(id) : undefined),
    // Voicemail: the NATS object store, or RECORDINGS_DIR when every role shares this process.
    recordings: recordingStore(bus, config.recordingsDir),
    // The configuration (with its provider secrets) comes from the control API.
    fetchSettings: async (tenantId, id) => {
      try {
        const reply = uap.AgentConfigReply.decode(await bus.request(subjects.agentConfigGet, uap.AgentConfigRequest.encode({ tenantId, agentConfigId: id }).finish(), { timeoutMs: 1500 }));
        if (reply.found) return JSON.parse(reply.configJson || '{}');
        log.warn({ agentConfigId: id, code: reply.errorCode }, 'agent settings not found for this call; using defaults');
      } catch (err) {
        log.warn({ err: errorMessage(err), agentConfigId: id }, 'agent settings unavailable; using defaults');
      }
      return undefined;
    },
  });
  worker.start();
  // Synthesize the greeting and digit read-outs in the background so the first call answers at once.
  void prewarmOffline(tts).then(() => log.debug('offline agent speech cached'));
  return {
    worker,
    drain: (t) => worker.drain(t),
    async close() {
      worker.close();
      await tts.close();
    },
  };
}
