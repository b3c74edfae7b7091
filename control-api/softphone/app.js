// The softphone: sign in (or a token link), pick an agent or number, call over WebRTC, mute, keypad
// (RFC 4733 through the audio sender, a signalling message where the browser cannot), level meters,
// connection quality from getStats, the live transcript. Plain ES module, no build step.
const $ = (id) => document.getElementById(id);
const API = '/api/v1';
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

const state = {
  accessToken: sessionStorage.getItem('uap.accessToken') || '',
  call: null, // { ws, pc, mic, callId, resumeToken, signalingUrl, ended, reconnects }
  audio: null, // AudioContext
  inAnalyser: null,
  outAnalyser: null,
  statsTimer: 0,
  lastStats: null,
};
// Read by the end-to-end test (and handy in the console).
window.softphone = { state, outLevel: () => level(state.outAnalyser), inLevel: () => level(state.inAnalyser), dtmfAcks: [], events: [] };

function setStatus(s) {
  $('status').textContent = s;
  $('status').dataset.state = s;
  $('q-state').textContent = s;
}

function showError(msg) {
  $('error').textContent = msg;
  $('error').hidden = !msg;
}

async function api(path, body) {
  const res = await fetch(API + path, {
    method: body ? 'POST' : 'GET',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(state.accessToken ? { authorization: `Bearer ${state.accessToken}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : {};
  if (!res.ok) {
    if (res.status === 401) signOut();
    throw new Error(data.detail || data.title || `HTTP ${res.status}`);
  }
  return data;
}

function signOut() {
  state.accessToken = '';
  sessionStorage.removeItem('uap.accessToken');
  $('signin').hidden = false;
  $('dial').hidden = true;
}

async function signIn(ev) {
  ev.preventDefault();
  showError('');
  try {
    const body = { email: $('email').value, password: $('password').value };
    if ($('tenant').value.trim()) body.tenantSlug = $('tenant').value.trim();
    const t = await api('/auth/login', body);
    state.accessToken = t.accessToken;
    sessionStorage.setItem('uap.accessToken', t.accessToken);
    await loadTargets();
  } catch (err) {
    showError(`Sign-in failed: ${err.message}`);
  }
}

async function loadTargets() {
  const [agents, numbers] = await Promise.all([api('/agent-configs?limit=100'), api('/phone-numbers?limit=100')]);
  const sel = $('target');
  sel.replaceChildren();
  for (const a of agents.items) sel.append(new Option(`Agent · ${a.name} (${a.kind})`, JSON.stringify({ agentConfigId: a.id })));
  for (const n of numbers.items) if (n.agentConfigId) sel.append(new Option(`Number · ${n.e164 === '*' ? 'catch-all (*)' : n.e164}`, JSON.stringify({ number: n.e164 })));
  $('signin').hidden = true;
  $('dial').hidden = false;
  $('call').disabled = sel.options.length === 0;
  if (sel.options.length === 0) showError('This tenant has no agent configs or numbers to call yet.');
}

// --- audio meters ---

function analyser(stream) {
  state.audio ??= new AudioContext();
  const a = state.audio.createAnalyser();
  a.fftSize = 1024;
  state.audio.createMediaStreamSource(stream).connect(a);
  return a;
}

const buf = new Float32Array(1024);
function level(a) {
  if (!a) return 0;
  a.getFloatTimeDomainData(buf);
  let sum = 0;
  for (let i = 0; i < buf.length; i++) sum += buf[i] * buf[i];
  return Math.sqrt(sum / buf.length);
}

function drawMeters() {
  $('in-level').value = Math.min(1, level(state.inAnalyser) * 4);
  $('out-level').value = Math.min(1, level(state.outAnalyser) * 4);
  requestAnimationFrame(drawMeters);
}

// --- the call ---

async function call(tokenReply) {
  showError('');
  $('transcript').replaceChildren();
  $('dtmf-acks').textContent = '';
  setStatus('connecting');
  let mic;
  try {
    mic = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
  } catch (err) {
    setStatus('idle');
    showError(`No microphone: ${err.message}`);
    return;
  }
  state.inAnalyser = analyser(mic);
  const c = { ws: null, pc: null, mic, callId: '', resumeToken: '', signalingUrl: tokenReply.signalingUrl, ended: false, reconnects: 0, iceServers: tokenReply.iceServers || [] };
  state.call = c;
  $('call').disabled = true;
  $('hangup').disabled = false;
  $('who').textContent = tokenReply.target ? `Calling ${tokenReply.target.name}` : '';
  openSignaling(c, { type: 'hello', token: tokenReply.token });
}

function openSignaling(c, first) {
  const ws = new WebSocket(c.signalingUrl);
  c.ws = ws;
  ws.onopen = () => ws.send(JSON.stringify(first));
  ws.onmessage = (ev) => onSignal(c, JSON.parse(ev.data));
  ws.onclose = () => {
    if (c.ended || c.ws !== ws) return;
    // Signalling dropped mid-call: the media keeps flowing; resume within the server's grace period.
    if (c.callId && c.reconnects < 5) {
      c.reconnects++;
      setStatus('reconnecting');
      setTimeout(() => !c.ended && openSignaling(c, { type: 'resume', callId: c.callId, resumeToken: c.resumeToken }), 500 * c.reconnects);
    } else endCall(c, 'signalling closed');
  };
}

function send(c, msg) {
  if (c.ws?.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify(msg));
}

async function onSignal(c, m) {
  window.softphone.events.push(m.type);
  switch (m.type) {
    case 'ready':
      if (c.pc) return; // a resumed connection
      c.callId = m.callId;
      c.resumeToken = m.resumeToken;
      await startPeer(c, m.iceServers?.length ? m.iceServers : c.iceServers);
      break;
    case 'answer':
      await c.pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
      break;
    case 'ice':
      if (m.candidate) await c.pc.addIceCandidate(m.candidate).catch(() => {});
      break;
    case 'state':
      setStatus('connected');
      break;
    case 'dtmf':
      window.softphone.dtmfAcks.push(m.digit);
      $('dtmf-acks').textContent = `Keys heard by the agent: ${window.softphone.dtmfAcks.join(' ')}`;
      break;
    case 'transcript':
      addTranscript(m.role, m.text, m.final);
      break;
    case 'error':
      showError(`${m.message} (${m.code})`);
      if (m.fatal) endCall(c, m.code);
      break;
    case 'ended':
      endCall(c, m.reason);
      break;
  }
}

async function startPeer(c, iceServers) {
  const pc = new RTCPeerConnection({ iceServers });
  c.pc = pc;
  for (const t of c.mic.getAudioTracks()) pc.addTrack(t, c.mic);
  pc.ontrack = (ev) => {
    const stream = ev.streams[0] || new MediaStream([ev.track]);
    $('remote').srcObject = stream;
    state.outAnalyser = analyser(stream);
  };
  pc.onicecandidate = (ev) => send(c, { type: 'ice', candidate: ev.candidate ? ev.candidate.toJSON() : null });
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'connected') setStatus('connected');
    else if (pc.connectionState === 'failed') setStatus('failed');
    else if (pc.connectionState === 'disconnected') setStatus('reconnecting');
  };
  await pc.setLocalDescription(await pc.createOffer());
  send(c, { type: 'offer', sdp: pc.localDescription.sdp });
  $('mute').disabled = false;
  state.statsTimer = setInterval(() => updateStats(pc), 1000);
}

function endCall(c, why) {
  if (c.ended) return;
  c.ended = true;
  clearInterval(state.statsTimer);
  c.pc?.close();
  for (const t of c.mic.getTracks()) t.stop();
  if (c.ws && c.ws.readyState <= WebSocket.OPEN) c.ws.close(1000);
  state.call = null;
  state.inAnalyser = null;
  state.outAnalyser = null;
  setStatus(why === 'caller-hangup' ? 'ended' : `ended`);
  $('who').textContent = `Call ended (${why})`;
  $('call').disabled = false;
  $('hangup').disabled = true;
  $('mute').disabled = true;
  $('mute').setAttribute('aria-pressed', 'false');
  $('mute').textContent = 'Mute';
}

function hangUp() {
  const c = state.call;
  if (!c) return;
  send(c, { type: 'hangup' });
  endCall(c, 'caller-hangup');
}

function toggleMute() {
  const c = state.call;
  if (!c) return;
  const muted = $('mute').getAttribute('aria-pressed') !== 'true';
  for (const t of c.mic.getAudioTracks()) t.enabled = !muted;
  send(c, { type: 'mute', muted });
  $('mute').setAttribute('aria-pressed', String(muted));
  $('mute').textContent = muted ? 'Unmute' : 'Mute';
}

function pressKey(k) {
  const c = state.call;
  if (!c?.pc) return;
  const dtmf = c.pc.getSenders().find((s) => s.track?.kind === 'audio')?.dtmf;
  if (dtmf?.canInsertDTMF) dtmf.insertDTMF(k, 120, 70);
  else send(c, { type: 'dtmf', digits: k });
}

function addTranscript(role, text, final) {
  const list = $('transcript');
  let li = list.lastElementChild;
  if (!li || li.dataset.final === 'true' || li.dataset.role !== role) {
    li = document.createElement('li');
    li.dataset.role = role;
    li.className = role;
    list.append(li);
  }
  li.textContent = `${role === 'agent' ? 'Agent' : 'You'}: ${text}`;
  li.dataset.final = String(final);
  li.classList.toggle('partial', !final);
  list.scrollTop = list.scrollHeight;
}

async function updateStats(pc) {
  const report = await pc.getStats();
  let rtt, lost = 0, received = 0, jitter;
  report.forEach((s) => {
    if (s.type === 'candidate-pair' && s.nominated && s.currentRoundTripTime !== undefined) rtt = s.currentRoundTripTime;
    if (s.type === 'inbound-rtp' && s.kind === 'audio') {
      lost = s.packetsLost ?? 0;
      received = s.packetsReceived ?? 0;
      jitter = s.jitter;
    }
  });
  const prev = state.lastStats;
  state.lastStats = { lost, received };
  const dl = prev ? lost - prev.lost : 0;
  const dr = prev ? received - prev.received : 0;
  $('q-rtt').textContent = rtt !== undefined ? `${Math.round(rtt * 1000)} ms` : '–';
  $('q-loss').textContent = dr + dl > 0 ? `${((100 * dl) / (dr + dl)).toFixed(1)} %` : '0 %';
  $('q-jitter').textContent = jitter !== undefined ? `${Math.round(jitter * 1000)} ms` : '–';
}

// --- start ---

function init() {
  for (const k of KEYS) {
    const b = document.createElement('button');
    b.textContent = k;
    b.dataset.key = k;
    b.addEventListener('click', () => pressKey(k));
    $('keypad').append(b);
  }
  $('signin-form').addEventListener('submit', signIn);
  $('hangup').addEventListener('click', hangUp);
  $('mute').addEventListener('click', toggleMute);
  $('call').addEventListener('click', async () => {
    try {
      await call(await api('/softphone/token', JSON.parse($('target').value)));
    } catch (err) {
      setStatus('idle');
      showError(`Cannot call: ${err.message}`);
    }
  });
  window.addEventListener('pagehide', hangUp);
  requestAnimationFrame(drawMeters);

  // A token link (/softphone#token=…&url=wss://…): call without signing in. The hash never reaches a server log.
  const link = new URLSearchParams(location.hash.slice(1));
  if (link.get('token')) {
    $('dial').hidden = false;
    $('target').replaceChildren(new Option('the agent of this link', 'link'));
    const signalingUrl = link.get('url') || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/webrtc/ws`;
    $('call').onclick = null;
    $('call').replaceWith($('call').cloneNode(true));
    $('call').addEventListener('click', () => call({ token: link.get('token'), signalingUrl, iceServers: [] }));
    history.replaceState(null, '', location.pathname); // the token is single-use: keep it out of the history
    return;
  }
  if (state.accessToken) loadTargets().catch(() => signOut());
  else signOut();
}

init();
