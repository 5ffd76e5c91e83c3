using System.Numerics;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Tests.Secp256k1;

/// <summary>
/// Straightforward BigInteger models of the field, the scalars and the curve, used as the oracle in
/// differential tests. Slow and obviously correct rather than fast.
/// </summary>
internal static class Reference
{
    public static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;
    public static readonly BigInteger N = Hex("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
    public static readonly BigInteger TwoTo256 = BigInteger.Pow(2, 256);
    public static readonly BigInteger Gx = Hex("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798");
    public static readonly BigInteger Gy = Hex("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8");

    public static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber, null);

    public static BigInteger Mod(BigInteger a, BigInteger m)
    {
        BigInteger r = a % m;
        return r.Sign < 0 ? r + m : r;
    }

    public static BigInteger FromLimbs(ulong l0, ulong l1, ulong l2, ulong l3) =>
        new BigInteger(l0) + (new BigInteger(l1) << 64) + (new BigInteger(l2) << 128) + (new BigInteger(l3) << 192);

    public static BigInteger ToBig(FieldElement a) => FromLimbs(a.L0, a.L1, a.L2, a.L3);

    public static BigInteger ToBig(Scalar a) => FromLimbs(a.L0, a.L1, a.L2, a.L3);

    public static void ToLimbs(BigInteger value, out ulong l0, out ulong l1, out ulong l2, out ulong l3)
    {
        BigInteger mask = ulong.MaxValue;
        l0 = (ulong)(value & mask);
        l1 = (ulong)((value >> 64) & mask);
        l2 = (ulong)((value >> 128) & mask);
        l3 = (ulong)((value >> 192) & mask);
    }

    /// <summary>A field element holding the raw 256-bit <paramref name="value"/> (not necessarily below p).</summary>
    public static FieldElement FieldOf(BigInteger value)
    {
        ToLimbs(value, out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        return new FieldElement(l0, l1, l2, l3);
    }

    /// <summary>A scalar holding <paramref name="value"/>, which must be below n.</summary>
    public static Scalar ScalarOf(BigInteger value)
    {
        ToLimbs(value, out ulong l0, out ulong l1, out ulong l2, out ulong l3);
        return Crypto.Secp256k1.Scalar.FromCanonicalLimbs(l0, l1, l2, l3);
    }

    public static byte[] ToBytes32(BigInteger value)
    {
        byte[] bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }

    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return Mod(new BigInteger(bytes), bound);
    }

    /// <summary>
    /// Random 256-bit values mixed with the edge cases that break carry and reduction code.
    /// </summary>
    public static IEnumerable<BigInteger> Values256(int seed, int count, BigInteger modulus)
    {
        BigInteger[] edges =
        [
            0, 1, 2, 3, 977, BigInteger.Pow(2, 32) + 977, modulus - 1, modulus, modulus + 1, modulus - 2,
            TwoTo256 - 1, TwoTo256 - 2, BigInteger.Pow(2, 64) - 1, BigInteger.Pow(2, 64), BigInteger.Pow(2, 128) - 1,
            BigInteger.Pow(2, 128), BigInteger.Pow(2, 192) - 1, BigInteger.Pow(2, 255), (modulus - 1) / 2,
            (modulus + 1) / 2, modulus - BigInteger.Pow(2, 64),
        ];
        foreach (BigInteger edge in edges)
        {
            if (edge < TwoTo256)
            {
                yield return edge;
            }
        }

        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            // Alternate uniform values with values built from all-zero / all-one limbs.
            if (i % 4 == 3)
            {
                BigInteger v = 0;
                for (int limb = 0; limb < 4; limb++)
                {
                    ulong pick = random.Next(3) switch { 0 => 0UL, 1 => ulong.MaxValue, _ => (ulong)random.NextInt64() };
                    v += new BigInteger(pick) << (64 * limb);
                }

                yield return v;
            }
            else
            {
                yield return RandomBelow(random, TwoTo256);
            }
        }
    }

    /// <summary>Modular inverse by the extended Euclidean algorithm.</summary>
    public static BigInteger Inverse(BigInteger a, BigInteger m)
    {
        BigInteger oldR = Mod(a, m), r = m, oldS = 1, s = 0;
        while (r != 0)
        {
            BigInteger q = BigInteger.Divide(oldR, r);
            (oldR, r) = (r, oldR - (q * r));
            (oldS, s) = (s, oldS - (q * s));
        }

        if (oldR != 1)
        {
            throw new ArgumentException("Not invertible.", nameof(a));
        }

        return Mod(oldS, m);
    }

    /// <summary>Affine point arithmetic on y^2 = x^3 + 7 with null as infinity.</summary>
    public static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? a, (BigInteger X, BigInteger Y)? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        (BigInteger x1, BigInteger y1) = a.Value;
        (BigInteger x2, BigInteger y2) = b.Value;
        BigInteger slope;
        if (x1 == x2)
        {
            if (Mod(y1 + y2, P) == 0)
            {
                return null;
            }

            slope = Mod(3 * x1 * x1 * Inverse(2 * y1, P), P);
        }
        else
        {
            slope = Mod((y2 - y1) * Inverse(x2 - x1, P), P);
        }

        BigInteger x3 = Mod((slope * slope) - x1 - x2, P);
        BigInteger y3 = Mod((slope * (x1 - x3)) - y1, P);
        return (x3, y3);
    }

    public static (BigInteger X, BigInteger Y)? Multiply(BigInteger k, (BigInteger X, BigInteger Y)? point)
    {
        (BigInteger X, BigInteger Y)? result = null;
        for (int bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!(k >> bit).IsEven)
            {
                result = Add(result, point);
            }
        }

        return result;
    }

    public static (BigInteger X, BigInteger Y)? G => (Gx, Gy);

    public static (BigInteger X, BigInteger Y) ToBig(AffinePoint p) => (ToBig(FieldElement.Normalize(p.X)), ToBig(FieldElement.Normalize(p.Y)));

    public static (BigInteger X, BigInteger Y)? ToBig(JacobianPoint p)
    {
        if (p.IsInfinity)
        {
            return null;
        }

        BigInteger z = ToBig(p.Z);
        BigInteger zi = Inverse(z, P);
        return (Mod(ToBig(p.X) * zi * zi, P), Mod(ToBig(p.Y) * zi * zi * zi, P));
    }

    public static AffinePoint Affine((BigInteger X, BigInteger Y)? p) => new(FieldOf(p!.Value.X), FieldOf(p.Value.Y));

    /// <summary>Textbook ECDSA verification.</summary>
    public static bool Verify(BigInteger qx, BigInteger qy, BigInteger z, BigInteger r, BigInteger s)
    {
        if (r <= 0 || r >= N || s <= 0 || s >= N)
        {
            return false;
        }

        BigInteger w = Inverse(s, N);
        (BigInteger X, BigInteger Y)? point = Add(Multiply(Mod(z * w, N), G), Multiply(Mod(r * w, N), (qx, qy)));
        return point is not null && Mod(point.Value.X, N) == r;
    }
}
