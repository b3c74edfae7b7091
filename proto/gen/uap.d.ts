import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace uap. */
export namespace uap {

    /**
     * Properties of an AudioFrame.
     * @deprecated Use uap.AudioFrame.$Properties instead.
     */
    interface IAudioFrame extends uap.AudioFrame.$Properties {
    }

    /** Represents an AudioFrame. */
    class AudioFrame {

        /**
         * Constructs a new AudioFrame.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.AudioFrame.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AudioFrame callId. */
        callId: string;

        /** AudioFrame seq. */
        seq: number;

        /** AudioFrame mediaTsMs. */
        mediaTsMs: number;

        /** AudioFrame sampleRate. */
        sampleRate: number;

        /** AudioFrame pcm. */
        pcm: Uint8Array;

        /** AudioFrame originTs. */
        originTs: number;

        /**
         * Creates a new AudioFrame instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AudioFrame instance
         */
        static create(properties: uap.AudioFrame.$Shape): uap.AudioFrame & uap.AudioFrame.$Shape;
        static create(properties?: uap.AudioFrame.$Properties): uap.AudioFrame;

        /**
         * Encodes the specified AudioFrame message. Does not implicitly {@link uap.AudioFrame.verify|verify} messages.
         * @param message AudioFrame message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.AudioFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AudioFrame message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.AudioFrame & uap.AudioFrame.$Shape} AudioFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.AudioFrame & uap.AudioFrame.$Shape;

        /**
         * Creates an AudioFrame message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AudioFrame
         */
        static fromObject(object: { [k: string]: any }): uap.AudioFrame;

        /**
         * Creates a plain object from an AudioFrame message. Also converts values to other types if specified.
         * @param message AudioFrame
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.AudioFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AudioFrame to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AudioFrame
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AudioFrame {

        /** Properties of an AudioFrame. */
        interface $Properties {

            /** AudioFrame callId */
            callId?: (string|null);

            /** AudioFrame seq */
            seq?: (number|null);

            /** AudioFrame mediaTsMs */
            mediaTsMs?: (number|null);

            /** AudioFrame sampleRate */
            sampleRate?: (number|null);

            /** AudioFrame pcm */
            pcm?: (Uint8Array|null);

            /** AudioFrame originTs */
            originTs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AudioFrame. */
        type $Shape = uap.AudioFrame.$Properties;
    }

    /** EndReason enum. */
    enum EndReason {

        /** END_REASON_UNSPECIFIED value */
        END_REASON_UNSPECIFIED = 0,

        /** CALLER_HANGUP value */
        CALLER_HANGUP = 1,

        /** AGENT_HANGUP value */
        AGENT_HANGUP = 2,

        /** TRANSPORT_LOST value */
        TRANSPORT_LOST = 3,

        /** PROTOCOL_ERROR value */
        PROTOCOL_ERROR = 4,

        /** NO_AGENT value */
        NO_AGENT = 5,

        /** SHUTDOWN value */
        SHUTDOWN = 6,

        /** REFUSED value */
        REFUSED = 7,

        /** TRANSFERRED value */
        TRANSFERRED = 8
    }

    /**
     * Properties of a CallStarted.
     * @deprecated Use uap.CallStarted.$Properties instead.
     */
    interface ICallStarted extends uap.CallStarted.$Properties {
    }

    /** Represents a CallStarted. */
    class CallStarted {

        /**
         * Constructs a new CallStarted.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.CallStarted.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallStarted transport. */
        transport: string;

        /** CallStarted direction. */
        direction: string;

        /** CallStarted from. */
        from: string;

        /** CallStarted to. */
        to: string;

        /** CallStarted providerCallId. */
        providerCallId: string;

        /** CallStarted streamId. */
        streamId: string;

        /** CallStarted agentKind. */
        agentKind: string;

        /** CallStarted agentConfigId. */
        agentConfigId: string;

        /** CallStarted sampleRate. */
        sampleRate: number;

        /**
         * Creates a new CallStarted instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallStarted instance
         */
        static create(properties: uap.CallStarted.$Shape): uap.CallStarted & uap.CallStarted.$Shape;
        static create(properties?: uap.CallStarted.$Properties): uap.CallStarted;

        /**
         * Encodes the specified CallStarted message. Does not implicitly {@link uap.CallStarted.verify|verify} messages.
         * @param message CallStarted message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.CallStarted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallStarted message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.CallStarted & uap.CallStarted.$Shape} CallStarted
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.CallStarted & uap.CallStarted.$Shape;

        /**
         * Creates a CallStarted message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CallStarted
         */
        static fromObject(object: { [k: string]: any }): uap.CallStarted;

        /**
         * Creates a plain object from a CallStarted message. Also converts values to other types if specified.
         * @param message CallStarted
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.CallStarted, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CallStarted to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CallStarted
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CallStarted {

        /** Properties of a CallStarted. */
        interface $Properties {

            /** CallStarted transport */
            transport?: (string|null);

            /** CallStarted direction */
            direction?: (string|null);

            /** CallStarted from */
            from?: (string|null);

            /** CallStarted to */
            to?: (string|null);

            /** CallStarted providerCallId */
            providerCallId?: (string|null);

            /** CallStarted streamId */
            streamId?: (string|null);

            /** CallStarted agentKind */
            agentKind?: (string|null);

            /** CallStarted agentConfigId */
            agentConfigId?: (string|null);

            /** CallStarted sampleRate */
            sampleRate?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallStarted. */
        type $Shape = uap.CallStarted.$Properties;
    }

    /**
     * Properties of a Dtmf.
     * @deprecated Use uap.Dtmf.$Properties instead.
     */
    interface IDtmf extends uap.Dtmf.$Properties {
    }

    /** Represents a Dtmf. */
    class Dtmf {

        /**
         * Constructs a new Dtmf.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Dtmf.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Dtmf digit. */
        digit: string;

        /** Dtmf mediaTsMs. */
        mediaTsMs: number;

        /**
         * Creates a new Dtmf instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Dtmf instance
         */
        static create(properties: uap.Dtmf.$Shape): uap.Dtmf & uap.Dtmf.$Shape;
        static create(properties?: uap.Dtmf.$Properties): uap.Dtmf;

        /**
         * Encodes the specified Dtmf message. Does not implicitly {@link uap.Dtmf.verify|verify} messages.
         * @param message Dtmf message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Dtmf.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Dtmf message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Dtmf & uap.Dtmf.$Shape} Dtmf
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Dtmf & uap.Dtmf.$Shape;

        /**
         * Creates a Dtmf message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Dtmf
         */
        static fromObject(object: { [k: string]: any }): uap.Dtmf;

        /**
         * Creates a plain object from a Dtmf message. Also converts values to other types if specified.
         * @param message Dtmf
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Dtmf, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Dtmf to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Dtmf
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Dtmf {

        /** Properties of a Dtmf. */
        interface $Properties {

            /** Dtmf digit */
            digit?: (string|null);

            /** Dtmf mediaTsMs */
            mediaTsMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Dtmf. */
        type $Shape = uap.Dtmf.$Properties;
    }

    /**
     * Properties of a MarkPlayed.
     * @deprecated Use uap.MarkPlayed.$Properties instead.
     */
    interface IMarkPlayed extends uap.MarkPlayed.$Properties {
    }

    /** Represents a MarkPlayed. */
    class MarkPlayed {

        /**
         * Constructs a new MarkPlayed.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.MarkPlayed.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MarkPlayed name. */
        name: string;

        /** MarkPlayed cleared. */
        cleared: boolean;

        /**
         * Creates a new MarkPlayed instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MarkPlayed instance
         */
        static create(properties: uap.MarkPlayed.$Shape): uap.MarkPlayed & uap.MarkPlayed.$Shape;
        static create(properties?: uap.MarkPlayed.$Properties): uap.MarkPlayed;

        /**
         * Encodes the specified MarkPlayed message. Does not implicitly {@link uap.MarkPlayed.verify|verify} messages.
         * @param message MarkPlayed message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.MarkPlayed.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MarkPlayed message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.MarkPlayed & uap.MarkPlayed.$Shape} MarkPlayed
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.MarkPlayed & uap.MarkPlayed.$Shape;

        /**
         * Creates a MarkPlayed message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MarkPlayed
         */
        static fromObject(object: { [k: string]: any }): uap.MarkPlayed;

        /**
         * Creates a plain object from a MarkPlayed message. Also converts values to other types if specified.
         * @param message MarkPlayed
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.MarkPlayed, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MarkPlayed to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MarkPlayed
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MarkPlayed {

        /** Properties of a MarkPlayed. */
        interface $Properties {

            /** MarkPlayed name */
            name?: (string|null);

            /** MarkPlayed cleared */
            cleared?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a MarkPlayed. */
        type $Shape = uap.MarkPlayed.$Properties;
    }

    /**
     * Properties of a Transcript.
     * @deprecated Use uap.Transcript.$Properties instead.
     */
    interface ITranscript extends uap.Transcript.$Properties {
    }

    /** Represents a Transcript. */
    class Transcript {

        /**
         * Constructs a new Transcript.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Transcript.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Transcript role. */
        role: string;

        /** Transcript text. */
        text: string;

        /** Transcript final. */
        final: boolean;

        /** Transcript interrupted. */
        interrupted: boolean;

        /** Transcript startMs. */
        startMs: number;

        /** Transcript endMs. */
        endMs: number;

        /** Transcript latency. */
        latency?: (uap.TurnLatency.$Properties|null);

        /**
         * Creates a new Transcript instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Transcript instance
         */
        static create(properties: uap.Transcript.$Shape): uap.Transcript & uap.Transcript.$Shape;
        static create(properties?: uap.Transcript.$Properties): uap.Transcript;

        /**
         * Encodes the specified Transcript message. Does not implicitly {@link uap.Transcript.verify|verify} messages.
         * @param message Transcript message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Transcript.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Transcript message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Transcript & uap.Transcript.$Shape} Transcript
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Transcript & uap.Transcript.$Shape;

        /**
         * Creates a Transcript message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Transcript
         */
        static fromObject(object: { [k: string]: any }): uap.Transcript;

        /**
         * Creates a plain object from a Transcript message. Also converts values to other types if specified.
         * @param message Transcript
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Transcript, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Transcript to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Transcript
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Transcript {

        /** Properties of a Transcript. */
        interface $Properties {

            /** Transcript role */
            role?: (string|null);

            /** Transcript text */
            text?: (string|null);

            /** Transcript final */
            final?: (boolean|null);

