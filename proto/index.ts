// Public surface of the wire contract: generated protobuf codecs and subject names.
export { uap } from './gen/uap.js';
export * from './subjects.ts';
export * from './paths.ts';
export * from './audio-frame.ts';
