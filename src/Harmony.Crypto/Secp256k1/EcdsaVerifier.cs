namespace Harmony.Crypto.Secp256k1;

/// <summary>ECDSA verification and public-key recovery over secp256k1 (variable-time; public data only).</summary>
internal static class EcdsaVerifier
{
    /// <summary>Limbs of p - n: x-coordinates below it may also stand for r + n.</summary>
    private const ulong PMinusN0 = 0x402DA1722FC9BAEEUL;
    private const ulong PMinusN1 = 0x4551231950B75FC4UL;
    private const ulong PMinusN2 = 1;

    /// <summary>Checks (r, s) on a 32-byte hash against public point <paramref name="q"/>.</summary>
    internal static bool Verify(in AffinePoint q, ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, bool requireLowS)
    {
        CheckHashLength(messageHash32);
        if (!signature.TryGetScalars(out Scalar r, out Scalar s) || (requireLowS && s.IsHigh))
        {
            return false;
        }

        Scalar z = Scalar.FromBytes(messageHash32, out _);
        Scalar w = Scalar.InvertVar(s);
        Scalar u1 = Scalar.Multiply(z, w);
        Scalar u2 = Scalar.Multiply(r, w);
        JacobianPoint point = DoubleScalarMultiplier.MultiplyAddVar(u1, u2, q);
        if (point.IsInfinity)
        {
            return false;
        }

        // x(R) mod n == r without inverting Z: x(R) = X / Z^2 is r or (when r < p - n) r + n.
        var rx = new FieldElement(r.L0, r.L1, r.L2, r.L3);
        FieldElement zz = FieldElement.Square(point.Z);
        if (FieldElement.Equals(FieldElement.Multiply(rx, zz), point.X))
        {
            return true;
        }

        if (!IsBelowPMinusN(r))
        {
            return false;
        }

        FieldElement rPlusN = FieldElement.Add(rx, new FieldElement(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3));
        return FieldElement.Equals(FieldElement.Multiply(rPlusN, zz), point.X);
    }

    /// <summary>Recovers the public point that produced <paramref name="signature"/> on the hash.</summary>
    internal static bool TryRecover(ReadOnlySpan<byte> messageHash32, in EcdsaSignature signature, out AffinePoint q)
    {
        CheckHashLength(messageHash32);
        q = default;
        int recoveryId = signature.RecoveryId;
        if (!signature.TryGetScalars(out Scalar r, out Scalar s) || (uint)recoveryId > 3)
        {
            return false;
        }

        var x = new FieldElement(r.L0, r.L1, r.L2, r.L3);
        if ((recoveryId & 2) != 0)
        {
            if (!IsBelowPMinusN(r))
            {
                return false;
            }

            x = FieldElement.Add(x, new FieldElement(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3));
        }

        if (!AffinePoint.TryFromX(x, (recoveryId & 1) != 0, out AffinePoint nonce))
        {
            return false;
        }

        // Q = r^-1 (s R - z G).
        Scalar z = Scalar.FromBytes(messageHash32, out _);
        Scalar rInverse = Scalar.InvertVar(r);
        Scalar u1 = Scalar.Negate(Scalar.Multiply(z, rInverse));
        Scalar u2 = Scalar.Multiply(s, rInverse);
        JacobianPoint point = DoubleScalarMultiplier.MultiplyAddVar(u1, u2, nonce);
        return point.TryToAffineVar(out q);
    }

    private static bool IsBelowPMinusN(in Scalar r)
    {
        ulong borrow = 0;
        _ = Limbs.SubBorrow(r.L0, PMinusN0, ref borrow);
        _ = Limbs.SubBorrow(r.L1, PMinusN1, ref borrow);
        _ = Limbs.SubBorrow(r.L2, PMinusN2, ref borrow);
        _ = Limbs.SubBorrow(r.L3, 0, ref borrow);
        return borrow != 0;
    }

    private static void CheckHashLength(ReadOnlySpan<byte> messageHash32)
    {
        if (messageHash32.Length != 32)
        {
            throw new ArgumentException(
                $"The message hash must be 32 bytes, got {messageHash32.Length}.", nameof(messageHash32));
        }
    }
}