            /** Transcript interrupted */
            interrupted?: (boolean|null);

            /** Transcript startMs */
            startMs?: (number|null);

            /** Transcript endMs */
            endMs?: (number|null);

            /** Transcript latency */
            latency?: (uap.TurnLatency.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Transcript. */
        type $Shape = uap.Transcript.$Properties;
    }

    /**
     * Properties of a TurnLatency.
     * @deprecated Use uap.TurnLatency.$Properties instead.
     */
    interface ITurnLatency extends uap.TurnLatency.$Properties {
    }

    /** Represents a TurnLatency. */
    class TurnLatency {

        /**
         * Constructs a new TurnLatency.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.TurnLatency.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TurnLatency endpointingMs. */
        endpointingMs: number;

        /** TurnLatency sttMs. */
        sttMs: number;

        /** TurnLatency llmFirstTokenMs. */
        llmFirstTokenMs: number;

        /** TurnLatency ttsFirstByteMs. */
        ttsFirstByteMs: number;

        /** TurnLatency firstAudioMs. */
        firstAudioMs: number;

        /**
         * Creates a new TurnLatency instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TurnLatency instance
         */
        static create(properties: uap.TurnLatency.$Shape): uap.TurnLatency & uap.TurnLatency.$Shape;
        static create(properties?: uap.TurnLatency.$Properties): uap.TurnLatency;

        /**
         * Encodes the specified TurnLatency message. Does not implicitly {@link uap.TurnLatency.verify|verify} messages.
         * @param message TurnLatency message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.TurnLatency.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TurnLatency message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.TurnLatency & uap.TurnLatency.$Shape} TurnLatency
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.TurnLatency & uap.TurnLatency.$Shape;

        /**
         * Creates a TurnLatency message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TurnLatency
         */
        static fromObject(object: { [k: string]: any }): uap.TurnLatency;

        /**
         * Creates a plain object from a TurnLatency message. Also converts values to other types if specified.
         * @param message TurnLatency
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.TurnLatency, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TurnLatency to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TurnLatency
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TurnLatency {

        /** Properties of a TurnLatency. */
        interface $Properties {

            /** TurnLatency endpointingMs */
            endpointingMs?: (number|null);

            /** TurnLatency sttMs */
            sttMs?: (number|null);

            /** TurnLatency llmFirstTokenMs */
            llmFirstTokenMs?: (number|null);

            /** TurnLatency ttsFirstByteMs */
            ttsFirstByteMs?: (number|null);

            /** TurnLatency firstAudioMs */
            firstAudioMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TurnLatency. */
        type $Shape = uap.TurnLatency.$Properties;
    }

    /**
     * Properties of a CallEnded.
     * @deprecated Use uap.CallEnded.$Properties instead.
     */
    interface ICallEnded extends uap.CallEnded.$Properties {
    }

    /** Represents a CallEnded. */
    class CallEnded {

        /**
         * Constructs a new CallEnded.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.CallEnded.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallEnded reason. */
        reason: uap.EndReason;

        /** CallEnded detail. */
        detail: string;

        /** CallEnded durationMs. */
        durationMs: number;

        /** CallEnded framesIn. */
        framesIn: number;

        /** CallEnded framesOut. */
        framesOut: number;

        /** CallEnded framesDropped. */
        framesDropped: number;

        /** CallEnded framesLate. */
        framesLate: number;

        /**
         * Creates a new CallEnded instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallEnded instance
         */
        static create(properties: uap.CallEnded.$Shape): uap.CallEnded & uap.CallEnded.$Shape;
        static create(properties?: uap.CallEnded.$Properties): uap.CallEnded;

        /**
         * Encodes the specified CallEnded message. Does not implicitly {@link uap.CallEnded.verify|verify} messages.
         * @param message CallEnded message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.CallEnded.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallEnded message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.CallEnded & uap.CallEnded.$Shape} CallEnded
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.CallEnded & uap.CallEnded.$Shape;

        /**
         * Creates a CallEnded message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CallEnded
         */
        static fromObject(object: { [k: string]: any }): uap.CallEnded;

        /**
         * Creates a plain object from a CallEnded message. Also converts values to other types if specified.
         * @param message CallEnded
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.CallEnded, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CallEnded to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CallEnded
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CallEnded {

        /** Properties of a CallEnded. */
        interface $Properties {

            /** CallEnded reason */
            reason?: (uap.EndReason|null);

            /** CallEnded detail */
            detail?: (string|null);

            /** CallEnded durationMs */
            durationMs?: (number|null);

            /** CallEnded framesIn */
            framesIn?: (number|null);

            /** CallEnded framesOut */
            framesOut?: (number|null);

            /** CallEnded framesDropped */
            framesDropped?: (number|null);

            /** CallEnded framesLate */
            framesLate?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallEnded. */
        type $Shape = uap.CallEnded.$Properties;
    }

    /**
     * Properties of a TransferOutcome.
     * @deprecated Use uap.TransferOutcome.$Properties instead.
     */
    interface ITransferOutcome extends uap.TransferOutcome.$Properties {
    }

    /** Represents a TransferOutcome. */
    class TransferOutcome {

        /**
         * Constructs a new TransferOutcome.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.TransferOutcome.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TransferOutcome target. */
        target: string;

        /** TransferOutcome ok. */
        ok: boolean;

        /** TransferOutcome errorCode. */
        errorCode: string;

        /** TransferOutcome errorMessage. */
        errorMessage: string;

        /**
         * Creates a new TransferOutcome instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TransferOutcome instance
         */
        static create(properties: uap.TransferOutcome.$Shape): uap.TransferOutcome & uap.TransferOutcome.$Shape;
        static create(properties?: uap.TransferOutcome.$Properties): uap.TransferOutcome;

        /**
         * Encodes the specified TransferOutcome message. Does not implicitly {@link uap.TransferOutcome.verify|verify} messages.
         * @param message TransferOutcome message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.TransferOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TransferOutcome message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.TransferOutcome & uap.TransferOutcome.$Shape} TransferOutcome
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.TransferOutcome & uap.TransferOutcome.$Shape;

        /**
         * Creates a TransferOutcome message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TransferOutcome
         */
        static fromObject(object: { [k: string]: any }): uap.TransferOutcome;

        /**
         * Creates a plain object from a TransferOutcome message. Also converts values to other types if specified.
         * @param message TransferOutcome
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.TransferOutcome, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TransferOutcome to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TransferOutcome
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TransferOutcome {

        /** Properties of a TransferOutcome. */
        interface $Properties {

            /** TransferOutcome target */
            target?: (string|null);

            /** TransferOutcome ok */
            ok?: (boolean|null);

            /** TransferOutcome errorCode */
            errorCode?: (string|null);

            /** TransferOutcome errorMessage */
            errorMessage?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TransferOutcome. */
        type $Shape = uap.TransferOutcome.$Properties;
    }

    /**
     * Properties of a ProviderStatus.
     * @deprecated Use uap.ProviderStatus.$Properties instead.
     */
    interface IProviderStatus extends uap.ProviderStatus.$Properties {
    }

    /** Represents a ProviderStatus. */
    class ProviderStatus {

        /**
         * Constructs a new ProviderStatus.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.ProviderStatus.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ProviderStatus status. */
        status: string;

        /** ProviderStatus providerCallId. */
        providerCallId: string;

        /** ProviderStatus rawJson. */
        rawJson: string;

        /**
         * Creates a new ProviderStatus instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ProviderStatus instance
         */
        static create(properties: uap.ProviderStatus.$Shape): uap.ProviderStatus & uap.ProviderStatus.$Shape;
        static create(properties?: uap.ProviderStatus.$Properties): uap.ProviderStatus;

        /**
         * Encodes the specified ProviderStatus message. Does not implicitly {@link uap.ProviderStatus.verify|verify} messages.
         * @param message ProviderStatus message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.ProviderStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ProviderStatus message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.ProviderStatus & uap.ProviderStatus.$Shape} ProviderStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.ProviderStatus & uap.ProviderStatus.$Shape;

        /**
         * Creates a ProviderStatus message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ProviderStatus
         */
        static fromObject(object: { [k: string]: any }): uap.ProviderStatus;

        /**
         * Creates a plain object from a ProviderStatus message. Also converts values to other types if specified.
         * @param message ProviderStatus
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.ProviderStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ProviderStatus to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ProviderStatus
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProviderStatus {

        /** Properties of a ProviderStatus. */
        interface $Properties {

            /** ProviderStatus status */
            status?: (string|null);

            /** ProviderStatus providerCallId */
            providerCallId?: (string|null);

            /** ProviderStatus rawJson */
            rawJson?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ProviderStatus. */
        type $Shape = uap.ProviderStatus.$Properties;
    }

    /**
     * Properties of a Usage.
     * @deprecated Use uap.Usage.$Properties instead.
     */
    interface IUsage extends uap.Usage.$Properties {
    }

    /** Represents a Usage. */
    class Usage {

        /**
         * Constructs a new Usage.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Usage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Usage items. */
        items: uap.ProviderUsage.$Properties[];

        /**
         * Creates a new Usage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Usage instance
         */
        static create(properties: uap.Usage.$Shape): uap.Usage & uap.Usage.$Shape;
        static create(properties?: uap.Usage.$Properties): uap.Usage;

        /**
         * Encodes the specified Usage message. Does not implicitly {@link uap.Usage.verify|verify} messages.
         * @param message Usage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Usage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Usage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Usage & uap.Usage.$Shape} Usage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Usage & uap.Usage.$Shape;

        /**
         * Creates a Usage message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Usage
         */
        static fromObject(object: { [k: string]: any }): uap.Usage;

        /**
         * Creates a plain object from a Usage message. Also converts values to other types if specified.
         * @param message Usage
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Usage, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Usage to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Usage
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Usage {

        /** Properties of a Usage. */
        interface $Properties {

            /** Usage items */
            items?: (uap.ProviderUsage.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Usage. */
        type $Shape = uap.Usage.$Properties;
    }

    /**
     * Properties of a ProviderUsage.
     * @deprecated Use uap.ProviderUsage.$Properties instead.
     */
    interface IProviderUsage extends uap.ProviderUsage.$Properties {
    }

    /** Represents a ProviderUsage. */
    class ProviderUsage {

        /**
         * Constructs a new ProviderUsage.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.ProviderUsage.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ProviderUsage service. */
        service: string;

        /** ProviderUsage provider. */
        provider: string;

        /** ProviderUsage model. */
        model: string;

