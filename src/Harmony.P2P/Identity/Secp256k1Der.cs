using Harmony.Crypto.Secp256k1;

namespace Harmony.P2P.Identity;

/// <summary>Strict DER encoding of secp256k1 ECDSA signatures: <c>SEQUENCE { INTEGER r, INTEGER s }</c>.</summary>
internal static class Secp256k1Der
{
    /// <summary>The longest DER signature: two 33-byte integers with their headers in a sequence.</summary>
    public const int MaxLength = 72;

    public static byte[] Encode(in EcdsaSignature signature)
    {
        Span<byte> r = stackalloc byte[32];
        Span<byte> s = stackalloc byte[32];
        signature.WriteR(r);
        signature.WriteS(s);
        Span<byte> buffer = stackalloc byte[MaxLength];
        int length = 2;
        length += WriteInteger(r, buffer[length..]);
        length += WriteInteger(s, buffer[length..]);
        buffer[0] = 0x30;
        buffer[1] = (byte)(length - 2);
        return buffer[..length].ToArray();
    }

    public static bool TryDecode(ReadOnlySpan<byte> der, out EcdsaSignature signature)
    {
        signature = default;
        if (der.Length < 8 || der.Length > MaxLength || der[0] != 0x30 || der[1] != der.Length - 2)
        {
            return false;
        }

        Span<byte> r = stackalloc byte[32];
        Span<byte> s = stackalloc byte[32];
        var rest = der[2..];
        if (!TryReadInteger(ref rest, r) || !TryReadInteger(ref rest, s) || !rest.IsEmpty)
        {
            return false;
        }

        signature = new EcdsaSignature(r, s, 0);
        return true;
    }

    private static int WriteInteger(ReadOnlySpan<byte> value32, Span<byte> destination)
    {
        int start = 0;
        while (start < 31 && value32[start] == 0)
        {
            start++;
        }

        bool pad = value32[start] >= 0x80;
        int length = 32 - start + (pad ? 1 : 0);
        destination[0] = 0x02;
        destination[1] = (byte)length;
        int offset = 2;
        if (pad)
        {
            destination[offset++] = 0;
        }

        value32[start..].CopyTo(destination[offset..]);
        return 2 + length;
    }

    private static bool TryReadInteger(ref ReadOnlySpan<byte> rest, scoped Span<byte> destination32)
    {
        if (rest.Length < 3 || rest[0] != 0x02 || rest[1] == 0 || rest[1] > 33 || rest.Length < 2 + rest[1])
        {
            return false;
        }

        var value = rest.Slice(2, rest[1]);
        rest = rest[(2 + value.Length)..];

        // Negative numbers and non-minimal leading zeros are not DER.
        if (value[0] >= 0x80 || (value.Length > 1 && value[0] == 0 && value[1] < 0x80))
        {
            return false;
        }

        if (value.Length == 33)
        {
            value = value[1..];
        }

        destination32.Clear();
        value.CopyTo(destination32[(32 - value.Length)..]);
        return true;
    }
}
