// The `uap` command line: `uap serve [--roles …]`, `uap call …` (a simulated Twilio call), `uap --help`.
import { parseArgs } from 'node:util';
import { loadConfig, ROLES, type Role } from '../lib/config.ts';
import { ConfigError, errorMessage } from '../lib/errors.ts';

const HELP = `uap — real-time voice AI platform

Usage:
  uap serve [--roles media,signaling,agent,api]   run the platform (all roles by default)
  uap call [options]                               place a simulated Twilio call against a running server
  uap migrate                                      apply database migrations and the default-tenant seed, then exit
  uap --help                                       this text

uap call options:
  --url URL          voice webhook (default http://127.0.0.1:$PORT/twilio/voice)
  --token TOKEN      Twilio auth token the server uses (default $TWILIO_AUTH_TOKEN)
  --seconds N        how long the call lasts (default 15)
  --dtmf DIGITS      keys to press: the first one during the greeting (it interrupts), the rest after
  --from, --to E164  caller and called numbers (default +15550001111 → +15550002222)
  --out FILE         write what the agent said to a WAV file (8 kHz µ-law → 16-bit PCM)

Settings are read from the environment (see README.md): PORT, MEDIA_PORT, PUBLIC_URL, MEDIA_PUBLIC_URL,
TWILIO_AUTH_TOKEN, NATS_URL, DATABASE_URL, REDIS_URL, LOG_LEVEL and more.
`;

function fatal(msg: string, code = 2): never {
  process.stderr.write(`uap: ${msg}\n`);
  process.exit(code);
}

/** The validated config, or one clear line naming the bad variable and exit code 2. */
function configOrExit() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fatal(`configuration error: ${err.message}`);
    throw err;
  }
}

async function main(argv: string[]): Promise<void> {
  const cmd = argv[0];
  if (!cmd || cmd === 'help' || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (cmd === 'serve') {
    let values;
    try {
      ({ values } = parseArgs({ args: argv.slice(1), options: { roles: { type: 'string' } }, strict: true }));
    } catch (err) {
      fatal(`${errorMessage(err)}\n\n${HELP}`);
    }
    const roles = (values.roles ?? ROLES.join(',')).split(',').map((r) => r.trim()).filter(Boolean);
    for (const r of roles) if (!ROLES.includes(r as Role)) fatal(`unknown role "${r}" (roles: ${ROLES.join(', ')})`);
    if (roles.length === 0) fatal('--roles needs at least one role');
    const config = configOrExit();
    const { serve } = await import('./serve.ts');
    let running;
    try {
      running = await serve(config, roles as Role[]);
    } catch (err) {
      fatal(`could not start: ${errorMessage(err)}`, 1);
    }
    let signals = 0;
    const onSignal = (sig: string) => {
      if (++signals > 1) {
        process.stderr.write(`uap: second ${sig}, exiting now\n`);
        process.exit(130);
      }
      running.stop(sig).then(
        () => process.exit(0),
        (err) => fatal(`error while stopping: ${errorMessage(err)}`, 1),
      );
    };
    process.on('SIGTERM', () => onSignal('SIGTERM'));
    process.on('SIGINT', () => onSignal('SIGINT'));
    return;
  }
  if (cmd === 'migrate') {
    const config = configOrExit();
    const { join } = await import('node:path');
    const { migrateAndSeed } = await import('../control-api/db/index.ts');
    const { createLogger } = await import('../lib/logger.ts');
    try {
      const r = await migrateAndSeed({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pg'), log: createLogger(config.logLevel) });
      process.stdout.write(`database (${r.kind}): ${r.applied.length} migration(s) applied now, ${r.executed.length} in all; pgvector ${r.capabilities.vector ? 'on' : 'off'}; default tenant ${r.seed.created ? 'created' : 'present'}\n`);
    } catch (err) {
      fatal(`migration failed: ${errorMessage(err)}`, 1);
    }
    return;
  }
  if (cmd === 'call') {
    const { runCall } = await import('./call.ts');
    try {
      await runCall(argv.slice(1));
    } catch (err) {
      fatal(errorMessage(err), 1);
    }
    return;
  }
  fatal(`unknown command "${cmd}"\n\n${HELP}`);
}

await main(process.argv.slice(2));
