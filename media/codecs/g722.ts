// G.722 at 64 kbit/s for SIP calls: the WebAssembly build of the codec loops (g722-wasm.ts, ~2.5x faster)
// where WebAssembly runs, else the TypeScript reference (g722-js.ts, where the algorithm and its sources
// are described). Both are bit-exact with each other and with the ITU-T vectors. Chosen once, at load.
import { G722EncoderJs, G722DecoderJs, type G722Encoder as Encoder, type G722Decoder as Decoder } from './g722-js.ts';
import { G722EncoderWasm, G722DecoderWasm, G722_WASM_AVAILABLE } from './g722-wasm.ts';

export { G722_FRAME_SAMPLES, G722_FRAME_BYTES, G722_DELAY_SAMPLES, G722_STATE_WORDS, G722EncoderJs, G722DecoderJs, type G722Coder } from './g722-js.ts';
export { G722EncoderWasm, G722DecoderWasm, G722_WASM_AVAILABLE } from './g722-wasm.ts';

export type G722Encoder = Encoder;
export type G722Decoder = Decoder;
export const G722Encoder: new () => Encoder = G722_WASM_AVAILABLE ? G722EncoderWasm : G722EncoderJs;
export const G722Decoder: new () => Decoder = G722_WASM_AVAILABLE ? G722DecoderWasm : G722DecoderJs;
