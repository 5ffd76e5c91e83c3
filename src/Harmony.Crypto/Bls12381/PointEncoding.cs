namespace Harmony.Crypto.Bls12381;

/// <summary>
/// The ZCash serialization of BLS12-381 points used by Ethereum and the IETF suites: big-endian coordinates, 𝔽p²
/// as c1 ‖ c0, and three flag bits in the first byte — 0x80 compressed, 0x40 infinity, 0x20 "y is the larger root".
/// Decoding checks length, flags, field range, the curve equation and (unless asked not to) the subgroup.
/// </summary>
internal static class PointEncoding
{
    internal const int G1CompressedSize = 48;
    internal const int G1UncompressedSize = 96;
    internal const int G2CompressedSize = 96;
    internal const int G2UncompressedSize = 192;

    private const byte CompressionFlag = 0x80;
    private const byte InfinityFlag = 0x40;
    private const byte SignFlag = 0x20;

    internal static PointDecodeError TryDecodeG1(ReadOnlySpan<byte> input, bool checkSubgroup, out G1Affine point)
    {
        point = G1Affine.Infinity;
        var headerError = ReadHeader(input, G1CompressedSize, G1UncompressedSize, out bool compressed, out bool infinity, out bool sign);
        if (headerError != PointDecodeError.None || infinity)
        {
            return headerError;
        }

        Span<byte> buffer = stackalloc byte[48];
        input[..48].CopyTo(buffer);
        buffer[0] &= 0x1f;
        if (!Fp.TryFromBytesBigEndian(buffer, out var x))
        {
            return PointDecodeError.CoordinateNotInField;
        }

        Fp y;
        if (compressed)
        {
            if (!Fp.TrySqrt(x.Square() * x + G1Curve.B, out y))
            {
                return PointDecodeError.NotOnCurve;
            }

            if (y.IsLexicographicallyLargest() != sign)
            {
                y = -y;
            }
        }
        else
        {
            if (!Fp.TryFromBytesBigEndian(input.Slice(48, 48), out y))
            {
                return PointDecodeError.CoordinateNotInField;
            }
        }

        var candidate = new G1Affine(x, y);
        if (!compressed && !candidate.IsOnCurve())
        {
            return PointDecodeError.NotOnCurve;
        }

        if (checkSubgroup && !G1.IsInSubgroup(candidate))
        {
            return PointDecodeError.NotInSubgroup;
        }

        point = candidate;
        return PointDecodeError.None;
    }

    internal static PointDecodeError TryDecodeG2(ReadOnlySpan<byte> input, bool checkSubgroup, out G2Affine point)
    {
        point = G2Affine.Infinity;
        var headerError = ReadHeader(input, G2CompressedSize, G2UncompressedSize, out bool compressed, out bool infinity, out bool sign);
        if (headerError != PointDecodeError.None || infinity)
        {
            return headerError;
        }

        Span<byte> buffer = stackalloc byte[48];
        input[..48].CopyTo(buffer);
        buffer[0] &= 0x1f;
        if (!Fp.TryFromBytesBigEndian(buffer, out var x1) || !Fp.TryFromBytesBigEndian(input.Slice(48, 48), out var x0))
        {
            return PointDecodeError.CoordinateNotInField;
        }

        var x = new Fp2(x0, x1);
        Fp2 y;
        if (compressed)
        {
            if (!Fp2.TrySqrtEitherRoot(x.Square() * x + G2Curve.B, out y))
            {
                return PointDecodeError.NotOnCurve;
            }

            if (IsLexicographicallyLargest(y) != sign)
            {
                y = -y;
            }
        }
        else
        {
            if (!Fp.TryFromBytesBigEndian(input.Slice(96, 48), out var y1)
                || !Fp.TryFromBytesBigEndian(input.Slice(144, 48), out var y0))
            {
                return PointDecodeError.CoordinateNotInField;
            }

            y = new Fp2(y0, y1);
        }

        var candidate = new G2Affine(x, y);
        if (!compressed && !candidate.IsOnCurve())
        {
            return PointDecodeError.NotOnCurve;
        }

        if (checkSubgroup && !G2.IsInSubgroup(candidate))
        {
            return PointDecodeError.NotInSubgroup;
        }

        point = candidate;
        return PointDecodeError.None;
    }

    internal static void EncodeG1(in G1Affine point, bool compressed, Span<byte> output)
    {
        int size = compressed ? G1CompressedSize : G1UncompressedSize;
        output = output[..size];
        output.Clear();
        if (point.IsInfinity)
        {
            output[0] = (byte)(InfinityFlag | (compressed ? CompressionFlag : 0));
            return;
        }

        point.X.WriteBigEndian(output);
        if (compressed)
        {
            output[0] |= (byte)(CompressionFlag | (point.Y.IsLexicographicallyLargest() ? SignFlag : 0));
        }
        else
        {
            point.Y.WriteBigEndian(output[48..]);
        }
    }

    internal static void EncodeG2(in G2Affine point, bool compressed, Span<byte> output)
    {
        int size = compressed ? G2CompressedSize : G2UncompressedSize;
        output = output[..size];
        output.Clear();
        if (point.IsInfinity)
        {
            output[0] = (byte)(InfinityFlag | (compressed ? CompressionFlag : 0));
            return;
        }

        point.X.C1.WriteBigEndian(output);
        point.X.C0.WriteBigEndian(output[48..]);
        if (compressed)
        {
            output[0] |= (byte)(CompressionFlag | (IsLexicographicallyLargest(point.Y) ? SignFlag : 0));
        }
        else
        {
            point.Y.C1.WriteBigEndian(output[96..]);
            point.Y.C0.WriteBigEndian(output[144..]);
        }
    }

    /// <summary>ZCash order on 𝔽p²: compare c1 first, and c0 only when c1 is zero.</summary>
    internal static bool IsLexicographicallyLargest(in Fp2 y) =>
        y.C1.IsZero ? y.C0.IsLexicographicallyLargest() : y.C1.IsLexicographicallyLargest();

    /// <summary>Checks the length (which decides compressed or not) and the three flag bits.</summary>
    private static PointDecodeError ReadHeader(ReadOnlySpan<byte> input, int compressedSize, int uncompressedSize,
        out bool compressed, out bool infinity, out bool sign)
    {
        compressed = input.Length == compressedSize;
        infinity = false;
        sign = false;
        if (!compressed && input.Length != uncompressedSize)
        {
            return PointDecodeError.WrongLength;
        }

        byte flags = input[0];
        infinity = (flags & InfinityFlag) != 0;
        sign = (flags & SignFlag) != 0;
        if (((flags & CompressionFlag) != 0) != compressed)
        {
            return PointDecodeError.InvalidFlags;
        }

        if (!compressed && sign)
        {
            return PointDecodeError.InvalidFlags;
        }

        if (infinity)
        {
            if (sign)
            {
                return PointDecodeError.InvalidFlags;
            }

            if ((flags & 0x1f) != 0 || input[1..].ContainsAnyExcept((byte)0))
            {
                return PointDecodeError.NonCanonicalInfinity;
            }
        }

        return PointDecodeError.None;
    }
}
