using Harmony.Crypto.Encoding.Protobuf;

namespace Harmony.P2P.Noise;

/// <summary>
/// The libp2p <c>NoiseHandshakePayload</c> protobuf: <c>identity_key = 1</c> (the protobuf public key),
/// <c>identity_sig = 2</c> (signature over <c>"noise-libp2p-static-key:" ‖ static key</c>) and
/// <c>extensions = 4</c>, which is ignored here.
/// </summary>
internal static class NoiseHandshakePayload
{
    public static ReadOnlySpan<byte> SignaturePrefix => "noise-libp2p-static-key:"u8;

    public static byte[] Encode(ReadOnlySpan<byte> identityKey, ReadOnlySpan<byte> identitySignature)
    {
        var writer = new ProtoBufferWriter();
        writer.WriteBytes(1, identityKey);
        writer.WriteBytes(2, identitySignature);
        return writer.ToArray();
    }

    public static bool TryDecode(ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> identityKey, out ReadOnlySpan<byte> identitySignature)
    {
        identityKey = default;
        identitySignature = default;
        var reader = new ProtoReader(payload);
        while (reader.TryReadField(out int field, out ProtoWireType wireType, out _, out var bytes))
        {
            if (wireType != ProtoWireType.LengthDelimited)
            {
                continue;
            }

            if (field == 1)
            {
                identityKey = bytes;
            }
            else if (field == 2)
            {
                identitySignature = bytes;
            }
        }

        return !reader.Malformed && !identityKey.IsEmpty && !identitySignature.IsEmpty;
    }

    public static byte[] SignedBytes(ReadOnlySpan<byte> staticPublicKey)
    {
        var message = new byte[SignaturePrefix.Length + staticPublicKey.Length];
        SignaturePrefix.CopyTo(message);
        staticPublicKey.CopyTo(message.AsSpan(SignaturePrefix.Length));
        return message;
    }
}