        /** ProviderUsage requests. */
        requests: number;

        /** ProviderUsage inputTokens. */
        inputTokens: number;

        /** ProviderUsage outputTokens. */
        outputTokens: number;

        /** ProviderUsage cachedInputTokens. */
        cachedInputTokens: number;

        /** ProviderUsage inputAudioTokens. */
        inputAudioTokens: number;

        /** ProviderUsage outputAudioTokens. */
        outputAudioTokens: number;

        /** ProviderUsage audioInMs. */
        audioInMs: number;

        /** ProviderUsage audioOutMs. */
        audioOutMs: number;

        /** ProviderUsage characters. */
        characters: number;

        /** ProviderUsage durationMs. */
        durationMs: number;

        /**
         * Creates a new ProviderUsage instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ProviderUsage instance
         */
        static create(properties: uap.ProviderUsage.$Shape): uap.ProviderUsage & uap.ProviderUsage.$Shape;
        static create(properties?: uap.ProviderUsage.$Properties): uap.ProviderUsage;

        /**
         * Encodes the specified ProviderUsage message. Does not implicitly {@link uap.ProviderUsage.verify|verify} messages.
         * @param message ProviderUsage message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.ProviderUsage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ProviderUsage message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.ProviderUsage & uap.ProviderUsage.$Shape} ProviderUsage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.ProviderUsage & uap.ProviderUsage.$Shape;

        /**
         * Creates a ProviderUsage message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns ProviderUsage
         */
        static fromObject(object: { [k: string]: any }): uap.ProviderUsage;

        /**
         * Creates a plain object from a ProviderUsage message. Also converts values to other types if specified.
         * @param message ProviderUsage
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.ProviderUsage, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ProviderUsage to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ProviderUsage
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ProviderUsage {

        /** Properties of a ProviderUsage. */
        interface $Properties {

            /** ProviderUsage service */
            service?: (string|null);

            /** ProviderUsage provider */
            provider?: (string|null);

            /** ProviderUsage model */
            model?: (string|null);

            /** ProviderUsage requests */
            requests?: (number|null);

            /** ProviderUsage inputTokens */
            inputTokens?: (number|null);

            /** ProviderUsage outputTokens */
            outputTokens?: (number|null);

            /** ProviderUsage cachedInputTokens */
            cachedInputTokens?: (number|null);

            /** ProviderUsage inputAudioTokens */
            inputAudioTokens?: (number|null);

            /** ProviderUsage outputAudioTokens */
            outputAudioTokens?: (number|null);

            /** ProviderUsage audioInMs */
            audioInMs?: (number|null);

            /** ProviderUsage audioOutMs */
            audioOutMs?: (number|null);

            /** ProviderUsage characters */
            characters?: (number|null);

            /** ProviderUsage durationMs */
            durationMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ProviderUsage. */
        type $Shape = uap.ProviderUsage.$Properties;
    }

    /**
     * Properties of a CallSummary.
     * @deprecated Use uap.CallSummary.$Properties instead.
     */
    interface ICallSummary extends uap.CallSummary.$Properties {
    }

    /** Represents a CallSummary. */
    class CallSummary {

        /**
         * Constructs a new CallSummary.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.CallSummary.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallSummary text. */
        text: string;

        /** CallSummary provider. */
        provider: string;

        /** CallSummary model. */
        model: string;

        /**
         * Creates a new CallSummary instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallSummary instance
         */
        static create(properties: uap.CallSummary.$Shape): uap.CallSummary & uap.CallSummary.$Shape;
        static create(properties?: uap.CallSummary.$Properties): uap.CallSummary;

        /**
         * Encodes the specified CallSummary message. Does not implicitly {@link uap.CallSummary.verify|verify} messages.
         * @param message CallSummary message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.CallSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallSummary message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.CallSummary & uap.CallSummary.$Shape} CallSummary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.CallSummary & uap.CallSummary.$Shape;

        /**
         * Creates a CallSummary message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CallSummary
         */
        static fromObject(object: { [k: string]: any }): uap.CallSummary;

        /**
         * Creates a plain object from a CallSummary message. Also converts values to other types if specified.
         * @param message CallSummary
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.CallSummary, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CallSummary to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CallSummary
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CallSummary {

        /** Properties of a CallSummary. */
        interface $Properties {

            /** CallSummary text */
            text?: (string|null);

            /** CallSummary provider */
            provider?: (string|null);

            /** CallSummary model */
            model?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CallSummary. */
        type $Shape = uap.CallSummary.$Properties;
    }

    /**
     * Properties of a Recording.
     * @deprecated Use uap.Recording.$Properties instead.
     */
    interface IRecording extends uap.Recording.$Properties {
    }

    /** Represents a Recording. */
    class Recording {

        /**
         * Constructs a new Recording.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Recording.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Recording name. */
        name: string;

        /** Recording kind. */
        kind: string;

        /** Recording durationMs. */
        durationMs: number;

        /** Recording bytes. */
        bytes: number;

        /** Recording bucket. */
        bucket: string;

        /** Recording sampleRate. */
        sampleRate: number;

        /**
         * Creates a new Recording instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Recording instance
         */
        static create(properties: uap.Recording.$Shape): uap.Recording & uap.Recording.$Shape;
        static create(properties?: uap.Recording.$Properties): uap.Recording;

        /**
         * Encodes the specified Recording message. Does not implicitly {@link uap.Recording.verify|verify} messages.
         * @param message Recording message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Recording.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Recording message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Recording & uap.Recording.$Shape} Recording
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Recording & uap.Recording.$Shape;

        /**
         * Creates a Recording message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Recording
         */
        static fromObject(object: { [k: string]: any }): uap.Recording;

        /**
         * Creates a plain object from a Recording message. Also converts values to other types if specified.
         * @param message Recording
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Recording, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Recording to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Recording
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Recording {

        /** Properties of a Recording. */
        interface $Properties {

            /** Recording name */
            name?: (string|null);

            /** Recording kind */
            kind?: (string|null);

            /** Recording durationMs */
            durationMs?: (number|null);

            /** Recording bytes */
            bytes?: (number|null);

            /** Recording bucket */
            bucket?: (string|null);

            /** Recording sampleRate */
            sampleRate?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Recording. */
        type $Shape = uap.Recording.$Properties;
    }

    /**
     * Properties of an AgentHandoff.
     * @deprecated Use uap.AgentHandoff.$Properties instead.
     */
    interface IAgentHandoff extends uap.AgentHandoff.$Properties {
    }

    /** Represents an AgentHandoff. */
    class AgentHandoff {

        /**
         * Constructs a new AgentHandoff.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.AgentHandoff.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AgentHandoff agentKind. */
        agentKind: string;

        /** AgentHandoff agentConfigId. */
        agentConfigId: string;

        /** AgentHandoff fromKind. */
        fromKind: string;

        /**
         * Creates a new AgentHandoff instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AgentHandoff instance
         */
        static create(properties: uap.AgentHandoff.$Shape): uap.AgentHandoff & uap.AgentHandoff.$Shape;
        static create(properties?: uap.AgentHandoff.$Properties): uap.AgentHandoff;

        /**
         * Encodes the specified AgentHandoff message. Does not implicitly {@link uap.AgentHandoff.verify|verify} messages.
         * @param message AgentHandoff message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.AgentHandoff.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AgentHandoff message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.AgentHandoff & uap.AgentHandoff.$Shape} AgentHandoff
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.AgentHandoff & uap.AgentHandoff.$Shape;

        /**
         * Creates an AgentHandoff message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AgentHandoff
         */
        static fromObject(object: { [k: string]: any }): uap.AgentHandoff;

        /**
         * Creates a plain object from an AgentHandoff message. Also converts values to other types if specified.
         * @param message AgentHandoff
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.AgentHandoff, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AgentHandoff to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AgentHandoff
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AgentHandoff {

        /** Properties of an AgentHandoff. */
        interface $Properties {

            /** AgentHandoff agentKind */
            agentKind?: (string|null);

            /** AgentHandoff agentConfigId */
            agentConfigId?: (string|null);

            /** AgentHandoff fromKind */
            fromKind?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AgentHandoff. */
        type $Shape = uap.AgentHandoff.$Properties;
    }

    /**
     * Properties of a CallEvent.
     * @deprecated Use uap.CallEvent.$Properties instead.
     */
    interface ICallEvent extends uap.CallEvent.$Properties {
    }

    /** Represents a CallEvent. */
    class CallEvent {

        /**
         * Constructs a new CallEvent.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.CallEvent.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CallEvent eventId. */
        eventId: string;

        /** CallEvent callId. */
        callId: string;

        /** CallEvent tenantId. */
        tenantId: string;

        /** CallEvent ts. */
        ts: number;

        /** CallEvent seq. */
        seq: number;

        /** CallEvent started. */
        started?: (uap.CallStarted.$Properties|null);

        /** CallEvent dtmf. */
        dtmf?: (uap.Dtmf.$Properties|null);

        /** CallEvent mark. */
        mark?: (uap.MarkPlayed.$Properties|null);

        /** CallEvent transcript. */
        transcript?: (uap.Transcript.$Properties|null);

        /** CallEvent ended. */
        ended?: (uap.CallEnded.$Properties|null);

        /** CallEvent providerStatus. */
        providerStatus?: (uap.ProviderStatus.$Properties|null);

        /** CallEvent transfer. */
        transfer?: (uap.TransferOutcome.$Properties|null);

        /** CallEvent usage. */
        usage?: (uap.Usage.$Properties|null);

        /** CallEvent summary. */
        summary?: (uap.CallSummary.$Properties|null);

        /** CallEvent recording. */
        recording?: (uap.Recording.$Properties|null);

        /** CallEvent handoff. */
        handoff?: (uap.AgentHandoff.$Properties|null);

        /** CallEvent body. */
        body?: ("started"|"dtmf"|"mark"|"transcript"|"ended"|"providerStatus"|"transfer"|"usage"|"summary"|"recording"|"handoff");

        /**
         * Creates a new CallEvent instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CallEvent instance
         */
        static create(properties: uap.CallEvent.$Shape): uap.CallEvent & uap.CallEvent.$Shape;
        static create(properties?: uap.CallEvent.$Properties): uap.CallEvent;

        /**
         * Encodes the specified CallEvent message. Does not implicitly {@link uap.CallEvent.verify|verify} messages.
         * @param message CallEvent message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.CallEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CallEvent message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.CallEvent & uap.CallEvent.$Shape} CallEvent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.CallEvent & uap.CallEvent.$Shape;

        /**
         * Creates a CallEvent message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns CallEvent
         */
        static fromObject(object: { [k: string]: any }): uap.CallEvent;

