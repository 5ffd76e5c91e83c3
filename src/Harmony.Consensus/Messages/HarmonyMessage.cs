using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.Consensus.Messages;

/// <summary>
/// <c>harmonymessage.Message</c>: service_type(1), type(2), signature(3) and one request — consensus(5),
/// viewchange(7) or last_sign_power(9). Encoded as Go's protobuf does: ascending field numbers, defaults omitted.
/// </summary>
public sealed record HarmonyMessage
{
    /// <summary>The service (always <see cref="ServiceType.Consensus"/> for consensus traffic).</summary>
    public ServiceType ServiceType { get; init; }

    /// <summary>The message type.</summary>
    public MessageType Type { get; init; }

    /// <summary>The message-level BLS signature (empty on PREPARE and COMMIT).</summary>
    public ReadOnlyMemory<byte> Signature { get; init; }

    /// <summary>The consensus request, when this is ANNOUNCE … COMMITTED.</summary>
    public ConsensusRequest? Consensus { get; init; }

    /// <summary>The view-change request, when this is VIEWCHANGE or NEWVIEW.</summary>
    public ViewChangeRequest? ViewChange { get; init; }

    /// <summary>The vote-power report, when this is LAST_SIGN_POWER.</summary>
    public LastSignPowerBroadcast? LastSignPower { get; init; }

    /// <summary>The protobuf bytes.</summary>
    /// <returns>The encoding.</returns>
    public byte[] Encode() => Encode(includeSignature: true);

    /// <summary>The protobuf bytes with the signature field cleared: what the message-level signature covers.</summary>
    /// <returns>The encoding without signature.</returns>
    public byte[] EncodeUnsigned() => Encode(includeSignature: false);

    /// <summary>
    /// Decodes untrusted protobuf bytes. Fails with a reason (never throws) for truncation, an unknown field, a field
    /// over its bound, more than one request, or more than <see cref="MessageLimits.MaxMessageSize"/> bytes.
    /// </summary>
    /// <param name="data">The protobuf bytes.</param>
    /// <param name="message">The message, or <see langword="null"/>.</param>
    /// <param name="error">Why decoding failed, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a message.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> data, [NotNullWhen(true)] out HarmonyMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        if (data.Length > MessageLimits.MaxMessageSize)
        {
            error = $"Message: {data.Length} bytes exceed the {MessageLimits.MaxMessageSize}-byte limit.";
            return false;
        }

        var reader = new ProtoReader(data);
        ulong service = 0, type = 0;
        byte[] signature = [];
        ConsensusRequest? consensus = null;
        ViewChangeRequest? viewChange = null;
        LastSignPowerBroadcast? lastSignPower = null;
        int requests = 0;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int field, out var wire))
            {
                error = "Message: malformed field key.";
                return false;
            }

            string? inner = null;
            bool ok;
            switch (field, (int)wire)
            {
                case (1, 0):
                    ok = reader.TryReadVarint(out service) && service <= int.MaxValue;
                    break;
                case (2, 0):
                    ok = reader.TryReadVarint(out type) && type <= int.MaxValue;
                    break;
                case (3, 2):
                    ok = ProtoFields.TryReadBytes(ref reader, MessageLimits.MaxSmallFieldSize, out signature);
                    break;
                case (5, 2):
                    ok = ProtoFields.TryReadBounded(ref reader, MessageLimits.MaxMessageSize, out var consensusBytes)
                        && ConsensusRequest.TryDecode(consensusBytes, out consensus, out inner);
                    requests++;
                    break;
                case (7, 2):
                    ok = ProtoFields.TryReadBounded(ref reader, MessageLimits.MaxMessageSize, out var viewChangeBytes)
                        && ViewChangeRequest.TryDecode(viewChangeBytes, out viewChange, out inner);
                    requests++;
                    break;
                case (9, 2):
                    ok = ProtoFields.TryReadBounded(ref reader, MessageLimits.MaxMessageSize, out var powerBytes)
                        && LastSignPowerBroadcast.TryDecode(powerBytes, out lastSignPower, out inner);
                    requests++;
                    break;
                default:
                    ok = false;
                    break;
            }

            if (!ok)
            {
                error = inner ?? $"Message: field {field} (wire type {(int)wire}) is unknown, truncated or too large.";
                return false;
            }
        }

        if (requests > 1)
        {
            error = "Message: more than one request of the oneof is set.";
            return false;
        }

        message = new HarmonyMessage
        {
            ServiceType = (ServiceType)service,
            Type = (MessageType)type,
            Signature = signature,
            Consensus = consensus,
            ViewChange = viewChange,
            LastSignPower = lastSignPower,
        };
        error = null;
        return true;
    }

    private byte[] Encode(bool includeSignature)
    {
        var writer = new ProtoBufferWriter();
        writer.WriteVarintField(1, (ulong)ServiceType);
        writer.WriteVarintField(2, (ulong)Type);
        if (includeSignature)
        {
            writer.WriteBytesField(3, Signature.Span);
        }

        if (Consensus is not null)
        {
            writer.WriteMessageField(5, Consensus.Encode());
        }
        else if (ViewChange is not null)
        {
            writer.WriteMessageField(7, ViewChange.Encode());
        }
        else if (LastSignPower is not null)
        {
            writer.WriteMessageField(9, LastSignPower.Encode());
        }

        return writer.ToArray();
    }
}
