// Where a call can be transferred to: an E.164 number or a sip:/sips: URI. Shared by the agents that
// ask for transfers and the control API that carries them out, so both accept exactly the same targets.
const E164 = /^\+[1-9]\d{6,14}$/;
const SIP_URI = /^sips?:[^\s<>"']{3,256}$/i;

export const isE164 = (t: string): boolean => E164.test(t);
export const isTransferTarget = (t: string): boolean => E164.test(t) || SIP_URI.test(t);