        /**
         * Creates a plain object from a CallEvent message. Also converts values to other types if specified.
         * @param message CallEvent
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.CallEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CallEvent to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CallEvent
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CallEvent {

        /** Properties of a CallEvent. */
        interface $Properties {

            /** CallEvent eventId */
            eventId?: (string|null);

            /** CallEvent callId */
            callId?: (string|null);

            /** CallEvent tenantId */
            tenantId?: (string|null);

            /** CallEvent ts */
            ts?: (number|null);

            /** CallEvent seq */
            seq?: (number|null);

            /** CallEvent started */
            started?: (uap.CallStarted.$Properties|null);

            /** CallEvent dtmf */
            dtmf?: (uap.Dtmf.$Properties|null);

            /** CallEvent mark */
            mark?: (uap.MarkPlayed.$Properties|null);

            /** CallEvent transcript */
            transcript?: (uap.Transcript.$Properties|null);

            /** CallEvent ended */
            ended?: (uap.CallEnded.$Properties|null);

            /** CallEvent providerStatus */
            providerStatus?: (uap.ProviderStatus.$Properties|null);

            /** CallEvent transfer */
            transfer?: (uap.TransferOutcome.$Properties|null);

            /** CallEvent usage */
            usage?: (uap.Usage.$Properties|null);

            /** CallEvent summary */
            summary?: (uap.CallSummary.$Properties|null);

            /** CallEvent recording */
            recording?: (uap.Recording.$Properties|null);

            /** CallEvent handoff */
            handoff?: (uap.AgentHandoff.$Properties|null);

            /** CallEvent body */
            body?: ("started"|"dtmf"|"mark"|"transcript"|"ended"|"providerStatus"|"transfer"|"usage"|"summary"|"recording"|"handoff");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a CallEvent. */
        type $Shape = {
          eventId?: string|null;
          callId?: string|null;
          tenantId?: string|null;
          ts?: number|null;
          seq?: number|null;
          started?: uap.CallStarted.$Shape|null;
          dtmf?: uap.Dtmf.$Shape|null;
          mark?: uap.MarkPlayed.$Shape|null;
          transcript?: uap.Transcript.$Shape|null;
          ended?: uap.CallEnded.$Shape|null;
          providerStatus?: uap.ProviderStatus.$Shape|null;
          transfer?: uap.TransferOutcome.$Shape|null;
          usage?: uap.Usage.$Shape|null;
          summary?: uap.CallSummary.$Shape|null;
          recording?: uap.Recording.$Shape|null;
          handoff?: uap.AgentHandoff.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "started"; started: uap.CallStarted.$Shape; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "dtmf"; started?: null; dtmf: uap.Dtmf.$Shape; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "mark"; started?: null; dtmf?: null; mark: uap.MarkPlayed.$Shape; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "transcript"; started?: null; dtmf?: null; mark?: null; transcript: uap.Transcript.$Shape; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "ended"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended: uap.CallEnded.$Shape; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "providerStatus"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus: uap.ProviderStatus.$Shape; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "transfer"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer: uap.TransferOutcome.$Shape; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "usage"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage: uap.Usage.$Shape; summary?: null; recording?: null; handoff?: null }|{ body?: "summary"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary: uap.CallSummary.$Shape; recording?: null; handoff?: null }|{ body?: "recording"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording: uap.Recording.$Shape; handoff?: null }|{ body?: "handoff"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff: uap.AgentHandoff.$Shape })
        );
    }

    /**
     * Properties of a MediaControl.
     * @deprecated Use uap.MediaControl.$Properties instead.
     */
    interface IMediaControl extends uap.MediaControl.$Properties {
    }

    /** Represents a MediaControl. */
    class MediaControl {

        /**
         * Constructs a new MediaControl.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.MediaControl.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** MediaControl callId. */
        callId: string;

        /** MediaControl clear. */
        clear?: (uap.Clear.$Properties|null);

        /** MediaControl mark. */
        mark?: (uap.Mark.$Properties|null);

        /** MediaControl hangup. */
        hangup?: (uap.Hangup.$Properties|null);

        /** MediaControl transfer. */
        transfer?: (uap.Transfer.$Properties|null);

        /** MediaControl action. */
        action?: ("clear"|"mark"|"hangup"|"transfer");

        /**
         * Creates a new MediaControl instance using the specified properties.
         * @param [properties] Properties to set
         * @returns MediaControl instance
         */
        static create(properties: uap.MediaControl.$Shape): uap.MediaControl & uap.MediaControl.$Shape;
        static create(properties?: uap.MediaControl.$Properties): uap.MediaControl;

        /**
         * Encodes the specified MediaControl message. Does not implicitly {@link uap.MediaControl.verify|verify} messages.
         * @param message MediaControl message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.MediaControl.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a MediaControl message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.MediaControl & uap.MediaControl.$Shape} MediaControl
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.MediaControl & uap.MediaControl.$Shape;

        /**
         * Creates a MediaControl message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns MediaControl
         */
        static fromObject(object: { [k: string]: any }): uap.MediaControl;

        /**
         * Creates a plain object from a MediaControl message. Also converts values to other types if specified.
         * @param message MediaControl
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.MediaControl, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this MediaControl to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for MediaControl
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace MediaControl {

        /** Properties of a MediaControl. */
        interface $Properties {

            /** MediaControl callId */
            callId?: (string|null);

            /** MediaControl clear */
            clear?: (uap.Clear.$Properties|null);

            /** MediaControl mark */
            mark?: (uap.Mark.$Properties|null);

            /** MediaControl hangup */
            hangup?: (uap.Hangup.$Properties|null);

            /** MediaControl transfer */
            transfer?: (uap.Transfer.$Properties|null);

            /** MediaControl action */
            action?: ("clear"|"mark"|"hangup"|"transfer");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a MediaControl. */
        type $Shape = {
          callId?: string|null;
          clear?: uap.Clear.$Shape|null;
          mark?: uap.Mark.$Shape|null;
          hangup?: uap.Hangup.$Shape|null;
          transfer?: uap.Transfer.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ action?: undefined; clear?: null; mark?: null; hangup?: null; transfer?: null }|{ action?: "clear"; clear: uap.Clear.$Shape; mark?: null; hangup?: null; transfer?: null }|{ action?: "mark"; clear?: null; mark: uap.Mark.$Shape; hangup?: null; transfer?: null }|{ action?: "hangup"; clear?: null; mark?: null; hangup: uap.Hangup.$Shape; transfer?: null }|{ action?: "transfer"; clear?: null; mark?: null; hangup?: null; transfer: uap.Transfer.$Shape })
        );
    }

    /**
     * Properties of a Clear.
     * @deprecated Use uap.Clear.$Properties instead.
     */
    interface IClear extends uap.Clear.$Properties {
    }

    /** Represents a Clear. */
    class Clear {

        /**
         * Constructs a new Clear.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Clear.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new Clear instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Clear instance
         */
        static create(properties: uap.Clear.$Shape): uap.Clear & uap.Clear.$Shape;
        static create(properties?: uap.Clear.$Properties): uap.Clear;

        /**
         * Encodes the specified Clear message. Does not implicitly {@link uap.Clear.verify|verify} messages.
         * @param message Clear message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Clear.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Clear message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Clear & uap.Clear.$Shape} Clear
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Clear & uap.Clear.$Shape;

        /**
         * Creates a Clear message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Clear
         */
        static fromObject(object: { [k: string]: any }): uap.Clear;

        /**
         * Creates a plain object from a Clear message. Also converts values to other types if specified.
         * @param message Clear
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Clear, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Clear to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Clear
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Clear {

        /** Properties of a Clear. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Clear. */
        type $Shape = uap.Clear.$Properties;
    }

    /**
     * Properties of a Mark.
     * @deprecated Use uap.Mark.$Properties instead.
     */
    interface IMark extends uap.Mark.$Properties {
    }

    /** Represents a Mark. */
    class Mark {

        /**
         * Constructs a new Mark.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Mark.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Mark name. */
        name: string;

        /** Mark afterOutSeq. */
        afterOutSeq: number;

        /**
         * Creates a new Mark instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Mark instance
         */
        static create(properties: uap.Mark.$Shape): uap.Mark & uap.Mark.$Shape;
        static create(properties?: uap.Mark.$Properties): uap.Mark;

        /**
         * Encodes the specified Mark message. Does not implicitly {@link uap.Mark.verify|verify} messages.
         * @param message Mark message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Mark.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Mark message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Mark & uap.Mark.$Shape} Mark
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Mark & uap.Mark.$Shape;

        /**
         * Creates a Mark message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Mark
         */
        static fromObject(object: { [k: string]: any }): uap.Mark;

        /**
         * Creates a plain object from a Mark message. Also converts values to other types if specified.
         * @param message Mark
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Mark, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Mark to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Mark
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Mark {

        /** Properties of a Mark. */
        interface $Properties {

            /** Mark name */
            name?: (string|null);

            /** Mark afterOutSeq */
            afterOutSeq?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Mark. */
        type $Shape = uap.Mark.$Properties;
    }

    /**
     * Properties of a Hangup.
     * @deprecated Use uap.Hangup.$Properties instead.
     */
    interface IHangup extends uap.Hangup.$Properties {
    }

    /** Represents a Hangup. */
    class Hangup {

        /**
         * Constructs a new Hangup.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Hangup.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Hangup reason. */
        reason: string;

        /**
         * Creates a new Hangup instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Hangup instance
         */
        static create(properties: uap.Hangup.$Shape): uap.Hangup & uap.Hangup.$Shape;
        static create(properties?: uap.Hangup.$Properties): uap.Hangup;

        /**
         * Encodes the specified Hangup message. Does not implicitly {@link uap.Hangup.verify|verify} messages.
         * @param message Hangup message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Hangup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Hangup message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Hangup & uap.Hangup.$Shape} Hangup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Hangup & uap.Hangup.$Shape;

        /**
         * Creates a Hangup message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Hangup
         */
        static fromObject(object: { [k: string]: any }): uap.Hangup;

        /**
         * Creates a plain object from a Hangup message. Also converts values to other types if specified.
         * @param message Hangup
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Hangup, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Hangup to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Hangup
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Hangup {

        /** Properties of a Hangup. */
        interface $Properties {

