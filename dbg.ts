import { startUap, TEST_AUTH_TOKEN } from './test/support/uap-process.ts';
import { fork } from 'node:child_process';
const uap = await startUap({ env: { DEFAULT_AGENT: 'echo', AGENT_CAPACITY: '5000', NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof' } });
const child = fork('bench/twilio-load/callers.ts', ['--url', uap.webhookUrl, '--token', TEST_AUTH_TOKEN, '--calls', '100', '--seconds', '12', '--warmup', '5'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
let out = ''; child.stdout!.on('data', d => out += d);
await new Promise(r => child.on('exit', r));
console.log(out);
await uap.stop('SIGTERM');
