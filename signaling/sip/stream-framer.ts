// SIP over a byte stream (TCP, RFC 3261 §18.3): messages are cut out by the empty line after the headers
// and Content-Length, which is mandatory on streams. CRLFs between messages are skipped; a double CRLF
// is a keep-alive ping (RFC 5626 §3.5.1) to answer with a single CRLF. A message that cannot be framed
// (no or bad Content-Length, too large) leaves the stream unusable: the owner answers if it can and closes.

export type FramingError = 'TOO_LARGE' | 'NO_CONTENT_LENGTH' | 'BAD_CONTENT_LENGTH';

export interface FramerSink {
  onMessage(msg: Buffer): void;
  onKeepAlive(): void;
  /** `head`: the header section read so far (to answer from), when there is one. */
  onError(code: FramingError, head: Buffer | undefined): void;
}

const CONTENT_LENGTH = /^(?:content-length|l)[ \t]*:[ \t]*([^\r\n]*)$/im;

export class SipStreamFramer {
  private buf: Buffer = Buffer.alloc(0);
  private failed = false;

  constructor(private readonly maxBytes: number, private readonly sink: FramerSink) {}

  /** Bytes held waiting for the rest of a message. */
  get pending(): number {
    return this.buf.length;
  }

  push(chunk: Buffer): void {
    if (this.failed) return;
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    for (;;) {
      // Skip CRLFs between messages; a CRLFCRLF run is a ping.
      let i = 0;
      let crlfs = 0;
      while (i < this.buf.length && (this.buf[i] === 0x0d || this.buf[i] === 0x0a)) {
        if (this.buf[i] === 0x0a) crlfs++;
        i++;
      }
      if (i > 0) {
        if (crlfs >= 2) this.sink.onKeepAlive();
        this.buf = this.buf.subarray(i);
      }
      if (this.buf.length === 0) return;
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buf.length > this.maxBytes) this.fail('TOO_LARGE', this.buf.subarray(0, this.maxBytes));
        return;
      }
      const head = this.buf.subarray(0, end + 4);
      const m = CONTENT_LENGTH.exec(head.toString('latin1'));
      if (!m) return this.fail('NO_CONTENT_LENGTH', head);
      const value = m[1].trim();
      if (!/^\d{1,6}$/.test(value)) return this.fail('BAD_CONTENT_LENGTH', head);
      const total = end + 4 + Number(value);
      if (total > this.maxBytes) return this.fail('TOO_LARGE', head);
      if (this.buf.length < total) return;
      // A copy: the message outlives the stream buffer (transactions keep requests).
      const msg = Buffer.from(this.buf.subarray(0, total));
      this.buf = this.buf.subarray(total);
      this.sink.onMessage(msg);
      if (this.failed) return;
    }
  }

  private fail(code: FramingError, head: Buffer | undefined): void {
    this.failed = true;
    this.buf = Buffer.alloc(0);
    this.sink.onError(code, head);
  }
}
