// Parses the TwiML our voice webhook returns. There is no XML library in the repo, so this is a
// small strict parser for the subset TwiML uses (elements, attributes, text, the five predefined
// entities + numeric refs, an optional <?xml?> declaration). Anything else throws, so a malformed
// reply fails a test loudly instead of being half-understood.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string; // concatenated direct text content (entities decoded)
}

export interface StreamTwiml {
  kind: 'stream';
  streamUrl: string;
  parameters: Record<string, string>;
  statusCallback?: string;
  statusCallbackMethod?: string;
  name?: string;
  track?: string;
}

export interface OtherTwiml {
  kind: 'other';
  say?: string;
  hangup: boolean;
  verbs: string[]; // top-level verb names in order, e.g. ['Say', 'Hangup']
}

export type ParsedTwiml = StreamTwiml | OtherTwiml;

export class TwimlError extends Error {
  constructor(message: string, readonly input: string) {
    super(`TwiML: ${message}`);
    this.name = 'TwimlError';
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const STREAM_ATTRS = new Set(['url', 'name', 'track', 'statusCallback', 'statusCallbackMethod']);

function decodeEntities(raw: string, fail: (m: string) => never): string {
  return raw.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) fail(`bare '&' in ${JSON.stringify(raw)}`);
    if (body in NAMED) return NAMED[body];
    const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (num) return String.fromCodePoint(num[1] ? parseInt(num[1], 16) : parseInt(num[2], 10));
    return fail(`unknown entity &${body};`);
  });
}

/** Generic parse of the supported XML subset into an element tree (one root). */
export function parseXml(input: string): XmlElement {
  let i = 0;
  const fail = (m: string): never => {
    throw new TwimlError(`${m} at offset ${i}`, input);
  };
  const skipWs = () => {
    while (i < input.length && /\s/.test(input[i])) i++;
  };
  const readName = (): string => {
    const m = NAME_RE.exec(input.slice(i));
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };

  if (input.charCodeAt(0) === 0xfeff) i = 1; // tolerate a UTF-8 BOM
  skipWs();
  if (input.startsWith('<?xml', i)) {
    const end = input.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
    skipWs();
  }

  const parseElement = (): XmlElement => {
    if (input[i] !== '<') fail("expected '<'");
    i++;
    if (input[i] === '!' || input[i] === '?') fail('comments, CDATA, DOCTYPE and processing instructions are not supported');
    const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      skipWs();
      if (input.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (input[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail(`expected whitespace, '>' or '/>' in <${el.name}>`);
      const attr = readName();
      skipWs();
      if (input[i] !== '=') fail(`expected '=' after attribute ${attr}`);
      i++;
      skipWs();
      const q = input[i];
      if (q !== '"' && q !== "'") fail(`attribute ${attr} value must be quoted`);
      const end = input.indexOf(q, i + 1);
      if (end < 0) fail(`unterminated value of attribute ${attr}`);
      const raw = input.slice(i + 1, end);
      if (raw.includes('<')) fail(`'<' in value of attribute ${attr}`);
      if (attr in el.attrs) fail(`duplicate attribute ${attr} on <${el.name}>`);
      el.attrs[attr] = decodeEntities(raw, fail);
      i = end + 1;
    }
    // Content: text and child elements until the matching close tag.
    for (;;) {
      const lt = input.indexOf('<', i);
      if (lt < 0) fail(`missing </${el.name}>`);
      const text = input.slice(i, lt);
      if (text.includes('>')) fail(`stray '>' in text of <${el.name}>`);
      el.text += decodeEntities(text, fail);
      i = lt;
      if (input.startsWith('</', i)) {
        i += 2;
        const close = readName();
        if (close !== el.name) fail(`</${close}> does not match <${el.name}>`);
        skipWs();
        if (input[i] !== '>') fail(`expected '>' to close </${close}>`);
        i++;
        return el;
      }
      el.children.push(parseElement());
    }
  };

  const root = parseElement();
  skipWs();
  if (i !== input.length) fail('content after the root element');
  return root;
}

function requireNoText(el: XmlElement, input: string): void {
  if (el.text.trim() !== '') throw new TwimlError(`unexpected text inside <${el.name}>`, input);
}

/** Interprets our webhook's TwiML: a <Connect><Stream> or a simple Say/Hangup style reply. */
export function parseTwiml(input: string): ParsedTwiml {
  const root = parseXml(input);
  if (root.name !== 'Response') throw new TwimlError(`root element is <${root.name}>, expected <Response>`, input);
  requireNoText(root, input);

  const connect = root.children.find((c) => c.name === 'Connect');
  if (connect) {
    requireNoText(connect, input);
    const [stream, ...rest] = connect.children;
    if (!stream || stream.name !== 'Stream' || rest.length > 0)
      throw new TwimlError('<Connect> must contain exactly one <Stream>', input);
    return parseStream(stream, input);
  }

  const verbs = root.children.map((c) => c.name);
  const says = root.children.filter((c) => c.name === 'Say').map((c) => c.text.trim());
  const out: OtherTwiml = { kind: 'other', hangup: verbs.includes('Hangup') || verbs.includes('Reject'), verbs };
  if (says.length) out.say = says.join(' ');
  return out;
}

function parseStream(stream: XmlElement, input: string): StreamTwiml {
  requireNoText(stream, input);
  for (const a of Object.keys(stream.attrs))
    if (!STREAM_ATTRS.has(a)) throw new TwimlError(`unknown <Stream> attribute ${a}`, input);
  const url = stream.attrs.url;
  if (!url) throw new TwimlError('<Stream> has no url', input);
  if (!/^wss?:\/\//.test(url)) throw new TwimlError(`<Stream url> must be ws:// or wss://, got ${url}`, input);

  const parameters: Record<string, string> = {};
  for (const p of stream.children) {
    if (p.name !== 'Parameter') throw new TwimlError(`<Stream> may only contain <Parameter>, got <${p.name}>`, input);
    requireNoText(p, input);
    if (p.children.length) throw new TwimlError('<Parameter> must be empty', input);
    const { name, value } = p.attrs;
    if (name === undefined || value === undefined) throw new TwimlError('<Parameter> needs name and value', input);
    parameters[name] = value;
  }
  const out: StreamTwiml = { kind: 'stream', streamUrl: url, parameters };
  const { statusCallback, statusCallbackMethod, name, track } = stream.attrs;
  if (statusCallback !== undefined) out.statusCallback = statusCallback;
  if (statusCallbackMethod !== undefined) out.statusCallbackMethod = statusCallbackMethod;
  if (name !== undefined) out.name = name;
  if (track !== undefined) out.track = track;
  return out;
}
