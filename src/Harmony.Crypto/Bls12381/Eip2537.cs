using System.Buffers.Binary;

namespace Harmony.Crypto.Bls12381;

/// <summary>
/// The BLS12-381 precompiles of EIP-2537 with their exact byte formats: field elements as 64 big-endian bytes whose top
/// 16 bytes are zero, points as x ‖ y (𝔽p² as c0 ‖ c1) with all-zero for infinity, scalars as 32 big-endian bytes.
/// Every operation reports bad input with a reason instead of throwing.
/// </summary>
public static class Eip2537
{
    private const int FieldSize = 64;
    private const int G1Size = 2 * FieldSize;
    private const int G2Size = 4 * FieldSize;
    private const int ScalarSize = 32;

    /// <summary>G1ADD: two G1 points (on the curve; no subgroup check) → their sum (128 bytes).</summary>
    public static bool TryG1Add(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        if (!CheckLength(input.Length == 2 * G1Size, out error)
            || !TryReadG1(input[..G1Size], false, out var a, out error)
            || !TryReadG1(input[G1Size..], false, out var b, out error))
        {
            return false;
        }

        output = WriteG1(a.ToJacobian().Add(b).ToAffine());
        return true;
    }

    /// <summary>G2ADD: two G2 points (on the curve; no subgroup check) → their sum (256 bytes).</summary>
    public static bool TryG2Add(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        if (!CheckLength(input.Length == 2 * G2Size, out error)
            || !TryReadG2(input[..G2Size], false, out var a, out error)
            || !TryReadG2(input[G2Size..], false, out var b, out error))
        {
            return false;
        }

        output = WriteG2(a.ToJacobian().Add(b).ToAffine());
        return true;
    }

    /// <summary>G1MSM (and G1MUL, its one-pair case): k pairs of (point in G1, scalar) → Σ scalarᵢ·pointᵢ.</summary>
    public static bool TryG1MultiScalarMultiply(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        const int PairSize = G1Size + ScalarSize;
        if (!CheckLength(input.Length > 0 && input.Length % PairSize == 0, out error))
        {
            return false;
        }

        int k = input.Length / PairSize;
        var points = new G1Affine[k];
        var scalars = new ulong[4 * k];
        for (int i = 0; i < k; i++)
        {
            var pair = input.Slice(i * PairSize, PairSize);
            if (!TryReadG1(pair[..G1Size], true, out points[i], out error))
            {
                return false;
            }

            ReadScalar(pair[G1Size..], scalars.AsSpan(4 * i, 4));
        }

        output = WriteG1(MultiScalarMultiplication.Compute<Fp, G1Curve>(points, scalars, 4).ToAffine());
        return true;
    }

    /// <summary>G2MSM (and G2MUL, its one-pair case): k pairs of (point in G2, scalar) → Σ scalarᵢ·pointᵢ.</summary>
    public static bool TryG2MultiScalarMultiply(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        const int PairSize = G2Size + ScalarSize;
        if (!CheckLength(input.Length > 0 && input.Length % PairSize == 0, out error))
        {
            return false;
        }

        int k = input.Length / PairSize;
        var points = new G2Affine[k];
        var scalars = new ulong[4 * k];
        for (int i = 0; i < k; i++)
        {
            var pair = input.Slice(i * PairSize, PairSize);
            if (!TryReadG2(pair[..G2Size], true, out points[i], out error))
            {
                return false;
            }

            ReadScalar(pair[G2Size..], scalars.AsSpan(4 * i, 4));
        }

        output = WriteG2(MultiScalarMultiplication.Compute<Fp2, G2Curve>(points, scalars, 4).ToAffine());
        return true;
    }

    /// <summary>PAIRING_CHECK: k pairs of (G1, G2) points, all subgroup-checked → 32 bytes, 1 when Π e = 1, else 0.</summary>
    public static bool TryPairingCheck(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        const int PairSize = G1Size + G2Size;
        if (!CheckLength(input.Length > 0 && input.Length % PairSize == 0, out error))
        {
            return false;
        }

        int k = input.Length / PairSize;
        var ps = new G1Affine[k];
        var qs = new G2Affine[k];
        for (int i = 0; i < k; i++)
        {
            var pair = input.Slice(i * PairSize, PairSize);
            if (!TryReadG1(pair[..G1Size], true, out ps[i], out error) || !TryReadG2(pair[G1Size..], true, out qs[i], out error))
            {
                return false;
            }
        }

        output = new byte[32];
        output[31] = FinalExponentiation.Run(MillerLoop.Run(ps, qs)).IsOne ? (byte)1 : (byte)0;
        return true;
    }

