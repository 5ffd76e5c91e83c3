using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// mcl's "non-ETH" compressed serialization as Harmony uses it (spec/harmony.md §3.3): the x coordinate little-endian
/// (48 bytes for G1; real part then imaginary part, 96 bytes, for G2), bit 7 of the last byte set when y is odd
/// (for G2, when the real part of y is odd), and all-zero bytes for the identity. Decoding recovers y with mcl's own
/// square root, so the same bytes give the same point as in mcl. No subgroup check here.
/// </summary>
internal static class MclPointEncoding
{
    internal const int G1Size = 48;
    internal const int G2Size = 96;
    private const byte OddFlag = 0x80;

    internal static void EncodeG1(in G1Affine point, Span<byte> destination)
    {
        var target = destination[..G1Size];
        if (point.IsInfinity)
        {
            target.Clear();
            return;
        }

        WriteLittleEndian(point.X, target);
        if (IsOdd(point.Y))
        {
            target[^1] |= OddFlag;
        }
    }

    internal static void EncodeG2(in G2Affine point, Span<byte> destination)
    {
        var target = destination[..G2Size];
        if (point.IsInfinity)
        {
            target.Clear();
            return;
        }

        WriteLittleEndian(point.X.C0, target[..G1Size]);
        WriteLittleEndian(point.X.C1, target[G1Size..]);
        if (IsOdd(point.Y.C0))
        {
            target[^1] |= OddFlag;
        }
    }

    internal static PointDecodeError DecodeG1(ReadOnlySpan<byte> encoded, out G1Affine point)
    {
        point = G1Affine.Infinity;
        if (encoded.Length != G1Size)
        {
            return PointDecodeError.WrongLength;
        }

        if (!encoded.ContainsAnyExcept((byte)0))
        {
            return PointDecodeError.None;
        }

        bool odd = (encoded[^1] & OddFlag) != 0;
        if (!TryReadLittleEndian(encoded, stripFlag: true, out var x))
        {
            return PointDecodeError.CoordinateNotInField;
        }

        var rhs = (x.Square() * x) + G1Curve.B;
        if (!Fp.TrySqrt(rhs, out var y))
        {
            return PointDecodeError.NotOnCurve;
        }

        point = new G1Affine(x, IsOdd(y) == odd ? y : -y);
        return PointDecodeError.None;
    }

    internal static PointDecodeError DecodeG2(ReadOnlySpan<byte> encoded, out G2Affine point)
    {
        point = G2Affine.Infinity;
        if (encoded.Length != G2Size)
        {
            return PointDecodeError.WrongLength;
        }

        if (!encoded.ContainsAnyExcept((byte)0))
        {
            return PointDecodeError.None;
        }

        bool odd = (encoded[^1] & OddFlag) != 0;
        if (!TryReadLittleEndian(encoded[..G1Size], stripFlag: false, out var x0) ||
            !TryReadLittleEndian(encoded[G1Size..], stripFlag: true, out var x1))
        {
            return PointDecodeError.CoordinateNotInField;
        }

        var x = new Fp2(x0, x1);
        var rhs = (x.Square() * x) + G2Curve.B;
        if (!Fp2.TrySqrtEitherRoot(rhs, out var y))
        {
            return PointDecodeError.NotOnCurve;
        }

        point = new G2Affine(x, IsOdd(y.C0) == odd ? y : -y);
        return PointDecodeError.None;
    }

    /// <summary>mcl's <c>isOdd</c>: the parity of the canonical integer.</summary>
    private static bool IsOdd(in Fp value) => value.Sgn0;

    private static void WriteLittleEndian(in Fp value, Span<byte> destination)
    {
        value.WriteBigEndian(destination[..G1Size]);
        destination[..G1Size].Reverse();
    }

    private static bool TryReadLittleEndian(ReadOnlySpan<byte> littleEndian, bool stripFlag, out Fp value)
    {
        Span<byte> bigEndian = stackalloc byte[G1Size];
        for (int i = 0; i < G1Size; i++)
        {
            bigEndian[G1Size - 1 - i] = littleEndian[i];
        }

        if (stripFlag)
        {
            bigEndian[0] &= unchecked((byte)~OddFlag);
        }

        return Fp.TryFromBytesBigEndian(bigEndian, out value);
    }
}
