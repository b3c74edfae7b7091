// RFC 4733 telephone-events: DTMF digits carried in RTP. Receiving reports each event once (all packets
// of an event share its start timestamp, and the end packet is sent three times); sending produces the
// packet sequence of one key press.

export const DTMF_PAYLOAD_BYTES = 4;
const DIGITS = '0123456789*#ABCD';

export function dtmfEventCode(digit: string): number {
  const i = DIGITS.indexOf(digit.toUpperCase());
  if (i < 0 || digit.length !== 1) throw new RangeError(`"${digit}" is not a DTMF digit`);
  return i;
}

export function dtmfDigit(event: number): string | undefined {
  return event >= 0 && event < 16 ? DIGITS[event] : undefined;
}

export interface DtmfPayload {
  event: number;
  end: boolean;
  volume: number;
  duration: number;
}

export function parseDtmfPayload(buf: Uint8Array, off: number, len: number, out: DtmfPayload): boolean {
  if (len < DTMF_PAYLOAD_BYTES) return false;
  out.event = buf[off];
  out.end = (buf[off + 1] & 0x80) !== 0;
  out.volume = buf[off + 1] & 0x3f;
  out.duration = (buf[off + 2] << 8) | buf[off + 3];
  return true;
}

export function writeDtmfPayload(buf: Uint8Array, off: number, event: number, end: boolean, volume: number, duration: number): void {
  buf[off] = event;
  buf[off + 1] = (end ? 0x80 : 0) | (volume & 0x3f);
  buf[off + 2] = (duration >>> 8) & 0xff;
  buf[off + 3] = duration & 0xff;
}

/** Reports each telephone-event once, however many packets (updates, 3× end) carry it. */
export class DtmfReceiver {
  private lastTimestamp = -1;
  private readonly p: DtmfPayload = { event: 0, end: false, volume: 0, duration: 0 };
  duplicates = 0;
  unknownEvents = 0;

  /** The digit when this packet starts a new event, else undefined (a repeat, or not a DTMF event). */
  onPacket(payload: Uint8Array, off: number, len: number, timestamp: number): string | undefined {
    if (!parseDtmfPayload(payload, off, len, this.p)) return undefined;
    if (timestamp === this.lastTimestamp) {
      this.duplicates++;
      return undefined;
    }
    this.lastTimestamp = timestamp;
    const digit = dtmfDigit(this.p.event);
    if (digit === undefined) this.unknownEvents++;
    return digit;
  }

  reset(): void {
    this.lastTimestamp = -1;
  }
}

/** One packet of an outgoing event. */
export interface DtmfPacketPlan {
  marker: boolean;
  end: boolean;
  duration: number;
}

/**
 * The packets of one key press sent every 20 ms: the first with the marker bit, the duration growing
 * by 160 (8 kHz) per packet, then the end packet three times with the final duration.
 */
export function dtmfPacketPlan(durationMs: number, packetMs = 20, rate = 8000): DtmfPacketPlan[] {
  const step = (packetMs * rate) / 1000;
  const total = Math.max(step, Math.round((durationMs * rate) / 1000 / step) * step);
  const plan: DtmfPacketPlan[] = [];
  for (let d = step; d < total; d += step) plan.push({ marker: d === step, end: false, duration: d });
  for (let i = 0; i < 3; i++) plan.push({ marker: plan.length === 0, end: true, duration: Math.min(total, 0xffff) });
  return plan;
}