    /// <summary>MAP_FP_TO_G1: a field element → SSWU map, 11-isogeny and cofactor clearing (128 bytes).</summary>
    public static bool TryMapFpToG1(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        if (!CheckLength(input.Length == FieldSize, out error) || !TryReadFp(input, out var u, out error))
        {
            return false;
        }

        output = WriteG1(HashToCurve.MapFpToG1(u).ToAffine());
        return true;
    }

    /// <summary>MAP_FP2_TO_G2: an 𝔽p² element → SSWU map, 3-isogeny and cofactor clearing (256 bytes).</summary>
    public static bool TryMapFp2ToG2(ReadOnlySpan<byte> input, out byte[] output, out string? error)
    {
        output = [];
        if (!CheckLength(input.Length == 2 * FieldSize, out error)
            || !TryReadFp(input[..FieldSize], out var c0, out error)
            || !TryReadFp(input[FieldSize..], out var c1, out error))
        {
            return false;
        }

        output = WriteG2(HashToCurve.MapFp2ToG2(new Fp2(c0, c1)).ToAffine());
        return true;
    }

    private static bool CheckLength(bool ok, out string? error)
    {
        error = ok ? null : "invalid input length";
        return ok;
    }

    private static bool TryReadFp(ReadOnlySpan<byte> bytes, out Fp value, out string? error)
    {
        value = default;
        if (bytes[..16].ContainsAnyExcept((byte)0))
        {
            error = "invalid field element top bytes";
            return false;
        }

        if (!Fp.TryFromBytesBigEndian(bytes[16..FieldSize], out value))
        {
            error = "invalid field element: not below the modulus";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryReadG1(ReadOnlySpan<byte> bytes, bool checkSubgroup, out G1Affine point, out string? error)
    {
        point = G1Affine.Infinity;
        if (!TryReadFp(bytes[..FieldSize], out var x, out error) || !TryReadFp(bytes[FieldSize..], out var y, out error))
        {
            return false;
        }

        if (x.IsZero && y.IsZero)
        {
            return true;
        }

        var candidate = new G1Affine(x, y);
        if (!candidate.IsOnCurve())
        {
            error = "invalid point: not on curve";
            return false;
        }

        if (checkSubgroup && !G1.IsInSubgroup(candidate))
        {
            error = "g1 point is not in the correct subgroup";
            return false;
        }

        point = candidate;
        return true;
    }

    private static bool TryReadG2(ReadOnlySpan<byte> bytes, bool checkSubgroup, out G2Affine point, out string? error)
    {
        point = G2Affine.Infinity;
        if (!TryReadFp(bytes[..FieldSize], out var x0, out error)
            || !TryReadFp(bytes.Slice(FieldSize, FieldSize), out var x1, out error)
            || !TryReadFp(bytes.Slice(2 * FieldSize, FieldSize), out var y0, out error)
            || !TryReadFp(bytes.Slice(3 * FieldSize, FieldSize), out var y1, out error))
        {
            return false;
        }

        var x = new Fp2(x0, x1);
        var y = new Fp2(y0, y1);
        if (x.IsZero && y.IsZero)
        {
            return true;
        }

        var candidate = new G2Affine(x, y);
        if (!candidate.IsOnCurve())
        {
            error = "invalid point: not on curve";
            return false;
        }

        if (checkSubgroup && !G2.IsInSubgroup(candidate))
        {
            error = "g2 point is not in the correct subgroup";
            return false;
        }

        point = candidate;
        return true;
    }

    private static void ReadScalar(ReadOnlySpan<byte> bytes, Span<ulong> words)
    {
        for (int i = 0; i < 4; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(24 - (8 * i), 8));
        }
    }

    private static byte[] WriteG1(in G1Affine point)
    {
        var output = new byte[G1Size];
        if (!point.IsInfinity)
        {
            point.X.WriteBigEndian(output.AsSpan(16, 48));
            point.Y.WriteBigEndian(output.AsSpan(FieldSize + 16, 48));
        }

        return output;
    }

    private static byte[] WriteG2(in G2Affine point)
    {
        var output = new byte[G2Size];
        if (!point.IsInfinity)
        {
            point.X.C0.WriteBigEndian(output.AsSpan(16, 48));
            point.X.C1.WriteBigEndian(output.AsSpan(FieldSize + 16, 48));
            point.Y.C0.WriteBigEndian(output.AsSpan((2 * FieldSize) + 16, 48));
            point.Y.C1.WriteBigEndian(output.AsSpan((3 * FieldSize) + 16, 48));
        }

        return output;
    }
}
