/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Array = $util.global.Array, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const uap = $root.uap = (() => {

    /**
     * Namespace uap.
     * @exports uap
     * @namespace
     */
    const uap = {};

    uap.AudioFrame = (function() {

        /**
         * Properties of an AudioFrame.
         * @typedef {Object} uap.AudioFrame.$Properties
         * @property {string|null} [callId] AudioFrame callId
         * @property {number|null} [seq] AudioFrame seq
         * @property {number|null} [mediaTsMs] AudioFrame mediaTsMs
         * @property {number|null} [sampleRate] AudioFrame sampleRate
         * @property {Uint8Array|null} [pcm] AudioFrame pcm
         * @property {number|null} [originTs] AudioFrame originTs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AudioFrame.
         * @memberof uap
         * @interface IAudioFrame
         * @augments uap.AudioFrame.$Properties
         * @deprecated Use uap.AudioFrame.$Properties instead.
         */

        /**
         * Shape of an AudioFrame.
         * @typedef {uap.AudioFrame.$Properties} uap.AudioFrame.$Shape
         */

        /**
         * Constructs a new AudioFrame.
         * @memberof uap
         * @classdesc Represents an AudioFrame.
         * @constructor
         * @param {uap.AudioFrame.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AudioFrame = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AudioFrame callId.
         * @member {string} callId
         * @memberof uap.AudioFrame
         * @instance
         */
        AudioFrame.prototype.callId = "";

        /**
         * AudioFrame seq.
         * @member {number} seq
         * @memberof uap.AudioFrame
         * @instance
         */
        AudioFrame.prototype.seq = 0;

        /**
         * AudioFrame mediaTsMs.
         * @member {number} mediaTsMs
         * @memberof uap.AudioFrame
         * @instance
         */
        AudioFrame.prototype.mediaTsMs = 0;

        /**
         * AudioFrame sampleRate.
         * @member {number} sampleRate
         * @memberof uap.AudioFrame
         * @instance
         */
        AudioFrame.prototype.sampleRate = 0;

        /**
         * AudioFrame pcm.
         * @member {Uint8Array} pcm
         * @memberof uap.AudioFrame
         * @instance
         */
        AudioFrame.prototype.pcm = $util.newBuffer([]);

        /**
         * AudioFrame originTs.
         * @member {number} originTs
         * @memberof uap.AudioFrame
         * @instance
         */
        AudioFrame.prototype.originTs = 0;

        /**
         * Creates a new AudioFrame instance using the specified properties.
         * @function create
         * @memberof uap.AudioFrame
         * @static
         * @param {uap.AudioFrame.$Properties=} [properties] Properties to set
         * @returns {uap.AudioFrame} AudioFrame instance
         * @type {{
         *   (properties: uap.AudioFrame.$Shape): uap.AudioFrame & uap.AudioFrame.$Shape;
         *   (properties?: uap.AudioFrame.$Properties): uap.AudioFrame;
         * }}
         */
        AudioFrame.create = function(properties) {
            return new AudioFrame(properties);
        };

        /**
         * Encodes the specified AudioFrame message. Does not implicitly {@link uap.AudioFrame.verify|verify} messages.
         * @function encode
         * @memberof uap.AudioFrame
         * @static
         * @param {uap.AudioFrame.$Properties} message AudioFrame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AudioFrame.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.callId);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.seq);
            if (message.mediaTsMs != null && $Object.hasOwnProperty.call(message, "mediaTsMs") && message.mediaTsMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.mediaTsMs);
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && message.sampleRate !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.sampleRate);
            if (message.pcm != null && $Object.hasOwnProperty.call(message, "pcm") && message.pcm.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.pcm);
            if (message.originTs != null && $Object.hasOwnProperty.call(message, "originTs") && !$Object.is(message.originTs, 0))
                writer.uint32(/* id 6, wireType 1 =*/49).double(message.originTs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AudioFrame message from the specified reader or buffer.
         * @function decode
         * @memberof uap.AudioFrame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.AudioFrame & uap.AudioFrame.$Shape} AudioFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AudioFrame.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.AudioFrame();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mediaTsMs = value;
                        else
                            delete message.mediaTsMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sampleRate = value;
                        else
                            delete message.sampleRate;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.pcm = value;
                        else
                            delete message.pcm;
                        continue;
                    }
                case 6: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.originTs = value;
                        else
                            delete message.originTs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an AudioFrame message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.AudioFrame
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.AudioFrame} AudioFrame
         */
        AudioFrame.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.AudioFrame)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.AudioFrame: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.AudioFrame();
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            if (object.seq != null)
                if ($Number(object.seq) !== 0)
                    message.seq = object.seq >>> 0;
            if (object.mediaTsMs != null)
                if ($Number(object.mediaTsMs) !== 0)
                    message.mediaTsMs = object.mediaTsMs >>> 0;
            if (object.sampleRate != null)
                if ($Number(object.sampleRate) !== 0)
                    message.sampleRate = object.sampleRate >>> 0;
            if (object.pcm != null)
                if (object.pcm.length)
                    if (typeof object.pcm === "string")
                        $util.base64.decode(object.pcm, message.pcm = $util.newBuffer($util.base64.length(object.pcm)), 0);
                    else if (object.pcm.length >= 0)
                        message.pcm = object.pcm;
            if (object.originTs != null)
                if (!$Object.is($Number(object.originTs), 0))
                    message.originTs = $Number(object.originTs);
            return message;
        };

        /**
         * Creates a plain object from an AudioFrame message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.AudioFrame
         * @static
         * @param {uap.AudioFrame} message AudioFrame
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AudioFrame.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.callId = "";
                object.seq = 0;
                object.mediaTsMs = 0;
                object.sampleRate = 0;
                if (options.bytes === $String)
                    object.pcm = "";
                else {
                    object.pcm = [];
                    if (options.bytes !== $Array)
                        object.pcm = $util.newBuffer(object.pcm);
                }
                object.originTs = 0;
            }
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                object.seq = message.seq;
            if (message.mediaTsMs != null && $Object.hasOwnProperty.call(message, "mediaTsMs"))
                object.mediaTsMs = message.mediaTsMs;
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                object.sampleRate = message.sampleRate;
            if (message.pcm != null && $Object.hasOwnProperty.call(message, "pcm"))
                object.pcm = options.bytes === $String ? $util.base64.encode(message.pcm, 0, message.pcm.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.pcm) : message.pcm;
            if (message.originTs != null && $Object.hasOwnProperty.call(message, "originTs"))
                object.originTs = options.json && !$isFinite(message.originTs) ? $String(message.originTs) : message.originTs;
            return object;
        };

        /**
         * Converts this AudioFrame to JSON.
         * @function toJSON
         * @memberof uap.AudioFrame
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AudioFrame.prototype.toJSON = function() {
            return AudioFrame.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for AudioFrame
         * @function getTypeUrl
         * @memberof uap.AudioFrame
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AudioFrame.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.AudioFrame";
        };

        return AudioFrame;
    })();

    /**
     * EndReason enum.
     * @name uap.EndReason
     * @enum {number}
     * @property {number} END_REASON_UNSPECIFIED=0 END_REASON_UNSPECIFIED value
     * @property {number} CALLER_HANGUP=1 CALLER_HANGUP value
     * @property {number} AGENT_HANGUP=2 AGENT_HANGUP value
     * @property {number} TRANSPORT_LOST=3 TRANSPORT_LOST value
     * @property {number} PROTOCOL_ERROR=4 PROTOCOL_ERROR value
     * @property {number} NO_AGENT=5 NO_AGENT value
     * @property {number} SHUTDOWN=6 SHUTDOWN value
     * @property {number} REFUSED=7 REFUSED value
     * @property {number} TRANSFERRED=8 TRANSFERRED value
     */
    uap.EndReason = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "END_REASON_UNSPECIFIED"] = 0;
        values[valuesById[1] = "CALLER_HANGUP"] = 1;
        values[valuesById[2] = "AGENT_HANGUP"] = 2;
        values[valuesById[3] = "TRANSPORT_LOST"] = 3;
        values[valuesById[4] = "PROTOCOL_ERROR"] = 4;
        values[valuesById[5] = "NO_AGENT"] = 5;
        values[valuesById[6] = "SHUTDOWN"] = 6;
        values[valuesById[7] = "REFUSED"] = 7;
        values[valuesById[8] = "TRANSFERRED"] = 8;
        return values;
    })();

    uap.CallStarted = (function() {

        /**
         * Properties of a CallStarted.
         * @typedef {Object} uap.CallStarted.$Properties
         * @property {string|null} [transport] CallStarted transport
         * @property {string|null} [direction] CallStarted direction
         * @property {string|null} [from] CallStarted from
         * @property {string|null} [to] CallStarted to
         * @property {string|null} [providerCallId] CallStarted providerCallId
         * @property {string|null} [streamId] CallStarted streamId
         * @property {string|null} [agentKind] CallStarted agentKind
         * @property {string|null} [agentConfigId] CallStarted agentConfigId
         * @property {number|null} [sampleRate] CallStarted sampleRate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallStarted.
         * @memberof uap
         * @interface ICallStarted
         * @augments uap.CallStarted.$Properties
         * @deprecated Use uap.CallStarted.$Properties instead.
         */

        /**
         * Shape of a CallStarted.
         * @typedef {uap.CallStarted.$Properties} uap.CallStarted.$Shape
         */

        /**
         * Constructs a new CallStarted.
         * @memberof uap
         * @classdesc Represents a CallStarted.
         * @constructor
         * @param {uap.CallStarted.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallStarted = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallStarted transport.
         * @member {string} transport
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.transport = "";

        /**
         * CallStarted direction.
         * @member {string} direction
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.direction = "";

        /**
         * CallStarted from.
         * @member {string} from
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.from = "";

        /**
         * CallStarted to.
         * @member {string} to
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.to = "";

        /**
         * CallStarted providerCallId.
         * @member {string} providerCallId
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.providerCallId = "";

        /**
         * CallStarted streamId.
         * @member {string} streamId
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.streamId = "";

        /**
         * CallStarted agentKind.
         * @member {string} agentKind
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.agentKind = "";

        /**
         * CallStarted agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.agentConfigId = "";

        /**
         * CallStarted sampleRate.
         * @member {number} sampleRate
         * @memberof uap.CallStarted
         * @instance
         */
        CallStarted.prototype.sampleRate = 0;

        /**
         * Creates a new CallStarted instance using the specified properties.
         * @function create
         * @memberof uap.CallStarted
         * @static
         * @param {uap.CallStarted.$Properties=} [properties] Properties to set
         * @returns {uap.CallStarted} CallStarted instance
         * @type {{
         *   (properties: uap.CallStarted.$Shape): uap.CallStarted & uap.CallStarted.$Shape;
         *   (properties?: uap.CallStarted.$Properties): uap.CallStarted;
         * }}
         */
        CallStarted.create = function(properties) {
            return new CallStarted(properties);
        };

        /**
         * Encodes the specified CallStarted message. Does not implicitly {@link uap.CallStarted.verify|verify} messages.
         * @function encode
         * @memberof uap.CallStarted
         * @static
         * @param {uap.CallStarted.$Properties} message CallStarted message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallStarted.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport") && message.transport !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.transport);
            if (message.direction != null && $Object.hasOwnProperty.call(message, "direction") && message.direction !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.direction);
            if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.from);
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.to);
            if (message.providerCallId != null && $Object.hasOwnProperty.call(message, "providerCallId") && message.providerCallId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.providerCallId);
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId") && message.streamId !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.streamId);
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind") && message.agentKind !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.agentKind);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.agentConfigId);
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && message.sampleRate !== 0)
                writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.sampleRate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallStarted message from the specified reader or buffer.
         * @function decode
         * @memberof uap.CallStarted
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.CallStarted & uap.CallStarted.$Shape} CallStarted
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallStarted.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.CallStarted();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transport = value;
                        else
                            delete message.transport;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.direction = value;
                        else
                            delete message.direction;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.from = value;
                        else
                            delete message.from;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.providerCallId = value;
                        else
                            delete message.providerCallId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.streamId = value;
                        else
                            delete message.streamId;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentKind = value;
                        else
                            delete message.agentKind;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sampleRate = value;
                        else
                            delete message.sampleRate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a CallStarted message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.CallStarted
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.CallStarted} CallStarted
         */
        CallStarted.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.CallStarted)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.CallStarted: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.CallStarted();
            if (object.transport != null)
                if (typeof object.transport !== "string" || object.transport.length)
                    message.transport = $String(object.transport);
            if (object.direction != null)
                if (typeof object.direction !== "string" || object.direction.length)
                    message.direction = $String(object.direction);
            if (object.from != null)
                if (typeof object.from !== "string" || object.from.length)
                    message.from = $String(object.from);
            if (object.to != null)
                if (typeof object.to !== "string" || object.to.length)
                    message.to = $String(object.to);
            if (object.providerCallId != null)
                if (typeof object.providerCallId !== "string" || object.providerCallId.length)
                    message.providerCallId = $String(object.providerCallId);
            if (object.streamId != null)
                if (typeof object.streamId !== "string" || object.streamId.length)
                    message.streamId = $String(object.streamId);
            if (object.agentKind != null)
                if (typeof object.agentKind !== "string" || object.agentKind.length)
                    message.agentKind = $String(object.agentKind);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            if (object.sampleRate != null)
                if ($Number(object.sampleRate) !== 0)
                    message.sampleRate = object.sampleRate >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a CallStarted message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.CallStarted
         * @static
         * @param {uap.CallStarted} message CallStarted
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        CallStarted.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.transport = "";
                object.direction = "";
                object.from = "";
                object.to = "";
                object.providerCallId = "";
                object.streamId = "";
                object.agentKind = "";
                object.agentConfigId = "";
                object.sampleRate = 0;
            }
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport"))
                object.transport = message.transport;
            if (message.direction != null && $Object.hasOwnProperty.call(message, "direction"))
                object.direction = message.direction;
            if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                object.from = message.from;
            if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                object.to = message.to;
            if (message.providerCallId != null && $Object.hasOwnProperty.call(message, "providerCallId"))
                object.providerCallId = message.providerCallId;
            if (message.streamId != null && $Object.hasOwnProperty.call(message, "streamId"))
                object.streamId = message.streamId;
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind"))
                object.agentKind = message.agentKind;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                object.sampleRate = message.sampleRate;
            return object;
        };

        /**
         * Converts this CallStarted to JSON.
         * @function toJSON
         * @memberof uap.CallStarted
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        CallStarted.prototype.toJSON = function() {
            return CallStarted.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for CallStarted
         * @function getTypeUrl
         * @memberof uap.CallStarted
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CallStarted.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.CallStarted";
        };

        return CallStarted;
    })();

    uap.Dtmf = (function() {

        /**
         * Properties of a Dtmf.
         * @typedef {Object} uap.Dtmf.$Properties
         * @property {string|null} [digit] Dtmf digit
         * @property {number|null} [mediaTsMs] Dtmf mediaTsMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Dtmf.
         * @memberof uap
         * @interface IDtmf
         * @augments uap.Dtmf.$Properties
         * @deprecated Use uap.Dtmf.$Properties instead.
         */

        /**
         * Shape of a Dtmf.
         * @typedef {uap.Dtmf.$Properties} uap.Dtmf.$Shape
         */

        /**
         * Constructs a new Dtmf.
         * @memberof uap
         * @classdesc Represents a Dtmf.
         * @constructor
         * @param {uap.Dtmf.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Dtmf = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Dtmf digit.
         * @member {string} digit
         * @memberof uap.Dtmf
         * @instance
         */
        Dtmf.prototype.digit = "";

        /**
         * Dtmf mediaTsMs.
         * @member {number} mediaTsMs
         * @memberof uap.Dtmf
         * @instance
         */
        Dtmf.prototype.mediaTsMs = 0;

        /**
         * Creates a new Dtmf instance using the specified properties.
         * @function create
         * @memberof uap.Dtmf
         * @static
         * @param {uap.Dtmf.$Properties=} [properties] Properties to set
         * @returns {uap.Dtmf} Dtmf instance
         * @type {{
         *   (properties: uap.Dtmf.$Shape): uap.Dtmf & uap.Dtmf.$Shape;
         *   (properties?: uap.Dtmf.$Properties): uap.Dtmf;
         * }}
         */
        Dtmf.create = function(properties) {
            return new Dtmf(properties);
        };

        /**
         * Encodes the specified Dtmf message. Does not implicitly {@link uap.Dtmf.verify|verify} messages.
         * @function encode
         * @memberof uap.Dtmf
         * @static
         * @param {uap.Dtmf.$Properties} message Dtmf message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Dtmf.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.digit != null && $Object.hasOwnProperty.call(message, "digit") && message.digit !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.digit);
            if (message.mediaTsMs != null && $Object.hasOwnProperty.call(message, "mediaTsMs") && message.mediaTsMs !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.mediaTsMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Dtmf message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Dtmf
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Dtmf & uap.Dtmf.$Shape} Dtmf
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Dtmf.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Dtmf();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.digit = value;
                        else
                            delete message.digit;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.mediaTsMs = value;
                        else
                            delete message.mediaTsMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Dtmf message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Dtmf
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Dtmf} Dtmf
         */
        Dtmf.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Dtmf)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Dtmf: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Dtmf();
            if (object.digit != null)
                if (typeof object.digit !== "string" || object.digit.length)
                    message.digit = $String(object.digit);
            if (object.mediaTsMs != null)
                if ($Number(object.mediaTsMs) !== 0)
                    message.mediaTsMs = object.mediaTsMs >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a Dtmf message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Dtmf
         * @static
         * @param {uap.Dtmf} message Dtmf
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Dtmf.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.digit = "";
                object.mediaTsMs = 0;
            }
            if (message.digit != null && $Object.hasOwnProperty.call(message, "digit"))
                object.digit = message.digit;
            if (message.mediaTsMs != null && $Object.hasOwnProperty.call(message, "mediaTsMs"))
                object.mediaTsMs = message.mediaTsMs;
            return object;
        };

        /**
         * Converts this Dtmf to JSON.
         * @function toJSON
         * @memberof uap.Dtmf
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Dtmf.prototype.toJSON = function() {
            return Dtmf.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Dtmf
         * @function getTypeUrl
         * @memberof uap.Dtmf
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Dtmf.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Dtmf";
        };

        return Dtmf;
    })();

    uap.MarkPlayed = (function() {

        /**
         * Properties of a MarkPlayed.
         * @typedef {Object} uap.MarkPlayed.$Properties
         * @property {string|null} [name] MarkPlayed name
         * @property {boolean|null} [cleared] MarkPlayed cleared
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MarkPlayed.
         * @memberof uap
         * @interface IMarkPlayed
         * @augments uap.MarkPlayed.$Properties
         * @deprecated Use uap.MarkPlayed.$Properties instead.
         */

        /**
         * Shape of a MarkPlayed.
         * @typedef {uap.MarkPlayed.$Properties} uap.MarkPlayed.$Shape
         */

        /**
         * Constructs a new MarkPlayed.
         * @memberof uap
         * @classdesc Represents a MarkPlayed.
         * @constructor
         * @param {uap.MarkPlayed.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MarkPlayed = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MarkPlayed name.
         * @member {string} name
         * @memberof uap.MarkPlayed
         * @instance
         */
        MarkPlayed.prototype.name = "";

        /**
         * MarkPlayed cleared.
         * @member {boolean} cleared
         * @memberof uap.MarkPlayed
         * @instance
         */
        MarkPlayed.prototype.cleared = false;

        /**
         * Creates a new MarkPlayed instance using the specified properties.
         * @function create
         * @memberof uap.MarkPlayed
         * @static
         * @param {uap.MarkPlayed.$Properties=} [properties] Properties to set
         * @returns {uap.MarkPlayed} MarkPlayed instance
         * @type {{
         *   (properties: uap.MarkPlayed.$Shape): uap.MarkPlayed & uap.MarkPlayed.$Shape;
         *   (properties?: uap.MarkPlayed.$Properties): uap.MarkPlayed;
         * }}
         */
        MarkPlayed.create = function(properties) {
            return new MarkPlayed(properties);
        };

        /**
         * Encodes the specified MarkPlayed message. Does not implicitly {@link uap.MarkPlayed.verify|verify} messages.
         * @function encode
         * @memberof uap.MarkPlayed
         * @static
         * @param {uap.MarkPlayed.$Properties} message MarkPlayed message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MarkPlayed.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.cleared != null && $Object.hasOwnProperty.call(message, "cleared") && message.cleared !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.cleared);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MarkPlayed message from the specified reader or buffer.
         * @function decode
         * @memberof uap.MarkPlayed
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.MarkPlayed & uap.MarkPlayed.$Shape} MarkPlayed
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MarkPlayed.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.MarkPlayed();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.cleared = value;
                        else
                            delete message.cleared;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a MarkPlayed message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.MarkPlayed
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.MarkPlayed} MarkPlayed
         */
        MarkPlayed.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.MarkPlayed)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.MarkPlayed: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.MarkPlayed();
            if (object.name != null)
                if (typeof object.name !== "string" || object.name.length)
                    message.name = $String(object.name);
            if (object.cleared != null)
                if (object.cleared)
                    message.cleared = $Boolean(object.cleared);
            return message;
        };

        /**
         * Creates a plain object from a MarkPlayed message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.MarkPlayed
         * @static
         * @param {uap.MarkPlayed} message MarkPlayed
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        MarkPlayed.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.name = "";
                object.cleared = false;
            }
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.cleared != null && $Object.hasOwnProperty.call(message, "cleared"))
                object.cleared = message.cleared;
            return object;
        };

        /**
         * Converts this MarkPlayed to JSON.
         * @function toJSON
         * @memberof uap.MarkPlayed
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        MarkPlayed.prototype.toJSON = function() {
            return MarkPlayed.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for MarkPlayed
         * @function getTypeUrl
         * @memberof uap.MarkPlayed
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MarkPlayed.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.MarkPlayed";
        };

        return MarkPlayed;
    })();

    uap.Transcript = (function() {

        /**
         * Properties of a Transcript.
         * @typedef {Object} uap.Transcript.$Properties
         * @property {string|null} [role] Transcript role
         * @property {string|null} [text] Transcript text
         * @property {boolean|null} [final] Transcript final
         * @property {boolean|null} [interrupted] Transcript interrupted
         * @property {number|null} [startMs] Transcript startMs
         * @property {number|null} [endMs] Transcript endMs
         * @property {uap.TurnLatency.$Properties|null} [latency] Transcript latency
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Transcript.
         * @memberof uap
         * @interface ITranscript
         * @augments uap.Transcript.$Properties
         * @deprecated Use uap.Transcript.$Properties instead.
         */

        /**
         * Shape of a Transcript.
         * @typedef {uap.Transcript.$Properties} uap.Transcript.$Shape
         */

        /**
         * Constructs a new Transcript.
         * @memberof uap
         * @classdesc Represents a Transcript.
         * @constructor
         * @param {uap.Transcript.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Transcript = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Transcript role.
         * @member {string} role
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.role = "";

        /**
         * Transcript text.
         * @member {string} text
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.text = "";

        /**
         * Transcript final.
         * @member {boolean} final
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.final = false;

        /**
         * Transcript interrupted.
         * @member {boolean} interrupted
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.interrupted = false;

        /**
         * Transcript startMs.
         * @member {number} startMs
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.startMs = 0;

        /**
         * Transcript endMs.
         * @member {number} endMs
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.endMs = 0;

        /**
         * Transcript latency.
         * @member {uap.TurnLatency.$Properties|null|undefined} latency
         * @memberof uap.Transcript
         * @instance
         */
        Transcript.prototype.latency = null;

        /**
         * Creates a new Transcript instance using the specified properties.
         * @function create
         * @memberof uap.Transcript
         * @static
         * @param {uap.Transcript.$Properties=} [properties] Properties to set
         * @returns {uap.Transcript} Transcript instance
         * @type {{
         *   (properties: uap.Transcript.$Shape): uap.Transcript & uap.Transcript.$Shape;
         *   (properties?: uap.Transcript.$Properties): uap.Transcript;
         * }}
         */
        Transcript.create = function(properties) {
            return new Transcript(properties);
        };

        /**
         * Encodes the specified Transcript message. Does not implicitly {@link uap.Transcript.verify|verify} messages.
         * @function encode
         * @memberof uap.Transcript
         * @static
         * @param {uap.Transcript.$Properties} message Transcript message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Transcript.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.role);
            if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.text);
            if (message.final != null && $Object.hasOwnProperty.call(message, "final") && message.final !== false)
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.final);
            if (message.interrupted != null && $Object.hasOwnProperty.call(message, "interrupted") && message.interrupted !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.interrupted);
            if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs") && message.startMs !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.startMs);
            if (message.endMs != null && $Object.hasOwnProperty.call(message, "endMs") && message.endMs !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.endMs);
            if (message.latency != null && $Object.hasOwnProperty.call(message, "latency"))
                $root.uap.TurnLatency.encode(message.latency, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Transcript message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Transcript
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Transcript & uap.Transcript.$Shape} Transcript
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Transcript.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Transcript();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.role = value;
                        else
                            delete message.role;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.text = value;
                        else
                            delete message.text;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.final = value;
                        else
                            delete message.final;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.interrupted = value;
                        else
                            delete message.interrupted;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.startMs = value;
                        else
                            delete message.startMs;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.endMs = value;
                        else
                            delete message.endMs;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.latency = $root.uap.TurnLatency.decode(reader, reader.size(), $undefined, _depth + 1, message.latency);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Transcript message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Transcript
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Transcript} Transcript
         */
        Transcript.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Transcript)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Transcript: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Transcript();
            if (object.role != null)
                if (typeof object.role !== "string" || object.role.length)
                    message.role = $String(object.role);
            if (object.text != null)
                if (typeof object.text !== "string" || object.text.length)
                    message.text = $String(object.text);
            if (object.final != null)
                if (object.final)
                    message.final = $Boolean(object.final);
            if (object.interrupted != null)
                if (object.interrupted)
                    message.interrupted = $Boolean(object.interrupted);
            if (object.startMs != null)
                if ($Number(object.startMs) !== 0)
                    message.startMs = object.startMs >>> 0;
            if (object.endMs != null)
                if ($Number(object.endMs) !== 0)
                    message.endMs = object.endMs >>> 0;
            if (object.latency != null) {
                if (!$util.isObject(object.latency))
                    throw $TypeError(".uap.Transcript.latency: object expected");
                message.latency = $root.uap.TurnLatency.fromObject(object.latency, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a Transcript message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Transcript
         * @static
         * @param {uap.Transcript} message Transcript
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Transcript.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.role = "";
                object.text = "";
                object.final = false;
                object.interrupted = false;
                object.startMs = 0;
                object.endMs = 0;
                object.latency = null;
            }
            if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                object.role = message.role;
            if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                object.text = message.text;
            if (message.final != null && $Object.hasOwnProperty.call(message, "final"))
                object.final = message.final;
            if (message.interrupted != null && $Object.hasOwnProperty.call(message, "interrupted"))
                object.interrupted = message.interrupted;
            if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs"))
                object.startMs = message.startMs;
            if (message.endMs != null && $Object.hasOwnProperty.call(message, "endMs"))
                object.endMs = message.endMs;
            if (message.latency != null && $Object.hasOwnProperty.call(message, "latency"))
                object.latency = $root.uap.TurnLatency.toObject(message.latency, options, _depth + 1);
            return object;
        };

        /**
         * Converts this Transcript to JSON.
         * @function toJSON
         * @memberof uap.Transcript
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Transcript.prototype.toJSON = function() {
            return Transcript.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Transcript
         * @function getTypeUrl
         * @memberof uap.Transcript
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Transcript.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Transcript";
        };

        return Transcript;
    })();

    uap.TurnLatency = (function() {

        /**
         * Properties of a TurnLatency.
         * @typedef {Object} uap.TurnLatency.$Properties
         * @property {number|null} [endpointingMs] TurnLatency endpointingMs
         * @property {number|null} [sttMs] TurnLatency sttMs
         * @property {number|null} [llmFirstTokenMs] TurnLatency llmFirstTokenMs
         * @property {number|null} [ttsFirstByteMs] TurnLatency ttsFirstByteMs
         * @property {number|null} [firstAudioMs] TurnLatency firstAudioMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TurnLatency.
         * @memberof uap
         * @interface ITurnLatency
         * @augments uap.TurnLatency.$Properties
         * @deprecated Use uap.TurnLatency.$Properties instead.
         */

        /**
         * Shape of a TurnLatency.
         * @typedef {uap.TurnLatency.$Properties} uap.TurnLatency.$Shape
         */

        /**
         * Constructs a new TurnLatency.
         * @memberof uap
         * @classdesc Represents a TurnLatency.
         * @constructor
         * @param {uap.TurnLatency.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TurnLatency = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TurnLatency endpointingMs.
         * @member {number} endpointingMs
         * @memberof uap.TurnLatency
         * @instance
         */
        TurnLatency.prototype.endpointingMs = 0;

        /**
         * TurnLatency sttMs.
         * @member {number} sttMs
         * @memberof uap.TurnLatency
         * @instance
         */
        TurnLatency.prototype.sttMs = 0;

        /**
         * TurnLatency llmFirstTokenMs.
         * @member {number} llmFirstTokenMs
         * @memberof uap.TurnLatency
         * @instance
         */
        TurnLatency.prototype.llmFirstTokenMs = 0;

        /**
         * TurnLatency ttsFirstByteMs.
         * @member {number} ttsFirstByteMs
         * @memberof uap.TurnLatency
         * @instance
         */
        TurnLatency.prototype.ttsFirstByteMs = 0;

        /**
         * TurnLatency firstAudioMs.
         * @member {number} firstAudioMs
         * @memberof uap.TurnLatency
         * @instance
         */
        TurnLatency.prototype.firstAudioMs = 0;

        /**
         * Creates a new TurnLatency instance using the specified properties.
         * @function create
         * @memberof uap.TurnLatency
         * @static
         * @param {uap.TurnLatency.$Properties=} [properties] Properties to set
         * @returns {uap.TurnLatency} TurnLatency instance
         * @type {{
         *   (properties: uap.TurnLatency.$Shape): uap.TurnLatency & uap.TurnLatency.$Shape;
         *   (properties?: uap.TurnLatency.$Properties): uap.TurnLatency;
         * }}
         */
        TurnLatency.create = function(properties) {
            return new TurnLatency(properties);
        };

        /**
         * Encodes the specified TurnLatency message. Does not implicitly {@link uap.TurnLatency.verify|verify} messages.
         * @function encode
         * @memberof uap.TurnLatency
         * @static
         * @param {uap.TurnLatency.$Properties} message TurnLatency message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TurnLatency.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.endpointingMs != null && $Object.hasOwnProperty.call(message, "endpointingMs") && message.endpointingMs !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.endpointingMs);
            if (message.sttMs != null && $Object.hasOwnProperty.call(message, "sttMs") && message.sttMs !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.sttMs);
            if (message.llmFirstTokenMs != null && $Object.hasOwnProperty.call(message, "llmFirstTokenMs") && message.llmFirstTokenMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.llmFirstTokenMs);
            if (message.ttsFirstByteMs != null && $Object.hasOwnProperty.call(message, "ttsFirstByteMs") && message.ttsFirstByteMs !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.ttsFirstByteMs);
            if (message.firstAudioMs != null && $Object.hasOwnProperty.call(message, "firstAudioMs") && message.firstAudioMs !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.firstAudioMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TurnLatency message from the specified reader or buffer.
         * @function decode
         * @memberof uap.TurnLatency
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.TurnLatency & uap.TurnLatency.$Shape} TurnLatency
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TurnLatency.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.TurnLatency();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.endpointingMs = value;
                        else
                            delete message.endpointingMs;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sttMs = value;
                        else
                            delete message.sttMs;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.llmFirstTokenMs = value;
                        else
                            delete message.llmFirstTokenMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.ttsFirstByteMs = value;
                        else
                            delete message.ttsFirstByteMs;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.firstAudioMs = value;
                        else
                            delete message.firstAudioMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a TurnLatency message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.TurnLatency
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.TurnLatency} TurnLatency
         */
        TurnLatency.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.TurnLatency)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.TurnLatency: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.TurnLatency();
            if (object.endpointingMs != null)
                if ($Number(object.endpointingMs) !== 0)
                    message.endpointingMs = object.endpointingMs >>> 0;
            if (object.sttMs != null)
                if ($Number(object.sttMs) !== 0)
                    message.sttMs = object.sttMs >>> 0;
            if (object.llmFirstTokenMs != null)
                if ($Number(object.llmFirstTokenMs) !== 0)
                    message.llmFirstTokenMs = object.llmFirstTokenMs >>> 0;
            if (object.ttsFirstByteMs != null)
                if ($Number(object.ttsFirstByteMs) !== 0)
                    message.ttsFirstByteMs = object.ttsFirstByteMs >>> 0;
            if (object.firstAudioMs != null)
                if ($Number(object.firstAudioMs) !== 0)
                    message.firstAudioMs = object.firstAudioMs >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a TurnLatency message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.TurnLatency
         * @static
         * @param {uap.TurnLatency} message TurnLatency
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TurnLatency.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.endpointingMs = 0;
                object.sttMs = 0;
                object.llmFirstTokenMs = 0;
                object.ttsFirstByteMs = 0;
                object.firstAudioMs = 0;
            }
            if (message.endpointingMs != null && $Object.hasOwnProperty.call(message, "endpointingMs"))
                object.endpointingMs = message.endpointingMs;
            if (message.sttMs != null && $Object.hasOwnProperty.call(message, "sttMs"))
                object.sttMs = message.sttMs;
            if (message.llmFirstTokenMs != null && $Object.hasOwnProperty.call(message, "llmFirstTokenMs"))
                object.llmFirstTokenMs = message.llmFirstTokenMs;
            if (message.ttsFirstByteMs != null && $Object.hasOwnProperty.call(message, "ttsFirstByteMs"))
                object.ttsFirstByteMs = message.ttsFirstByteMs;
            if (message.firstAudioMs != null && $Object.hasOwnProperty.call(message, "firstAudioMs"))
                object.firstAudioMs = message.firstAudioMs;
            return object;
        };

        /**
         * Converts this TurnLatency to JSON.
         * @function toJSON
         * @memberof uap.TurnLatency
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TurnLatency.prototype.toJSON = function() {
            return TurnLatency.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TurnLatency
         * @function getTypeUrl
         * @memberof uap.TurnLatency
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TurnLatency.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.TurnLatency";
        };

        return TurnLatency;
    })();

    uap.CallEnded = (function() {

        /**
         * Properties of a CallEnded.
         * @typedef {Object} uap.CallEnded.$Properties
         * @property {uap.EndReason|null} [reason] CallEnded reason
         * @property {string|null} [detail] CallEnded detail
         * @property {number|null} [durationMs] CallEnded durationMs
         * @property {number|null} [framesIn] CallEnded framesIn
         * @property {number|null} [framesOut] CallEnded framesOut
         * @property {number|null} [framesDropped] CallEnded framesDropped
         * @property {number|null} [framesLate] CallEnded framesLate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallEnded.
         * @memberof uap
         * @interface ICallEnded
         * @augments uap.CallEnded.$Properties
         * @deprecated Use uap.CallEnded.$Properties instead.
         */

        /**
         * Shape of a CallEnded.
         * @typedef {uap.CallEnded.$Properties} uap.CallEnded.$Shape
         */

        /**
         * Constructs a new CallEnded.
         * @memberof uap
         * @classdesc Represents a CallEnded.
         * @constructor
         * @param {uap.CallEnded.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallEnded = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallEnded reason.
         * @member {uap.EndReason} reason
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.reason = 0;

        /**
         * CallEnded detail.
         * @member {string} detail
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.detail = "";

        /**
         * CallEnded durationMs.
         * @member {number} durationMs
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.durationMs = 0;

        /**
         * CallEnded framesIn.
         * @member {number} framesIn
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.framesIn = 0;

        /**
         * CallEnded framesOut.
         * @member {number} framesOut
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.framesOut = 0;

        /**
         * CallEnded framesDropped.
         * @member {number} framesDropped
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.framesDropped = 0;

        /**
         * CallEnded framesLate.
         * @member {number} framesLate
         * @memberof uap.CallEnded
         * @instance
         */
        CallEnded.prototype.framesLate = 0;

        /**
         * Creates a new CallEnded instance using the specified properties.
         * @function create
         * @memberof uap.CallEnded
         * @static
         * @param {uap.CallEnded.$Properties=} [properties] Properties to set
         * @returns {uap.CallEnded} CallEnded instance
         * @type {{
         *   (properties: uap.CallEnded.$Shape): uap.CallEnded & uap.CallEnded.$Shape;
         *   (properties?: uap.CallEnded.$Properties): uap.CallEnded;
         * }}
         */
        CallEnded.create = function(properties) {
            return new CallEnded(properties);
        };

        /**
         * Encodes the specified CallEnded message. Does not implicitly {@link uap.CallEnded.verify|verify} messages.
         * @function encode
         * @memberof uap.CallEnded
         * @static
         * @param {uap.CallEnded.$Properties} message CallEnded message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallEnded.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.reason);
            if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.detail);
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.durationMs);
            if (message.framesIn != null && $Object.hasOwnProperty.call(message, "framesIn") && message.framesIn !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.framesIn);
            if (message.framesOut != null && $Object.hasOwnProperty.call(message, "framesOut") && message.framesOut !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.framesOut);
            if (message.framesDropped != null && $Object.hasOwnProperty.call(message, "framesDropped") && message.framesDropped !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.framesDropped);
            if (message.framesLate != null && $Object.hasOwnProperty.call(message, "framesLate") && message.framesLate !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.framesLate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallEnded message from the specified reader or buffer.
         * @function decode
         * @memberof uap.CallEnded
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.CallEnded & uap.CallEnded.$Shape} CallEnded
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallEnded.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.CallEnded();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.detail = value;
                        else
                            delete message.detail;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.durationMs = value;
                        else
                            delete message.durationMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.framesIn = value;
                        else
                            delete message.framesIn;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.framesOut = value;
                        else
                            delete message.framesOut;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.framesDropped = value;
                        else
                            delete message.framesDropped;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.framesLate = value;
                        else
                            delete message.framesLate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a CallEnded message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.CallEnded
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.CallEnded} CallEnded
         */
        CallEnded.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.CallEnded)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.CallEnded: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.CallEnded();
            if (object.reason !== 0 && (typeof object.reason !== "string" || $root.uap.EndReason[object.reason] !== 0))
                switch (object.reason) {
                case "END_REASON_UNSPECIFIED":
                case 0:
                    message.reason = 0;
                    break;
                case "CALLER_HANGUP":
                case 1:
                    message.reason = 1;
                    break;
                case "AGENT_HANGUP":
                case 2:
                    message.reason = 2;
                    break;
                case "TRANSPORT_LOST":
                case 3:
                    message.reason = 3;
                    break;
                case "PROTOCOL_ERROR":
                case 4:
                    message.reason = 4;
                    break;
                case "NO_AGENT":
                case 5:
                    message.reason = 5;
                    break;
                case "SHUTDOWN":
                case 6:
                    message.reason = 6;
                    break;
                case "REFUSED":
                case 7:
                    message.reason = 7;
                    break;
                case "TRANSFERRED":
                case 8:
                    message.reason = 8;
                    break;
                default:
                    if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                        message.reason = object.reason;
                }
            if (object.detail != null)
                if (typeof object.detail !== "string" || object.detail.length)
                    message.detail = $String(object.detail);
            if (object.durationMs != null)
                if ($Number(object.durationMs) !== 0)
                    message.durationMs = object.durationMs >>> 0;
            if (object.framesIn != null)
                if ($Number(object.framesIn) !== 0)
                    message.framesIn = object.framesIn >>> 0;
            if (object.framesOut != null)
                if ($Number(object.framesOut) !== 0)
                    message.framesOut = object.framesOut >>> 0;
            if (object.framesDropped != null)
                if ($Number(object.framesDropped) !== 0)
                    message.framesDropped = object.framesDropped >>> 0;
            if (object.framesLate != null)
                if ($Number(object.framesLate) !== 0)
                    message.framesLate = object.framesLate >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a CallEnded message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.CallEnded
         * @static
         * @param {uap.CallEnded} message CallEnded
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        CallEnded.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.reason = options.enums === $String ? "END_REASON_UNSPECIFIED" : 0;
                object.detail = "";
                object.durationMs = 0;
                object.framesIn = 0;
                object.framesOut = 0;
                object.framesDropped = 0;
                object.framesLate = 0;
            }
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                object.reason = options.enums === $String ? $root.uap.EndReason[message.reason] === $undefined ? message.reason : $root.uap.EndReason[message.reason] : message.reason;
            if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                object.detail = message.detail;
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                object.durationMs = message.durationMs;
            if (message.framesIn != null && $Object.hasOwnProperty.call(message, "framesIn"))
                object.framesIn = message.framesIn;
            if (message.framesOut != null && $Object.hasOwnProperty.call(message, "framesOut"))
                object.framesOut = message.framesOut;
            if (message.framesDropped != null && $Object.hasOwnProperty.call(message, "framesDropped"))
                object.framesDropped = message.framesDropped;
            if (message.framesLate != null && $Object.hasOwnProperty.call(message, "framesLate"))
                object.framesLate = message.framesLate;
            return object;
        };

        /**
         * Converts this CallEnded to JSON.
         * @function toJSON
         * @memberof uap.CallEnded
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        CallEnded.prototype.toJSON = function() {
            return CallEnded.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for CallEnded
         * @function getTypeUrl
         * @memberof uap.CallEnded
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CallEnded.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.CallEnded";
        };

        return CallEnded;
    })();

    uap.TransferOutcome = (function() {

        /**
         * Properties of a TransferOutcome.
         * @typedef {Object} uap.TransferOutcome.$Properties
         * @property {string|null} [target] TransferOutcome target
         * @property {boolean|null} [ok] TransferOutcome ok
         * @property {string|null} [errorCode] TransferOutcome errorCode
         * @property {string|null} [errorMessage] TransferOutcome errorMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TransferOutcome.
         * @memberof uap
         * @interface ITransferOutcome
         * @augments uap.TransferOutcome.$Properties
         * @deprecated Use uap.TransferOutcome.$Properties instead.
         */

        /**
         * Shape of a TransferOutcome.
         * @typedef {uap.TransferOutcome.$Properties} uap.TransferOutcome.$Shape
         */

        /**
         * Constructs a new TransferOutcome.
         * @memberof uap
         * @classdesc Represents a TransferOutcome.
         * @constructor
         * @param {uap.TransferOutcome.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TransferOutcome = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TransferOutcome target.
         * @member {string} target
         * @memberof uap.TransferOutcome
         * @instance
         */
        TransferOutcome.prototype.target = "";

        /**
         * TransferOutcome ok.
         * @member {boolean} ok
         * @memberof uap.TransferOutcome
         * @instance
         */
        TransferOutcome.prototype.ok = false;

        /**
         * TransferOutcome errorCode.
         * @member {string} errorCode
         * @memberof uap.TransferOutcome
         * @instance
         */
        TransferOutcome.prototype.errorCode = "";

        /**
         * TransferOutcome errorMessage.
         * @member {string} errorMessage
         * @memberof uap.TransferOutcome
         * @instance
         */
        TransferOutcome.prototype.errorMessage = "";

        /**
         * Creates a new TransferOutcome instance using the specified properties.
         * @function create
         * @memberof uap.TransferOutcome
         * @static
         * @param {uap.TransferOutcome.$Properties=} [properties] Properties to set
         * @returns {uap.TransferOutcome} TransferOutcome instance
         * @type {{
         *   (properties: uap.TransferOutcome.$Shape): uap.TransferOutcome & uap.TransferOutcome.$Shape;
         *   (properties?: uap.TransferOutcome.$Properties): uap.TransferOutcome;
         * }}
         */
        TransferOutcome.create = function(properties) {
            return new TransferOutcome(properties);
        };

        /**
         * Encodes the specified TransferOutcome message. Does not implicitly {@link uap.TransferOutcome.verify|verify} messages.
         * @function encode
         * @memberof uap.TransferOutcome
         * @static
         * @param {uap.TransferOutcome.$Properties} message TransferOutcome message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TransferOutcome.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.target);
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.ok);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.errorCode);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TransferOutcome message from the specified reader or buffer.
         * @function decode
         * @memberof uap.TransferOutcome
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.TransferOutcome & uap.TransferOutcome.$Shape} TransferOutcome
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TransferOutcome.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.TransferOutcome();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ok = value;
                        else
                            delete message.ok;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a TransferOutcome message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.TransferOutcome
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.TransferOutcome} TransferOutcome
         */
        TransferOutcome.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.TransferOutcome)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.TransferOutcome: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.TransferOutcome();
            if (object.target != null)
                if (typeof object.target !== "string" || object.target.length)
                    message.target = $String(object.target);
            if (object.ok != null)
                if (object.ok)
                    message.ok = $Boolean(object.ok);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.errorMessage != null)
                if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                    message.errorMessage = $String(object.errorMessage);
            return message;
        };

        /**
         * Creates a plain object from a TransferOutcome message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.TransferOutcome
         * @static
         * @param {uap.TransferOutcome} message TransferOutcome
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TransferOutcome.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.target = "";
                object.ok = false;
                object.errorCode = "";
                object.errorMessage = "";
            }
            if (message.target != null && $Object.hasOwnProperty.call(message, "target"))
                object.target = message.target;
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                object.ok = message.ok;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                object.errorMessage = message.errorMessage;
            return object;
        };

        /**
         * Converts this TransferOutcome to JSON.
         * @function toJSON
         * @memberof uap.TransferOutcome
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TransferOutcome.prototype.toJSON = function() {
            return TransferOutcome.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TransferOutcome
         * @function getTypeUrl
         * @memberof uap.TransferOutcome
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TransferOutcome.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.TransferOutcome";
        };

        return TransferOutcome;
    })();

    uap.ProviderStatus = (function() {

        /**
         * Properties of a ProviderStatus.
         * @typedef {Object} uap.ProviderStatus.$Properties
         * @property {string|null} [status] ProviderStatus status
         * @property {string|null} [providerCallId] ProviderStatus providerCallId
         * @property {string|null} [rawJson] ProviderStatus rawJson
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ProviderStatus.
         * @memberof uap
         * @interface IProviderStatus
         * @augments uap.ProviderStatus.$Properties
         * @deprecated Use uap.ProviderStatus.$Properties instead.
         */

        /**
         * Shape of a ProviderStatus.
         * @typedef {uap.ProviderStatus.$Properties} uap.ProviderStatus.$Shape
         */

        /**
         * Constructs a new ProviderStatus.
         * @memberof uap
         * @classdesc Represents a ProviderStatus.
         * @constructor
         * @param {uap.ProviderStatus.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ProviderStatus = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ProviderStatus status.
         * @member {string} status
         * @memberof uap.ProviderStatus
         * @instance
         */
        ProviderStatus.prototype.status = "";

        /**
         * ProviderStatus providerCallId.
         * @member {string} providerCallId
         * @memberof uap.ProviderStatus
         * @instance
         */
        ProviderStatus.prototype.providerCallId = "";

        /**
         * ProviderStatus rawJson.
         * @member {string} rawJson
         * @memberof uap.ProviderStatus
         * @instance
         */
        ProviderStatus.prototype.rawJson = "";

        /**
         * Creates a new ProviderStatus instance using the specified properties.
         * @function create
         * @memberof uap.ProviderStatus
         * @static
         * @param {uap.ProviderStatus.$Properties=} [properties] Properties to set
         * @returns {uap.ProviderStatus} ProviderStatus instance
         * @type {{
         *   (properties: uap.ProviderStatus.$Shape): uap.ProviderStatus & uap.ProviderStatus.$Shape;
         *   (properties?: uap.ProviderStatus.$Properties): uap.ProviderStatus;
         * }}
         */
        ProviderStatus.create = function(properties) {
            return new ProviderStatus(properties);
        };

        /**
         * Encodes the specified ProviderStatus message. Does not implicitly {@link uap.ProviderStatus.verify|verify} messages.
         * @function encode
         * @memberof uap.ProviderStatus
         * @static
         * @param {uap.ProviderStatus.$Properties} message ProviderStatus message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ProviderStatus.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.status);
            if (message.providerCallId != null && $Object.hasOwnProperty.call(message, "providerCallId") && message.providerCallId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.providerCallId);
            if (message.rawJson != null && $Object.hasOwnProperty.call(message, "rawJson") && message.rawJson !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.rawJson);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ProviderStatus message from the specified reader or buffer.
         * @function decode
         * @memberof uap.ProviderStatus
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.ProviderStatus & uap.ProviderStatus.$Shape} ProviderStatus
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ProviderStatus.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.ProviderStatus();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.status = value;
                        else
                            delete message.status;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.providerCallId = value;
                        else
                            delete message.providerCallId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.rawJson = value;
                        else
                            delete message.rawJson;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a ProviderStatus message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.ProviderStatus
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.ProviderStatus} ProviderStatus
         */
        ProviderStatus.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.ProviderStatus)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.ProviderStatus: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.ProviderStatus();
            if (object.status != null)
                if (typeof object.status !== "string" || object.status.length)
                    message.status = $String(object.status);
            if (object.providerCallId != null)
                if (typeof object.providerCallId !== "string" || object.providerCallId.length)
                    message.providerCallId = $String(object.providerCallId);
            if (object.rawJson != null)
                if (typeof object.rawJson !== "string" || object.rawJson.length)
                    message.rawJson = $String(object.rawJson);
            return message;
        };

        /**
         * Creates a plain object from a ProviderStatus message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.ProviderStatus
         * @static
         * @param {uap.ProviderStatus} message ProviderStatus
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ProviderStatus.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.status = "";
                object.providerCallId = "";
                object.rawJson = "";
            }
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                object.status = message.status;
            if (message.providerCallId != null && $Object.hasOwnProperty.call(message, "providerCallId"))
                object.providerCallId = message.providerCallId;
            if (message.rawJson != null && $Object.hasOwnProperty.call(message, "rawJson"))
                object.rawJson = message.rawJson;
            return object;
        };

        /**
         * Converts this ProviderStatus to JSON.
         * @function toJSON
         * @memberof uap.ProviderStatus
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ProviderStatus.prototype.toJSON = function() {
            return ProviderStatus.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ProviderStatus
         * @function getTypeUrl
         * @memberof uap.ProviderStatus
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ProviderStatus.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.ProviderStatus";
        };

        return ProviderStatus;
    })();

    uap.Usage = (function() {

        /**
         * Properties of a Usage.
         * @typedef {Object} uap.Usage.$Properties
         * @property {Array.<uap.ProviderUsage.$Properties>|null} [items] Usage items
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Usage.
         * @memberof uap
         * @interface IUsage
         * @augments uap.Usage.$Properties
         * @deprecated Use uap.Usage.$Properties instead.
         */

        /**
         * Shape of a Usage.
         * @typedef {uap.Usage.$Properties} uap.Usage.$Shape
         */

        /**
         * Constructs a new Usage.
         * @memberof uap
         * @classdesc Represents a Usage.
         * @constructor
         * @param {uap.Usage.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Usage = function (properties) {
            this.items = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Usage items.
         * @member {Array.<uap.ProviderUsage.$Properties>} items
         * @memberof uap.Usage
         * @instance
         */
        Usage.prototype.items = $util.emptyArray;

        /**
         * Creates a new Usage instance using the specified properties.
         * @function create
         * @memberof uap.Usage
         * @static
         * @param {uap.Usage.$Properties=} [properties] Properties to set
         * @returns {uap.Usage} Usage instance
         * @type {{
         *   (properties: uap.Usage.$Shape): uap.Usage & uap.Usage.$Shape;
         *   (properties?: uap.Usage.$Properties): uap.Usage;
         * }}
         */
        Usage.create = function(properties) {
            return new Usage(properties);
        };

        /**
         * Encodes the specified Usage message. Does not implicitly {@link uap.Usage.verify|verify} messages.
         * @function encode
         * @memberof uap.Usage
         * @static
         * @param {uap.Usage.$Properties} message Usage message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Usage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.items != null && message.items.length)
                for (let i = 0; i < message.items.length; ++i)
                    $root.uap.ProviderUsage.encode(message.items[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Usage message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Usage
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Usage & uap.Usage.$Shape} Usage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Usage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Usage();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.items && message.items.length))
                            message.items = [];
                        message.items.push($root.uap.ProviderUsage.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Usage message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Usage
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Usage} Usage
         */
        Usage.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Usage)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Usage: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Usage();
            if (object.items) {
                if (!$Array.isArray(object.items))
                    throw $TypeError(".uap.Usage.items: array expected");
                message.items = $Array(object.items.length);
                for (let i = 0; i < object.items.length; ++i) {
                    if (!$util.isObject(object.items[i]))
                        throw $TypeError(".uap.Usage.items: object expected");
                    message.items[i] = $root.uap.ProviderUsage.fromObject(object.items[i], _depth + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a Usage message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Usage
         * @static
         * @param {uap.Usage} message Usage
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Usage.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.items = [];
            if (message.items && message.items.length) {
                object.items = $Array(message.items.length);
                for (let j = 0; j < message.items.length; ++j)
                    object.items[j] = $root.uap.ProviderUsage.toObject(message.items[j], options, _depth + 1);
            }
            return object;
        };

        /**
         * Converts this Usage to JSON.
         * @function toJSON
         * @memberof uap.Usage
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Usage.prototype.toJSON = function() {
            return Usage.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Usage
         * @function getTypeUrl
         * @memberof uap.Usage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Usage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Usage";
        };

        return Usage;
    })();

    uap.ProviderUsage = (function() {

        /**
         * Properties of a ProviderUsage.
         * @typedef {Object} uap.ProviderUsage.$Properties
         * @property {string|null} [service] ProviderUsage service
         * @property {string|null} [provider] ProviderUsage provider
         * @property {string|null} [model] ProviderUsage model
         * @property {number|null} [requests] ProviderUsage requests
         * @property {number|null} [inputTokens] ProviderUsage inputTokens
         * @property {number|null} [outputTokens] ProviderUsage outputTokens
         * @property {number|null} [cachedInputTokens] ProviderUsage cachedInputTokens
         * @property {number|null} [inputAudioTokens] ProviderUsage inputAudioTokens
         * @property {number|null} [outputAudioTokens] ProviderUsage outputAudioTokens
         * @property {number|null} [audioInMs] ProviderUsage audioInMs
         * @property {number|null} [audioOutMs] ProviderUsage audioOutMs
         * @property {number|null} [characters] ProviderUsage characters
         * @property {number|null} [durationMs] ProviderUsage durationMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ProviderUsage.
         * @memberof uap
         * @interface IProviderUsage
         * @augments uap.ProviderUsage.$Properties
         * @deprecated Use uap.ProviderUsage.$Properties instead.
         */

        /**
         * Shape of a ProviderUsage.
         * @typedef {uap.ProviderUsage.$Properties} uap.ProviderUsage.$Shape
         */

        /**
         * Constructs a new ProviderUsage.
         * @memberof uap
         * @classdesc Represents a ProviderUsage.
         * @constructor
         * @param {uap.ProviderUsage.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ProviderUsage = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * ProviderUsage service.
         * @member {string} service
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.service = "";

        /**
         * ProviderUsage provider.
         * @member {string} provider
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.provider = "";

        /**
         * ProviderUsage model.
         * @member {string} model
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.model = "";

        /**
         * ProviderUsage requests.
         * @member {number} requests
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.requests = 0;

        /**
         * ProviderUsage inputTokens.
         * @member {number} inputTokens
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.inputTokens = 0;

        /**
         * ProviderUsage outputTokens.
         * @member {number} outputTokens
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.outputTokens = 0;

        /**
         * ProviderUsage cachedInputTokens.
         * @member {number} cachedInputTokens
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.cachedInputTokens = 0;

        /**
         * ProviderUsage inputAudioTokens.
         * @member {number} inputAudioTokens
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.inputAudioTokens = 0;

        /**
         * ProviderUsage outputAudioTokens.
         * @member {number} outputAudioTokens
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.outputAudioTokens = 0;

        /**
         * ProviderUsage audioInMs.
         * @member {number} audioInMs
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.audioInMs = 0;

        /**
         * ProviderUsage audioOutMs.
         * @member {number} audioOutMs
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.audioOutMs = 0;

        /**
         * ProviderUsage characters.
         * @member {number} characters
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.characters = 0;

        /**
         * ProviderUsage durationMs.
         * @member {number} durationMs
         * @memberof uap.ProviderUsage
         * @instance
         */
        ProviderUsage.prototype.durationMs = 0;

        /**
         * Creates a new ProviderUsage instance using the specified properties.
         * @function create
         * @memberof uap.ProviderUsage
         * @static
         * @param {uap.ProviderUsage.$Properties=} [properties] Properties to set
         * @returns {uap.ProviderUsage} ProviderUsage instance
         * @type {{
         *   (properties: uap.ProviderUsage.$Shape): uap.ProviderUsage & uap.ProviderUsage.$Shape;
         *   (properties?: uap.ProviderUsage.$Properties): uap.ProviderUsage;
         * }}
         */
        ProviderUsage.create = function(properties) {
            return new ProviderUsage(properties);
        };

        /**
         * Encodes the specified ProviderUsage message. Does not implicitly {@link uap.ProviderUsage.verify|verify} messages.
         * @function encode
         * @memberof uap.ProviderUsage
         * @static
         * @param {uap.ProviderUsage.$Properties} message ProviderUsage message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ProviderUsage.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.service != null && $Object.hasOwnProperty.call(message, "service") && message.service !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.service);
            if (message.provider != null && $Object.hasOwnProperty.call(message, "provider") && message.provider !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.provider);
            if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.model);
            if (message.requests != null && $Object.hasOwnProperty.call(message, "requests") && message.requests !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.requests);
            if (message.inputTokens != null && $Object.hasOwnProperty.call(message, "inputTokens") && message.inputTokens !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.inputTokens);
            if (message.outputTokens != null && $Object.hasOwnProperty.call(message, "outputTokens") && message.outputTokens !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.outputTokens);
            if (message.cachedInputTokens != null && $Object.hasOwnProperty.call(message, "cachedInputTokens") && message.cachedInputTokens !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.cachedInputTokens);
            if (message.inputAudioTokens != null && $Object.hasOwnProperty.call(message, "inputAudioTokens") && message.inputAudioTokens !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.inputAudioTokens);
            if (message.outputAudioTokens != null && $Object.hasOwnProperty.call(message, "outputAudioTokens") && message.outputAudioTokens !== 0)
                writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.outputAudioTokens);
            if (message.audioInMs != null && $Object.hasOwnProperty.call(message, "audioInMs") && message.audioInMs !== 0)
                writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.audioInMs);
            if (message.audioOutMs != null && $Object.hasOwnProperty.call(message, "audioOutMs") && message.audioOutMs !== 0)
                writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.audioOutMs);
            if (message.characters != null && $Object.hasOwnProperty.call(message, "characters") && message.characters !== 0)
                writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.characters);
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                writer.uint32(/* id 13, wireType 0 =*/104).uint32(message.durationMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a ProviderUsage message from the specified reader or buffer.
         * @function decode
         * @memberof uap.ProviderUsage
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.ProviderUsage & uap.ProviderUsage.$Shape} ProviderUsage
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ProviderUsage.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.ProviderUsage();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.service = value;
                        else
                            delete message.service;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.provider = value;
                        else
                            delete message.provider;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.model = value;
                        else
                            delete message.model;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.requests = value;
                        else
                            delete message.requests;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.inputTokens = value;
                        else
                            delete message.inputTokens;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.outputTokens = value;
                        else
                            delete message.outputTokens;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.cachedInputTokens = value;
                        else
                            delete message.cachedInputTokens;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.inputAudioTokens = value;
                        else
                            delete message.inputAudioTokens;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.outputAudioTokens = value;
                        else
                            delete message.outputAudioTokens;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.audioInMs = value;
                        else
                            delete message.audioInMs;
                        continue;
                    }
                case 11: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.audioOutMs = value;
                        else
                            delete message.audioOutMs;
                        continue;
                    }
                case 12: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.characters = value;
                        else
                            delete message.characters;
                        continue;
                    }
                case 13: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.durationMs = value;
                        else
                            delete message.durationMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a ProviderUsage message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.ProviderUsage
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.ProviderUsage} ProviderUsage
         */
        ProviderUsage.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.ProviderUsage)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.ProviderUsage: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.ProviderUsage();
            if (object.service != null)
                if (typeof object.service !== "string" || object.service.length)
                    message.service = $String(object.service);
            if (object.provider != null)
                if (typeof object.provider !== "string" || object.provider.length)
                    message.provider = $String(object.provider);
            if (object.model != null)
                if (typeof object.model !== "string" || object.model.length)
                    message.model = $String(object.model);
            if (object.requests != null)
                if ($Number(object.requests) !== 0)
                    message.requests = object.requests >>> 0;
            if (object.inputTokens != null)
                if ($Number(object.inputTokens) !== 0)
                    message.inputTokens = object.inputTokens >>> 0;
            if (object.outputTokens != null)
                if ($Number(object.outputTokens) !== 0)
                    message.outputTokens = object.outputTokens >>> 0;
            if (object.cachedInputTokens != null)
                if ($Number(object.cachedInputTokens) !== 0)
                    message.cachedInputTokens = object.cachedInputTokens >>> 0;
            if (object.inputAudioTokens != null)
                if ($Number(object.inputAudioTokens) !== 0)
                    message.inputAudioTokens = object.inputAudioTokens >>> 0;
            if (object.outputAudioTokens != null)
                if ($Number(object.outputAudioTokens) !== 0)
                    message.outputAudioTokens = object.outputAudioTokens >>> 0;
            if (object.audioInMs != null)
                if ($Number(object.audioInMs) !== 0)
                    message.audioInMs = object.audioInMs >>> 0;
            if (object.audioOutMs != null)
                if ($Number(object.audioOutMs) !== 0)
                    message.audioOutMs = object.audioOutMs >>> 0;
            if (object.characters != null)
                if ($Number(object.characters) !== 0)
                    message.characters = object.characters >>> 0;
            if (object.durationMs != null)
                if ($Number(object.durationMs) !== 0)
                    message.durationMs = object.durationMs >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a ProviderUsage message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.ProviderUsage
         * @static
         * @param {uap.ProviderUsage} message ProviderUsage
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ProviderUsage.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.service = "";
                object.provider = "";
                object.model = "";
                object.requests = 0;
                object.inputTokens = 0;
                object.outputTokens = 0;
                object.cachedInputTokens = 0;
                object.inputAudioTokens = 0;
                object.outputAudioTokens = 0;
                object.audioInMs = 0;
                object.audioOutMs = 0;
                object.characters = 0;
                object.durationMs = 0;
            }
            if (message.service != null && $Object.hasOwnProperty.call(message, "service"))
                object.service = message.service;
            if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                object.provider = message.provider;
            if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                object.model = message.model;
            if (message.requests != null && $Object.hasOwnProperty.call(message, "requests"))
                object.requests = message.requests;
            if (message.inputTokens != null && $Object.hasOwnProperty.call(message, "inputTokens"))
                object.inputTokens = message.inputTokens;
            if (message.outputTokens != null && $Object.hasOwnProperty.call(message, "outputTokens"))
                object.outputTokens = message.outputTokens;
            if (message.cachedInputTokens != null && $Object.hasOwnProperty.call(message, "cachedInputTokens"))
                object.cachedInputTokens = message.cachedInputTokens;
            if (message.inputAudioTokens != null && $Object.hasOwnProperty.call(message, "inputAudioTokens"))
                object.inputAudioTokens = message.inputAudioTokens;
            if (message.outputAudioTokens != null && $Object.hasOwnProperty.call(message, "outputAudioTokens"))
                object.outputAudioTokens = message.outputAudioTokens;
            if (message.audioInMs != null && $Object.hasOwnProperty.call(message, "audioInMs"))
                object.audioInMs = message.audioInMs;
            if (message.audioOutMs != null && $Object.hasOwnProperty.call(message, "audioOutMs"))
                object.audioOutMs = message.audioOutMs;
            if (message.characters != null && $Object.hasOwnProperty.call(message, "characters"))
                object.characters = message.characters;
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                object.durationMs = message.durationMs;
            return object;
        };

        /**
         * Converts this ProviderUsage to JSON.
         * @function toJSON
         * @memberof uap.ProviderUsage
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ProviderUsage.prototype.toJSON = function() {
            return ProviderUsage.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ProviderUsage
         * @function getTypeUrl
         * @memberof uap.ProviderUsage
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ProviderUsage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.ProviderUsage";
        };

        return ProviderUsage;
    })();

    uap.CallSummary = (function() {

        /**
         * Properties of a CallSummary.
         * @typedef {Object} uap.CallSummary.$Properties
         * @property {string|null} [text] CallSummary text
         * @property {string|null} [provider] CallSummary provider
         * @property {string|null} [model] CallSummary model
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallSummary.
         * @memberof uap
         * @interface ICallSummary
         * @augments uap.CallSummary.$Properties
         * @deprecated Use uap.CallSummary.$Properties instead.
         */

        /**
         * Shape of a CallSummary.
         * @typedef {uap.CallSummary.$Properties} uap.CallSummary.$Shape
         */

        /**
         * Constructs a new CallSummary.
         * @memberof uap
         * @classdesc Represents a CallSummary.
         * @constructor
         * @param {uap.CallSummary.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallSummary = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallSummary text.
         * @member {string} text
         * @memberof uap.CallSummary
         * @instance
         */
        CallSummary.prototype.text = "";

        /**
         * CallSummary provider.
         * @member {string} provider
         * @memberof uap.CallSummary
         * @instance
         */
        CallSummary.prototype.provider = "";

        /**
         * CallSummary model.
         * @member {string} model
         * @memberof uap.CallSummary
         * @instance
         */
        CallSummary.prototype.model = "";

        /**
         * Creates a new CallSummary instance using the specified properties.
         * @function create
         * @memberof uap.CallSummary
         * @static
         * @param {uap.CallSummary.$Properties=} [properties] Properties to set
         * @returns {uap.CallSummary} CallSummary instance
         * @type {{
         *   (properties: uap.CallSummary.$Shape): uap.CallSummary & uap.CallSummary.$Shape;
         *   (properties?: uap.CallSummary.$Properties): uap.CallSummary;
         * }}
         */
        CallSummary.create = function(properties) {
            return new CallSummary(properties);
        };

        /**
         * Encodes the specified CallSummary message. Does not implicitly {@link uap.CallSummary.verify|verify} messages.
         * @function encode
         * @memberof uap.CallSummary
         * @static
         * @param {uap.CallSummary.$Properties} message CallSummary message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallSummary.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.text);
            if (message.provider != null && $Object.hasOwnProperty.call(message, "provider") && message.provider !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.provider);
            if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.model);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallSummary message from the specified reader or buffer.
         * @function decode
         * @memberof uap.CallSummary
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.CallSummary & uap.CallSummary.$Shape} CallSummary
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallSummary.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.CallSummary();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.text = value;
                        else
                            delete message.text;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.provider = value;
                        else
                            delete message.provider;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.model = value;
                        else
                            delete message.model;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a CallSummary message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.CallSummary
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.CallSummary} CallSummary
         */
        CallSummary.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.CallSummary)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.CallSummary: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.CallSummary();
            if (object.text != null)
                if (typeof object.text !== "string" || object.text.length)
                    message.text = $String(object.text);
            if (object.provider != null)
                if (typeof object.provider !== "string" || object.provider.length)
                    message.provider = $String(object.provider);
            if (object.model != null)
                if (typeof object.model !== "string" || object.model.length)
                    message.model = $String(object.model);
            return message;
        };

        /**
         * Creates a plain object from a CallSummary message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.CallSummary
         * @static
         * @param {uap.CallSummary} message CallSummary
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        CallSummary.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.text = "";
                object.provider = "";
                object.model = "";
            }
            if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                object.text = message.text;
            if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                object.provider = message.provider;
            if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                object.model = message.model;
            return object;
        };

        /**
         * Converts this CallSummary to JSON.
         * @function toJSON
         * @memberof uap.CallSummary
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        CallSummary.prototype.toJSON = function() {
            return CallSummary.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for CallSummary
         * @function getTypeUrl
         * @memberof uap.CallSummary
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CallSummary.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.CallSummary";
        };

        return CallSummary;
    })();

    uap.Recording = (function() {

        /**
         * Properties of a Recording.
         * @typedef {Object} uap.Recording.$Properties
         * @property {string|null} [name] Recording name
         * @property {string|null} [kind] Recording kind
         * @property {number|null} [durationMs] Recording durationMs
         * @property {number|null} [bytes] Recording bytes
         * @property {string|null} [bucket] Recording bucket
         * @property {number|null} [sampleRate] Recording sampleRate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Recording.
         * @memberof uap
         * @interface IRecording
         * @augments uap.Recording.$Properties
         * @deprecated Use uap.Recording.$Properties instead.
         */

        /**
         * Shape of a Recording.
         * @typedef {uap.Recording.$Properties} uap.Recording.$Shape
         */

        /**
         * Constructs a new Recording.
         * @memberof uap
         * @classdesc Represents a Recording.
         * @constructor
         * @param {uap.Recording.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Recording = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Recording name.
         * @member {string} name
         * @memberof uap.Recording
         * @instance
         */
        Recording.prototype.name = "";

        /**
         * Recording kind.
         * @member {string} kind
         * @memberof uap.Recording
         * @instance
         */
        Recording.prototype.kind = "";

        /**
         * Recording durationMs.
         * @member {number} durationMs
         * @memberof uap.Recording
         * @instance
         */
        Recording.prototype.durationMs = 0;

        /**
         * Recording bytes.
         * @member {number} bytes
         * @memberof uap.Recording
         * @instance
         */
        Recording.prototype.bytes = 0;

        /**
         * Recording bucket.
         * @member {string} bucket
         * @memberof uap.Recording
         * @instance
         */
        Recording.prototype.bucket = "";

        /**
         * Recording sampleRate.
         * @member {number} sampleRate
         * @memberof uap.Recording
         * @instance
         */
        Recording.prototype.sampleRate = 0;

        /**
         * Creates a new Recording instance using the specified properties.
         * @function create
         * @memberof uap.Recording
         * @static
         * @param {uap.Recording.$Properties=} [properties] Properties to set
         * @returns {uap.Recording} Recording instance
         * @type {{
         *   (properties: uap.Recording.$Shape): uap.Recording & uap.Recording.$Shape;
         *   (properties?: uap.Recording.$Properties): uap.Recording;
         * }}
         */
        Recording.create = function(properties) {
            return new Recording(properties);
        };

        /**
         * Encodes the specified Recording message. Does not implicitly {@link uap.Recording.verify|verify} messages.
         * @function encode
         * @memberof uap.Recording
         * @static
         * @param {uap.Recording.$Properties} message Recording message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Recording.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.kind);
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.durationMs);
            if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && message.bytes !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.bytes);
            if (message.bucket != null && $Object.hasOwnProperty.call(message, "bucket") && message.bucket !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.bucket);
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && message.sampleRate !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.sampleRate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Recording message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Recording
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Recording & uap.Recording.$Shape} Recording
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Recording.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Recording();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.durationMs = value;
                        else
                            delete message.durationMs;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.bytes = value;
                        else
                            delete message.bytes;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.bucket = value;
                        else
                            delete message.bucket;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sampleRate = value;
                        else
                            delete message.sampleRate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Recording message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Recording
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Recording} Recording
         */
        Recording.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Recording)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Recording: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Recording();
            if (object.name != null)
                if (typeof object.name !== "string" || object.name.length)
                    message.name = $String(object.name);
            if (object.kind != null)
                if (typeof object.kind !== "string" || object.kind.length)
                    message.kind = $String(object.kind);
            if (object.durationMs != null)
                if ($Number(object.durationMs) !== 0)
                    message.durationMs = object.durationMs >>> 0;
            if (object.bytes != null)
                if ($Number(object.bytes) !== 0)
                    message.bytes = object.bytes >>> 0;
            if (object.bucket != null)
                if (typeof object.bucket !== "string" || object.bucket.length)
                    message.bucket = $String(object.bucket);
            if (object.sampleRate != null)
                if ($Number(object.sampleRate) !== 0)
                    message.sampleRate = object.sampleRate >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a Recording message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Recording
         * @static
         * @param {uap.Recording} message Recording
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Recording.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.name = "";
                object.kind = "";
                object.durationMs = 0;
                object.bytes = 0;
                object.bucket = "";
                object.sampleRate = 0;
            }
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                object.kind = message.kind;
            if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                object.durationMs = message.durationMs;
            if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes"))
                object.bytes = message.bytes;
            if (message.bucket != null && $Object.hasOwnProperty.call(message, "bucket"))
                object.bucket = message.bucket;
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                object.sampleRate = message.sampleRate;
            return object;
        };

        /**
         * Converts this Recording to JSON.
         * @function toJSON
         * @memberof uap.Recording
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Recording.prototype.toJSON = function() {
            return Recording.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Recording
         * @function getTypeUrl
         * @memberof uap.Recording
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Recording.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Recording";
        };

        return Recording;
    })();

    uap.AgentHandoff = (function() {

        /**
         * Properties of an AgentHandoff.
         * @typedef {Object} uap.AgentHandoff.$Properties
         * @property {string|null} [agentKind] AgentHandoff agentKind
         * @property {string|null} [agentConfigId] AgentHandoff agentConfigId
         * @property {string|null} [fromKind] AgentHandoff fromKind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AgentHandoff.
         * @memberof uap
         * @interface IAgentHandoff
         * @augments uap.AgentHandoff.$Properties
         * @deprecated Use uap.AgentHandoff.$Properties instead.
         */

        /**
         * Shape of an AgentHandoff.
         * @typedef {uap.AgentHandoff.$Properties} uap.AgentHandoff.$Shape
         */

        /**
         * Constructs a new AgentHandoff.
         * @memberof uap
         * @classdesc Represents an AgentHandoff.
         * @constructor
         * @param {uap.AgentHandoff.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AgentHandoff = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AgentHandoff agentKind.
         * @member {string} agentKind
         * @memberof uap.AgentHandoff
         * @instance
         */
        AgentHandoff.prototype.agentKind = "";

        /**
         * AgentHandoff agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.AgentHandoff
         * @instance
         */
        AgentHandoff.prototype.agentConfigId = "";

        /**
         * AgentHandoff fromKind.
         * @member {string} fromKind
         * @memberof uap.AgentHandoff
         * @instance
         */
        AgentHandoff.prototype.fromKind = "";

        /**
         * Creates a new AgentHandoff instance using the specified properties.
         * @function create
         * @memberof uap.AgentHandoff
         * @static
         * @param {uap.AgentHandoff.$Properties=} [properties] Properties to set
         * @returns {uap.AgentHandoff} AgentHandoff instance
         * @type {{
         *   (properties: uap.AgentHandoff.$Shape): uap.AgentHandoff & uap.AgentHandoff.$Shape;
         *   (properties?: uap.AgentHandoff.$Properties): uap.AgentHandoff;
         * }}
         */
        AgentHandoff.create = function(properties) {
            return new AgentHandoff(properties);
        };

        /**
         * Encodes the specified AgentHandoff message. Does not implicitly {@link uap.AgentHandoff.verify|verify} messages.
         * @function encode
         * @memberof uap.AgentHandoff
         * @static
         * @param {uap.AgentHandoff.$Properties} message AgentHandoff message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AgentHandoff.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind") && message.agentKind !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentKind);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentConfigId);
            if (message.fromKind != null && $Object.hasOwnProperty.call(message, "fromKind") && message.fromKind !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.fromKind);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AgentHandoff message from the specified reader or buffer.
         * @function decode
         * @memberof uap.AgentHandoff
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.AgentHandoff & uap.AgentHandoff.$Shape} AgentHandoff
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AgentHandoff.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.AgentHandoff();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentKind = value;
                        else
                            delete message.agentKind;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.fromKind = value;
                        else
                            delete message.fromKind;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an AgentHandoff message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.AgentHandoff
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.AgentHandoff} AgentHandoff
         */
        AgentHandoff.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.AgentHandoff)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.AgentHandoff: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.AgentHandoff();
            if (object.agentKind != null)
                if (typeof object.agentKind !== "string" || object.agentKind.length)
                    message.agentKind = $String(object.agentKind);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            if (object.fromKind != null)
                if (typeof object.fromKind !== "string" || object.fromKind.length)
                    message.fromKind = $String(object.fromKind);
            return message;
        };

        /**
         * Creates a plain object from an AgentHandoff message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.AgentHandoff
         * @static
         * @param {uap.AgentHandoff} message AgentHandoff
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AgentHandoff.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.agentKind = "";
                object.agentConfigId = "";
                object.fromKind = "";
            }
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind"))
                object.agentKind = message.agentKind;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            if (message.fromKind != null && $Object.hasOwnProperty.call(message, "fromKind"))
                object.fromKind = message.fromKind;
            return object;
        };

        /**
         * Converts this AgentHandoff to JSON.
         * @function toJSON
         * @memberof uap.AgentHandoff
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AgentHandoff.prototype.toJSON = function() {
            return AgentHandoff.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for AgentHandoff
         * @function getTypeUrl
         * @memberof uap.AgentHandoff
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AgentHandoff.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.AgentHandoff";
        };

        return AgentHandoff;
    })();

    uap.CallEvent = (function() {

        /**
         * Properties of a CallEvent.
         * @typedef {Object} uap.CallEvent.$Properties
         * @property {string|null} [eventId] CallEvent eventId
         * @property {string|null} [callId] CallEvent callId
         * @property {string|null} [tenantId] CallEvent tenantId
         * @property {number|null} [ts] CallEvent ts
         * @property {number|null} [seq] CallEvent seq
         * @property {uap.CallStarted.$Properties|null} [started] CallEvent started
         * @property {uap.Dtmf.$Properties|null} [dtmf] CallEvent dtmf
         * @property {uap.MarkPlayed.$Properties|null} [mark] CallEvent mark
         * @property {uap.Transcript.$Properties|null} [transcript] CallEvent transcript
         * @property {uap.CallEnded.$Properties|null} [ended] CallEvent ended
         * @property {uap.ProviderStatus.$Properties|null} [providerStatus] CallEvent providerStatus
         * @property {uap.TransferOutcome.$Properties|null} [transfer] CallEvent transfer
         * @property {uap.Usage.$Properties|null} [usage] CallEvent usage
         * @property {uap.CallSummary.$Properties|null} [summary] CallEvent summary
         * @property {uap.Recording.$Properties|null} [recording] CallEvent recording
         * @property {uap.AgentHandoff.$Properties|null} [handoff] CallEvent handoff
         * @property {"started"|"dtmf"|"mark"|"transcript"|"ended"|"providerStatus"|"transfer"|"usage"|"summary"|"recording"|"handoff"} [body] CallEvent body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CallEvent.
         * @memberof uap
         * @interface ICallEvent
         * @augments uap.CallEvent.$Properties
         * @deprecated Use uap.CallEvent.$Properties instead.
         */

        /**
         * Narrowed shape of a CallEvent.
         * @typedef {{
         *   eventId?: string|null;
         *   callId?: string|null;
         *   tenantId?: string|null;
         *   ts?: number|null;
         *   seq?: number|null;
         *   started?: uap.CallStarted.$Shape|null;
         *   dtmf?: uap.Dtmf.$Shape|null;
         *   mark?: uap.MarkPlayed.$Shape|null;
         *   transcript?: uap.Transcript.$Shape|null;
         *   ended?: uap.CallEnded.$Shape|null;
         *   providerStatus?: uap.ProviderStatus.$Shape|null;
         *   transfer?: uap.TransferOutcome.$Shape|null;
         *   usage?: uap.Usage.$Shape|null;
         *   summary?: uap.CallSummary.$Shape|null;
         *   recording?: uap.Recording.$Shape|null;
         *   handoff?: uap.AgentHandoff.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "started"; started: uap.CallStarted.$Shape; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "dtmf"; started?: null; dtmf: uap.Dtmf.$Shape; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "mark"; started?: null; dtmf?: null; mark: uap.MarkPlayed.$Shape; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "transcript"; started?: null; dtmf?: null; mark?: null; transcript: uap.Transcript.$Shape; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "ended"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended: uap.CallEnded.$Shape; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "providerStatus"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus: uap.ProviderStatus.$Shape; transfer?: null; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "transfer"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer: uap.TransferOutcome.$Shape; usage?: null; summary?: null; recording?: null; handoff?: null }|{ body?: "usage"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage: uap.Usage.$Shape; summary?: null; recording?: null; handoff?: null }|{ body?: "summary"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary: uap.CallSummary.$Shape; recording?: null; handoff?: null }|{ body?: "recording"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording: uap.Recording.$Shape; handoff?: null }|{ body?: "handoff"; started?: null; dtmf?: null; mark?: null; transcript?: null; ended?: null; providerStatus?: null; transfer?: null; usage?: null; summary?: null; recording?: null; handoff: uap.AgentHandoff.$Shape })
         * )} uap.CallEvent.$Shape
         */

        /**
         * Constructs a new CallEvent.
         * @memberof uap
         * @classdesc Represents a CallEvent.
         * @constructor
         * @param {uap.CallEvent.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CallEvent = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * CallEvent eventId.
         * @member {string} eventId
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.eventId = "";

        /**
         * CallEvent callId.
         * @member {string} callId
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.callId = "";

        /**
         * CallEvent tenantId.
         * @member {string} tenantId
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.tenantId = "";

        /**
         * CallEvent ts.
         * @member {number} ts
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.ts = 0;

        /**
         * CallEvent seq.
         * @member {number} seq
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.seq = 0;

        /**
         * CallEvent started.
         * @member {uap.CallStarted.$Properties|null|undefined} started
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.started = null;

        /**
         * CallEvent dtmf.
         * @member {uap.Dtmf.$Properties|null|undefined} dtmf
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.dtmf = null;

        /**
         * CallEvent mark.
         * @member {uap.MarkPlayed.$Properties|null|undefined} mark
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.mark = null;

        /**
         * CallEvent transcript.
         * @member {uap.Transcript.$Properties|null|undefined} transcript
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.transcript = null;

        /**
         * CallEvent ended.
         * @member {uap.CallEnded.$Properties|null|undefined} ended
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.ended = null;

        /**
         * CallEvent providerStatus.
         * @member {uap.ProviderStatus.$Properties|null|undefined} providerStatus
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.providerStatus = null;

        /**
         * CallEvent transfer.
         * @member {uap.TransferOutcome.$Properties|null|undefined} transfer
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.transfer = null;

        /**
         * CallEvent usage.
         * @member {uap.Usage.$Properties|null|undefined} usage
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.usage = null;

        /**
         * CallEvent summary.
         * @member {uap.CallSummary.$Properties|null|undefined} summary
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.summary = null;

        /**
         * CallEvent recording.
         * @member {uap.Recording.$Properties|null|undefined} recording
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.recording = null;

        /**
         * CallEvent handoff.
         * @member {uap.AgentHandoff.$Properties|null|undefined} handoff
         * @memberof uap.CallEvent
         * @instance
         */
        CallEvent.prototype.handoff = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * CallEvent body.
         * @member {"started"|"dtmf"|"mark"|"transcript"|"ended"|"providerStatus"|"transfer"|"usage"|"summary"|"recording"|"handoff"|undefined} body
         * @memberof uap.CallEvent
         * @instance
         */
        $Object.defineProperty(CallEvent.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["started", "dtmf", "mark", "transcript", "ended", "providerStatus", "transfer", "usage", "summary", "recording", "handoff"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new CallEvent instance using the specified properties.
         * @function create
         * @memberof uap.CallEvent
         * @static
         * @param {uap.CallEvent.$Properties=} [properties] Properties to set
         * @returns {uap.CallEvent} CallEvent instance
         * @type {{
         *   (properties: uap.CallEvent.$Shape): uap.CallEvent & uap.CallEvent.$Shape;
         *   (properties?: uap.CallEvent.$Properties): uap.CallEvent;
         * }}
         */
        CallEvent.create = function(properties) {
            return new CallEvent(properties);
        };

        /**
         * Encodes the specified CallEvent message. Does not implicitly {@link uap.CallEvent.verify|verify} messages.
         * @function encode
         * @memberof uap.CallEvent
         * @static
         * @param {uap.CallEvent.$Properties} message CallEvent message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CallEvent.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId") && message.eventId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.eventId);
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.callId);
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.tenantId);
            if (message.ts != null && $Object.hasOwnProperty.call(message, "ts") && !$Object.is(message.ts, 0))
                writer.uint32(/* id 4, wireType 1 =*/33).double(message.ts);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.seq);
            if (message.started != null && $Object.hasOwnProperty.call(message, "started"))
                $root.uap.CallStarted.encode(message.started, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.dtmf != null && $Object.hasOwnProperty.call(message, "dtmf"))
                $root.uap.Dtmf.encode(message.dtmf, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.mark != null && $Object.hasOwnProperty.call(message, "mark"))
                $root.uap.MarkPlayed.encode(message.mark, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.transcript != null && $Object.hasOwnProperty.call(message, "transcript"))
                $root.uap.Transcript.encode(message.transcript, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.ended != null && $Object.hasOwnProperty.call(message, "ended"))
                $root.uap.CallEnded.encode(message.ended, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
            if (message.providerStatus != null && $Object.hasOwnProperty.call(message, "providerStatus"))
                $root.uap.ProviderStatus.encode(message.providerStatus, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
            if (message.transfer != null && $Object.hasOwnProperty.call(message, "transfer"))
                $root.uap.TransferOutcome.encode(message.transfer, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
            if (message.usage != null && $Object.hasOwnProperty.call(message, "usage"))
                $root.uap.Usage.encode(message.usage, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary"))
                $root.uap.CallSummary.encode(message.summary, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
            if (message.recording != null && $Object.hasOwnProperty.call(message, "recording"))
                $root.uap.Recording.encode(message.recording, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
            if (message.handoff != null && $Object.hasOwnProperty.call(message, "handoff"))
                $root.uap.AgentHandoff.encode(message.handoff, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a CallEvent message from the specified reader or buffer.
         * @function decode
         * @memberof uap.CallEvent
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.CallEvent & uap.CallEvent.$Shape} CallEvent
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CallEvent.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.CallEvent();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.eventId = value;
                        else
                            delete message.eventId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.ts = value;
                        else
                            delete message.ts;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.started = $root.uap.CallStarted.decode(reader, reader.size(), $undefined, _depth + 1, message.started);
                        message.body = "started";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.dtmf = $root.uap.Dtmf.decode(reader, reader.size(), $undefined, _depth + 1, message.dtmf);
                        message.body = "dtmf";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.mark = $root.uap.MarkPlayed.decode(reader, reader.size(), $undefined, _depth + 1, message.mark);
                        message.body = "mark";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.transcript = $root.uap.Transcript.decode(reader, reader.size(), $undefined, _depth + 1, message.transcript);
                        message.body = "transcript";
                        continue;
                    }
                case 14: {
                        if (wireType !== 2)
                            break;
                        message.ended = $root.uap.CallEnded.decode(reader, reader.size(), $undefined, _depth + 1, message.ended);
                        message.body = "ended";
                        continue;
                    }
                case 15: {
                        if (wireType !== 2)
                            break;
                        message.providerStatus = $root.uap.ProviderStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.providerStatus);
                        message.body = "providerStatus";
                        continue;
                    }
                case 16: {
                        if (wireType !== 2)
                            break;
                        message.transfer = $root.uap.TransferOutcome.decode(reader, reader.size(), $undefined, _depth + 1, message.transfer);
                        message.body = "transfer";
                        continue;
                    }
                case 17: {
                        if (wireType !== 2)
                            break;
                        message.usage = $root.uap.Usage.decode(reader, reader.size(), $undefined, _depth + 1, message.usage);
                        message.body = "usage";
                        continue;
                    }
                case 18: {
                        if (wireType !== 2)
                            break;
                        message.summary = $root.uap.CallSummary.decode(reader, reader.size(), $undefined, _depth + 1, message.summary);
                        message.body = "summary";
                        continue;
                    }
                case 19: {
                        if (wireType !== 2)
                            break;
                        message.recording = $root.uap.Recording.decode(reader, reader.size(), $undefined, _depth + 1, message.recording);
                        message.body = "recording";
                        continue;
                    }
                case 20: {
                        if (wireType !== 2)
                            break;
                        message.handoff = $root.uap.AgentHandoff.decode(reader, reader.size(), $undefined, _depth + 1, message.handoff);
                        message.body = "handoff";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a CallEvent message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.CallEvent
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.CallEvent} CallEvent
         */
        CallEvent.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.CallEvent)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.CallEvent: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.CallEvent();
            if (object.eventId != null)
                if (typeof object.eventId !== "string" || object.eventId.length)
                    message.eventId = $String(object.eventId);
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.ts != null)
                if (!$Object.is($Number(object.ts), 0))
                    message.ts = $Number(object.ts);
            if (object.seq != null)
                if ($Number(object.seq) !== 0)
                    message.seq = object.seq >>> 0;
            if (object.started != null) {
                if (!$util.isObject(object.started))
                    throw $TypeError(".uap.CallEvent.started: object expected");
                message.started = $root.uap.CallStarted.fromObject(object.started, _depth + 1);
            }
            if (object.dtmf != null) {
                if (!$util.isObject(object.dtmf))
                    throw $TypeError(".uap.CallEvent.dtmf: object expected");
                message.dtmf = $root.uap.Dtmf.fromObject(object.dtmf, _depth + 1);
            }
            if (object.mark != null) {
                if (!$util.isObject(object.mark))
                    throw $TypeError(".uap.CallEvent.mark: object expected");
                message.mark = $root.uap.MarkPlayed.fromObject(object.mark, _depth + 1);
            }
            if (object.transcript != null) {
                if (!$util.isObject(object.transcript))
                    throw $TypeError(".uap.CallEvent.transcript: object expected");
                message.transcript = $root.uap.Transcript.fromObject(object.transcript, _depth + 1);
            }
            if (object.ended != null) {
                if (!$util.isObject(object.ended))
                    throw $TypeError(".uap.CallEvent.ended: object expected");
                message.ended = $root.uap.CallEnded.fromObject(object.ended, _depth + 1);
            }
            if (object.providerStatus != null) {
                if (!$util.isObject(object.providerStatus))
                    throw $TypeError(".uap.CallEvent.providerStatus: object expected");
                message.providerStatus = $root.uap.ProviderStatus.fromObject(object.providerStatus, _depth + 1);
            }
            if (object.transfer != null) {
                if (!$util.isObject(object.transfer))
                    throw $TypeError(".uap.CallEvent.transfer: object expected");
                message.transfer = $root.uap.TransferOutcome.fromObject(object.transfer, _depth + 1);
            }
            if (object.usage != null) {
                if (!$util.isObject(object.usage))
                    throw $TypeError(".uap.CallEvent.usage: object expected");
                message.usage = $root.uap.Usage.fromObject(object.usage, _depth + 1);
            }
            if (object.summary != null) {
                if (!$util.isObject(object.summary))
                    throw $TypeError(".uap.CallEvent.summary: object expected");
                message.summary = $root.uap.CallSummary.fromObject(object.summary, _depth + 1);
            }
            if (object.recording != null) {
                if (!$util.isObject(object.recording))
                    throw $TypeError(".uap.CallEvent.recording: object expected");
                message.recording = $root.uap.Recording.fromObject(object.recording, _depth + 1);
            }
            if (object.handoff != null) {
                if (!$util.isObject(object.handoff))
                    throw $TypeError(".uap.CallEvent.handoff: object expected");
                message.handoff = $root.uap.AgentHandoff.fromObject(object.handoff, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a CallEvent message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.CallEvent
         * @static
         * @param {uap.CallEvent} message CallEvent
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        CallEvent.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.eventId = "";
                object.callId = "";
                object.tenantId = "";
                object.ts = 0;
                object.seq = 0;
            }
            if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                object.eventId = message.eventId;
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.ts != null && $Object.hasOwnProperty.call(message, "ts"))
                object.ts = options.json && !$isFinite(message.ts) ? $String(message.ts) : message.ts;
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                object.seq = message.seq;
            if (message.started != null && $Object.hasOwnProperty.call(message, "started")) {
                object.started = $root.uap.CallStarted.toObject(message.started, options, _depth + 1);
                if (options.oneofs)
                    object.body = "started";
            }
            if (message.dtmf != null && $Object.hasOwnProperty.call(message, "dtmf")) {
                object.dtmf = $root.uap.Dtmf.toObject(message.dtmf, options, _depth + 1);
                if (options.oneofs)
                    object.body = "dtmf";
            }
            if (message.mark != null && $Object.hasOwnProperty.call(message, "mark")) {
                object.mark = $root.uap.MarkPlayed.toObject(message.mark, options, _depth + 1);
                if (options.oneofs)
                    object.body = "mark";
            }
            if (message.transcript != null && $Object.hasOwnProperty.call(message, "transcript")) {
                object.transcript = $root.uap.Transcript.toObject(message.transcript, options, _depth + 1);
                if (options.oneofs)
                    object.body = "transcript";
            }
            if (message.ended != null && $Object.hasOwnProperty.call(message, "ended")) {
                object.ended = $root.uap.CallEnded.toObject(message.ended, options, _depth + 1);
                if (options.oneofs)
                    object.body = "ended";
            }
            if (message.providerStatus != null && $Object.hasOwnProperty.call(message, "providerStatus")) {
                object.providerStatus = $root.uap.ProviderStatus.toObject(message.providerStatus, options, _depth + 1);
                if (options.oneofs)
                    object.body = "providerStatus";
            }
            if (message.transfer != null && $Object.hasOwnProperty.call(message, "transfer")) {
                object.transfer = $root.uap.TransferOutcome.toObject(message.transfer, options, _depth + 1);
                if (options.oneofs)
                    object.body = "transfer";
            }
            if (message.usage != null && $Object.hasOwnProperty.call(message, "usage")) {
                object.usage = $root.uap.Usage.toObject(message.usage, options, _depth + 1);
                if (options.oneofs)
                    object.body = "usage";
            }
            if (message.summary != null && $Object.hasOwnProperty.call(message, "summary")) {
                object.summary = $root.uap.CallSummary.toObject(message.summary, options, _depth + 1);
                if (options.oneofs)
                    object.body = "summary";
            }
            if (message.recording != null && $Object.hasOwnProperty.call(message, "recording")) {
                object.recording = $root.uap.Recording.toObject(message.recording, options, _depth + 1);
                if (options.oneofs)
                    object.body = "recording";
            }
            if (message.handoff != null && $Object.hasOwnProperty.call(message, "handoff")) {
                object.handoff = $root.uap.AgentHandoff.toObject(message.handoff, options, _depth + 1);
                if (options.oneofs)
                    object.body = "handoff";
            }
            return object;
        };

        /**
         * Converts this CallEvent to JSON.
         * @function toJSON
         * @memberof uap.CallEvent
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        CallEvent.prototype.toJSON = function() {
            return CallEvent.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for CallEvent
         * @function getTypeUrl
         * @memberof uap.CallEvent
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CallEvent.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.CallEvent";
        };

        return CallEvent;
    })();

    uap.MediaControl = (function() {

        /**
         * Properties of a MediaControl.
         * @typedef {Object} uap.MediaControl.$Properties
         * @property {string|null} [callId] MediaControl callId
         * @property {uap.Clear.$Properties|null} [clear] MediaControl clear
         * @property {uap.Mark.$Properties|null} [mark] MediaControl mark
         * @property {uap.Hangup.$Properties|null} [hangup] MediaControl hangup
         * @property {uap.Transfer.$Properties|null} [transfer] MediaControl transfer
         * @property {"clear"|"mark"|"hangup"|"transfer"} [action] MediaControl action
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a MediaControl.
         * @memberof uap
         * @interface IMediaControl
         * @augments uap.MediaControl.$Properties
         * @deprecated Use uap.MediaControl.$Properties instead.
         */

        /**
         * Narrowed shape of a MediaControl.
         * @typedef {{
         *   callId?: string|null;
         *   clear?: uap.Clear.$Shape|null;
         *   mark?: uap.Mark.$Shape|null;
         *   hangup?: uap.Hangup.$Shape|null;
         *   transfer?: uap.Transfer.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ action?: undefined; clear?: null; mark?: null; hangup?: null; transfer?: null }|{ action?: "clear"; clear: uap.Clear.$Shape; mark?: null; hangup?: null; transfer?: null }|{ action?: "mark"; clear?: null; mark: uap.Mark.$Shape; hangup?: null; transfer?: null }|{ action?: "hangup"; clear?: null; mark?: null; hangup: uap.Hangup.$Shape; transfer?: null }|{ action?: "transfer"; clear?: null; mark?: null; hangup?: null; transfer: uap.Transfer.$Shape })
         * )} uap.MediaControl.$Shape
         */

        /**
         * Constructs a new MediaControl.
         * @memberof uap
         * @classdesc Represents a MediaControl.
         * @constructor
         * @param {uap.MediaControl.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const MediaControl = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * MediaControl callId.
         * @member {string} callId
         * @memberof uap.MediaControl
         * @instance
         */
        MediaControl.prototype.callId = "";

        /**
         * MediaControl clear.
         * @member {uap.Clear.$Properties|null|undefined} clear
         * @memberof uap.MediaControl
         * @instance
         */
        MediaControl.prototype.clear = null;

        /**
         * MediaControl mark.
         * @member {uap.Mark.$Properties|null|undefined} mark
         * @memberof uap.MediaControl
         * @instance
         */
        MediaControl.prototype.mark = null;

        /**
         * MediaControl hangup.
         * @member {uap.Hangup.$Properties|null|undefined} hangup
         * @memberof uap.MediaControl
         * @instance
         */
        MediaControl.prototype.hangup = null;

        /**
         * MediaControl transfer.
         * @member {uap.Transfer.$Properties|null|undefined} transfer
         * @memberof uap.MediaControl
         * @instance
         */
        MediaControl.prototype.transfer = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * MediaControl action.
         * @member {"clear"|"mark"|"hangup"|"transfer"|undefined} action
         * @memberof uap.MediaControl
         * @instance
         */
        $Object.defineProperty(MediaControl.prototype, "action", {
            get: $util.oneOfGetter($oneOfFields = ["clear", "mark", "hangup", "transfer"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new MediaControl instance using the specified properties.
         * @function create
         * @memberof uap.MediaControl
         * @static
         * @param {uap.MediaControl.$Properties=} [properties] Properties to set
         * @returns {uap.MediaControl} MediaControl instance
         * @type {{
         *   (properties: uap.MediaControl.$Shape): uap.MediaControl & uap.MediaControl.$Shape;
         *   (properties?: uap.MediaControl.$Properties): uap.MediaControl;
         * }}
         */
        MediaControl.create = function(properties) {
            return new MediaControl(properties);
        };

        /**
         * Encodes the specified MediaControl message. Does not implicitly {@link uap.MediaControl.verify|verify} messages.
         * @function encode
         * @memberof uap.MediaControl
         * @static
         * @param {uap.MediaControl.$Properties} message MediaControl message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        MediaControl.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.callId);
            if (message.clear != null && $Object.hasOwnProperty.call(message, "clear"))
                $root.uap.Clear.encode(message.clear, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
            if (message.mark != null && $Object.hasOwnProperty.call(message, "mark"))
                $root.uap.Mark.encode(message.mark, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.hangup != null && $Object.hasOwnProperty.call(message, "hangup"))
                $root.uap.Hangup.encode(message.hangup, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
            if (message.transfer != null && $Object.hasOwnProperty.call(message, "transfer"))
                $root.uap.Transfer.encode(message.transfer, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a MediaControl message from the specified reader or buffer.
         * @function decode
         * @memberof uap.MediaControl
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.MediaControl & uap.MediaControl.$Shape} MediaControl
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        MediaControl.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.MediaControl();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        message.clear = $root.uap.Clear.decode(reader, reader.size(), $undefined, _depth + 1, message.clear);
                        message.action = "clear";
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        message.mark = $root.uap.Mark.decode(reader, reader.size(), $undefined, _depth + 1, message.mark);
                        message.action = "mark";
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        message.hangup = $root.uap.Hangup.decode(reader, reader.size(), $undefined, _depth + 1, message.hangup);
                        message.action = "hangup";
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        message.transfer = $root.uap.Transfer.decode(reader, reader.size(), $undefined, _depth + 1, message.transfer);
                        message.action = "transfer";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a MediaControl message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.MediaControl
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.MediaControl} MediaControl
         */
        MediaControl.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.MediaControl)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.MediaControl: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.MediaControl();
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            if (object.clear != null) {
                if (!$util.isObject(object.clear))
                    throw $TypeError(".uap.MediaControl.clear: object expected");
                message.clear = $root.uap.Clear.fromObject(object.clear, _depth + 1);
            }
            if (object.mark != null) {
                if (!$util.isObject(object.mark))
                    throw $TypeError(".uap.MediaControl.mark: object expected");
                message.mark = $root.uap.Mark.fromObject(object.mark, _depth + 1);
            }
            if (object.hangup != null) {
                if (!$util.isObject(object.hangup))
                    throw $TypeError(".uap.MediaControl.hangup: object expected");
                message.hangup = $root.uap.Hangup.fromObject(object.hangup, _depth + 1);
            }
            if (object.transfer != null) {
                if (!$util.isObject(object.transfer))
                    throw $TypeError(".uap.MediaControl.transfer: object expected");
                message.transfer = $root.uap.Transfer.fromObject(object.transfer, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a MediaControl message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.MediaControl
         * @static
         * @param {uap.MediaControl} message MediaControl
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        MediaControl.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object.callId = "";
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            if (message.clear != null && $Object.hasOwnProperty.call(message, "clear")) {
                object.clear = $root.uap.Clear.toObject(message.clear, options, _depth + 1);
                if (options.oneofs)
                    object.action = "clear";
            }
            if (message.mark != null && $Object.hasOwnProperty.call(message, "mark")) {
                object.mark = $root.uap.Mark.toObject(message.mark, options, _depth + 1);
                if (options.oneofs)
                    object.action = "mark";
            }
            if (message.hangup != null && $Object.hasOwnProperty.call(message, "hangup")) {
                object.hangup = $root.uap.Hangup.toObject(message.hangup, options, _depth + 1);
                if (options.oneofs)
                    object.action = "hangup";
            }
            if (message.transfer != null && $Object.hasOwnProperty.call(message, "transfer")) {
                object.transfer = $root.uap.Transfer.toObject(message.transfer, options, _depth + 1);
                if (options.oneofs)
                    object.action = "transfer";
            }
            return object;
        };

        /**
         * Converts this MediaControl to JSON.
         * @function toJSON
         * @memberof uap.MediaControl
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        MediaControl.prototype.toJSON = function() {
            return MediaControl.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for MediaControl
         * @function getTypeUrl
         * @memberof uap.MediaControl
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        MediaControl.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.MediaControl";
        };

        return MediaControl;
    })();

    uap.Clear = (function() {

        /**
         * Properties of a Clear.
         * @typedef {Object} uap.Clear.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Clear.
         * @memberof uap
         * @interface IClear
         * @augments uap.Clear.$Properties
         * @deprecated Use uap.Clear.$Properties instead.
         */

        /**
         * Shape of a Clear.
         * @typedef {uap.Clear.$Properties} uap.Clear.$Shape
         */

        /**
         * Constructs a new Clear.
         * @memberof uap
         * @classdesc Represents a Clear.
         * @constructor
         * @param {uap.Clear.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Clear = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Creates a new Clear instance using the specified properties.
         * @function create
         * @memberof uap.Clear
         * @static
         * @param {uap.Clear.$Properties=} [properties] Properties to set
         * @returns {uap.Clear} Clear instance
         * @type {{
         *   (properties: uap.Clear.$Shape): uap.Clear & uap.Clear.$Shape;
         *   (properties?: uap.Clear.$Properties): uap.Clear;
         * }}
         */
        Clear.create = function(properties) {
            return new Clear(properties);
        };

        /**
         * Encodes the specified Clear message. Does not implicitly {@link uap.Clear.verify|verify} messages.
         * @function encode
         * @memberof uap.Clear
         * @static
         * @param {uap.Clear.$Properties} message Clear message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Clear.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Clear message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Clear
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Clear & uap.Clear.$Shape} Clear
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Clear.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Clear();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                reader.skipType(tag & 7, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Clear message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Clear
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Clear} Clear
         */
        Clear.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Clear)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Clear: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            return new $root.uap.Clear();
        };

        /**
         * Creates a plain object from a Clear message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Clear
         * @static
         * @param {uap.Clear} message Clear
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Clear.toObject = function () {
            return {};
        };

        /**
         * Converts this Clear to JSON.
         * @function toJSON
         * @memberof uap.Clear
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Clear.prototype.toJSON = function() {
            return Clear.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Clear
         * @function getTypeUrl
         * @memberof uap.Clear
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Clear.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Clear";
        };

        return Clear;
    })();

    uap.Mark = (function() {

        /**
         * Properties of a Mark.
         * @typedef {Object} uap.Mark.$Properties
         * @property {string|null} [name] Mark name
         * @property {number|null} [afterOutSeq] Mark afterOutSeq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Mark.
         * @memberof uap
         * @interface IMark
         * @augments uap.Mark.$Properties
         * @deprecated Use uap.Mark.$Properties instead.
         */

        /**
         * Shape of a Mark.
         * @typedef {uap.Mark.$Properties} uap.Mark.$Shape
         */

        /**
         * Constructs a new Mark.
         * @memberof uap
         * @classdesc Represents a Mark.
         * @constructor
         * @param {uap.Mark.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Mark = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Mark name.
         * @member {string} name
         * @memberof uap.Mark
         * @instance
         */
        Mark.prototype.name = "";

        /**
         * Mark afterOutSeq.
         * @member {number} afterOutSeq
         * @memberof uap.Mark
         * @instance
         */
        Mark.prototype.afterOutSeq = 0;

        /**
         * Creates a new Mark instance using the specified properties.
         * @function create
         * @memberof uap.Mark
         * @static
         * @param {uap.Mark.$Properties=} [properties] Properties to set
         * @returns {uap.Mark} Mark instance
         * @type {{
         *   (properties: uap.Mark.$Shape): uap.Mark & uap.Mark.$Shape;
         *   (properties?: uap.Mark.$Properties): uap.Mark;
         * }}
         */
        Mark.create = function(properties) {
            return new Mark(properties);
        };

        /**
         * Encodes the specified Mark message. Does not implicitly {@link uap.Mark.verify|verify} messages.
         * @function encode
         * @memberof uap.Mark
         * @static
         * @param {uap.Mark.$Properties} message Mark message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Mark.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
            if (message.afterOutSeq != null && $Object.hasOwnProperty.call(message, "afterOutSeq") && message.afterOutSeq !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.afterOutSeq);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Mark message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Mark
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Mark & uap.Mark.$Shape} Mark
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Mark.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Mark();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.afterOutSeq = value;
                        else
                            delete message.afterOutSeq;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Mark message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Mark
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Mark} Mark
         */
        Mark.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Mark)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Mark: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Mark();
            if (object.name != null)
                if (typeof object.name !== "string" || object.name.length)
                    message.name = $String(object.name);
            if (object.afterOutSeq != null)
                if ($Number(object.afterOutSeq) !== 0)
                    message.afterOutSeq = object.afterOutSeq >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a Mark message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Mark
         * @static
         * @param {uap.Mark} message Mark
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Mark.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.name = "";
                object.afterOutSeq = 0;
            }
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.afterOutSeq != null && $Object.hasOwnProperty.call(message, "afterOutSeq"))
                object.afterOutSeq = message.afterOutSeq;
            return object;
        };

        /**
         * Converts this Mark to JSON.
         * @function toJSON
         * @memberof uap.Mark
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Mark.prototype.toJSON = function() {
            return Mark.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Mark
         * @function getTypeUrl
         * @memberof uap.Mark
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Mark.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Mark";
        };

        return Mark;
    })();

    uap.Hangup = (function() {

        /**
         * Properties of a Hangup.
         * @typedef {Object} uap.Hangup.$Properties
         * @property {string|null} [reason] Hangup reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Hangup.
         * @memberof uap
         * @interface IHangup
         * @augments uap.Hangup.$Properties
         * @deprecated Use uap.Hangup.$Properties instead.
         */

        /**
         * Shape of a Hangup.
         * @typedef {uap.Hangup.$Properties} uap.Hangup.$Shape
         */

        /**
         * Constructs a new Hangup.
         * @memberof uap
         * @classdesc Represents a Hangup.
         * @constructor
         * @param {uap.Hangup.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Hangup = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Hangup reason.
         * @member {string} reason
         * @memberof uap.Hangup
         * @instance
         */
        Hangup.prototype.reason = "";

        /**
         * Creates a new Hangup instance using the specified properties.
         * @function create
         * @memberof uap.Hangup
         * @static
         * @param {uap.Hangup.$Properties=} [properties] Properties to set
         * @returns {uap.Hangup} Hangup instance
         * @type {{
         *   (properties: uap.Hangup.$Shape): uap.Hangup & uap.Hangup.$Shape;
         *   (properties?: uap.Hangup.$Properties): uap.Hangup;
         * }}
         */
        Hangup.create = function(properties) {
            return new Hangup(properties);
        };

        /**
         * Encodes the specified Hangup message. Does not implicitly {@link uap.Hangup.verify|verify} messages.
         * @function encode
         * @memberof uap.Hangup
         * @static
         * @param {uap.Hangup.$Properties} message Hangup message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Hangup.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.reason);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Hangup message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Hangup
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Hangup & uap.Hangup.$Shape} Hangup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Hangup.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Hangup();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.reason = value;
                        else
                            delete message.reason;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Hangup message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Hangup
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Hangup} Hangup
         */
        Hangup.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Hangup)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Hangup: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Hangup();
            if (object.reason != null)
                if (typeof object.reason !== "string" || object.reason.length)
                    message.reason = $String(object.reason);
            return message;
        };

        /**
         * Creates a plain object from a Hangup message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Hangup
         * @static
         * @param {uap.Hangup} message Hangup
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Hangup.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object.reason = "";
            if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                object.reason = message.reason;
            return object;
        };

        /**
         * Converts this Hangup to JSON.
         * @function toJSON
         * @memberof uap.Hangup
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Hangup.prototype.toJSON = function() {
            return Hangup.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Hangup
         * @function getTypeUrl
         * @memberof uap.Hangup
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Hangup.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Hangup";
        };

        return Hangup;
    })();

    uap.Transfer = (function() {

        /**
         * Properties of a Transfer.
         * @typedef {Object} uap.Transfer.$Properties
         * @property {string|null} [target] Transfer target
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Transfer.
         * @memberof uap
         * @interface ITransfer
         * @augments uap.Transfer.$Properties
         * @deprecated Use uap.Transfer.$Properties instead.
         */

        /**
         * Shape of a Transfer.
         * @typedef {uap.Transfer.$Properties} uap.Transfer.$Shape
         */

        /**
         * Constructs a new Transfer.
         * @memberof uap
         * @classdesc Represents a Transfer.
         * @constructor
         * @param {uap.Transfer.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Transfer = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Transfer target.
         * @member {string} target
         * @memberof uap.Transfer
         * @instance
         */
        Transfer.prototype.target = "";

        /**
         * Creates a new Transfer instance using the specified properties.
         * @function create
         * @memberof uap.Transfer
         * @static
         * @param {uap.Transfer.$Properties=} [properties] Properties to set
         * @returns {uap.Transfer} Transfer instance
         * @type {{
         *   (properties: uap.Transfer.$Shape): uap.Transfer & uap.Transfer.$Shape;
         *   (properties?: uap.Transfer.$Properties): uap.Transfer;
         * }}
         */
        Transfer.create = function(properties) {
            return new Transfer(properties);
        };

        /**
         * Encodes the specified Transfer message. Does not implicitly {@link uap.Transfer.verify|verify} messages.
         * @function encode
         * @memberof uap.Transfer
         * @static
         * @param {uap.Transfer.$Properties} message Transfer message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Transfer.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.target);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Transfer message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Transfer
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Transfer & uap.Transfer.$Shape} Transfer
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Transfer.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Transfer();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Transfer message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Transfer
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Transfer} Transfer
         */
        Transfer.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Transfer)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Transfer: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Transfer();
            if (object.target != null)
                if (typeof object.target !== "string" || object.target.length)
                    message.target = $String(object.target);
            return message;
        };

        /**
         * Creates a plain object from a Transfer message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Transfer
         * @static
         * @param {uap.Transfer} message Transfer
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Transfer.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                object.target = "";
            if (message.target != null && $Object.hasOwnProperty.call(message, "target"))
                object.target = message.target;
            return object;
        };

        /**
         * Converts this Transfer to JSON.
         * @function toJSON
         * @memberof uap.Transfer
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Transfer.prototype.toJSON = function() {
            return Transfer.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Transfer
         * @function getTypeUrl
         * @memberof uap.Transfer
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Transfer.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Transfer";
        };

        return Transfer;
    })();

    uap.TransferRequest = (function() {

        /**
         * Properties of a TransferRequest.
         * @typedef {Object} uap.TransferRequest.$Properties
         * @property {string|null} [callId] TransferRequest callId
         * @property {string|null} [tenantId] TransferRequest tenantId
         * @property {string|null} [providerCallId] TransferRequest providerCallId
         * @property {string|null} [target] TransferRequest target
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TransferRequest.
         * @memberof uap
         * @interface ITransferRequest
         * @augments uap.TransferRequest.$Properties
         * @deprecated Use uap.TransferRequest.$Properties instead.
         */

        /**
         * Shape of a TransferRequest.
         * @typedef {uap.TransferRequest.$Properties} uap.TransferRequest.$Shape
         */

        /**
         * Constructs a new TransferRequest.
         * @memberof uap
         * @classdesc Represents a TransferRequest.
         * @constructor
         * @param {uap.TransferRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TransferRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TransferRequest callId.
         * @member {string} callId
         * @memberof uap.TransferRequest
         * @instance
         */
        TransferRequest.prototype.callId = "";

        /**
         * TransferRequest tenantId.
         * @member {string} tenantId
         * @memberof uap.TransferRequest
         * @instance
         */
        TransferRequest.prototype.tenantId = "";

        /**
         * TransferRequest providerCallId.
         * @member {string} providerCallId
         * @memberof uap.TransferRequest
         * @instance
         */
        TransferRequest.prototype.providerCallId = "";

        /**
         * TransferRequest target.
         * @member {string} target
         * @memberof uap.TransferRequest
         * @instance
         */
        TransferRequest.prototype.target = "";

        /**
         * Creates a new TransferRequest instance using the specified properties.
         * @function create
         * @memberof uap.TransferRequest
         * @static
         * @param {uap.TransferRequest.$Properties=} [properties] Properties to set
         * @returns {uap.TransferRequest} TransferRequest instance
         * @type {{
         *   (properties: uap.TransferRequest.$Shape): uap.TransferRequest & uap.TransferRequest.$Shape;
         *   (properties?: uap.TransferRequest.$Properties): uap.TransferRequest;
         * }}
         */
        TransferRequest.create = function(properties) {
            return new TransferRequest(properties);
        };

        /**
         * Encodes the specified TransferRequest message. Does not implicitly {@link uap.TransferRequest.verify|verify} messages.
         * @function encode
         * @memberof uap.TransferRequest
         * @static
         * @param {uap.TransferRequest.$Properties} message TransferRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TransferRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.callId);
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.tenantId);
            if (message.providerCallId != null && $Object.hasOwnProperty.call(message, "providerCallId") && message.providerCallId !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.providerCallId);
            if (message.target != null && $Object.hasOwnProperty.call(message, "target") && message.target !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.target);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TransferRequest message from the specified reader or buffer.
         * @function decode
         * @memberof uap.TransferRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.TransferRequest & uap.TransferRequest.$Shape} TransferRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TransferRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.TransferRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.providerCallId = value;
                        else
                            delete message.providerCallId;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.target = value;
                        else
                            delete message.target;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a TransferRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.TransferRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.TransferRequest} TransferRequest
         */
        TransferRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.TransferRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.TransferRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.TransferRequest();
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.providerCallId != null)
                if (typeof object.providerCallId !== "string" || object.providerCallId.length)
                    message.providerCallId = $String(object.providerCallId);
            if (object.target != null)
                if (typeof object.target !== "string" || object.target.length)
                    message.target = $String(object.target);
            return message;
        };

        /**
         * Creates a plain object from a TransferRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.TransferRequest
         * @static
         * @param {uap.TransferRequest} message TransferRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TransferRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.callId = "";
                object.tenantId = "";
                object.providerCallId = "";
                object.target = "";
            }
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.providerCallId != null && $Object.hasOwnProperty.call(message, "providerCallId"))
                object.providerCallId = message.providerCallId;
            if (message.target != null && $Object.hasOwnProperty.call(message, "target"))
                object.target = message.target;
            return object;
        };

        /**
         * Converts this TransferRequest to JSON.
         * @function toJSON
         * @memberof uap.TransferRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TransferRequest.prototype.toJSON = function() {
            return TransferRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TransferRequest
         * @function getTypeUrl
         * @memberof uap.TransferRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TransferRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.TransferRequest";
        };

        return TransferRequest;
    })();

    uap.TransferReply = (function() {

        /**
         * Properties of a TransferReply.
         * @typedef {Object} uap.TransferReply.$Properties
         * @property {boolean|null} [ok] TransferReply ok
         * @property {string|null} [errorCode] TransferReply errorCode
         * @property {string|null} [errorMessage] TransferReply errorMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a TransferReply.
         * @memberof uap
         * @interface ITransferReply
         * @augments uap.TransferReply.$Properties
         * @deprecated Use uap.TransferReply.$Properties instead.
         */

        /**
         * Shape of a TransferReply.
         * @typedef {uap.TransferReply.$Properties} uap.TransferReply.$Shape
         */

        /**
         * Constructs a new TransferReply.
         * @memberof uap
         * @classdesc Represents a TransferReply.
         * @constructor
         * @param {uap.TransferReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const TransferReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * TransferReply ok.
         * @member {boolean} ok
         * @memberof uap.TransferReply
         * @instance
         */
        TransferReply.prototype.ok = false;

        /**
         * TransferReply errorCode.
         * @member {string} errorCode
         * @memberof uap.TransferReply
         * @instance
         */
        TransferReply.prototype.errorCode = "";

        /**
         * TransferReply errorMessage.
         * @member {string} errorMessage
         * @memberof uap.TransferReply
         * @instance
         */
        TransferReply.prototype.errorMessage = "";

        /**
         * Creates a new TransferReply instance using the specified properties.
         * @function create
         * @memberof uap.TransferReply
         * @static
         * @param {uap.TransferReply.$Properties=} [properties] Properties to set
         * @returns {uap.TransferReply} TransferReply instance
         * @type {{
         *   (properties: uap.TransferReply.$Shape): uap.TransferReply & uap.TransferReply.$Shape;
         *   (properties?: uap.TransferReply.$Properties): uap.TransferReply;
         * }}
         */
        TransferReply.create = function(properties) {
            return new TransferReply(properties);
        };

        /**
         * Encodes the specified TransferReply message. Does not implicitly {@link uap.TransferReply.verify|verify} messages.
         * @function encode
         * @memberof uap.TransferReply
         * @static
         * @param {uap.TransferReply.$Properties} message TransferReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        TransferReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ok);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.errorCode);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.errorMessage);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a TransferReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.TransferReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.TransferReply & uap.TransferReply.$Shape} TransferReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        TransferReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.TransferReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ok = value;
                        else
                            delete message.ok;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a TransferReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.TransferReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.TransferReply} TransferReply
         */
        TransferReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.TransferReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.TransferReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.TransferReply();
            if (object.ok != null)
                if (object.ok)
                    message.ok = $Boolean(object.ok);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.errorMessage != null)
                if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                    message.errorMessage = $String(object.errorMessage);
            return message;
        };

        /**
         * Creates a plain object from a TransferReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.TransferReply
         * @static
         * @param {uap.TransferReply} message TransferReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        TransferReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.ok = false;
                object.errorCode = "";
                object.errorMessage = "";
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                object.ok = message.ok;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                object.errorMessage = message.errorMessage;
            return object;
        };

        /**
         * Converts this TransferReply to JSON.
         * @function toJSON
         * @memberof uap.TransferReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        TransferReply.prototype.toJSON = function() {
            return TransferReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for TransferReply
         * @function getTypeUrl
         * @memberof uap.TransferReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        TransferReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.TransferReply";
        };

        return TransferReply;
    })();

    uap.DispatchRequest = (function() {

        /**
         * Properties of a DispatchRequest.
         * @typedef {Object} uap.DispatchRequest.$Properties
         * @property {string|null} [callId] DispatchRequest callId
         * @property {string|null} [tenantId] DispatchRequest tenantId
         * @property {string|null} [agentKind] DispatchRequest agentKind
         * @property {string|null} [agentConfigId] DispatchRequest agentConfigId
         * @property {string|null} [agentConfigJson] DispatchRequest agentConfigJson
         * @property {number|null} [sampleRate] DispatchRequest sampleRate
         * @property {string|null} [from] DispatchRequest from
         * @property {string|null} [to] DispatchRequest to
         * @property {string|null} [transport] DispatchRequest transport
         * @property {number|null} [attempt] DispatchRequest attempt
         * @property {Array.<uap.Transcript.$Properties>|null} [history] DispatchRequest history
         * @property {number|null} [sourceRate] DispatchRequest sourceRate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DispatchRequest.
         * @memberof uap
         * @interface IDispatchRequest
         * @augments uap.DispatchRequest.$Properties
         * @deprecated Use uap.DispatchRequest.$Properties instead.
         */

        /**
         * Shape of a DispatchRequest.
         * @typedef {uap.DispatchRequest.$Properties} uap.DispatchRequest.$Shape
         */

        /**
         * Constructs a new DispatchRequest.
         * @memberof uap
         * @classdesc Represents a DispatchRequest.
         * @constructor
         * @param {uap.DispatchRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DispatchRequest = function (properties) {
            this.history = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DispatchRequest callId.
         * @member {string} callId
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.callId = "";

        /**
         * DispatchRequest tenantId.
         * @member {string} tenantId
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.tenantId = "";

        /**
         * DispatchRequest agentKind.
         * @member {string} agentKind
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.agentKind = "";

        /**
         * DispatchRequest agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.agentConfigId = "";

        /**
         * DispatchRequest agentConfigJson.
         * @member {string} agentConfigJson
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.agentConfigJson = "";

        /**
         * DispatchRequest sampleRate.
         * @member {number} sampleRate
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.sampleRate = 0;

        /**
         * DispatchRequest from.
         * @member {string} from
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.from = "";

        /**
         * DispatchRequest to.
         * @member {string} to
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.to = "";

        /**
         * DispatchRequest transport.
         * @member {string} transport
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.transport = "";

        /**
         * DispatchRequest attempt.
         * @member {number} attempt
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.attempt = 0;

        /**
         * DispatchRequest history.
         * @member {Array.<uap.Transcript.$Properties>} history
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.history = $util.emptyArray;

        /**
         * DispatchRequest sourceRate.
         * @member {number} sourceRate
         * @memberof uap.DispatchRequest
         * @instance
         */
        DispatchRequest.prototype.sourceRate = 0;

        /**
         * Creates a new DispatchRequest instance using the specified properties.
         * @function create
         * @memberof uap.DispatchRequest
         * @static
         * @param {uap.DispatchRequest.$Properties=} [properties] Properties to set
         * @returns {uap.DispatchRequest} DispatchRequest instance
         * @type {{
         *   (properties: uap.DispatchRequest.$Shape): uap.DispatchRequest & uap.DispatchRequest.$Shape;
         *   (properties?: uap.DispatchRequest.$Properties): uap.DispatchRequest;
         * }}
         */
        DispatchRequest.create = function(properties) {
            return new DispatchRequest(properties);
        };

        /**
         * Encodes the specified DispatchRequest message. Does not implicitly {@link uap.DispatchRequest.verify|verify} messages.
         * @function encode
         * @memberof uap.DispatchRequest
         * @static
         * @param {uap.DispatchRequest.$Properties} message DispatchRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DispatchRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.callId);
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.tenantId);
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind") && message.agentKind !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.agentKind);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.agentConfigId);
            if (message.agentConfigJson != null && $Object.hasOwnProperty.call(message, "agentConfigJson") && message.agentConfigJson !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.agentConfigJson);
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && message.sampleRate !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.sampleRate);
            if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.from);
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.to);
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport") && message.transport !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.transport);
            if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.attempt);
            if (message.history != null && message.history.length)
                for (let i = 0; i < message.history.length; ++i)
                    $root.uap.Transcript.encode(message.history[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
            if (message.sourceRate != null && $Object.hasOwnProperty.call(message, "sourceRate") && message.sourceRate !== 0)
                writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.sourceRate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DispatchRequest message from the specified reader or buffer.
         * @function decode
         * @memberof uap.DispatchRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.DispatchRequest & uap.DispatchRequest.$Shape} DispatchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DispatchRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.DispatchRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentKind = value;
                        else
                            delete message.agentKind;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigJson = value;
                        else
                            delete message.agentConfigJson;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sampleRate = value;
                        else
                            delete message.sampleRate;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.from = value;
                        else
                            delete message.from;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transport = value;
                        else
                            delete message.transport;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.attempt = value;
                        else
                            delete message.attempt;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if (!(message.history && message.history.length))
                            message.history = [];
                        message.history.push($root.uap.Transcript.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 12: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sourceRate = value;
                        else
                            delete message.sourceRate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a DispatchRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.DispatchRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.DispatchRequest} DispatchRequest
         */
        DispatchRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.DispatchRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.DispatchRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.DispatchRequest();
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.agentKind != null)
                if (typeof object.agentKind !== "string" || object.agentKind.length)
                    message.agentKind = $String(object.agentKind);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            if (object.agentConfigJson != null)
                if (typeof object.agentConfigJson !== "string" || object.agentConfigJson.length)
                    message.agentConfigJson = $String(object.agentConfigJson);
            if (object.sampleRate != null)
                if ($Number(object.sampleRate) !== 0)
                    message.sampleRate = object.sampleRate >>> 0;
            if (object.from != null)
                if (typeof object.from !== "string" || object.from.length)
                    message.from = $String(object.from);
            if (object.to != null)
                if (typeof object.to !== "string" || object.to.length)
                    message.to = $String(object.to);
            if (object.transport != null)
                if (typeof object.transport !== "string" || object.transport.length)
                    message.transport = $String(object.transport);
            if (object.attempt != null)
                if ($Number(object.attempt) !== 0)
                    message.attempt = object.attempt >>> 0;
            if (object.history) {
                if (!$Array.isArray(object.history))
                    throw $TypeError(".uap.DispatchRequest.history: array expected");
                message.history = $Array(object.history.length);
                for (let i = 0; i < object.history.length; ++i) {
                    if (!$util.isObject(object.history[i]))
                        throw $TypeError(".uap.DispatchRequest.history: object expected");
                    message.history[i] = $root.uap.Transcript.fromObject(object.history[i], _depth + 1);
                }
            }
            if (object.sourceRate != null)
                if ($Number(object.sourceRate) !== 0)
                    message.sourceRate = object.sourceRate >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a DispatchRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.DispatchRequest
         * @static
         * @param {uap.DispatchRequest} message DispatchRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        DispatchRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.history = [];
            if (options.defaults) {
                object.callId = "";
                object.tenantId = "";
                object.agentKind = "";
                object.agentConfigId = "";
                object.agentConfigJson = "";
                object.sampleRate = 0;
                object.from = "";
                object.to = "";
                object.transport = "";
                object.attempt = 0;
                object.sourceRate = 0;
            }
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind"))
                object.agentKind = message.agentKind;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            if (message.agentConfigJson != null && $Object.hasOwnProperty.call(message, "agentConfigJson"))
                object.agentConfigJson = message.agentConfigJson;
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                object.sampleRate = message.sampleRate;
            if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                object.from = message.from;
            if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                object.to = message.to;
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport"))
                object.transport = message.transport;
            if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                object.attempt = message.attempt;
            if (message.history && message.history.length) {
                object.history = $Array(message.history.length);
                for (let j = 0; j < message.history.length; ++j)
                    object.history[j] = $root.uap.Transcript.toObject(message.history[j], options, _depth + 1);
            }
            if (message.sourceRate != null && $Object.hasOwnProperty.call(message, "sourceRate"))
                object.sourceRate = message.sourceRate;
            return object;
        };

        /**
         * Converts this DispatchRequest to JSON.
         * @function toJSON
         * @memberof uap.DispatchRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        DispatchRequest.prototype.toJSON = function() {
            return DispatchRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for DispatchRequest
         * @function getTypeUrl
         * @memberof uap.DispatchRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DispatchRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.DispatchRequest";
        };

        return DispatchRequest;
    })();

    uap.DispatchReply = (function() {

        /**
         * Properties of a DispatchReply.
         * @typedef {Object} uap.DispatchReply.$Properties
         * @property {boolean|null} [accepted] DispatchReply accepted
         * @property {string|null} [workerId] DispatchReply workerId
         * @property {string|null} [errorCode] DispatchReply errorCode
         * @property {string|null} [errorMessage] DispatchReply errorMessage
         * @property {number|null} [sampleRate] DispatchReply sampleRate
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DispatchReply.
         * @memberof uap
         * @interface IDispatchReply
         * @augments uap.DispatchReply.$Properties
         * @deprecated Use uap.DispatchReply.$Properties instead.
         */

        /**
         * Shape of a DispatchReply.
         * @typedef {uap.DispatchReply.$Properties} uap.DispatchReply.$Shape
         */

        /**
         * Constructs a new DispatchReply.
         * @memberof uap
         * @classdesc Represents a DispatchReply.
         * @constructor
         * @param {uap.DispatchReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DispatchReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DispatchReply accepted.
         * @member {boolean} accepted
         * @memberof uap.DispatchReply
         * @instance
         */
        DispatchReply.prototype.accepted = false;

        /**
         * DispatchReply workerId.
         * @member {string} workerId
         * @memberof uap.DispatchReply
         * @instance
         */
        DispatchReply.prototype.workerId = "";

        /**
         * DispatchReply errorCode.
         * @member {string} errorCode
         * @memberof uap.DispatchReply
         * @instance
         */
        DispatchReply.prototype.errorCode = "";

        /**
         * DispatchReply errorMessage.
         * @member {string} errorMessage
         * @memberof uap.DispatchReply
         * @instance
         */
        DispatchReply.prototype.errorMessage = "";

        /**
         * DispatchReply sampleRate.
         * @member {number} sampleRate
         * @memberof uap.DispatchReply
         * @instance
         */
        DispatchReply.prototype.sampleRate = 0;

        /**
         * Creates a new DispatchReply instance using the specified properties.
         * @function create
         * @memberof uap.DispatchReply
         * @static
         * @param {uap.DispatchReply.$Properties=} [properties] Properties to set
         * @returns {uap.DispatchReply} DispatchReply instance
         * @type {{
         *   (properties: uap.DispatchReply.$Shape): uap.DispatchReply & uap.DispatchReply.$Shape;
         *   (properties?: uap.DispatchReply.$Properties): uap.DispatchReply;
         * }}
         */
        DispatchReply.create = function(properties) {
            return new DispatchReply(properties);
        };

        /**
         * Encodes the specified DispatchReply message. Does not implicitly {@link uap.DispatchReply.verify|verify} messages.
         * @function encode
         * @memberof uap.DispatchReply
         * @static
         * @param {uap.DispatchReply.$Properties} message DispatchReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DispatchReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.accepted);
            if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.workerId);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.errorCode);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate") && message.sampleRate !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.sampleRate);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DispatchReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.DispatchReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.DispatchReply & uap.DispatchReply.$Shape} DispatchReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DispatchReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.DispatchReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.accepted = value;
                        else
                            delete message.accepted;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.workerId = value;
                        else
                            delete message.workerId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.sampleRate = value;
                        else
                            delete message.sampleRate;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a DispatchReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.DispatchReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.DispatchReply} DispatchReply
         */
        DispatchReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.DispatchReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.DispatchReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.DispatchReply();
            if (object.accepted != null)
                if (object.accepted)
                    message.accepted = $Boolean(object.accepted);
            if (object.workerId != null)
                if (typeof object.workerId !== "string" || object.workerId.length)
                    message.workerId = $String(object.workerId);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.errorMessage != null)
                if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                    message.errorMessage = $String(object.errorMessage);
            if (object.sampleRate != null)
                if ($Number(object.sampleRate) !== 0)
                    message.sampleRate = object.sampleRate >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a DispatchReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.DispatchReply
         * @static
         * @param {uap.DispatchReply} message DispatchReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        DispatchReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.accepted = false;
                object.workerId = "";
                object.errorCode = "";
                object.errorMessage = "";
                object.sampleRate = 0;
            }
            if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                object.accepted = message.accepted;
            if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                object.workerId = message.workerId;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                object.errorMessage = message.errorMessage;
            if (message.sampleRate != null && $Object.hasOwnProperty.call(message, "sampleRate"))
                object.sampleRate = message.sampleRate;
            return object;
        };

        /**
         * Converts this DispatchReply to JSON.
         * @function toJSON
         * @memberof uap.DispatchReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        DispatchReply.prototype.toJSON = function() {
            return DispatchReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for DispatchReply
         * @function getTypeUrl
         * @memberof uap.DispatchReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DispatchReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.DispatchReply";
        };

        return DispatchReply;
    })();

    uap.Heartbeat = (function() {

        /**
         * Properties of a Heartbeat.
         * @typedef {Object} uap.Heartbeat.$Properties
         * @property {string|null} [workerId] Heartbeat workerId
         * @property {number|null} [activeCalls] Heartbeat activeCalls
         * @property {number|null} [capacity] Heartbeat capacity
         * @property {number|null} [ts] Heartbeat ts
         * @property {Array.<string>|null} [callIds] Heartbeat callIds
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Heartbeat.
         * @memberof uap
         * @interface IHeartbeat
         * @augments uap.Heartbeat.$Properties
         * @deprecated Use uap.Heartbeat.$Properties instead.
         */

        /**
         * Shape of a Heartbeat.
         * @typedef {uap.Heartbeat.$Properties} uap.Heartbeat.$Shape
         */

        /**
         * Constructs a new Heartbeat.
         * @memberof uap
         * @classdesc Represents a Heartbeat.
         * @constructor
         * @param {uap.Heartbeat.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Heartbeat = function (properties) {
            this.callIds = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Heartbeat workerId.
         * @member {string} workerId
         * @memberof uap.Heartbeat
         * @instance
         */
        Heartbeat.prototype.workerId = "";

        /**
         * Heartbeat activeCalls.
         * @member {number} activeCalls
         * @memberof uap.Heartbeat
         * @instance
         */
        Heartbeat.prototype.activeCalls = 0;

        /**
         * Heartbeat capacity.
         * @member {number} capacity
         * @memberof uap.Heartbeat
         * @instance
         */
        Heartbeat.prototype.capacity = 0;

        /**
         * Heartbeat ts.
         * @member {number} ts
         * @memberof uap.Heartbeat
         * @instance
         */
        Heartbeat.prototype.ts = 0;

        /**
         * Heartbeat callIds.
         * @member {Array.<string>} callIds
         * @memberof uap.Heartbeat
         * @instance
         */
        Heartbeat.prototype.callIds = $util.emptyArray;

        /**
         * Creates a new Heartbeat instance using the specified properties.
         * @function create
         * @memberof uap.Heartbeat
         * @static
         * @param {uap.Heartbeat.$Properties=} [properties] Properties to set
         * @returns {uap.Heartbeat} Heartbeat instance
         * @type {{
         *   (properties: uap.Heartbeat.$Shape): uap.Heartbeat & uap.Heartbeat.$Shape;
         *   (properties?: uap.Heartbeat.$Properties): uap.Heartbeat;
         * }}
         */
        Heartbeat.create = function(properties) {
            return new Heartbeat(properties);
        };

        /**
         * Encodes the specified Heartbeat message. Does not implicitly {@link uap.Heartbeat.verify|verify} messages.
         * @function encode
         * @memberof uap.Heartbeat
         * @static
         * @param {uap.Heartbeat.$Properties} message Heartbeat message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Heartbeat.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId") && message.workerId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.workerId);
            if (message.activeCalls != null && $Object.hasOwnProperty.call(message, "activeCalls") && message.activeCalls !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.activeCalls);
            if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.capacity);
            if (message.ts != null && $Object.hasOwnProperty.call(message, "ts") && !$Object.is(message.ts, 0))
                writer.uint32(/* id 4, wireType 1 =*/33).double(message.ts);
            if (message.callIds != null && message.callIds.length)
                for (let i = 0; i < message.callIds.length; ++i)
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.callIds[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Heartbeat message from the specified reader or buffer.
         * @function decode
         * @memberof uap.Heartbeat
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.Heartbeat & uap.Heartbeat.$Shape} Heartbeat
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Heartbeat.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.Heartbeat();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.workerId = value;
                        else
                            delete message.workerId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.activeCalls = value;
                        else
                            delete message.activeCalls;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.capacity = value;
                        else
                            delete message.capacity;
                        continue;
                    }
                case 4: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.ts = value;
                        else
                            delete message.ts;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if (!(message.callIds && message.callIds.length))
                            message.callIds = [];
                        message.callIds.push(reader.stringVerify());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.Heartbeat
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.Heartbeat} Heartbeat
         */
        Heartbeat.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.Heartbeat)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.Heartbeat: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.Heartbeat();
            if (object.workerId != null)
                if (typeof object.workerId !== "string" || object.workerId.length)
                    message.workerId = $String(object.workerId);
            if (object.activeCalls != null)
                if ($Number(object.activeCalls) !== 0)
                    message.activeCalls = object.activeCalls >>> 0;
            if (object.capacity != null)
                if ($Number(object.capacity) !== 0)
                    message.capacity = object.capacity >>> 0;
            if (object.ts != null)
                if (!$Object.is($Number(object.ts), 0))
                    message.ts = $Number(object.ts);
            if (object.callIds) {
                if (!$Array.isArray(object.callIds))
                    throw $TypeError(".uap.Heartbeat.callIds: array expected");
                message.callIds = $Array(object.callIds.length);
                for (let i = 0; i < object.callIds.length; ++i)
                    message.callIds[i] = $String(object.callIds[i]);
            }
            return message;
        };

        /**
         * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.Heartbeat
         * @static
         * @param {uap.Heartbeat} message Heartbeat
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Heartbeat.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.callIds = [];
            if (options.defaults) {
                object.workerId = "";
                object.activeCalls = 0;
                object.capacity = 0;
                object.ts = 0;
            }
            if (message.workerId != null && $Object.hasOwnProperty.call(message, "workerId"))
                object.workerId = message.workerId;
            if (message.activeCalls != null && $Object.hasOwnProperty.call(message, "activeCalls"))
                object.activeCalls = message.activeCalls;
            if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                object.capacity = message.capacity;
            if (message.ts != null && $Object.hasOwnProperty.call(message, "ts"))
                object.ts = options.json && !$isFinite(message.ts) ? $String(message.ts) : message.ts;
            if (message.callIds && message.callIds.length) {
                object.callIds = $Array(message.callIds.length);
                for (let j = 0; j < message.callIds.length; ++j)
                    object.callIds[j] = message.callIds[j];
            }
            return object;
        };

        /**
         * Converts this Heartbeat to JSON.
         * @function toJSON
         * @memberof uap.Heartbeat
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Heartbeat.prototype.toJSON = function() {
            return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Heartbeat
         * @function getTypeUrl
         * @memberof uap.Heartbeat
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Heartbeat.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.Heartbeat";
        };

        return Heartbeat;
    })();

    uap.RoutingLookup = (function() {

        /**
         * Properties of a RoutingLookup.
         * @typedef {Object} uap.RoutingLookup.$Properties
         * @property {string|null} [to] RoutingLookup to
         * @property {string|null} [from] RoutingLookup from
         * @property {string|null} [transport] RoutingLookup transport
         * @property {boolean|null} [admit] RoutingLookup admit
         * @property {uap.SipAdmission.$Properties|null} [sip] RoutingLookup sip
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoutingLookup.
         * @memberof uap
         * @interface IRoutingLookup
         * @augments uap.RoutingLookup.$Properties
         * @deprecated Use uap.RoutingLookup.$Properties instead.
         */

        /**
         * Shape of a RoutingLookup.
         * @typedef {uap.RoutingLookup.$Properties} uap.RoutingLookup.$Shape
         */

        /**
         * Constructs a new RoutingLookup.
         * @memberof uap
         * @classdesc Represents a RoutingLookup.
         * @constructor
         * @param {uap.RoutingLookup.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoutingLookup = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoutingLookup to.
         * @member {string} to
         * @memberof uap.RoutingLookup
         * @instance
         */
        RoutingLookup.prototype.to = "";

        /**
         * RoutingLookup from.
         * @member {string} from
         * @memberof uap.RoutingLookup
         * @instance
         */
        RoutingLookup.prototype.from = "";

        /**
         * RoutingLookup transport.
         * @member {string} transport
         * @memberof uap.RoutingLookup
         * @instance
         */
        RoutingLookup.prototype.transport = "";

        /**
         * RoutingLookup admit.
         * @member {boolean} admit
         * @memberof uap.RoutingLookup
         * @instance
         */
        RoutingLookup.prototype.admit = false;

        /**
         * RoutingLookup sip.
         * @member {uap.SipAdmission.$Properties|null|undefined} sip
         * @memberof uap.RoutingLookup
         * @instance
         */
        RoutingLookup.prototype.sip = null;

        /**
         * Creates a new RoutingLookup instance using the specified properties.
         * @function create
         * @memberof uap.RoutingLookup
         * @static
         * @param {uap.RoutingLookup.$Properties=} [properties] Properties to set
         * @returns {uap.RoutingLookup} RoutingLookup instance
         * @type {{
         *   (properties: uap.RoutingLookup.$Shape): uap.RoutingLookup & uap.RoutingLookup.$Shape;
         *   (properties?: uap.RoutingLookup.$Properties): uap.RoutingLookup;
         * }}
         */
        RoutingLookup.create = function(properties) {
            return new RoutingLookup(properties);
        };

        /**
         * Encodes the specified RoutingLookup message. Does not implicitly {@link uap.RoutingLookup.verify|verify} messages.
         * @function encode
         * @memberof uap.RoutingLookup
         * @static
         * @param {uap.RoutingLookup.$Properties} message RoutingLookup message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoutingLookup.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.to);
            if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.from);
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport") && message.transport !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.transport);
            if (message.admit != null && $Object.hasOwnProperty.call(message, "admit") && message.admit !== false)
                writer.uint32(/* id 4, wireType 0 =*/32).bool(message.admit);
            if (message.sip != null && $Object.hasOwnProperty.call(message, "sip"))
                $root.uap.SipAdmission.encode(message.sip, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoutingLookup message from the specified reader or buffer.
         * @function decode
         * @memberof uap.RoutingLookup
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.RoutingLookup & uap.RoutingLookup.$Shape} RoutingLookup
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoutingLookup.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.RoutingLookup();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.from = value;
                        else
                            delete message.from;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transport = value;
                        else
                            delete message.transport;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.admit = value;
                        else
                            delete message.admit;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.sip = $root.uap.SipAdmission.decode(reader, reader.size(), $undefined, _depth + 1, message.sip);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a RoutingLookup message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.RoutingLookup
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.RoutingLookup} RoutingLookup
         */
        RoutingLookup.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.RoutingLookup)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.RoutingLookup: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.RoutingLookup();
            if (object.to != null)
                if (typeof object.to !== "string" || object.to.length)
                    message.to = $String(object.to);
            if (object.from != null)
                if (typeof object.from !== "string" || object.from.length)
                    message.from = $String(object.from);
            if (object.transport != null)
                if (typeof object.transport !== "string" || object.transport.length)
                    message.transport = $String(object.transport);
            if (object.admit != null)
                if (object.admit)
                    message.admit = $Boolean(object.admit);
            if (object.sip != null) {
                if (!$util.isObject(object.sip))
                    throw $TypeError(".uap.RoutingLookup.sip: object expected");
                message.sip = $root.uap.SipAdmission.fromObject(object.sip, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a RoutingLookup message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.RoutingLookup
         * @static
         * @param {uap.RoutingLookup} message RoutingLookup
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        RoutingLookup.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.to = "";
                object.from = "";
                object.transport = "";
                object.admit = false;
                object.sip = null;
            }
            if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                object.to = message.to;
            if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                object.from = message.from;
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport"))
                object.transport = message.transport;
            if (message.admit != null && $Object.hasOwnProperty.call(message, "admit"))
                object.admit = message.admit;
            if (message.sip != null && $Object.hasOwnProperty.call(message, "sip"))
                object.sip = $root.uap.SipAdmission.toObject(message.sip, options, _depth + 1);
            return object;
        };

        /**
         * Converts this RoutingLookup to JSON.
         * @function toJSON
         * @memberof uap.RoutingLookup
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        RoutingLookup.prototype.toJSON = function() {
            return RoutingLookup.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for RoutingLookup
         * @function getTypeUrl
         * @memberof uap.RoutingLookup
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RoutingLookup.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.RoutingLookup";
        };

        return RoutingLookup;
    })();

    uap.SipAdmission = (function() {

        /**
         * Properties of a SipAdmission.
         * @typedef {Object} uap.SipAdmission.$Properties
         * @property {string|null} [sourceIp] SipAdmission sourceIp
         * @property {string|null} [realm] SipAdmission realm
         * @property {uap.DigestCredentials.$Properties|null} [digest] SipAdmission digest
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SipAdmission.
         * @memberof uap
         * @interface ISipAdmission
         * @augments uap.SipAdmission.$Properties
         * @deprecated Use uap.SipAdmission.$Properties instead.
         */

        /**
         * Shape of a SipAdmission.
         * @typedef {uap.SipAdmission.$Properties} uap.SipAdmission.$Shape
         */

        /**
         * Constructs a new SipAdmission.
         * @memberof uap
         * @classdesc Represents a SipAdmission.
         * @constructor
         * @param {uap.SipAdmission.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SipAdmission = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SipAdmission sourceIp.
         * @member {string} sourceIp
         * @memberof uap.SipAdmission
         * @instance
         */
        SipAdmission.prototype.sourceIp = "";

        /**
         * SipAdmission realm.
         * @member {string} realm
         * @memberof uap.SipAdmission
         * @instance
         */
        SipAdmission.prototype.realm = "";

        /**
         * SipAdmission digest.
         * @member {uap.DigestCredentials.$Properties|null|undefined} digest
         * @memberof uap.SipAdmission
         * @instance
         */
        SipAdmission.prototype.digest = null;

        /**
         * Creates a new SipAdmission instance using the specified properties.
         * @function create
         * @memberof uap.SipAdmission
         * @static
         * @param {uap.SipAdmission.$Properties=} [properties] Properties to set
         * @returns {uap.SipAdmission} SipAdmission instance
         * @type {{
         *   (properties: uap.SipAdmission.$Shape): uap.SipAdmission & uap.SipAdmission.$Shape;
         *   (properties?: uap.SipAdmission.$Properties): uap.SipAdmission;
         * }}
         */
        SipAdmission.create = function(properties) {
            return new SipAdmission(properties);
        };

        /**
         * Encodes the specified SipAdmission message. Does not implicitly {@link uap.SipAdmission.verify|verify} messages.
         * @function encode
         * @memberof uap.SipAdmission
         * @static
         * @param {uap.SipAdmission.$Properties} message SipAdmission message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SipAdmission.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.sourceIp != null && $Object.hasOwnProperty.call(message, "sourceIp") && message.sourceIp !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.sourceIp);
            if (message.realm != null && $Object.hasOwnProperty.call(message, "realm") && message.realm !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.realm);
            if (message.digest != null && $Object.hasOwnProperty.call(message, "digest"))
                $root.uap.DigestCredentials.encode(message.digest, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SipAdmission message from the specified reader or buffer.
         * @function decode
         * @memberof uap.SipAdmission
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.SipAdmission & uap.SipAdmission.$Shape} SipAdmission
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SipAdmission.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.SipAdmission();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sourceIp = value;
                        else
                            delete message.sourceIp;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.realm = value;
                        else
                            delete message.realm;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.digest = $root.uap.DigestCredentials.decode(reader, reader.size(), $undefined, _depth + 1, message.digest);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SipAdmission message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.SipAdmission
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.SipAdmission} SipAdmission
         */
        SipAdmission.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.SipAdmission)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.SipAdmission: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.SipAdmission();
            if (object.sourceIp != null)
                if (typeof object.sourceIp !== "string" || object.sourceIp.length)
                    message.sourceIp = $String(object.sourceIp);
            if (object.realm != null)
                if (typeof object.realm !== "string" || object.realm.length)
                    message.realm = $String(object.realm);
            if (object.digest != null) {
                if (!$util.isObject(object.digest))
                    throw $TypeError(".uap.SipAdmission.digest: object expected");
                message.digest = $root.uap.DigestCredentials.fromObject(object.digest, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a SipAdmission message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.SipAdmission
         * @static
         * @param {uap.SipAdmission} message SipAdmission
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SipAdmission.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.sourceIp = "";
                object.realm = "";
                object.digest = null;
            }
            if (message.sourceIp != null && $Object.hasOwnProperty.call(message, "sourceIp"))
                object.sourceIp = message.sourceIp;
            if (message.realm != null && $Object.hasOwnProperty.call(message, "realm"))
                object.realm = message.realm;
            if (message.digest != null && $Object.hasOwnProperty.call(message, "digest"))
                object.digest = $root.uap.DigestCredentials.toObject(message.digest, options, _depth + 1);
            return object;
        };

        /**
         * Converts this SipAdmission to JSON.
         * @function toJSON
         * @memberof uap.SipAdmission
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SipAdmission.prototype.toJSON = function() {
            return SipAdmission.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SipAdmission
         * @function getTypeUrl
         * @memberof uap.SipAdmission
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SipAdmission.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.SipAdmission";
        };

        return SipAdmission;
    })();

    uap.DigestCredentials = (function() {

        /**
         * Properties of a DigestCredentials.
         * @typedef {Object} uap.DigestCredentials.$Properties
         * @property {string|null} [username] DigestCredentials username
         * @property {string|null} [realm] DigestCredentials realm
         * @property {string|null} [nonce] DigestCredentials nonce
         * @property {string|null} [uri] DigestCredentials uri
         * @property {string|null} [response] DigestCredentials response
         * @property {string|null} [algorithm] DigestCredentials algorithm
         * @property {string|null} [qop] DigestCredentials qop
         * @property {string|null} [nc] DigestCredentials nc
         * @property {string|null} [cnonce] DigestCredentials cnonce
         * @property {string|null} [method] DigestCredentials method
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a DigestCredentials.
         * @memberof uap
         * @interface IDigestCredentials
         * @augments uap.DigestCredentials.$Properties
         * @deprecated Use uap.DigestCredentials.$Properties instead.
         */

        /**
         * Shape of a DigestCredentials.
         * @typedef {uap.DigestCredentials.$Properties} uap.DigestCredentials.$Shape
         */

        /**
         * Constructs a new DigestCredentials.
         * @memberof uap
         * @classdesc Represents a DigestCredentials.
         * @constructor
         * @param {uap.DigestCredentials.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const DigestCredentials = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * DigestCredentials username.
         * @member {string} username
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.username = "";

        /**
         * DigestCredentials realm.
         * @member {string} realm
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.realm = "";

        /**
         * DigestCredentials nonce.
         * @member {string} nonce
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.nonce = "";

        /**
         * DigestCredentials uri.
         * @member {string} uri
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.uri = "";

        /**
         * DigestCredentials response.
         * @member {string} response
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.response = "";

        /**
         * DigestCredentials algorithm.
         * @member {string} algorithm
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.algorithm = "";

        /**
         * DigestCredentials qop.
         * @member {string} qop
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.qop = "";

        /**
         * DigestCredentials nc.
         * @member {string} nc
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.nc = "";

        /**
         * DigestCredentials cnonce.
         * @member {string} cnonce
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.cnonce = "";

        /**
         * DigestCredentials method.
         * @member {string} method
         * @memberof uap.DigestCredentials
         * @instance
         */
        DigestCredentials.prototype.method = "";

        /**
         * Creates a new DigestCredentials instance using the specified properties.
         * @function create
         * @memberof uap.DigestCredentials
         * @static
         * @param {uap.DigestCredentials.$Properties=} [properties] Properties to set
         * @returns {uap.DigestCredentials} DigestCredentials instance
         * @type {{
         *   (properties: uap.DigestCredentials.$Shape): uap.DigestCredentials & uap.DigestCredentials.$Shape;
         *   (properties?: uap.DigestCredentials.$Properties): uap.DigestCredentials;
         * }}
         */
        DigestCredentials.create = function(properties) {
            return new DigestCredentials(properties);
        };

        /**
         * Encodes the specified DigestCredentials message. Does not implicitly {@link uap.DigestCredentials.verify|verify} messages.
         * @function encode
         * @memberof uap.DigestCredentials
         * @static
         * @param {uap.DigestCredentials.$Properties} message DigestCredentials message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        DigestCredentials.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.username != null && $Object.hasOwnProperty.call(message, "username") && message.username !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.username);
            if (message.realm != null && $Object.hasOwnProperty.call(message, "realm") && message.realm !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.realm);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.nonce);
            if (message.uri != null && $Object.hasOwnProperty.call(message, "uri") && message.uri !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.uri);
            if (message.response != null && $Object.hasOwnProperty.call(message, "response") && message.response !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.response);
            if (message.algorithm != null && $Object.hasOwnProperty.call(message, "algorithm") && message.algorithm !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.algorithm);
            if (message.qop != null && $Object.hasOwnProperty.call(message, "qop") && message.qop !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.qop);
            if (message.nc != null && $Object.hasOwnProperty.call(message, "nc") && message.nc !== "")
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.nc);
            if (message.cnonce != null && $Object.hasOwnProperty.call(message, "cnonce") && message.cnonce !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.cnonce);
            if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                writer.uint32(/* id 10, wireType 2 =*/82).string(message.method);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a DigestCredentials message from the specified reader or buffer.
         * @function decode
         * @memberof uap.DigestCredentials
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.DigestCredentials & uap.DigestCredentials.$Shape} DigestCredentials
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        DigestCredentials.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.DigestCredentials();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.username = value;
                        else
                            delete message.username;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.realm = value;
                        else
                            delete message.realm;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.uri = value;
                        else
                            delete message.uri;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.response = value;
                        else
                            delete message.response;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.algorithm = value;
                        else
                            delete message.algorithm;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.qop = value;
                        else
                            delete message.qop;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.nc = value;
                        else
                            delete message.nc;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.cnonce = value;
                        else
                            delete message.cnonce;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.method = value;
                        else
                            delete message.method;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a DigestCredentials message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.DigestCredentials
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.DigestCredentials} DigestCredentials
         */
        DigestCredentials.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.DigestCredentials)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.DigestCredentials: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.DigestCredentials();
            if (object.username != null)
                if (typeof object.username !== "string" || object.username.length)
                    message.username = $String(object.username);
            if (object.realm != null)
                if (typeof object.realm !== "string" || object.realm.length)
                    message.realm = $String(object.realm);
            if (object.nonce != null)
                if (typeof object.nonce !== "string" || object.nonce.length)
                    message.nonce = $String(object.nonce);
            if (object.uri != null)
                if (typeof object.uri !== "string" || object.uri.length)
                    message.uri = $String(object.uri);
            if (object.response != null)
                if (typeof object.response !== "string" || object.response.length)
                    message.response = $String(object.response);
            if (object.algorithm != null)
                if (typeof object.algorithm !== "string" || object.algorithm.length)
                    message.algorithm = $String(object.algorithm);
            if (object.qop != null)
                if (typeof object.qop !== "string" || object.qop.length)
                    message.qop = $String(object.qop);
            if (object.nc != null)
                if (typeof object.nc !== "string" || object.nc.length)
                    message.nc = $String(object.nc);
            if (object.cnonce != null)
                if (typeof object.cnonce !== "string" || object.cnonce.length)
                    message.cnonce = $String(object.cnonce);
            if (object.method != null)
                if (typeof object.method !== "string" || object.method.length)
                    message.method = $String(object.method);
            return message;
        };

        /**
         * Creates a plain object from a DigestCredentials message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.DigestCredentials
         * @static
         * @param {uap.DigestCredentials} message DigestCredentials
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        DigestCredentials.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.username = "";
                object.realm = "";
                object.nonce = "";
                object.uri = "";
                object.response = "";
                object.algorithm = "";
                object.qop = "";
                object.nc = "";
                object.cnonce = "";
                object.method = "";
            }
            if (message.username != null && $Object.hasOwnProperty.call(message, "username"))
                object.username = message.username;
            if (message.realm != null && $Object.hasOwnProperty.call(message, "realm"))
                object.realm = message.realm;
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                object.nonce = message.nonce;
            if (message.uri != null && $Object.hasOwnProperty.call(message, "uri"))
                object.uri = message.uri;
            if (message.response != null && $Object.hasOwnProperty.call(message, "response"))
                object.response = message.response;
            if (message.algorithm != null && $Object.hasOwnProperty.call(message, "algorithm"))
                object.algorithm = message.algorithm;
            if (message.qop != null && $Object.hasOwnProperty.call(message, "qop"))
                object.qop = message.qop;
            if (message.nc != null && $Object.hasOwnProperty.call(message, "nc"))
                object.nc = message.nc;
            if (message.cnonce != null && $Object.hasOwnProperty.call(message, "cnonce"))
                object.cnonce = message.cnonce;
            if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                object.method = message.method;
            return object;
        };

        /**
         * Converts this DigestCredentials to JSON.
         * @function toJSON
         * @memberof uap.DigestCredentials
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        DigestCredentials.prototype.toJSON = function() {
            return DigestCredentials.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for DigestCredentials
         * @function getTypeUrl
         * @memberof uap.DigestCredentials
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        DigestCredentials.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.DigestCredentials";
        };

        return DigestCredentials;
    })();

    uap.RoutingReply = (function() {

        /**
         * Properties of a RoutingReply.
         * @typedef {Object} uap.RoutingReply.$Properties
         * @property {boolean|null} [found] RoutingReply found
         * @property {string|null} [tenantId] RoutingReply tenantId
         * @property {string|null} [agentKind] RoutingReply agentKind
         * @property {string|null} [agentConfigId] RoutingReply agentConfigId
         * @property {string|null} [agentConfigJson] RoutingReply agentConfigJson
         * @property {string|null} [errorCode] RoutingReply errorCode
         * @property {string|null} [trunkId] RoutingReply trunkId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a RoutingReply.
         * @memberof uap
         * @interface IRoutingReply
         * @augments uap.RoutingReply.$Properties
         * @deprecated Use uap.RoutingReply.$Properties instead.
         */

        /**
         * Shape of a RoutingReply.
         * @typedef {uap.RoutingReply.$Properties} uap.RoutingReply.$Shape
         */

        /**
         * Constructs a new RoutingReply.
         * @memberof uap
         * @classdesc Represents a RoutingReply.
         * @constructor
         * @param {uap.RoutingReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const RoutingReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * RoutingReply found.
         * @member {boolean} found
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.found = false;

        /**
         * RoutingReply tenantId.
         * @member {string} tenantId
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.tenantId = "";

        /**
         * RoutingReply agentKind.
         * @member {string} agentKind
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.agentKind = "";

        /**
         * RoutingReply agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.agentConfigId = "";

        /**
         * RoutingReply agentConfigJson.
         * @member {string} agentConfigJson
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.agentConfigJson = "";

        /**
         * RoutingReply errorCode.
         * @member {string} errorCode
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.errorCode = "";

        /**
         * RoutingReply trunkId.
         * @member {string} trunkId
         * @memberof uap.RoutingReply
         * @instance
         */
        RoutingReply.prototype.trunkId = "";

        /**
         * Creates a new RoutingReply instance using the specified properties.
         * @function create
         * @memberof uap.RoutingReply
         * @static
         * @param {uap.RoutingReply.$Properties=} [properties] Properties to set
         * @returns {uap.RoutingReply} RoutingReply instance
         * @type {{
         *   (properties: uap.RoutingReply.$Shape): uap.RoutingReply & uap.RoutingReply.$Shape;
         *   (properties?: uap.RoutingReply.$Properties): uap.RoutingReply;
         * }}
         */
        RoutingReply.create = function(properties) {
            return new RoutingReply(properties);
        };

        /**
         * Encodes the specified RoutingReply message. Does not implicitly {@link uap.RoutingReply.verify|verify} messages.
         * @function encode
         * @memberof uap.RoutingReply
         * @static
         * @param {uap.RoutingReply.$Properties} message RoutingReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        RoutingReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.found != null && $Object.hasOwnProperty.call(message, "found") && message.found !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.found);
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.tenantId);
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind") && message.agentKind !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.agentKind);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.agentConfigId);
            if (message.agentConfigJson != null && $Object.hasOwnProperty.call(message, "agentConfigJson") && message.agentConfigJson !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.agentConfigJson);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.errorCode);
            if (message.trunkId != null && $Object.hasOwnProperty.call(message, "trunkId") && message.trunkId !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.trunkId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a RoutingReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.RoutingReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.RoutingReply & uap.RoutingReply.$Shape} RoutingReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        RoutingReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.RoutingReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.found = value;
                        else
                            delete message.found;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentKind = value;
                        else
                            delete message.agentKind;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigJson = value;
                        else
                            delete message.agentConfigJson;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.trunkId = value;
                        else
                            delete message.trunkId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a RoutingReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.RoutingReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.RoutingReply} RoutingReply
         */
        RoutingReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.RoutingReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.RoutingReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.RoutingReply();
            if (object.found != null)
                if (object.found)
                    message.found = $Boolean(object.found);
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.agentKind != null)
                if (typeof object.agentKind !== "string" || object.agentKind.length)
                    message.agentKind = $String(object.agentKind);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            if (object.agentConfigJson != null)
                if (typeof object.agentConfigJson !== "string" || object.agentConfigJson.length)
                    message.agentConfigJson = $String(object.agentConfigJson);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.trunkId != null)
                if (typeof object.trunkId !== "string" || object.trunkId.length)
                    message.trunkId = $String(object.trunkId);
            return message;
        };

        /**
         * Creates a plain object from a RoutingReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.RoutingReply
         * @static
         * @param {uap.RoutingReply} message RoutingReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        RoutingReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.found = false;
                object.tenantId = "";
                object.agentKind = "";
                object.agentConfigId = "";
                object.agentConfigJson = "";
                object.errorCode = "";
                object.trunkId = "";
            }
            if (message.found != null && $Object.hasOwnProperty.call(message, "found"))
                object.found = message.found;
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind"))
                object.agentKind = message.agentKind;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            if (message.agentConfigJson != null && $Object.hasOwnProperty.call(message, "agentConfigJson"))
                object.agentConfigJson = message.agentConfigJson;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.trunkId != null && $Object.hasOwnProperty.call(message, "trunkId"))
                object.trunkId = message.trunkId;
            return object;
        };

        /**
         * Converts this RoutingReply to JSON.
         * @function toJSON
         * @memberof uap.RoutingReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        RoutingReply.prototype.toJSON = function() {
            return RoutingReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for RoutingReply
         * @function getTypeUrl
         * @memberof uap.RoutingReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        RoutingReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.RoutingReply";
        };

        return RoutingReply;
    })();

    uap.SipOriginate = (function() {

        /**
         * Properties of a SipOriginate.
         * @typedef {Object} uap.SipOriginate.$Properties
         * @property {string|null} [callId] SipOriginate callId
         * @property {string|null} [tenantId] SipOriginate tenantId
         * @property {string|null} [to] SipOriginate to
         * @property {string|null} [from] SipOriginate from
         * @property {string|null} [trunkId] SipOriginate trunkId
         * @property {string|null} [host] SipOriginate host
         * @property {number|null} [port] SipOriginate port
         * @property {string|null} [transport] SipOriginate transport
         * @property {string|null} [authUsername] SipOriginate authUsername
         * @property {string|null} [authPassword] SipOriginate authPassword
         * @property {string|null} [agentKind] SipOriginate agentKind
         * @property {string|null} [agentConfigId] SipOriginate agentConfigId
         * @property {string|null} [agentConfigJson] SipOriginate agentConfigJson
         * @property {number|null} [ringTimeoutS] SipOriginate ringTimeoutS
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SipOriginate.
         * @memberof uap
         * @interface ISipOriginate
         * @augments uap.SipOriginate.$Properties
         * @deprecated Use uap.SipOriginate.$Properties instead.
         */

        /**
         * Shape of a SipOriginate.
         * @typedef {uap.SipOriginate.$Properties} uap.SipOriginate.$Shape
         */

        /**
         * Constructs a new SipOriginate.
         * @memberof uap
         * @classdesc Represents a SipOriginate.
         * @constructor
         * @param {uap.SipOriginate.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SipOriginate = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SipOriginate callId.
         * @member {string} callId
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.callId = "";

        /**
         * SipOriginate tenantId.
         * @member {string} tenantId
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.tenantId = "";

        /**
         * SipOriginate to.
         * @member {string} to
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.to = "";

        /**
         * SipOriginate from.
         * @member {string} from
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.from = "";

        /**
         * SipOriginate trunkId.
         * @member {string} trunkId
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.trunkId = "";

        /**
         * SipOriginate host.
         * @member {string} host
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.host = "";

        /**
         * SipOriginate port.
         * @member {number} port
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.port = 0;

        /**
         * SipOriginate transport.
         * @member {string} transport
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.transport = "";

        /**
         * SipOriginate authUsername.
         * @member {string} authUsername
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.authUsername = "";

        /**
         * SipOriginate authPassword.
         * @member {string} authPassword
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.authPassword = "";

        /**
         * SipOriginate agentKind.
         * @member {string} agentKind
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.agentKind = "";

        /**
         * SipOriginate agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.agentConfigId = "";

        /**
         * SipOriginate agentConfigJson.
         * @member {string} agentConfigJson
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.agentConfigJson = "";

        /**
         * SipOriginate ringTimeoutS.
         * @member {number} ringTimeoutS
         * @memberof uap.SipOriginate
         * @instance
         */
        SipOriginate.prototype.ringTimeoutS = 0;

        /**
         * Creates a new SipOriginate instance using the specified properties.
         * @function create
         * @memberof uap.SipOriginate
         * @static
         * @param {uap.SipOriginate.$Properties=} [properties] Properties to set
         * @returns {uap.SipOriginate} SipOriginate instance
         * @type {{
         *   (properties: uap.SipOriginate.$Shape): uap.SipOriginate & uap.SipOriginate.$Shape;
         *   (properties?: uap.SipOriginate.$Properties): uap.SipOriginate;
         * }}
         */
        SipOriginate.create = function(properties) {
            return new SipOriginate(properties);
        };

        /**
         * Encodes the specified SipOriginate message. Does not implicitly {@link uap.SipOriginate.verify|verify} messages.
         * @function encode
         * @memberof uap.SipOriginate
         * @static
         * @param {uap.SipOriginate.$Properties} message SipOriginate message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SipOriginate.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.callId);
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.tenantId);
            if (message.to != null && $Object.hasOwnProperty.call(message, "to") && message.to !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.to);
            if (message.from != null && $Object.hasOwnProperty.call(message, "from") && message.from !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.from);
            if (message.trunkId != null && $Object.hasOwnProperty.call(message, "trunkId") && message.trunkId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.trunkId);
            if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.host);
            if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.port);
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport") && message.transport !== "")
                writer.uint32(/* id 8, wireType 2 =*/66).string(message.transport);
            if (message.authUsername != null && $Object.hasOwnProperty.call(message, "authUsername") && message.authUsername !== "")
                writer.uint32(/* id 9, wireType 2 =*/74).string(message.authUsername);
            if (message.authPassword != null && $Object.hasOwnProperty.call(message, "authPassword") && message.authPassword !== "")
                writer.uint32(/* id 10, wireType 2 =*/82).string(message.authPassword);
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind") && message.agentKind !== "")
                writer.uint32(/* id 11, wireType 2 =*/90).string(message.agentKind);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 12, wireType 2 =*/98).string(message.agentConfigId);
            if (message.agentConfigJson != null && $Object.hasOwnProperty.call(message, "agentConfigJson") && message.agentConfigJson !== "")
                writer.uint32(/* id 13, wireType 2 =*/106).string(message.agentConfigJson);
            if (message.ringTimeoutS != null && $Object.hasOwnProperty.call(message, "ringTimeoutS") && message.ringTimeoutS !== 0)
                writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.ringTimeoutS);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SipOriginate message from the specified reader or buffer.
         * @function decode
         * @memberof uap.SipOriginate
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.SipOriginate & uap.SipOriginate.$Shape} SipOriginate
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SipOriginate.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.SipOriginate();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.to = value;
                        else
                            delete message.to;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.from = value;
                        else
                            delete message.from;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.trunkId = value;
                        else
                            delete message.trunkId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.host = value;
                        else
                            delete message.host;
                        continue;
                    }
                case 7: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.port = value;
                        else
                            delete message.port;
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.transport = value;
                        else
                            delete message.transport;
                        continue;
                    }
                case 9: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.authUsername = value;
                        else
                            delete message.authUsername;
                        continue;
                    }
                case 10: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.authPassword = value;
                        else
                            delete message.authPassword;
                        continue;
                    }
                case 11: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentKind = value;
                        else
                            delete message.agentKind;
                        continue;
                    }
                case 12: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                case 13: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigJson = value;
                        else
                            delete message.agentConfigJson;
                        continue;
                    }
                case 14: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.ringTimeoutS = value;
                        else
                            delete message.ringTimeoutS;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SipOriginate message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.SipOriginate
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.SipOriginate} SipOriginate
         */
        SipOriginate.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.SipOriginate)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.SipOriginate: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.SipOriginate();
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.to != null)
                if (typeof object.to !== "string" || object.to.length)
                    message.to = $String(object.to);
            if (object.from != null)
                if (typeof object.from !== "string" || object.from.length)
                    message.from = $String(object.from);
            if (object.trunkId != null)
                if (typeof object.trunkId !== "string" || object.trunkId.length)
                    message.trunkId = $String(object.trunkId);
            if (object.host != null)
                if (typeof object.host !== "string" || object.host.length)
                    message.host = $String(object.host);
            if (object.port != null)
                if ($Number(object.port) !== 0)
                    message.port = object.port >>> 0;
            if (object.transport != null)
                if (typeof object.transport !== "string" || object.transport.length)
                    message.transport = $String(object.transport);
            if (object.authUsername != null)
                if (typeof object.authUsername !== "string" || object.authUsername.length)
                    message.authUsername = $String(object.authUsername);
            if (object.authPassword != null)
                if (typeof object.authPassword !== "string" || object.authPassword.length)
                    message.authPassword = $String(object.authPassword);
            if (object.agentKind != null)
                if (typeof object.agentKind !== "string" || object.agentKind.length)
                    message.agentKind = $String(object.agentKind);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            if (object.agentConfigJson != null)
                if (typeof object.agentConfigJson !== "string" || object.agentConfigJson.length)
                    message.agentConfigJson = $String(object.agentConfigJson);
            if (object.ringTimeoutS != null)
                if ($Number(object.ringTimeoutS) !== 0)
                    message.ringTimeoutS = object.ringTimeoutS >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a SipOriginate message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.SipOriginate
         * @static
         * @param {uap.SipOriginate} message SipOriginate
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SipOriginate.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.callId = "";
                object.tenantId = "";
                object.to = "";
                object.from = "";
                object.trunkId = "";
                object.host = "";
                object.port = 0;
                object.transport = "";
                object.authUsername = "";
                object.authPassword = "";
                object.agentKind = "";
                object.agentConfigId = "";
                object.agentConfigJson = "";
                object.ringTimeoutS = 0;
            }
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                object.to = message.to;
            if (message.from != null && $Object.hasOwnProperty.call(message, "from"))
                object.from = message.from;
            if (message.trunkId != null && $Object.hasOwnProperty.call(message, "trunkId"))
                object.trunkId = message.trunkId;
            if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                object.host = message.host;
            if (message.port != null && $Object.hasOwnProperty.call(message, "port"))
                object.port = message.port;
            if (message.transport != null && $Object.hasOwnProperty.call(message, "transport"))
                object.transport = message.transport;
            if (message.authUsername != null && $Object.hasOwnProperty.call(message, "authUsername"))
                object.authUsername = message.authUsername;
            if (message.authPassword != null && $Object.hasOwnProperty.call(message, "authPassword"))
                object.authPassword = message.authPassword;
            if (message.agentKind != null && $Object.hasOwnProperty.call(message, "agentKind"))
                object.agentKind = message.agentKind;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            if (message.agentConfigJson != null && $Object.hasOwnProperty.call(message, "agentConfigJson"))
                object.agentConfigJson = message.agentConfigJson;
            if (message.ringTimeoutS != null && $Object.hasOwnProperty.call(message, "ringTimeoutS"))
                object.ringTimeoutS = message.ringTimeoutS;
            return object;
        };

        /**
         * Converts this SipOriginate to JSON.
         * @function toJSON
         * @memberof uap.SipOriginate
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SipOriginate.prototype.toJSON = function() {
            return SipOriginate.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SipOriginate
         * @function getTypeUrl
         * @memberof uap.SipOriginate
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SipOriginate.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.SipOriginate";
        };

        return SipOriginate;
    })();

    uap.SipOriginateReply = (function() {

        /**
         * Properties of a SipOriginateReply.
         * @typedef {Object} uap.SipOriginateReply.$Properties
         * @property {boolean|null} [accepted] SipOriginateReply accepted
         * @property {string|null} [sipCallId] SipOriginateReply sipCallId
         * @property {string|null} [errorCode] SipOriginateReply errorCode
         * @property {string|null} [errorMessage] SipOriginateReply errorMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SipOriginateReply.
         * @memberof uap
         * @interface ISipOriginateReply
         * @augments uap.SipOriginateReply.$Properties
         * @deprecated Use uap.SipOriginateReply.$Properties instead.
         */

        /**
         * Shape of a SipOriginateReply.
         * @typedef {uap.SipOriginateReply.$Properties} uap.SipOriginateReply.$Shape
         */

        /**
         * Constructs a new SipOriginateReply.
         * @memberof uap
         * @classdesc Represents a SipOriginateReply.
         * @constructor
         * @param {uap.SipOriginateReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SipOriginateReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SipOriginateReply accepted.
         * @member {boolean} accepted
         * @memberof uap.SipOriginateReply
         * @instance
         */
        SipOriginateReply.prototype.accepted = false;

        /**
         * SipOriginateReply sipCallId.
         * @member {string} sipCallId
         * @memberof uap.SipOriginateReply
         * @instance
         */
        SipOriginateReply.prototype.sipCallId = "";

        /**
         * SipOriginateReply errorCode.
         * @member {string} errorCode
         * @memberof uap.SipOriginateReply
         * @instance
         */
        SipOriginateReply.prototype.errorCode = "";

        /**
         * SipOriginateReply errorMessage.
         * @member {string} errorMessage
         * @memberof uap.SipOriginateReply
         * @instance
         */
        SipOriginateReply.prototype.errorMessage = "";

        /**
         * Creates a new SipOriginateReply instance using the specified properties.
         * @function create
         * @memberof uap.SipOriginateReply
         * @static
         * @param {uap.SipOriginateReply.$Properties=} [properties] Properties to set
         * @returns {uap.SipOriginateReply} SipOriginateReply instance
         * @type {{
         *   (properties: uap.SipOriginateReply.$Shape): uap.SipOriginateReply & uap.SipOriginateReply.$Shape;
         *   (properties?: uap.SipOriginateReply.$Properties): uap.SipOriginateReply;
         * }}
         */
        SipOriginateReply.create = function(properties) {
            return new SipOriginateReply(properties);
        };

        /**
         * Encodes the specified SipOriginateReply message. Does not implicitly {@link uap.SipOriginateReply.verify|verify} messages.
         * @function encode
         * @memberof uap.SipOriginateReply
         * @static
         * @param {uap.SipOriginateReply.$Properties} message SipOriginateReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SipOriginateReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted") && message.accepted !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.accepted);
            if (message.sipCallId != null && $Object.hasOwnProperty.call(message, "sipCallId") && message.sipCallId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.sipCallId);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.errorCode);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SipOriginateReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.SipOriginateReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.SipOriginateReply & uap.SipOriginateReply.$Shape} SipOriginateReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SipOriginateReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.SipOriginateReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.accepted = value;
                        else
                            delete message.accepted;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sipCallId = value;
                        else
                            delete message.sipCallId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SipOriginateReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.SipOriginateReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.SipOriginateReply} SipOriginateReply
         */
        SipOriginateReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.SipOriginateReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.SipOriginateReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.SipOriginateReply();
            if (object.accepted != null)
                if (object.accepted)
                    message.accepted = $Boolean(object.accepted);
            if (object.sipCallId != null)
                if (typeof object.sipCallId !== "string" || object.sipCallId.length)
                    message.sipCallId = $String(object.sipCallId);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.errorMessage != null)
                if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                    message.errorMessage = $String(object.errorMessage);
            return message;
        };

        /**
         * Creates a plain object from a SipOriginateReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.SipOriginateReply
         * @static
         * @param {uap.SipOriginateReply} message SipOriginateReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SipOriginateReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.accepted = false;
                object.sipCallId = "";
                object.errorCode = "";
                object.errorMessage = "";
            }
            if (message.accepted != null && $Object.hasOwnProperty.call(message, "accepted"))
                object.accepted = message.accepted;
            if (message.sipCallId != null && $Object.hasOwnProperty.call(message, "sipCallId"))
                object.sipCallId = message.sipCallId;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                object.errorMessage = message.errorMessage;
            return object;
        };

        /**
         * Converts this SipOriginateReply to JSON.
         * @function toJSON
         * @memberof uap.SipOriginateReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SipOriginateReply.prototype.toJSON = function() {
            return SipOriginateReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SipOriginateReply
         * @function getTypeUrl
         * @memberof uap.SipOriginateReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SipOriginateReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.SipOriginateReply";
        };

        return SipOriginateReply;
    })();

    uap.AgentConfigRequest = (function() {

        /**
         * Properties of an AgentConfigRequest.
         * @typedef {Object} uap.AgentConfigRequest.$Properties
         * @property {string|null} [tenantId] AgentConfigRequest tenantId
         * @property {string|null} [agentConfigId] AgentConfigRequest agentConfigId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AgentConfigRequest.
         * @memberof uap
         * @interface IAgentConfigRequest
         * @augments uap.AgentConfigRequest.$Properties
         * @deprecated Use uap.AgentConfigRequest.$Properties instead.
         */

        /**
         * Shape of an AgentConfigRequest.
         * @typedef {uap.AgentConfigRequest.$Properties} uap.AgentConfigRequest.$Shape
         */

        /**
         * Constructs a new AgentConfigRequest.
         * @memberof uap
         * @classdesc Represents an AgentConfigRequest.
         * @constructor
         * @param {uap.AgentConfigRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AgentConfigRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AgentConfigRequest tenantId.
         * @member {string} tenantId
         * @memberof uap.AgentConfigRequest
         * @instance
         */
        AgentConfigRequest.prototype.tenantId = "";

        /**
         * AgentConfigRequest agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.AgentConfigRequest
         * @instance
         */
        AgentConfigRequest.prototype.agentConfigId = "";

        /**
         * Creates a new AgentConfigRequest instance using the specified properties.
         * @function create
         * @memberof uap.AgentConfigRequest
         * @static
         * @param {uap.AgentConfigRequest.$Properties=} [properties] Properties to set
         * @returns {uap.AgentConfigRequest} AgentConfigRequest instance
         * @type {{
         *   (properties: uap.AgentConfigRequest.$Shape): uap.AgentConfigRequest & uap.AgentConfigRequest.$Shape;
         *   (properties?: uap.AgentConfigRequest.$Properties): uap.AgentConfigRequest;
         * }}
         */
        AgentConfigRequest.create = function(properties) {
            return new AgentConfigRequest(properties);
        };

        /**
         * Encodes the specified AgentConfigRequest message. Does not implicitly {@link uap.AgentConfigRequest.verify|verify} messages.
         * @function encode
         * @memberof uap.AgentConfigRequest
         * @static
         * @param {uap.AgentConfigRequest.$Properties} message AgentConfigRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AgentConfigRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.tenantId);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.agentConfigId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AgentConfigRequest message from the specified reader or buffer.
         * @function decode
         * @memberof uap.AgentConfigRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.AgentConfigRequest & uap.AgentConfigRequest.$Shape} AgentConfigRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AgentConfigRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.AgentConfigRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an AgentConfigRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.AgentConfigRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.AgentConfigRequest} AgentConfigRequest
         */
        AgentConfigRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.AgentConfigRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.AgentConfigRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.AgentConfigRequest();
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            return message;
        };

        /**
         * Creates a plain object from an AgentConfigRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.AgentConfigRequest
         * @static
         * @param {uap.AgentConfigRequest} message AgentConfigRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AgentConfigRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.tenantId = "";
                object.agentConfigId = "";
            }
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            return object;
        };

        /**
         * Converts this AgentConfigRequest to JSON.
         * @function toJSON
         * @memberof uap.AgentConfigRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AgentConfigRequest.prototype.toJSON = function() {
            return AgentConfigRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for AgentConfigRequest
         * @function getTypeUrl
         * @memberof uap.AgentConfigRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AgentConfigRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.AgentConfigRequest";
        };

        return AgentConfigRequest;
    })();

    uap.AgentConfigReply = (function() {

        /**
         * Properties of an AgentConfigReply.
         * @typedef {Object} uap.AgentConfigReply.$Properties
         * @property {boolean|null} [found] AgentConfigReply found
         * @property {string|null} [configJson] AgentConfigReply configJson
         * @property {string|null} [errorCode] AgentConfigReply errorCode
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AgentConfigReply.
         * @memberof uap
         * @interface IAgentConfigReply
         * @augments uap.AgentConfigReply.$Properties
         * @deprecated Use uap.AgentConfigReply.$Properties instead.
         */

        /**
         * Shape of an AgentConfigReply.
         * @typedef {uap.AgentConfigReply.$Properties} uap.AgentConfigReply.$Shape
         */

        /**
         * Constructs a new AgentConfigReply.
         * @memberof uap
         * @classdesc Represents an AgentConfigReply.
         * @constructor
         * @param {uap.AgentConfigReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AgentConfigReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AgentConfigReply found.
         * @member {boolean} found
         * @memberof uap.AgentConfigReply
         * @instance
         */
        AgentConfigReply.prototype.found = false;

        /**
         * AgentConfigReply configJson.
         * @member {string} configJson
         * @memberof uap.AgentConfigReply
         * @instance
         */
        AgentConfigReply.prototype.configJson = "";

        /**
         * AgentConfigReply errorCode.
         * @member {string} errorCode
         * @memberof uap.AgentConfigReply
         * @instance
         */
        AgentConfigReply.prototype.errorCode = "";

        /**
         * Creates a new AgentConfigReply instance using the specified properties.
         * @function create
         * @memberof uap.AgentConfigReply
         * @static
         * @param {uap.AgentConfigReply.$Properties=} [properties] Properties to set
         * @returns {uap.AgentConfigReply} AgentConfigReply instance
         * @type {{
         *   (properties: uap.AgentConfigReply.$Shape): uap.AgentConfigReply & uap.AgentConfigReply.$Shape;
         *   (properties?: uap.AgentConfigReply.$Properties): uap.AgentConfigReply;
         * }}
         */
        AgentConfigReply.create = function(properties) {
            return new AgentConfigReply(properties);
        };

        /**
         * Encodes the specified AgentConfigReply message. Does not implicitly {@link uap.AgentConfigReply.verify|verify} messages.
         * @function encode
         * @memberof uap.AgentConfigReply
         * @static
         * @param {uap.AgentConfigReply.$Properties} message AgentConfigReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AgentConfigReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.found != null && $Object.hasOwnProperty.call(message, "found") && message.found !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.found);
            if (message.configJson != null && $Object.hasOwnProperty.call(message, "configJson") && message.configJson !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.configJson);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.errorCode);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AgentConfigReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.AgentConfigReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.AgentConfigReply & uap.AgentConfigReply.$Shape} AgentConfigReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AgentConfigReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.AgentConfigReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.found = value;
                        else
                            delete message.found;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.configJson = value;
                        else
                            delete message.configJson;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates an AgentConfigReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.AgentConfigReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.AgentConfigReply} AgentConfigReply
         */
        AgentConfigReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.AgentConfigReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.AgentConfigReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.AgentConfigReply();
            if (object.found != null)
                if (object.found)
                    message.found = $Boolean(object.found);
            if (object.configJson != null)
                if (typeof object.configJson !== "string" || object.configJson.length)
                    message.configJson = $String(object.configJson);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            return message;
        };

        /**
         * Creates a plain object from an AgentConfigReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.AgentConfigReply
         * @static
         * @param {uap.AgentConfigReply} message AgentConfigReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AgentConfigReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.found = false;
                object.configJson = "";
                object.errorCode = "";
            }
            if (message.found != null && $Object.hasOwnProperty.call(message, "found"))
                object.found = message.found;
            if (message.configJson != null && $Object.hasOwnProperty.call(message, "configJson"))
                object.configJson = message.configJson;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            return object;
        };

        /**
         * Converts this AgentConfigReply to JSON.
         * @function toJSON
         * @memberof uap.AgentConfigReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AgentConfigReply.prototype.toJSON = function() {
            return AgentConfigReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for AgentConfigReply
         * @function getTypeUrl
         * @memberof uap.AgentConfigReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        AgentConfigReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.AgentConfigReply";
        };

        return AgentConfigReply;
    })();

    uap.KbSearchRequest = (function() {

        /**
         * Properties of a KbSearchRequest.
         * @typedef {Object} uap.KbSearchRequest.$Properties
         * @property {string|null} [tenantId] KbSearchRequest tenantId
         * @property {string|null} [query] KbSearchRequest query
         * @property {number|null} [topK] KbSearchRequest topK
         * @property {string|null} [collection] KbSearchRequest collection
         * @property {string|null} [agentConfigId] KbSearchRequest agentConfigId
         * @property {string|null} [callId] KbSearchRequest callId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KbSearchRequest.
         * @memberof uap
         * @interface IKbSearchRequest
         * @augments uap.KbSearchRequest.$Properties
         * @deprecated Use uap.KbSearchRequest.$Properties instead.
         */

        /**
         * Shape of a KbSearchRequest.
         * @typedef {uap.KbSearchRequest.$Properties} uap.KbSearchRequest.$Shape
         */

        /**
         * Constructs a new KbSearchRequest.
         * @memberof uap
         * @classdesc Represents a KbSearchRequest.
         * @constructor
         * @param {uap.KbSearchRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KbSearchRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KbSearchRequest tenantId.
         * @member {string} tenantId
         * @memberof uap.KbSearchRequest
         * @instance
         */
        KbSearchRequest.prototype.tenantId = "";

        /**
         * KbSearchRequest query.
         * @member {string} query
         * @memberof uap.KbSearchRequest
         * @instance
         */
        KbSearchRequest.prototype.query = "";

        /**
         * KbSearchRequest topK.
         * @member {number} topK
         * @memberof uap.KbSearchRequest
         * @instance
         */
        KbSearchRequest.prototype.topK = 0;

        /**
         * KbSearchRequest collection.
         * @member {string} collection
         * @memberof uap.KbSearchRequest
         * @instance
         */
        KbSearchRequest.prototype.collection = "";

        /**
         * KbSearchRequest agentConfigId.
         * @member {string} agentConfigId
         * @memberof uap.KbSearchRequest
         * @instance
         */
        KbSearchRequest.prototype.agentConfigId = "";

        /**
         * KbSearchRequest callId.
         * @member {string} callId
         * @memberof uap.KbSearchRequest
         * @instance
         */
        KbSearchRequest.prototype.callId = "";

        /**
         * Creates a new KbSearchRequest instance using the specified properties.
         * @function create
         * @memberof uap.KbSearchRequest
         * @static
         * @param {uap.KbSearchRequest.$Properties=} [properties] Properties to set
         * @returns {uap.KbSearchRequest} KbSearchRequest instance
         * @type {{
         *   (properties: uap.KbSearchRequest.$Shape): uap.KbSearchRequest & uap.KbSearchRequest.$Shape;
         *   (properties?: uap.KbSearchRequest.$Properties): uap.KbSearchRequest;
         * }}
         */
        KbSearchRequest.create = function(properties) {
            return new KbSearchRequest(properties);
        };

        /**
         * Encodes the specified KbSearchRequest message. Does not implicitly {@link uap.KbSearchRequest.verify|verify} messages.
         * @function encode
         * @memberof uap.KbSearchRequest
         * @static
         * @param {uap.KbSearchRequest.$Properties} message KbSearchRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KbSearchRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.tenantId);
            if (message.query != null && $Object.hasOwnProperty.call(message, "query") && message.query !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.query);
            if (message.topK != null && $Object.hasOwnProperty.call(message, "topK") && message.topK !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.topK);
            if (message.collection != null && $Object.hasOwnProperty.call(message, "collection") && message.collection !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.collection);
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId") && message.agentConfigId !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.agentConfigId);
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.callId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KbSearchRequest message from the specified reader or buffer.
         * @function decode
         * @memberof uap.KbSearchRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.KbSearchRequest & uap.KbSearchRequest.$Shape} KbSearchRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KbSearchRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.KbSearchRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.query = value;
                        else
                            delete message.query;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.topK = value;
                        else
                            delete message.topK;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.collection = value;
                        else
                            delete message.collection;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.agentConfigId = value;
                        else
                            delete message.agentConfigId;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a KbSearchRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.KbSearchRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.KbSearchRequest} KbSearchRequest
         */
        KbSearchRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.KbSearchRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.KbSearchRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.KbSearchRequest();
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.query != null)
                if (typeof object.query !== "string" || object.query.length)
                    message.query = $String(object.query);
            if (object.topK != null)
                if ($Number(object.topK) !== 0)
                    message.topK = object.topK >>> 0;
            if (object.collection != null)
                if (typeof object.collection !== "string" || object.collection.length)
                    message.collection = $String(object.collection);
            if (object.agentConfigId != null)
                if (typeof object.agentConfigId !== "string" || object.agentConfigId.length)
                    message.agentConfigId = $String(object.agentConfigId);
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            return message;
        };

        /**
         * Creates a plain object from a KbSearchRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.KbSearchRequest
         * @static
         * @param {uap.KbSearchRequest} message KbSearchRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        KbSearchRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.tenantId = "";
                object.query = "";
                object.topK = 0;
                object.collection = "";
                object.agentConfigId = "";
                object.callId = "";
            }
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.query != null && $Object.hasOwnProperty.call(message, "query"))
                object.query = message.query;
            if (message.topK != null && $Object.hasOwnProperty.call(message, "topK"))
                object.topK = message.topK;
            if (message.collection != null && $Object.hasOwnProperty.call(message, "collection"))
                object.collection = message.collection;
            if (message.agentConfigId != null && $Object.hasOwnProperty.call(message, "agentConfigId"))
                object.agentConfigId = message.agentConfigId;
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            return object;
        };

        /**
         * Converts this KbSearchRequest to JSON.
         * @function toJSON
         * @memberof uap.KbSearchRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        KbSearchRequest.prototype.toJSON = function() {
            return KbSearchRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for KbSearchRequest
         * @function getTypeUrl
         * @memberof uap.KbSearchRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KbSearchRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.KbSearchRequest";
        };

        return KbSearchRequest;
    })();

    uap.KbHit = (function() {

        /**
         * Properties of a KbHit.
         * @typedef {Object} uap.KbHit.$Properties
         * @property {string|null} [documentId] KbHit documentId
         * @property {string|null} [title] KbHit title
         * @property {string|null} [collection] KbHit collection
         * @property {number|null} [chunkIndex] KbHit chunkIndex
         * @property {string|null} [heading] KbHit heading
         * @property {string|null} [text] KbHit text
         * @property {number|null} [score] KbHit score
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KbHit.
         * @memberof uap
         * @interface IKbHit
         * @augments uap.KbHit.$Properties
         * @deprecated Use uap.KbHit.$Properties instead.
         */

        /**
         * Shape of a KbHit.
         * @typedef {uap.KbHit.$Properties} uap.KbHit.$Shape
         */

        /**
         * Constructs a new KbHit.
         * @memberof uap
         * @classdesc Represents a KbHit.
         * @constructor
         * @param {uap.KbHit.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KbHit = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KbHit documentId.
         * @member {string} documentId
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.documentId = "";

        /**
         * KbHit title.
         * @member {string} title
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.title = "";

        /**
         * KbHit collection.
         * @member {string} collection
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.collection = "";

        /**
         * KbHit chunkIndex.
         * @member {number} chunkIndex
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.chunkIndex = 0;

        /**
         * KbHit heading.
         * @member {string} heading
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.heading = "";

        /**
         * KbHit text.
         * @member {string} text
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.text = "";

        /**
         * KbHit score.
         * @member {number} score
         * @memberof uap.KbHit
         * @instance
         */
        KbHit.prototype.score = 0;

        /**
         * Creates a new KbHit instance using the specified properties.
         * @function create
         * @memberof uap.KbHit
         * @static
         * @param {uap.KbHit.$Properties=} [properties] Properties to set
         * @returns {uap.KbHit} KbHit instance
         * @type {{
         *   (properties: uap.KbHit.$Shape): uap.KbHit & uap.KbHit.$Shape;
         *   (properties?: uap.KbHit.$Properties): uap.KbHit;
         * }}
         */
        KbHit.create = function(properties) {
            return new KbHit(properties);
        };

        /**
         * Encodes the specified KbHit message. Does not implicitly {@link uap.KbHit.verify|verify} messages.
         * @function encode
         * @memberof uap.KbHit
         * @static
         * @param {uap.KbHit.$Properties} message KbHit message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KbHit.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.documentId != null && $Object.hasOwnProperty.call(message, "documentId") && message.documentId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.documentId);
            if (message.title != null && $Object.hasOwnProperty.call(message, "title") && message.title !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.title);
            if (message.collection != null && $Object.hasOwnProperty.call(message, "collection") && message.collection !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.collection);
            if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex") && message.chunkIndex !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.chunkIndex);
            if (message.heading != null && $Object.hasOwnProperty.call(message, "heading") && message.heading !== "")
                writer.uint32(/* id 5, wireType 2 =*/42).string(message.heading);
            if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.text);
            if (message.score != null && $Object.hasOwnProperty.call(message, "score") && !$Object.is(message.score, 0))
                writer.uint32(/* id 7, wireType 1 =*/57).double(message.score);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KbHit message from the specified reader or buffer.
         * @function decode
         * @memberof uap.KbHit
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.KbHit & uap.KbHit.$Shape} KbHit
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KbHit.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.KbHit();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.documentId = value;
                        else
                            delete message.documentId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.title = value;
                        else
                            delete message.title;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.collection = value;
                        else
                            delete message.collection;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.chunkIndex = value;
                        else
                            delete message.chunkIndex;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.heading = value;
                        else
                            delete message.heading;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.text = value;
                        else
                            delete message.text;
                        continue;
                    }
                case 7: {
                        if (wireType !== 1)
                            break;
                        if (!$Object.is(value = reader.double(), 0))
                            message.score = value;
                        else
                            delete message.score;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a KbHit message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.KbHit
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.KbHit} KbHit
         */
        KbHit.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.KbHit)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.KbHit: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.KbHit();
            if (object.documentId != null)
                if (typeof object.documentId !== "string" || object.documentId.length)
                    message.documentId = $String(object.documentId);
            if (object.title != null)
                if (typeof object.title !== "string" || object.title.length)
                    message.title = $String(object.title);
            if (object.collection != null)
                if (typeof object.collection !== "string" || object.collection.length)
                    message.collection = $String(object.collection);
            if (object.chunkIndex != null)
                if ($Number(object.chunkIndex) !== 0)
                    message.chunkIndex = object.chunkIndex >>> 0;
            if (object.heading != null)
                if (typeof object.heading !== "string" || object.heading.length)
                    message.heading = $String(object.heading);
            if (object.text != null)
                if (typeof object.text !== "string" || object.text.length)
                    message.text = $String(object.text);
            if (object.score != null)
                if (!$Object.is($Number(object.score), 0))
                    message.score = $Number(object.score);
            return message;
        };

        /**
         * Creates a plain object from a KbHit message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.KbHit
         * @static
         * @param {uap.KbHit} message KbHit
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        KbHit.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.documentId = "";
                object.title = "";
                object.collection = "";
                object.chunkIndex = 0;
                object.heading = "";
                object.text = "";
                object.score = 0;
            }
            if (message.documentId != null && $Object.hasOwnProperty.call(message, "documentId"))
                object.documentId = message.documentId;
            if (message.title != null && $Object.hasOwnProperty.call(message, "title"))
                object.title = message.title;
            if (message.collection != null && $Object.hasOwnProperty.call(message, "collection"))
                object.collection = message.collection;
            if (message.chunkIndex != null && $Object.hasOwnProperty.call(message, "chunkIndex"))
                object.chunkIndex = message.chunkIndex;
            if (message.heading != null && $Object.hasOwnProperty.call(message, "heading"))
                object.heading = message.heading;
            if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                object.text = message.text;
            if (message.score != null && $Object.hasOwnProperty.call(message, "score"))
                object.score = options.json && !$isFinite(message.score) ? $String(message.score) : message.score;
            return object;
        };

        /**
         * Converts this KbHit to JSON.
         * @function toJSON
         * @memberof uap.KbHit
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        KbHit.prototype.toJSON = function() {
            return KbHit.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for KbHit
         * @function getTypeUrl
         * @memberof uap.KbHit
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KbHit.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.KbHit";
        };

        return KbHit;
    })();

    uap.KbSearchReply = (function() {

        /**
         * Properties of a KbSearchReply.
         * @typedef {Object} uap.KbSearchReply.$Properties
         * @property {boolean|null} [ok] KbSearchReply ok
         * @property {Array.<uap.KbHit.$Properties>|null} [hits] KbSearchReply hits
         * @property {string|null} [errorCode] KbSearchReply errorCode
         * @property {string|null} [errorMessage] KbSearchReply errorMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a KbSearchReply.
         * @memberof uap
         * @interface IKbSearchReply
         * @augments uap.KbSearchReply.$Properties
         * @deprecated Use uap.KbSearchReply.$Properties instead.
         */

        /**
         * Shape of a KbSearchReply.
         * @typedef {uap.KbSearchReply.$Properties} uap.KbSearchReply.$Shape
         */

        /**
         * Constructs a new KbSearchReply.
         * @memberof uap
         * @classdesc Represents a KbSearchReply.
         * @constructor
         * @param {uap.KbSearchReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const KbSearchReply = function (properties) {
            this.hits = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * KbSearchReply ok.
         * @member {boolean} ok
         * @memberof uap.KbSearchReply
         * @instance
         */
        KbSearchReply.prototype.ok = false;

        /**
         * KbSearchReply hits.
         * @member {Array.<uap.KbHit.$Properties>} hits
         * @memberof uap.KbSearchReply
         * @instance
         */
        KbSearchReply.prototype.hits = $util.emptyArray;

        /**
         * KbSearchReply errorCode.
         * @member {string} errorCode
         * @memberof uap.KbSearchReply
         * @instance
         */
        KbSearchReply.prototype.errorCode = "";

        /**
         * KbSearchReply errorMessage.
         * @member {string} errorMessage
         * @memberof uap.KbSearchReply
         * @instance
         */
        KbSearchReply.prototype.errorMessage = "";

        /**
         * Creates a new KbSearchReply instance using the specified properties.
         * @function create
         * @memberof uap.KbSearchReply
         * @static
         * @param {uap.KbSearchReply.$Properties=} [properties] Properties to set
         * @returns {uap.KbSearchReply} KbSearchReply instance
         * @type {{
         *   (properties: uap.KbSearchReply.$Shape): uap.KbSearchReply & uap.KbSearchReply.$Shape;
         *   (properties?: uap.KbSearchReply.$Properties): uap.KbSearchReply;
         * }}
         */
        KbSearchReply.create = function(properties) {
            return new KbSearchReply(properties);
        };

        /**
         * Encodes the specified KbSearchReply message. Does not implicitly {@link uap.KbSearchReply.verify|verify} messages.
         * @function encode
         * @memberof uap.KbSearchReply
         * @static
         * @param {uap.KbSearchReply.$Properties} message KbSearchReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        KbSearchReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ok);
            if (message.hits != null && message.hits.length)
                for (let i = 0; i < message.hits.length; ++i)
                    $root.uap.KbHit.encode(message.hits[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.errorCode);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.errorMessage);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a KbSearchReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.KbSearchReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.KbSearchReply & uap.KbSearchReply.$Shape} KbSearchReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        KbSearchReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.KbSearchReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ok = value;
                        else
                            delete message.ok;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.hits && message.hits.length))
                            message.hits = [];
                        message.hits.push($root.uap.KbHit.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a KbSearchReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.KbSearchReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.KbSearchReply} KbSearchReply
         */
        KbSearchReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.KbSearchReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.KbSearchReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.KbSearchReply();
            if (object.ok != null)
                if (object.ok)
                    message.ok = $Boolean(object.ok);
            if (object.hits) {
                if (!$Array.isArray(object.hits))
                    throw $TypeError(".uap.KbSearchReply.hits: array expected");
                message.hits = $Array(object.hits.length);
                for (let i = 0; i < object.hits.length; ++i) {
                    if (!$util.isObject(object.hits[i]))
                        throw $TypeError(".uap.KbSearchReply.hits: object expected");
                    message.hits[i] = $root.uap.KbHit.fromObject(object.hits[i], _depth + 1);
                }
            }
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.errorMessage != null)
                if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                    message.errorMessage = $String(object.errorMessage);
            return message;
        };

        /**
         * Creates a plain object from a KbSearchReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.KbSearchReply
         * @static
         * @param {uap.KbSearchReply} message KbSearchReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        KbSearchReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.hits = [];
            if (options.defaults) {
                object.ok = false;
                object.errorCode = "";
                object.errorMessage = "";
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                object.ok = message.ok;
            if (message.hits && message.hits.length) {
                object.hits = $Array(message.hits.length);
                for (let j = 0; j < message.hits.length; ++j)
                    object.hits[j] = $root.uap.KbHit.toObject(message.hits[j], options, _depth + 1);
            }
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                object.errorMessage = message.errorMessage;
            return object;
        };

        /**
         * Converts this KbSearchReply to JSON.
         * @function toJSON
         * @memberof uap.KbSearchReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        KbSearchReply.prototype.toJSON = function() {
            return KbSearchReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for KbSearchReply
         * @function getTypeUrl
         * @memberof uap.KbSearchReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        KbSearchReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.KbSearchReply";
        };

        return KbSearchReply;
    })();

    uap.SqlQueryRequest = (function() {

        /**
         * Properties of a SqlQueryRequest.
         * @typedef {Object} uap.SqlQueryRequest.$Properties
         * @property {string|null} [tenantId] SqlQueryRequest tenantId
         * @property {string|null} [sql] SqlQueryRequest sql
         * @property {number|null} [maxRows] SqlQueryRequest maxRows
         * @property {string|null} [callId] SqlQueryRequest callId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SqlQueryRequest.
         * @memberof uap
         * @interface ISqlQueryRequest
         * @augments uap.SqlQueryRequest.$Properties
         * @deprecated Use uap.SqlQueryRequest.$Properties instead.
         */

        /**
         * Shape of a SqlQueryRequest.
         * @typedef {uap.SqlQueryRequest.$Properties} uap.SqlQueryRequest.$Shape
         */

        /**
         * Constructs a new SqlQueryRequest.
         * @memberof uap
         * @classdesc Represents a SqlQueryRequest.
         * @constructor
         * @param {uap.SqlQueryRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SqlQueryRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SqlQueryRequest tenantId.
         * @member {string} tenantId
         * @memberof uap.SqlQueryRequest
         * @instance
         */
        SqlQueryRequest.prototype.tenantId = "";

        /**
         * SqlQueryRequest sql.
         * @member {string} sql
         * @memberof uap.SqlQueryRequest
         * @instance
         */
        SqlQueryRequest.prototype.sql = "";

        /**
         * SqlQueryRequest maxRows.
         * @member {number} maxRows
         * @memberof uap.SqlQueryRequest
         * @instance
         */
        SqlQueryRequest.prototype.maxRows = 0;

        /**
         * SqlQueryRequest callId.
         * @member {string} callId
         * @memberof uap.SqlQueryRequest
         * @instance
         */
        SqlQueryRequest.prototype.callId = "";

        /**
         * Creates a new SqlQueryRequest instance using the specified properties.
         * @function create
         * @memberof uap.SqlQueryRequest
         * @static
         * @param {uap.SqlQueryRequest.$Properties=} [properties] Properties to set
         * @returns {uap.SqlQueryRequest} SqlQueryRequest instance
         * @type {{
         *   (properties: uap.SqlQueryRequest.$Shape): uap.SqlQueryRequest & uap.SqlQueryRequest.$Shape;
         *   (properties?: uap.SqlQueryRequest.$Properties): uap.SqlQueryRequest;
         * }}
         */
        SqlQueryRequest.create = function(properties) {
            return new SqlQueryRequest(properties);
        };

        /**
         * Encodes the specified SqlQueryRequest message. Does not implicitly {@link uap.SqlQueryRequest.verify|verify} messages.
         * @function encode
         * @memberof uap.SqlQueryRequest
         * @static
         * @param {uap.SqlQueryRequest.$Properties} message SqlQueryRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SqlQueryRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.tenantId);
            if (message.sql != null && $Object.hasOwnProperty.call(message, "sql") && message.sql !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.sql);
            if (message.maxRows != null && $Object.hasOwnProperty.call(message, "maxRows") && message.maxRows !== 0)
                writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.maxRows);
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId") && message.callId !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.callId);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SqlQueryRequest message from the specified reader or buffer.
         * @function decode
         * @memberof uap.SqlQueryRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.SqlQueryRequest & uap.SqlQueryRequest.$Shape} SqlQueryRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SqlQueryRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.SqlQueryRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.tenantId = value;
                        else
                            delete message.tenantId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.sql = value;
                        else
                            delete message.sql;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.maxRows = value;
                        else
                            delete message.maxRows;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.callId = value;
                        else
                            delete message.callId;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SqlQueryRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.SqlQueryRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.SqlQueryRequest} SqlQueryRequest
         */
        SqlQueryRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.SqlQueryRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.SqlQueryRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.SqlQueryRequest();
            if (object.tenantId != null)
                if (typeof object.tenantId !== "string" || object.tenantId.length)
                    message.tenantId = $String(object.tenantId);
            if (object.sql != null)
                if (typeof object.sql !== "string" || object.sql.length)
                    message.sql = $String(object.sql);
            if (object.maxRows != null)
                if ($Number(object.maxRows) !== 0)
                    message.maxRows = object.maxRows >>> 0;
            if (object.callId != null)
                if (typeof object.callId !== "string" || object.callId.length)
                    message.callId = $String(object.callId);
            return message;
        };

        /**
         * Creates a plain object from a SqlQueryRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.SqlQueryRequest
         * @static
         * @param {uap.SqlQueryRequest} message SqlQueryRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SqlQueryRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.tenantId = "";
                object.sql = "";
                object.maxRows = 0;
                object.callId = "";
            }
            if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                object.tenantId = message.tenantId;
            if (message.sql != null && $Object.hasOwnProperty.call(message, "sql"))
                object.sql = message.sql;
            if (message.maxRows != null && $Object.hasOwnProperty.call(message, "maxRows"))
                object.maxRows = message.maxRows;
            if (message.callId != null && $Object.hasOwnProperty.call(message, "callId"))
                object.callId = message.callId;
            return object;
        };

        /**
         * Converts this SqlQueryRequest to JSON.
         * @function toJSON
         * @memberof uap.SqlQueryRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SqlQueryRequest.prototype.toJSON = function() {
            return SqlQueryRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SqlQueryRequest
         * @function getTypeUrl
         * @memberof uap.SqlQueryRequest
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SqlQueryRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.SqlQueryRequest";
        };

        return SqlQueryRequest;
    })();

    uap.SqlQueryReply = (function() {

        /**
         * Properties of a SqlQueryReply.
         * @typedef {Object} uap.SqlQueryReply.$Properties
         * @property {boolean|null} [ok] SqlQueryReply ok
         * @property {Array.<string>|null} [columns] SqlQueryReply columns
         * @property {string|null} [rowsJson] SqlQueryReply rowsJson
         * @property {number|null} [rowCount] SqlQueryReply rowCount
         * @property {boolean|null} [truncated] SqlQueryReply truncated
         * @property {string|null} [errorCode] SqlQueryReply errorCode
         * @property {string|null} [errorMessage] SqlQueryReply errorMessage
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SqlQueryReply.
         * @memberof uap
         * @interface ISqlQueryReply
         * @augments uap.SqlQueryReply.$Properties
         * @deprecated Use uap.SqlQueryReply.$Properties instead.
         */

        /**
         * Shape of a SqlQueryReply.
         * @typedef {uap.SqlQueryReply.$Properties} uap.SqlQueryReply.$Shape
         */

        /**
         * Constructs a new SqlQueryReply.
         * @memberof uap
         * @classdesc Represents a SqlQueryReply.
         * @constructor
         * @param {uap.SqlQueryReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SqlQueryReply = function (properties) {
            this.columns = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SqlQueryReply ok.
         * @member {boolean} ok
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.ok = false;

        /**
         * SqlQueryReply columns.
         * @member {Array.<string>} columns
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.columns = $util.emptyArray;

        /**
         * SqlQueryReply rowsJson.
         * @member {string} rowsJson
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.rowsJson = "";

        /**
         * SqlQueryReply rowCount.
         * @member {number} rowCount
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.rowCount = 0;

        /**
         * SqlQueryReply truncated.
         * @member {boolean} truncated
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.truncated = false;

        /**
         * SqlQueryReply errorCode.
         * @member {string} errorCode
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.errorCode = "";

        /**
         * SqlQueryReply errorMessage.
         * @member {string} errorMessage
         * @memberof uap.SqlQueryReply
         * @instance
         */
        SqlQueryReply.prototype.errorMessage = "";

        /**
         * Creates a new SqlQueryReply instance using the specified properties.
         * @function create
         * @memberof uap.SqlQueryReply
         * @static
         * @param {uap.SqlQueryReply.$Properties=} [properties] Properties to set
         * @returns {uap.SqlQueryReply} SqlQueryReply instance
         * @type {{
         *   (properties: uap.SqlQueryReply.$Shape): uap.SqlQueryReply & uap.SqlQueryReply.$Shape;
         *   (properties?: uap.SqlQueryReply.$Properties): uap.SqlQueryReply;
         * }}
         */
        SqlQueryReply.create = function(properties) {
            return new SqlQueryReply(properties);
        };

        /**
         * Encodes the specified SqlQueryReply message. Does not implicitly {@link uap.SqlQueryReply.verify|verify} messages.
         * @function encode
         * @memberof uap.SqlQueryReply
         * @static
         * @param {uap.SqlQueryReply.$Properties} message SqlQueryReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SqlQueryReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok") && message.ok !== false)
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ok);
            if (message.columns != null && message.columns.length)
                for (let i = 0; i < message.columns.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.columns[i]);
            if (message.rowsJson != null && $Object.hasOwnProperty.call(message, "rowsJson") && message.rowsJson !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.rowsJson);
            if (message.rowCount != null && $Object.hasOwnProperty.call(message, "rowCount") && message.rowCount !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.rowCount);
            if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated") && message.truncated !== false)
                writer.uint32(/* id 5, wireType 0 =*/40).bool(message.truncated);
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                writer.uint32(/* id 6, wireType 2 =*/50).string(message.errorCode);
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                writer.uint32(/* id 7, wireType 2 =*/58).string(message.errorMessage);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SqlQueryReply message from the specified reader or buffer.
         * @function decode
         * @memberof uap.SqlQueryReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {uap.SqlQueryReply & uap.SqlQueryReply.$Shape} SqlQueryReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SqlQueryReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.uap.SqlQueryReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.ok = value;
                        else
                            delete message.ok;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.columns && message.columns.length))
                            message.columns = [];
                        message.columns.push(reader.stringVerify());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.rowsJson = value;
                        else
                            delete message.rowsJson;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.rowCount = value;
                        else
                            delete message.rowCount;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.truncated = value;
                        else
                            delete message.truncated;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorCode = value;
                        else
                            delete message.errorCode;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.errorMessage = value;
                        else
                            delete message.errorMessage;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Creates a SqlQueryReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof uap.SqlQueryReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {uap.SqlQueryReply} SqlQueryReply
         */
        SqlQueryReply.fromObject = function (object, _depth) {
            if (object instanceof $root.uap.SqlQueryReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".uap.SqlQueryReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.uap.SqlQueryReply();
            if (object.ok != null)
                if (object.ok)
                    message.ok = $Boolean(object.ok);
            if (object.columns) {
                if (!$Array.isArray(object.columns))
                    throw $TypeError(".uap.SqlQueryReply.columns: array expected");
                message.columns = $Array(object.columns.length);
                for (let i = 0; i < object.columns.length; ++i)
                    message.columns[i] = $String(object.columns[i]);
            }
            if (object.rowsJson != null)
                if (typeof object.rowsJson !== "string" || object.rowsJson.length)
                    message.rowsJson = $String(object.rowsJson);
            if (object.rowCount != null)
                if ($Number(object.rowCount) !== 0)
                    message.rowCount = object.rowCount >>> 0;
            if (object.truncated != null)
                if (object.truncated)
                    message.truncated = $Boolean(object.truncated);
            if (object.errorCode != null)
                if (typeof object.errorCode !== "string" || object.errorCode.length)
                    message.errorCode = $String(object.errorCode);
            if (object.errorMessage != null)
                if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                    message.errorMessage = $String(object.errorMessage);
            return message;
        };

        /**
         * Creates a plain object from a SqlQueryReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof uap.SqlQueryReply
         * @static
         * @param {uap.SqlQueryReply} message SqlQueryReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SqlQueryReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.columns = [];
            if (options.defaults) {
                object.ok = false;
                object.rowsJson = "";
                object.rowCount = 0;
                object.truncated = false;
                object.errorCode = "";
                object.errorMessage = "";
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                object.ok = message.ok;
            if (message.columns && message.columns.length) {
                object.columns = $Array(message.columns.length);
                for (let j = 0; j < message.columns.length; ++j)
                    object.columns[j] = message.columns[j];
            }
            if (message.rowsJson != null && $Object.hasOwnProperty.call(message, "rowsJson"))
                object.rowsJson = message.rowsJson;
            if (message.rowCount != null && $Object.hasOwnProperty.call(message, "rowCount"))
                object.rowCount = message.rowCount;
            if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated"))
                object.truncated = message.truncated;
            if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                object.errorCode = message.errorCode;
            if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                object.errorMessage = message.errorMessage;
            return object;
        };

        /**
         * Converts this SqlQueryReply to JSON.
         * @function toJSON
         * @memberof uap.SqlQueryReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SqlQueryReply.prototype.toJSON = function() {
            return SqlQueryReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SqlQueryReply
         * @function getTypeUrl
         * @memberof uap.SqlQueryReply
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SqlQueryReply.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/uap.SqlQueryReply";
        };

        return SqlQueryReply;
    })();

    return uap;
})();

export {
  $root as default
};