            /** Hangup reason */
            reason?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Hangup. */
        type $Shape = uap.Hangup.$Properties;
    }

    /**
     * Properties of a Transfer.
     * @deprecated Use uap.Transfer.$Properties instead.
     */
    interface ITransfer extends uap.Transfer.$Properties {
    }

    /** Represents a Transfer. */
    class Transfer {

        /**
         * Constructs a new Transfer.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Transfer.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Transfer target. */
        target: string;

        /**
         * Creates a new Transfer instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Transfer instance
         */
        static create(properties: uap.Transfer.$Shape): uap.Transfer & uap.Transfer.$Shape;
        static create(properties?: uap.Transfer.$Properties): uap.Transfer;

        /**
         * Encodes the specified Transfer message. Does not implicitly {@link uap.Transfer.verify|verify} messages.
         * @param message Transfer message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Transfer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Transfer message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Transfer & uap.Transfer.$Shape} Transfer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Transfer & uap.Transfer.$Shape;

        /**
         * Creates a Transfer message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Transfer
         */
        static fromObject(object: { [k: string]: any }): uap.Transfer;

        /**
         * Creates a plain object from a Transfer message. Also converts values to other types if specified.
         * @param message Transfer
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Transfer, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Transfer to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Transfer
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Transfer {

        /** Properties of a Transfer. */
        interface $Properties {

            /** Transfer target */
            target?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Transfer. */
        type $Shape = uap.Transfer.$Properties;
    }

    /**
     * Properties of a TransferRequest.
     * @deprecated Use uap.TransferRequest.$Properties instead.
     */
    interface ITransferRequest extends uap.TransferRequest.$Properties {
    }

    /** Represents a TransferRequest. */
    class TransferRequest {

        /**
         * Constructs a new TransferRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.TransferRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TransferRequest callId. */
        callId: string;

        /** TransferRequest tenantId. */
        tenantId: string;

        /** TransferRequest providerCallId. */
        providerCallId: string;

        /** TransferRequest target. */
        target: string;

        /**
         * Creates a new TransferRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TransferRequest instance
         */
        static create(properties: uap.TransferRequest.$Shape): uap.TransferRequest & uap.TransferRequest.$Shape;
        static create(properties?: uap.TransferRequest.$Properties): uap.TransferRequest;

        /**
         * Encodes the specified TransferRequest message. Does not implicitly {@link uap.TransferRequest.verify|verify} messages.
         * @param message TransferRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.TransferRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TransferRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.TransferRequest & uap.TransferRequest.$Shape} TransferRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.TransferRequest & uap.TransferRequest.$Shape;

        /**
         * Creates a TransferRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TransferRequest
         */
        static fromObject(object: { [k: string]: any }): uap.TransferRequest;

        /**
         * Creates a plain object from a TransferRequest message. Also converts values to other types if specified.
         * @param message TransferRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.TransferRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TransferRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TransferRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TransferRequest {

        /** Properties of a TransferRequest. */
        interface $Properties {

            /** TransferRequest callId */
            callId?: (string|null);

            /** TransferRequest tenantId */
            tenantId?: (string|null);

            /** TransferRequest providerCallId */
            providerCallId?: (string|null);

            /** TransferRequest target */
            target?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TransferRequest. */
        type $Shape = uap.TransferRequest.$Properties;
    }

    /**
     * Properties of a TransferReply.
     * @deprecated Use uap.TransferReply.$Properties instead.
     */
    interface ITransferReply extends uap.TransferReply.$Properties {
    }

    /** Represents a TransferReply. */
    class TransferReply {

        /**
         * Constructs a new TransferReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.TransferReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** TransferReply ok. */
        ok: boolean;

        /** TransferReply errorCode. */
        errorCode: string;

        /** TransferReply errorMessage. */
        errorMessage: string;

        /**
         * Creates a new TransferReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns TransferReply instance
         */
        static create(properties: uap.TransferReply.$Shape): uap.TransferReply & uap.TransferReply.$Shape;
        static create(properties?: uap.TransferReply.$Properties): uap.TransferReply;

        /**
         * Encodes the specified TransferReply message. Does not implicitly {@link uap.TransferReply.verify|verify} messages.
         * @param message TransferReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.TransferReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a TransferReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.TransferReply & uap.TransferReply.$Shape} TransferReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.TransferReply & uap.TransferReply.$Shape;

        /**
         * Creates a TransferReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns TransferReply
         */
        static fromObject(object: { [k: string]: any }): uap.TransferReply;

        /**
         * Creates a plain object from a TransferReply message. Also converts values to other types if specified.
         * @param message TransferReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.TransferReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this TransferReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for TransferReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace TransferReply {

        /** Properties of a TransferReply. */
        interface $Properties {

            /** TransferReply ok */
            ok?: (boolean|null);

            /** TransferReply errorCode */
            errorCode?: (string|null);

            /** TransferReply errorMessage */
            errorMessage?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a TransferReply. */
        type $Shape = uap.TransferReply.$Properties;
    }

    /**
     * Properties of a DispatchRequest.
     * @deprecated Use uap.DispatchRequest.$Properties instead.
     */
    interface IDispatchRequest extends uap.DispatchRequest.$Properties {
    }

    /** Represents a DispatchRequest. */
    class DispatchRequest {

        /**
         * Constructs a new DispatchRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.DispatchRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DispatchRequest callId. */
        callId: string;

        /** DispatchRequest tenantId. */
        tenantId: string;

        /** DispatchRequest agentKind. */
        agentKind: string;

        /** DispatchRequest agentConfigId. */
        agentConfigId: string;

        /** DispatchRequest agentConfigJson. */
        agentConfigJson: string;

        /** DispatchRequest sampleRate. */
        sampleRate: number;

        /** DispatchRequest from. */
        from: string;

        /** DispatchRequest to. */
        to: string;

        /** DispatchRequest transport. */
        transport: string;

        /** DispatchRequest attempt. */
        attempt: number;

        /** DispatchRequest history. */
        history: uap.Transcript.$Properties[];

        /** DispatchRequest sourceRate. */
        sourceRate: number;

        /**
         * Creates a new DispatchRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DispatchRequest instance
         */
        static create(properties: uap.DispatchRequest.$Shape): uap.DispatchRequest & uap.DispatchRequest.$Shape;
        static create(properties?: uap.DispatchRequest.$Properties): uap.DispatchRequest;

        /**
         * Encodes the specified DispatchRequest message. Does not implicitly {@link uap.DispatchRequest.verify|verify} messages.
         * @param message DispatchRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.DispatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DispatchRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.DispatchRequest & uap.DispatchRequest.$Shape} DispatchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.DispatchRequest & uap.DispatchRequest.$Shape;

        /**
         * Creates a DispatchRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DispatchRequest
         */
        static fromObject(object: { [k: string]: any }): uap.DispatchRequest;

        /**
         * Creates a plain object from a DispatchRequest message. Also converts values to other types if specified.
         * @param message DispatchRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.DispatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DispatchRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DispatchRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DispatchRequest {

        /** Properties of a DispatchRequest. */
        interface $Properties {

            /** DispatchRequest callId */
            callId?: (string|null);

            /** DispatchRequest tenantId */
            tenantId?: (string|null);

            /** DispatchRequest agentKind */
            agentKind?: (string|null);

            /** DispatchRequest agentConfigId */
            agentConfigId?: (string|null);

            /** DispatchRequest agentConfigJson */
            agentConfigJson?: (string|null);

            /** DispatchRequest sampleRate */
            sampleRate?: (number|null);

            /** DispatchRequest from */
            from?: (string|null);

            /** DispatchRequest to */
            to?: (string|null);

            /** DispatchRequest transport */
            transport?: (string|null);

            /** DispatchRequest attempt */
            attempt?: (number|null);

            /** DispatchRequest history */
            history?: (uap.Transcript.$Properties[]|null);

            /** DispatchRequest sourceRate */
            sourceRate?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DispatchRequest. */
        type $Shape = uap.DispatchRequest.$Properties;
    }

    /**
     * Properties of a DispatchReply.
     * @deprecated Use uap.DispatchReply.$Properties instead.
     */
    interface IDispatchReply extends uap.DispatchReply.$Properties {
    }

    /** Represents a DispatchReply. */
    class DispatchReply {

        /**
         * Constructs a new DispatchReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.DispatchReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DispatchReply accepted. */
        accepted: boolean;

        /** DispatchReply workerId. */
        workerId: string;

        /** DispatchReply errorCode. */
        errorCode: string;

        /** DispatchReply errorMessage. */
        errorMessage: string;

        /** DispatchReply sampleRate. */
        sampleRate: number;

        /**
         * Creates a new DispatchReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DispatchReply instance
         */
        static create(properties: uap.DispatchReply.$Shape): uap.DispatchReply & uap.DispatchReply.$Shape;
        static create(properties?: uap.DispatchReply.$Properties): uap.DispatchReply;

        /**
         * Encodes the specified DispatchReply message. Does not implicitly {@link uap.DispatchReply.verify|verify} messages.
         * @param message DispatchReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.DispatchReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DispatchReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.DispatchReply & uap.DispatchReply.$Shape} DispatchReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.DispatchReply & uap.DispatchReply.$Shape;

        /**
         * Creates a DispatchReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DispatchReply
         */
        static fromObject(object: { [k: string]: any }): uap.DispatchReply;

        /**
         * Creates a plain object from a DispatchReply message. Also converts values to other types if specified.
         * @param message DispatchReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.DispatchReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DispatchReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DispatchReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DispatchReply {

        /** Properties of a DispatchReply. */
        interface $Properties {

            /** DispatchReply accepted */
            accepted?: (boolean|null);

            /** DispatchReply workerId */
            workerId?: (string|null);

            /** DispatchReply errorCode */
            errorCode?: (string|null);

            /** DispatchReply errorMessage */
            errorMessage?: (string|null);

            /** DispatchReply sampleRate */
            sampleRate?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DispatchReply. */
        type $Shape = uap.DispatchReply.$Properties;
    }

    /**
     * Properties of a Heartbeat.
     * @deprecated Use uap.Heartbeat.$Properties instead.
     */
    interface IHeartbeat extends uap.Heartbeat.$Properties {
    }

    /** Represents a Heartbeat. */
    class Heartbeat {

        /**
         * Constructs a new Heartbeat.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.Heartbeat.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Heartbeat workerId. */
        workerId: string;

        /** Heartbeat activeCalls. */
        activeCalls: number;

