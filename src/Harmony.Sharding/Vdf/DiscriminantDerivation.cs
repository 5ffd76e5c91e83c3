using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// Derives a class-group discriminant from a seed: <c>D = −p</c> for the first prime <c>p ≡ 7 (mod 8)</c> at or after a
/// SHA-256-expanded candidate of exactly the requested bit length.
/// </summary>
/// <remarks>
/// <para>
/// The candidate is <c>SHA-256(domain ‖ BE32(attempt) ‖ BE32(block) ‖ seed)</c> for block = 0, 1, … concatenated,
/// truncated to <c>bits</c>, with the top bit set (so |D| has exactly that many bits) and the low three bits set (p ≡ 7
/// mod 8). The primes are searched among <c>candidate + 8j</c> for <c>j &lt; 65536</c> with a small-prime sieve and the Baillie–PSW test; if none
/// is prime (probability below e^-90 at 1024 bits) or the sum outgrows the bit length, the attempt counter is increased.
/// </para>
/// <para>
/// Why this shape: p ≡ 3 (mod 4) makes D ≡ 1 (mod 4) a fundamental discriminant, and p ≡ 7 (mod 8) makes D ≡ 1 (mod 8)
/// so that 2 splits and <c>(2, 1, (1 − D)/8)</c> is a form of D to start from. A prime |D| gives an odd class number
/// (genus theory), so there are no elements of order 2 to exploit. This is the construction Chia's VDF uses.
/// </para>
/// </remarks>
public static class DiscriminantDerivation
{
    /// <summary>How many candidates <c>c + 8j</c> one attempt sieves before re-hashing.</summary>
    public const int SearchWindow = 65536;

    private static ReadOnlySpan<byte> Domain => "harmony-sdk/vdf/discriminant/v1"u8;

    /// <summary>Derives the discriminant for <paramref name="seed"/> at <paramref name="bits"/> bits.</summary>
    /// <param name="seed">Any bytes (for epoch randomness, the epoch's combined VRF seed).</param>
    /// <param name="bits">The bit length of |D|, between <see cref="ClassGroup.MinDiscriminantBits"/> and <see cref="ClassGroup.MaxDiscriminantBits"/>.</param>
    /// <returns>A negative prime discriminant ≡ 1 (mod 8).</returns>
    public static BigInteger FromSeed(ReadOnlySpan<byte> seed, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, ClassGroup.MaxDiscriminantBits);
        for (uint attempt = 0; ; attempt++)
        {
            BigInteger candidate = Candidate(seed, bits, attempt);
            if (TrySearch(candidate, bits, out BigInteger prime))
            {
                return -prime;
            }
        }
    }

    /// <summary>Derives the discriminant for <paramref name="seed"/> and creates its group.</summary>
    /// <param name="seed">Any bytes.</param>
    /// <param name="bits">The bit length of |D|.</param>
    /// <returns>The class group.</returns>
    public static ClassGroup GroupFromSeed(ReadOnlySpan<byte> seed, int bits) => ClassGroup.Create(FromSeed(seed, bits));

    private static BigInteger Candidate(ReadOnlySpan<byte> seed, int bits, uint attempt)
    {
        int byteCount = (bits + 7) / 8;
        byte[] expanded = new byte[((byteCount + 31) / 32) * 32];
        byte[] input = new byte[Domain.Length + 8 + seed.Length];
        Domain.CopyTo(input);
        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(Domain.Length), attempt);
        seed.CopyTo(input.AsSpan(Domain.Length + 8));
        for (int block = 0; block * 32 < expanded.Length; block++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(Domain.Length + 4), (uint)block);
            SHA256.HashData(input, expanded.AsSpan(block * 32, 32));
        }

        var value = new BigInteger(expanded.AsSpan(0, byteCount), isUnsigned: true, isBigEndian: true);
        value >>= (byteCount * 8) - bits;
        value |= BigInteger.One << (bits - 1);
        value |= 7;
        return value;
    }

    private static bool TrySearch(BigInteger start, int bits, out BigInteger prime)
    {
        var composite = new bool[SearchWindow];
        bool tiny = start.GetBitLength() <= 16;
        foreach (int q in Primality.OddSmallPrimes)
        {
            // Mark j with start + 8j ≡ 0 (mod q): j ≡ −start · 8⁻¹ (mod q).
            long inverseOfEight = (long)BigInteger.ModPow(8, q - 2, q);
            long startMod = (long)(start % q);
            long j = (q - startMod) % q * inverseOfEight % q;
            for (; j < SearchWindow; j += q)
            {
                composite[j] = !tiny || start + (8 * j) != q;
            }
        }

        for (int j = 0; j < SearchWindow; j++)
        {
            if (composite[j])
            {
                continue;
            }

            BigInteger candidate = start + (8 * (BigInteger)j);
            if (candidate.GetBitLength() != bits)
            {
                break;
            }

            if (Primality.IsBailliePswPrime(candidate))
            {
                prime = candidate;
                return true;
            }
        }

        prime = BigInteger.Zero;
        return false;
    }
}
