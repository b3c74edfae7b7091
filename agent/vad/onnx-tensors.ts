// Reads the float tensors out of an ONNX model file: graph initializers and Constant nodes, in the main
// graph and in every subgraph (Silero v5 keeps its weights as Constants inside the two branches of an
// If on the sample rate). Only what silero-native.ts needs: names, dims and float32 data — no graph
// semantics. ONNX files are protocol buffers; the few fields read here are (onnx.proto3):
//   ModelProto.graph = 7; GraphProto.node = 1, .initializer = 5; NodeProto.op_type = 4, .attribute = 5;
//   AttributeProto.name = 1, .t = 5, .g = 6, .graphs = 11;
//   TensorProto.dims = 1, .data_type = 2, .float_data = 4, .name = 8, .raw_data = 9 (FLOAT = 1).
// A truncated or malformed file raises a RangeError instead of reading past the end.

export interface OnnxTensor {
  dims: number[];
  data: Float32Array;
}

interface Field {
  no: number;
  wire: number;
  /** varint value, or the [start, end) of a length-delimited / fixed field */
  value: number;
  start: number;
  end: number;
}

function* fields(buf: Uint8Array, start: number, end: number): Generator<Field> {
  let p = start;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (p >= end) throw new RangeError('ONNX: truncated varint');
      const b = buf[p++];
      v += (b & 0x7f) * mul; // exact up to 2^53: enough for lengths, dims and enum values
      if (!(b & 0x80)) return v;
      mul *= 128;
    }
    throw new RangeError('ONNX: varint too long');
  };
  while (p < end) {
    const key = varint();
    const no = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      const value = varint();
      yield { no, wire, value, start: p, end: p };
    } else if (wire === 2) {
      const len = varint();
      if (p + len > end) throw new RangeError('ONNX: field runs past its message');
      yield { no, wire, value: len, start: p, end: p + len };
      p += len;
    } else if (wire === 5 || wire === 1) {
      const len = wire === 5 ? 4 : 8;
      if (p + len > end) throw new RangeError('ONNX: truncated fixed field');
      yield { no, wire, value: 0, start: p, end: p + len };
      p += len;
    } else throw new RangeError(`ONNX: unsupported wire type ${wire}`);
  }
}

const text = new TextDecoder();

function readTensor(buf: Uint8Array, f: Field): { name: string; tensor: OnnxTensor } | undefined {
  const dims: number[] = [];
  let name = '';
  let type = 0;
  let raw: Uint8Array | undefined;
  for (const g of fields(buf, f.start, f.end)) {
    if (g.no === 1) {
      if (g.wire === 0) dims.push(g.value);
      else if (g.wire === 2) {
        const packed = packedAsVarints(buf, g);
        for (const d of fields(packed, 0, packed.length)) dims.push(d.value);
      } else throw new RangeError('ONNX: tensor dims of an unexpected wire type');
    } else if (g.no === 2) type = g.value;
    else if (g.no === 8) name = text.decode(buf.subarray(g.start, g.end));
    else if (g.no === 9 || (g.no === 4 && g.wire === 2)) raw = buf.subarray(g.start, g.end);
  }
  if (type !== 1 || !raw) return undefined; // not float32 (shapes, indices): not a weight
  const count = dims.reduce((a, b) => a * b, 1);
  if (raw.byteLength !== 4 * count) throw new RangeError(`ONNX: tensor ${name} holds ${raw.byteLength} bytes for ${count} floats`);
  const data = new Float32Array(count);
  new Uint8Array(data.buffer).set(raw); // copy: the file's bytes are not 4-aligned; ONNX data is little-endian like WASM and x86/arm
  return { name, tensor: { dims, data } };
}

/** Packed varints re-read as a stream of field-0 varints: prefix each with a key byte 0. */
function packedAsVarints(buf: Uint8Array, f: Field): Uint8Array {
  const src = buf.subarray(f.start, f.end);
  const out: number[] = [];
  let atStart = true;
  for (const b of src) {
    if (atStart) out.push(0);
    out.push(b);
    atStart = !(b & 0x80);
  }
  return Uint8Array.from(out);
}

function readGraph(buf: Uint8Array, f: Field, out: Map<string, OnnxTensor>): void {
  for (const g of fields(buf, f.start, f.end)) {
    if (g.no === 5 && g.wire === 2) {
      const t = readTensor(buf, g);
      if (t) out.set(t.name, t.tensor);
    } else if (g.no === 1 && g.wire === 2) readNode(buf, g, out);
  }
}

function readNode(buf: Uint8Array, f: Field, out: Map<string, OnnxTensor>): void {
  let op = '';
  let output = '';
  const attrs: Field[] = [];
  for (const g of fields(buf, f.start, f.end)) {
    if (g.no === 4) op = text.decode(buf.subarray(g.start, g.end));
    else if (g.no === 2 && !output) output = text.decode(buf.subarray(g.start, g.end));
    else if (g.no === 5 && g.wire === 2) attrs.push(g);
  }
  for (const a of attrs) {
    for (const g of fields(buf, a.start, a.end)) {
      if ((g.no === 6 || g.no === 11) && g.wire === 2) readGraph(buf, g, out);
      else if (g.no === 5 && g.wire === 2 && op === 'Constant') {
        const t = readTensor(buf, g);
        if (t) out.set(output, t.tensor); // a Constant's value is known by the node's output name
      }
    }
  }
}

/** Every float32 initializer and Constant of the model, by name (a Constant by its output's name). */
export function onnxFloatTensors(file: Uint8Array): Map<string, OnnxTensor> {
  const out = new Map<string, OnnxTensor>();
  for (const f of fields(file, 0, file.length)) if (f.no === 7 && f.wire === 2) readGraph(file, f, out);
  return out;
}