        /** Heartbeat capacity. */
        capacity: number;

        /** Heartbeat ts. */
        ts: number;

        /** Heartbeat callIds. */
        callIds: string[];

        /**
         * Creates a new Heartbeat instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Heartbeat instance
         */
        static create(properties: uap.Heartbeat.$Shape): uap.Heartbeat & uap.Heartbeat.$Shape;
        static create(properties?: uap.Heartbeat.$Properties): uap.Heartbeat;

        /**
         * Encodes the specified Heartbeat message. Does not implicitly {@link uap.Heartbeat.verify|verify} messages.
         * @param message Heartbeat message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Heartbeat message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.Heartbeat & uap.Heartbeat.$Shape} Heartbeat
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.Heartbeat & uap.Heartbeat.$Shape;

        /**
         * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns Heartbeat
         */
        static fromObject(object: { [k: string]: any }): uap.Heartbeat;

        /**
         * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
         * @param message Heartbeat
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Heartbeat to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Heartbeat
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Heartbeat {

        /** Properties of a Heartbeat. */
        interface $Properties {

            /** Heartbeat workerId */
            workerId?: (string|null);

            /** Heartbeat activeCalls */
            activeCalls?: (number|null);

            /** Heartbeat capacity */
            capacity?: (number|null);

            /** Heartbeat ts */
            ts?: (number|null);

            /** Heartbeat callIds */
            callIds?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Heartbeat. */
        type $Shape = uap.Heartbeat.$Properties;
    }

    /**
     * Properties of a RoutingLookup.
     * @deprecated Use uap.RoutingLookup.$Properties instead.
     */
    interface IRoutingLookup extends uap.RoutingLookup.$Properties {
    }

    /** Represents a RoutingLookup. */
    class RoutingLookup {

        /**
         * Constructs a new RoutingLookup.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.RoutingLookup.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoutingLookup to. */
        to: string;

        /** RoutingLookup from. */
        from: string;

        /** RoutingLookup transport. */
        transport: string;

        /** RoutingLookup admit. */
        admit: boolean;

        /** RoutingLookup sip. */
        sip?: (uap.SipAdmission.$Properties|null);

        /**
         * Creates a new RoutingLookup instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoutingLookup instance
         */
        static create(properties: uap.RoutingLookup.$Shape): uap.RoutingLookup & uap.RoutingLookup.$Shape;
        static create(properties?: uap.RoutingLookup.$Properties): uap.RoutingLookup;

        /**
         * Encodes the specified RoutingLookup message. Does not implicitly {@link uap.RoutingLookup.verify|verify} messages.
         * @param message RoutingLookup message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.RoutingLookup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoutingLookup message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.RoutingLookup & uap.RoutingLookup.$Shape} RoutingLookup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.RoutingLookup & uap.RoutingLookup.$Shape;

        /**
         * Creates a RoutingLookup message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RoutingLookup
         */
        static fromObject(object: { [k: string]: any }): uap.RoutingLookup;

        /**
         * Creates a plain object from a RoutingLookup message. Also converts values to other types if specified.
         * @param message RoutingLookup
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.RoutingLookup, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RoutingLookup to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RoutingLookup
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RoutingLookup {

        /** Properties of a RoutingLookup. */
        interface $Properties {

            /** RoutingLookup to */
            to?: (string|null);

            /** RoutingLookup from */
            from?: (string|null);

            /** RoutingLookup transport */
            transport?: (string|null);

            /** RoutingLookup admit */
            admit?: (boolean|null);

            /** RoutingLookup sip */
            sip?: (uap.SipAdmission.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoutingLookup. */
        type $Shape = uap.RoutingLookup.$Properties;
    }

    /**
     * Properties of a SipAdmission.
     * @deprecated Use uap.SipAdmission.$Properties instead.
     */
    interface ISipAdmission extends uap.SipAdmission.$Properties {
    }

    /** Represents a SipAdmission. */
    class SipAdmission {

        /**
         * Constructs a new SipAdmission.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.SipAdmission.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SipAdmission sourceIp. */
        sourceIp: string;

        /** SipAdmission realm. */
        realm: string;

        /** SipAdmission digest. */
        digest?: (uap.DigestCredentials.$Properties|null);

        /**
         * Creates a new SipAdmission instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SipAdmission instance
         */
        static create(properties: uap.SipAdmission.$Shape): uap.SipAdmission & uap.SipAdmission.$Shape;
        static create(properties?: uap.SipAdmission.$Properties): uap.SipAdmission;

        /**
         * Encodes the specified SipAdmission message. Does not implicitly {@link uap.SipAdmission.verify|verify} messages.
         * @param message SipAdmission message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.SipAdmission.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SipAdmission message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.SipAdmission & uap.SipAdmission.$Shape} SipAdmission
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.SipAdmission & uap.SipAdmission.$Shape;

        /**
         * Creates a SipAdmission message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SipAdmission
         */
        static fromObject(object: { [k: string]: any }): uap.SipAdmission;

        /**
         * Creates a plain object from a SipAdmission message. Also converts values to other types if specified.
         * @param message SipAdmission
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.SipAdmission, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SipAdmission to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SipAdmission
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SipAdmission {

        /** Properties of a SipAdmission. */
        interface $Properties {

            /** SipAdmission sourceIp */
            sourceIp?: (string|null);

            /** SipAdmission realm */
            realm?: (string|null);

            /** SipAdmission digest */
            digest?: (uap.DigestCredentials.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SipAdmission. */
        type $Shape = uap.SipAdmission.$Properties;
    }

    /**
     * Properties of a DigestCredentials.
     * @deprecated Use uap.DigestCredentials.$Properties instead.
     */
    interface IDigestCredentials extends uap.DigestCredentials.$Properties {
    }

    /** Represents a DigestCredentials. */
    class DigestCredentials {

        /**
         * Constructs a new DigestCredentials.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.DigestCredentials.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** DigestCredentials username. */
        username: string;

        /** DigestCredentials realm. */
        realm: string;

        /** DigestCredentials nonce. */
        nonce: string;

        /** DigestCredentials uri. */
        uri: string;

        /** DigestCredentials response. */
        response: string;

        /** DigestCredentials algorithm. */
        algorithm: string;

        /** DigestCredentials qop. */
        qop: string;

        /** DigestCredentials nc. */
        nc: string;

        /** DigestCredentials cnonce. */
        cnonce: string;

        /** DigestCredentials method. */
        method: string;

        /**
         * Creates a new DigestCredentials instance using the specified properties.
         * @param [properties] Properties to set
         * @returns DigestCredentials instance
         */
        static create(properties: uap.DigestCredentials.$Shape): uap.DigestCredentials & uap.DigestCredentials.$Shape;
        static create(properties?: uap.DigestCredentials.$Properties): uap.DigestCredentials;

        /**
         * Encodes the specified DigestCredentials message. Does not implicitly {@link uap.DigestCredentials.verify|verify} messages.
         * @param message DigestCredentials message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.DigestCredentials.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a DigestCredentials message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.DigestCredentials & uap.DigestCredentials.$Shape} DigestCredentials
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.DigestCredentials & uap.DigestCredentials.$Shape;

        /**
         * Creates a DigestCredentials message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns DigestCredentials
         */
        static fromObject(object: { [k: string]: any }): uap.DigestCredentials;

        /**
         * Creates a plain object from a DigestCredentials message. Also converts values to other types if specified.
         * @param message DigestCredentials
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.DigestCredentials, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this DigestCredentials to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for DigestCredentials
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace DigestCredentials {

        /** Properties of a DigestCredentials. */
        interface $Properties {

            /** DigestCredentials username */
            username?: (string|null);

            /** DigestCredentials realm */
            realm?: (string|null);

            /** DigestCredentials nonce */
            nonce?: (string|null);

            /** DigestCredentials uri */
            uri?: (string|null);

            /** DigestCredentials response */
            response?: (string|null);

            /** DigestCredentials algorithm */
            algorithm?: (string|null);

            /** DigestCredentials qop */
            qop?: (string|null);

            /** DigestCredentials nc */
            nc?: (string|null);

            /** DigestCredentials cnonce */
            cnonce?: (string|null);

            /** DigestCredentials method */
            method?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a DigestCredentials. */
        type $Shape = uap.DigestCredentials.$Properties;
    }

    /**
     * Properties of a RoutingReply.
     * @deprecated Use uap.RoutingReply.$Properties instead.
     */
    interface IRoutingReply extends uap.RoutingReply.$Properties {
    }

    /** Represents a RoutingReply. */
    class RoutingReply {

        /**
         * Constructs a new RoutingReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.RoutingReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** RoutingReply found. */
        found: boolean;

        /** RoutingReply tenantId. */
        tenantId: string;

        /** RoutingReply agentKind. */
        agentKind: string;

        /** RoutingReply agentConfigId. */
        agentConfigId: string;

        /** RoutingReply agentConfigJson. */
        agentConfigJson: string;

        /** RoutingReply errorCode. */
        errorCode: string;

        /** RoutingReply trunkId. */
        trunkId: string;

        /**
         * Creates a new RoutingReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns RoutingReply instance
         */
        static create(properties: uap.RoutingReply.$Shape): uap.RoutingReply & uap.RoutingReply.$Shape;
        static create(properties?: uap.RoutingReply.$Properties): uap.RoutingReply;

        /**
         * Encodes the specified RoutingReply message. Does not implicitly {@link uap.RoutingReply.verify|verify} messages.
         * @param message RoutingReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.RoutingReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a RoutingReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.RoutingReply & uap.RoutingReply.$Shape} RoutingReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.RoutingReply & uap.RoutingReply.$Shape;

        /**
         * Creates a RoutingReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns RoutingReply
         */
        static fromObject(object: { [k: string]: any }): uap.RoutingReply;

        /**
         * Creates a plain object from a RoutingReply message. Also converts values to other types if specified.
         * @param message RoutingReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.RoutingReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this RoutingReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for RoutingReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace RoutingReply {

        /** Properties of a RoutingReply. */
        interface $Properties {

            /** RoutingReply found */
            found?: (boolean|null);

            /** RoutingReply tenantId */
            tenantId?: (string|null);

            /** RoutingReply agentKind */
            agentKind?: (string|null);

            /** RoutingReply agentConfigId */
            agentConfigId?: (string|null);

            /** RoutingReply agentConfigJson */
            agentConfigJson?: (string|null);

            /** RoutingReply errorCode */
            errorCode?: (string|null);

