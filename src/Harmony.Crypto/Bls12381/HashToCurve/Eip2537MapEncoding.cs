namespace Harmony.Crypto.Bls12381;

/// <summary>Why an EIP-2537 input was rejected.</summary>
internal enum Eip2537InputError
{
    /// <summary>The input was accepted.</summary>
    None,

    /// <summary>The input does not have the exact length of the operation.</summary>
    InvalidLength,

    /// <summary>A 64-byte field element has a nonzero byte in its 16 leading padding bytes.</summary>
    NonZeroPadding,

    /// <summary>A field element's 48-byte value is not below p.</summary>
    NotInField,
}

/// <summary>
/// The EIP-2537 encodings used by the <c>MAP_FP_TO_G1</c> and <c>MAP_FP2_TO_G2</c> precompiles: each 𝔽p element
/// is 64 big-endian bytes whose top 16 bytes are zero, an 𝔽p² element is c0 ‖ c1, a point is x ‖ y, and the point
/// at infinity is all zeros.
/// </summary>
internal static class Eip2537MapEncoding
{
    /// <summary>Bytes of one padded 𝔽p element.</summary>
    internal const int FpLength = 64;

    /// <summary>Bytes of the zero padding in front of the 48-byte value.</summary>
    private const int PaddingLength = 16;

    /// <summary>Bytes of an encoded G1 point.</summary>
    internal const int G1Length = 2 * FpLength;

    /// <summary>Bytes of an encoded G2 point.</summary>
    internal const int G2Length = 4 * FpLength;

    /// <summary>Reads one padded 𝔽p element.</summary>
    /// <param name="input">Exactly 64 bytes.</param>
    /// <param name="value">The element, when accepted.</param>
    /// <returns><see cref="Eip2537InputError.None"/> or the reason for rejection.</returns>
    internal static Eip2537InputError ReadFp(ReadOnlySpan<byte> input, out Fp value)
    {
        value = default;
        if (input.Length != FpLength)
        {
            return Eip2537InputError.InvalidLength;
        }

        if (input[..PaddingLength].ContainsAnyExcept((byte)0))
        {
            return Eip2537InputError.NonZeroPadding;
        }

        return Fp.TryFromBytesBigEndian(input[PaddingLength..], out value) ? Eip2537InputError.None : Eip2537InputError.NotInField;
    }

    /// <summary>Parses the 64-byte input of <c>MAP_FP_TO_G1</c>.</summary>
    /// <param name="input">The precompile input.</param>
    /// <param name="u">The field element, when accepted.</param>
    /// <returns><see cref="Eip2537InputError.None"/> or the reason for rejection.</returns>
    internal static Eip2537InputError ParseMapFpToG1Input(ReadOnlySpan<byte> input, out Fp u)
    {
        if (input.Length != FpLength)
        {
            u = default;
            return Eip2537InputError.InvalidLength;
        }

        return ReadFp(input, out u);
    }

    /// <summary>Parses the 128-byte input of <c>MAP_FP2_TO_G2</c> (c0 ‖ c1).</summary>
    /// <param name="input">The precompile input.</param>
    /// <param name="u">The field element, when accepted.</param>
    /// <returns><see cref="Eip2537InputError.None"/> or the reason for rejection.</returns>
    internal static Eip2537InputError ParseMapFp2ToG2Input(ReadOnlySpan<byte> input, out Fp2 u)
    {
        u = default;
        if (input.Length != 2 * FpLength)
        {
            return Eip2537InputError.InvalidLength;
        }

        var error = ReadFp(input[..FpLength], out var c0);
        if (error == Eip2537InputError.None)
        {
            error = ReadFp(input[FpLength..], out var c1);
            u = new Fp2(c0, c1);
        }

        return error;
    }

    /// <summary>Writes a G1 point as x ‖ y (128 bytes; all zeros for infinity).</summary>
    /// <param name="point">The point.</param>
    /// <param name="output">At least 128 bytes.</param>
    internal static void WriteG1(in G1Affine point, Span<byte> output)
    {
        output = output[..G1Length];
        output.Clear();
        if (point.IsInfinity)
        {
            return;
        }

        point.X.WriteBigEndian(output[PaddingLength..]);
        point.Y.WriteBigEndian(output[(FpLength + PaddingLength)..]);
    }

    /// <summary>Writes a G2 point as x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1 (256 bytes; all zeros for infinity).</summary>
    /// <param name="point">The point.</param>
    /// <param name="output">At least 256 bytes.</param>
    internal static void WriteG2(in G2Affine point, Span<byte> output)
    {
        output = output[..G2Length];
        output.Clear();
        if (point.IsInfinity)
        {
            return;
        }

        point.X.C0.WriteBigEndian(output[PaddingLength..]);
        point.X.C1.WriteBigEndian(output[(FpLength + PaddingLength)..]);
        point.Y.C0.WriteBigEndian(output[((2 * FpLength) + PaddingLength)..]);
        point.Y.C1.WriteBigEndian(output[((3 * FpLength) + PaddingLength)..]);
    }

    /// <summary>The whole <c>MAP_FP_TO_G1</c> precompile: parse, map and clear the cofactor, encode.</summary>
    /// <param name="input">The precompile input (64 bytes).</param>
    /// <param name="output">Receives the 128-byte point when accepted.</param>
    /// <returns><see cref="Eip2537InputError.None"/> or the reason for rejection.</returns>
    internal static Eip2537InputError MapFpToG1(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var error = ParseMapFpToG1Input(input, out var u);
        if (error == Eip2537InputError.None)
        {
            WriteG1(HashToCurve.MapFpToG1(u).ToAffine(), output);
        }

        return error;
    }

    /// <summary>The whole <c>MAP_FP2_TO_G2</c> precompile: parse, map and clear the cofactor, encode.</summary>
    /// <param name="input">The precompile input (128 bytes).</param>
    /// <param name="output">Receives the 256-byte point when accepted.</param>
    /// <returns><see cref="Eip2537InputError.None"/> or the reason for rejection.</returns>
    internal static Eip2537InputError MapFp2ToG2(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var error = ParseMapFp2ToG2Input(input, out var u);
        if (error == Eip2537InputError.None)
        {
            WriteG2(HashToCurve.MapFp2ToG2(u).ToAffine(), output);
        }

        return error;
    }
}