            /** RoutingReply trunkId */
            trunkId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a RoutingReply. */
        type $Shape = uap.RoutingReply.$Properties;
    }

    /**
     * Properties of a SipOriginate.
     * @deprecated Use uap.SipOriginate.$Properties instead.
     */
    interface ISipOriginate extends uap.SipOriginate.$Properties {
    }

    /** Represents a SipOriginate. */
    class SipOriginate {

        /**
         * Constructs a new SipOriginate.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.SipOriginate.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SipOriginate callId. */
        callId: string;

        /** SipOriginate tenantId. */
        tenantId: string;

        /** SipOriginate to. */
        to: string;

        /** SipOriginate from. */
        from: string;

        /** SipOriginate trunkId. */
        trunkId: string;

        /** SipOriginate host. */
        host: string;

        /** SipOriginate port. */
        port: number;

        /** SipOriginate transport. */
        transport: string;

        /** SipOriginate authUsername. */
        authUsername: string;

        /** SipOriginate authPassword. */
        authPassword: string;

        /** SipOriginate agentKind. */
        agentKind: string;

        /** SipOriginate agentConfigId. */
        agentConfigId: string;

        /** SipOriginate agentConfigJson. */
        agentConfigJson: string;

        /** SipOriginate ringTimeoutS. */
        ringTimeoutS: number;

        /**
         * Creates a new SipOriginate instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SipOriginate instance
         */
        static create(properties: uap.SipOriginate.$Shape): uap.SipOriginate & uap.SipOriginate.$Shape;
        static create(properties?: uap.SipOriginate.$Properties): uap.SipOriginate;

        /**
         * Encodes the specified SipOriginate message. Does not implicitly {@link uap.SipOriginate.verify|verify} messages.
         * @param message SipOriginate message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.SipOriginate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SipOriginate message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.SipOriginate & uap.SipOriginate.$Shape} SipOriginate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.SipOriginate & uap.SipOriginate.$Shape;

        /**
         * Creates a SipOriginate message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SipOriginate
         */
        static fromObject(object: { [k: string]: any }): uap.SipOriginate;

        /**
         * Creates a plain object from a SipOriginate message. Also converts values to other types if specified.
         * @param message SipOriginate
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.SipOriginate, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SipOriginate to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SipOriginate
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SipOriginate {

        /** Properties of a SipOriginate. */
        interface $Properties {

            /** SipOriginate callId */
            callId?: (string|null);

            /** SipOriginate tenantId */
            tenantId?: (string|null);

            /** SipOriginate to */
            to?: (string|null);

            /** SipOriginate from */
            from?: (string|null);

            /** SipOriginate trunkId */
            trunkId?: (string|null);

            /** SipOriginate host */
            host?: (string|null);

            /** SipOriginate port */
            port?: (number|null);

            /** SipOriginate transport */
            transport?: (string|null);

            /** SipOriginate authUsername */
            authUsername?: (string|null);

            /** SipOriginate authPassword */
            authPassword?: (string|null);

            /** SipOriginate agentKind */
            agentKind?: (string|null);

            /** SipOriginate agentConfigId */
            agentConfigId?: (string|null);

            /** SipOriginate agentConfigJson */
            agentConfigJson?: (string|null);

            /** SipOriginate ringTimeoutS */
            ringTimeoutS?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SipOriginate. */
        type $Shape = uap.SipOriginate.$Properties;
    }

    /**
     * Properties of a SipOriginateReply.
     * @deprecated Use uap.SipOriginateReply.$Properties instead.
     */
    interface ISipOriginateReply extends uap.SipOriginateReply.$Properties {
    }

    /** Represents a SipOriginateReply. */
    class SipOriginateReply {

        /**
         * Constructs a new SipOriginateReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.SipOriginateReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SipOriginateReply accepted. */
        accepted: boolean;

        /** SipOriginateReply sipCallId. */
        sipCallId: string;

        /** SipOriginateReply errorCode. */
        errorCode: string;

        /** SipOriginateReply errorMessage. */
        errorMessage: string;

        /**
         * Creates a new SipOriginateReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SipOriginateReply instance
         */
        static create(properties: uap.SipOriginateReply.$Shape): uap.SipOriginateReply & uap.SipOriginateReply.$Shape;
        static create(properties?: uap.SipOriginateReply.$Properties): uap.SipOriginateReply;

        /**
         * Encodes the specified SipOriginateReply message. Does not implicitly {@link uap.SipOriginateReply.verify|verify} messages.
         * @param message SipOriginateReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.SipOriginateReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SipOriginateReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.SipOriginateReply & uap.SipOriginateReply.$Shape} SipOriginateReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.SipOriginateReply & uap.SipOriginateReply.$Shape;

        /**
         * Creates a SipOriginateReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SipOriginateReply
         */
        static fromObject(object: { [k: string]: any }): uap.SipOriginateReply;

        /**
         * Creates a plain object from a SipOriginateReply message. Also converts values to other types if specified.
         * @param message SipOriginateReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.SipOriginateReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SipOriginateReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SipOriginateReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SipOriginateReply {

        /** Properties of a SipOriginateReply. */
        interface $Properties {

            /** SipOriginateReply accepted */
            accepted?: (boolean|null);

            /** SipOriginateReply sipCallId */
            sipCallId?: (string|null);

            /** SipOriginateReply errorCode */
            errorCode?: (string|null);

            /** SipOriginateReply errorMessage */
            errorMessage?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SipOriginateReply. */
        type $Shape = uap.SipOriginateReply.$Properties;
    }

    /**
     * Properties of an AgentConfigRequest.
     * @deprecated Use uap.AgentConfigRequest.$Properties instead.
     */
    interface IAgentConfigRequest extends uap.AgentConfigRequest.$Properties {
    }

    /** Represents an AgentConfigRequest. */
    class AgentConfigRequest {

        /**
         * Constructs a new AgentConfigRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.AgentConfigRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AgentConfigRequest tenantId. */
        tenantId: string;

        /** AgentConfigRequest agentConfigId. */
        agentConfigId: string;

        /**
         * Creates a new AgentConfigRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AgentConfigRequest instance
         */
        static create(properties: uap.AgentConfigRequest.$Shape): uap.AgentConfigRequest & uap.AgentConfigRequest.$Shape;
        static create(properties?: uap.AgentConfigRequest.$Properties): uap.AgentConfigRequest;

        /**
         * Encodes the specified AgentConfigRequest message. Does not implicitly {@link uap.AgentConfigRequest.verify|verify} messages.
         * @param message AgentConfigRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.AgentConfigRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AgentConfigRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.AgentConfigRequest & uap.AgentConfigRequest.$Shape} AgentConfigRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.AgentConfigRequest & uap.AgentConfigRequest.$Shape;

        /**
         * Creates an AgentConfigRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AgentConfigRequest
         */
        static fromObject(object: { [k: string]: any }): uap.AgentConfigRequest;

        /**
         * Creates a plain object from an AgentConfigRequest message. Also converts values to other types if specified.
         * @param message AgentConfigRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.AgentConfigRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AgentConfigRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AgentConfigRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AgentConfigRequest {

        /** Properties of an AgentConfigRequest. */
        interface $Properties {

            /** AgentConfigRequest tenantId */
            tenantId?: (string|null);

            /** AgentConfigRequest agentConfigId */
            agentConfigId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AgentConfigRequest. */
        type $Shape = uap.AgentConfigRequest.$Properties;
    }

    /**
     * Properties of an AgentConfigReply.
     * @deprecated Use uap.AgentConfigReply.$Properties instead.
     */
    interface IAgentConfigReply extends uap.AgentConfigReply.$Properties {
    }

    /** Represents an AgentConfigReply. */
    class AgentConfigReply {

        /**
         * Constructs a new AgentConfigReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.AgentConfigReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** AgentConfigReply found. */
        found: boolean;

        /** AgentConfigReply configJson. */
        configJson: string;

        /** AgentConfigReply errorCode. */
        errorCode: string;

        /**
         * Creates a new AgentConfigReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns AgentConfigReply instance
         */
        static create(properties: uap.AgentConfigReply.$Shape): uap.AgentConfigReply & uap.AgentConfigReply.$Shape;
        static create(properties?: uap.AgentConfigReply.$Properties): uap.AgentConfigReply;

        /**
         * Encodes the specified AgentConfigReply message. Does not implicitly {@link uap.AgentConfigReply.verify|verify} messages.
         * @param message AgentConfigReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.AgentConfigReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an AgentConfigReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.AgentConfigReply & uap.AgentConfigReply.$Shape} AgentConfigReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.AgentConfigReply & uap.AgentConfigReply.$Shape;

        /**
         * Creates an AgentConfigReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns AgentConfigReply
         */
        static fromObject(object: { [k: string]: any }): uap.AgentConfigReply;

        /**
         * Creates a plain object from an AgentConfigReply message. Also converts values to other types if specified.
         * @param message AgentConfigReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.AgentConfigReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this AgentConfigReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for AgentConfigReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace AgentConfigReply {

        /** Properties of an AgentConfigReply. */
        interface $Properties {

            /** AgentConfigReply found */
            found?: (boolean|null);

            /** AgentConfigReply configJson */
            configJson?: (string|null);

            /** AgentConfigReply errorCode */
            errorCode?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an AgentConfigReply. */
        type $Shape = uap.AgentConfigReply.$Properties;
    }

    /**
     * Properties of a KbSearchRequest.
     * @deprecated Use uap.KbSearchRequest.$Properties instead.
     */
    interface IKbSearchRequest extends uap.KbSearchRequest.$Properties {
    }

    /** Represents a KbSearchRequest. */
    class KbSearchRequest {

        /**
         * Constructs a new KbSearchRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.KbSearchRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KbSearchRequest tenantId. */
        tenantId: string;

        /** KbSearchRequest query. */
        query: string;

        /** KbSearchRequest topK. */
        topK: number;

        /** KbSearchRequest collection. */
        collection: string;

        /** KbSearchRequest agentConfigId. */
        agentConfigId: string;

        /** KbSearchRequest callId. */
        callId: string;

        /**
         * Creates a new KbSearchRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KbSearchRequest instance
         */
        static create(properties: uap.KbSearchRequest.$Shape): uap.KbSearchRequest & uap.KbSearchRequest.$Shape;
        static create(properties?: uap.KbSearchRequest.$Properties): uap.KbSearchRequest;

        /**
         * Encodes the specified KbSearchRequest message. Does not implicitly {@link uap.KbSearchRequest.verify|verify} messages.
         * @param message KbSearchRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.KbSearchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KbSearchRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.KbSearchRequest & uap.KbSearchRequest.$Shape} KbSearchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.KbSearchRequest & uap.KbSearchRequest.$Shape;

        /**
         * Creates a KbSearchRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns KbSearchRequest
         */
        static fromObject(object: { [k: string]: any }): uap.KbSearchRequest;

        /**
         * Creates a plain object from a KbSearchRequest message. Also converts values to other types if specified.
         * @param message KbSearchRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.KbSearchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this KbSearchRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for KbSearchRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KbSearchRequest {

        /** Properties of a KbSearchRequest. */
        interface $Properties {

            /** KbSearchRequest tenantId */
            tenantId?: (string|null);

            /** KbSearchRequest query */
            query?: (string|null);

            /** KbSearchRequest topK */
            topK?: (number|null);

            /** KbSearchRequest collection */
            collection?: (string|null);

            /** KbSearchRequest agentConfigId */
            agentConfigId?: (string|null);

            /** KbSearchRequest callId */
            callId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KbSearchRequest. */
        type $Shape = uap.KbSearchRequest.$Properties;
    }

    /**
     * Properties of a KbHit.
     * @deprecated Use uap.KbHit.$Properties instead.
     */
    interface IKbHit extends uap.KbHit.$Properties {
    }

    /** Represents a KbHit. */
    class KbHit {

        /**
         * Constructs a new KbHit.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.KbHit.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KbHit documentId. */
        documentId: string;

        /** KbHit title. */
        title: string;

        /** KbHit collection. */
        collection: string;

        /** KbHit chunkIndex. */
        chunkIndex: number;

        /** KbHit heading. */
        heading: string;

        /** KbHit text. */
        text: string;

        /** KbHit score. */
        score: number;

        /**
         * Creates a new KbHit instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KbHit instance
         */
        static create(properties: uap.KbHit.$Shape): uap.KbHit & uap.KbHit.$Shape;
        static create(properties?: uap.KbHit.$Properties): uap.KbHit;

        /**
         * Encodes the specified KbHit message. Does not implicitly {@link uap.KbHit.verify|verify} messages.
         * @param message KbHit message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.KbHit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KbHit message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.KbHit & uap.KbHit.$Shape} KbHit
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.KbHit & uap.KbHit.$Shape;

        /**
         * Creates a KbHit message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns KbHit
         */
        static fromObject(object: { [k: string]: any }): uap.KbHit;

        /**
         * Creates a plain object from a KbHit message. Also converts values to other types if specified.
         * @param message KbHit
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.KbHit, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this KbHit to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for KbHit
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KbHit {

        /** Properties of a KbHit. */
        interface $Properties {

            /** KbHit documentId */
            documentId?: (string|null);

            /** KbHit title */
            title?: (string|null);

            /** KbHit collection */
            collection?: (string|null);

            /** KbHit chunkIndex */
            chunkIndex?: (number|null);

            /** KbHit heading */
            heading?: (string|null);

            /** KbHit text */
            text?: (string|null);

            /** KbHit score */
            score?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KbHit. */
        type $Shape = uap.KbHit.$Properties;
    }

    /**
     * Properties of a KbSearchReply.
     * @deprecated Use uap.KbSearchReply.$Properties instead.
     */
    interface IKbSearchReply extends uap.KbSearchReply.$Properties {
    }

    /** Represents a KbSearchReply. */
    class KbSearchReply {

        /**
         * Constructs a new KbSearchReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.KbSearchReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** KbSearchReply ok. */
        ok: boolean;

        /** KbSearchReply hits. */
        hits: uap.KbHit.$Properties[];

        /** KbSearchReply errorCode. */
        errorCode: string;

        /** KbSearchReply errorMessage. */
        errorMessage: string;

        /**
         * Creates a new KbSearchReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns KbSearchReply instance
         */
        static create(properties: uap.KbSearchReply.$Shape): uap.KbSearchReply & uap.KbSearchReply.$Shape;
        static create(properties?: uap.KbSearchReply.$Properties): uap.KbSearchReply;

        /**
         * Encodes the specified KbSearchReply message. Does not implicitly {@link uap.KbSearchReply.verify|verify} messages.
         * @param message KbSearchReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.KbSearchReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a KbSearchReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.KbSearchReply & uap.KbSearchReply.$Shape} KbSearchReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.KbSearchReply & uap.KbSearchReply.$Shape;

        /**
         * Creates a KbSearchReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns KbSearchReply
         */
        static fromObject(object: { [k: string]: any }): uap.KbSearchReply;

        /**
         * Creates a plain object from a KbSearchReply message. Also converts values to other types if specified.
         * @param message KbSearchReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.KbSearchReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this KbSearchReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for KbSearchReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace KbSearchReply {

        /** Properties of a KbSearchReply. */
        interface $Properties {

            /** KbSearchReply ok */
            ok?: (boolean|null);

            /** KbSearchReply hits */
            hits?: (uap.KbHit.$Properties[]|null);

            /** KbSearchReply errorCode */
            errorCode?: (string|null);

            /** KbSearchReply errorMessage */
            errorMessage?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a KbSearchReply. */
        type $Shape = uap.KbSearchReply.$Properties;
    }

    /**
     * Properties of a SqlQueryRequest.
     * @deprecated Use uap.SqlQueryRequest.$Properties instead.
     */
    interface ISqlQueryRequest extends uap.SqlQueryRequest.$Properties {
    }

    /** Represents a SqlQueryRequest. */
    class SqlQueryRequest {

        /**
         * Constructs a new SqlQueryRequest.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.SqlQueryRequest.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SqlQueryRequest tenantId. */
        tenantId: string;

        /** SqlQueryRequest sql. */
        sql: string;

        /** SqlQueryRequest maxRows. */
        maxRows: number;

        /** SqlQueryRequest callId. */
        callId: string;

        /**
         * Creates a new SqlQueryRequest instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SqlQueryRequest instance
         */
        static create(properties: uap.SqlQueryRequest.$Shape): uap.SqlQueryRequest & uap.SqlQueryRequest.$Shape;
        static create(properties?: uap.SqlQueryRequest.$Properties): uap.SqlQueryRequest;

        /**
         * Encodes the specified SqlQueryRequest message. Does not implicitly {@link uap.SqlQueryRequest.verify|verify} messages.
         * @param message SqlQueryRequest message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.SqlQueryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SqlQueryRequest message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.SqlQueryRequest & uap.SqlQueryRequest.$Shape} SqlQueryRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.SqlQueryRequest & uap.SqlQueryRequest.$Shape;

        /**
         * Creates a SqlQueryRequest message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SqlQueryRequest
         */
        static fromObject(object: { [k: string]: any }): uap.SqlQueryRequest;

        /**
         * Creates a plain object from a SqlQueryRequest message. Also converts values to other types if specified.
         * @param message SqlQueryRequest
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.SqlQueryRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SqlQueryRequest to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SqlQueryRequest
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SqlQueryRequest {

        /** Properties of a SqlQueryRequest. */
        interface $Properties {

            /** SqlQueryRequest tenantId */
            tenantId?: (string|null);

            /** SqlQueryRequest sql */
            sql?: (string|null);

            /** SqlQueryRequest maxRows */
            maxRows?: (number|null);

            /** SqlQueryRequest callId */
            callId?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SqlQueryRequest. */
        type $Shape = uap.SqlQueryRequest.$Properties;
    }

    /**
     * Properties of a SqlQueryReply.
     * @deprecated Use uap.SqlQueryReply.$Properties instead.
     */
    interface ISqlQueryReply extends uap.SqlQueryReply.$Properties {
    }

    /** Represents a SqlQueryReply. */
    class SqlQueryReply {

        /**
         * Constructs a new SqlQueryReply.
         * @param [properties] Properties to set
         */
        constructor(properties?: uap.SqlQueryReply.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SqlQueryReply ok. */
        ok: boolean;

        /** SqlQueryReply columns. */
        columns: string[];

        /** SqlQueryReply rowsJson. */
        rowsJson: string;

        /** SqlQueryReply rowCount. */
        rowCount: number;

        /** SqlQueryReply truncated. */
        truncated: boolean;

        /** SqlQueryReply errorCode. */
        errorCode: string;

        /** SqlQueryReply errorMessage. */
        errorMessage: string;

        /**
         * Creates a new SqlQueryReply instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SqlQueryReply instance
         */
        static create(properties: uap.SqlQueryReply.$Shape): uap.SqlQueryReply & uap.SqlQueryReply.$Shape;
        static create(properties?: uap.SqlQueryReply.$Properties): uap.SqlQueryReply;

        /**
         * Encodes the specified SqlQueryReply message. Does not implicitly {@link uap.SqlQueryReply.verify|verify} messages.
         * @param message SqlQueryReply message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encode(message: uap.SqlQueryReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SqlQueryReply message from the specified reader or buffer.
         * @param reader Reader or buffer to decode from
         * @param [length] Message length if known beforehand
         * @returns {uap.SqlQueryReply & uap.SqlQueryReply.$Shape} SqlQueryReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): uap.SqlQueryReply & uap.SqlQueryReply.$Shape;

        /**
         * Creates a SqlQueryReply message from a plain object. Also converts values to their respective internal types.
         * @param object Plain object
         * @returns SqlQueryReply
         */
        static fromObject(object: { [k: string]: any }): uap.SqlQueryReply;

        /**
         * Creates a plain object from a SqlQueryReply message. Also converts values to other types if specified.
         * @param message SqlQueryReply
         * @param [options] Conversion options
         * @returns Plain object
         */
        static toObject(message: uap.SqlQueryReply, options?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SqlQueryReply to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SqlQueryReply
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SqlQueryReply {

        /** Properties of a SqlQueryReply. */
        interface $Properties {

            /** SqlQueryReply ok */
            ok?: (boolean|null);

            /** SqlQueryReply columns */
            columns?: (string[]|null);

            /** SqlQueryReply rowsJson */
            rowsJson?: (string|null);

            /** SqlQueryReply rowCount */
            rowCount?: (number|null);

            /** SqlQueryReply truncated */
            truncated?: (boolean|null);

            /** SqlQueryReply errorCode */
            errorCode?: (string|null);

            /** SqlQueryReply errorMessage */
            errorMessage?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SqlQueryReply. */
        type $Shape = uap.SqlQueryReply.$Properties;
    }
}
