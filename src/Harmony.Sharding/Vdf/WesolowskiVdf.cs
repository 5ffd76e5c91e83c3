using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// Wesolowski's verifiable delay function over an imaginary quadratic class group: <c>y = x^(2^T)</c> by T sequential
/// squarings, a proof <c>π = x^⌊2^T/ℓ⌋</c> for a 256-bit prime challenge ℓ hashed from (D, T, x, y), and verification
/// <c>π^ℓ · x^(2^T mod ℓ) = y</c>, which costs two ~256-bit exponentiations whatever T is.
/// </summary>
/// <remarks>
/// <para>
/// The proof is computed from checkpoints <c>x^(2^(k·i))</c> stored during evaluation (Wesolowski §4.1): the base-2^k
/// digits <c>b_i</c> of ⌊2^T/ℓ⌋ come from <c>2^(T−k(i+1)) mod ℓ</c>, the checkpoints are multiplied into 2^k buckets by
/// digit, and <c>π = Π_b (bucket_b)^b</c> takes 2^(k+1) more compositions. k minimises ⌈T/k⌉ + 2^(k+1), so for
/// T = 2^20 the proof costs about 9% of the evaluation's group operations; memory is ⌈T/k⌉ forms.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class WesolowskiVdf
{
    /// <summary>Largest accepted difficulty (number of squarings).</summary>
    public const long MaxDifficulty = 1L << 36;

    /// <summary>Bit length of the challenge prime ℓ.</summary>
    public const int ChallengeBits = 256;

    private const int CancellationCheckInterval = 1024;

    private static ReadOnlySpan<byte> ChallengeDomain => "harmony-sdk/vdf/wesolowski-challenge/v1"u8;

    /// <summary>Evaluates the VDF on <paramref name="input"/> and proves the result.</summary>
    /// <param name="group">The class group (for example <see cref="DiscriminantDerivation.GroupFromSeed"/>).</param>
    /// <param name="input">x, a reduced element of the group (usually <see cref="ClassGroup.Generator"/>).</param>
    /// <param name="difficulty">T, the number of sequential squarings, 1 to <see cref="MaxDifficulty"/>.</param>
    /// <param name="cancellationToken">Checked every 1024 squarings.</param>
    /// <returns>y and π.</returns>
    public static WesolowskiProof Evaluate(ClassGroup group, in QuadraticForm input, long difficulty, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, MaxDifficulty);
        if (!group.IsElement(input))
        {
            throw new ArgumentException("The VDF input must be a reduced form of the group.", nameof(input));
        }

        int k = ChunkBits(difficulty);
        long chunkCount = ((difficulty - 1) / k) + 1;
        var checkpoints = new QuadraticForm[chunkCount];
        QuadraticForm y = input;
        for (long t = 0; t < difficulty; t++)
        {
            if (t % k == 0)
            {
                checkpoints[t / k] = y;
                if ((t / k) % CancellationCheckInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            y = group.Square(y);
        }

        BigInteger challenge = Challenge(group, input, y, difficulty);
        QuadraticForm pi = ProveFromCheckpoints(group, checkpoints, k, difficulty, challenge);
        return new WesolowskiProof(y, pi);
    }

    /// <summary>Verifies that <paramref name="proof"/> shows <c>y = x^(2^T)</c>.</summary>
    /// <param name="group">The class group.</param>
    /// <param name="input">x.</param>
    /// <param name="difficulty">T.</param>
    /// <param name="proof">y and π.</param>
    /// <returns>False for forms outside the group, a difficulty out of range, or a failing check.</returns>
    public static bool Verify(ClassGroup group, in QuadraticForm input, long difficulty, in WesolowskiProof proof)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (difficulty < 1 || difficulty > MaxDifficulty ||
            !group.IsElement(input) || !group.IsElement(proof.Output) || !group.IsElement(proof.Proof))
        {
            return false;
        }

        BigInteger challenge = Challenge(group, input, proof.Output, difficulty);
        BigInteger remainder = BigInteger.ModPow(2, difficulty, challenge);
        QuadraticForm lhs = group.PowProduct(proof.Proof, challenge, input, remainder);
        return lhs == proof.Output;
    }

    /// <summary>
    /// The challenge prime ℓ: the first prime among <c>SHA-256(domain ‖ BE32(|D| bytes) ‖ |D| ‖ BE64(T) ‖ x ‖ y ‖ BE32(n))</c>
    /// for n = 0, 1, …, each with its top and bottom bits set (primality by Baillie–PSW).
    /// </summary>
    /// <param name="group">The class group.</param>
    /// <param name="input">x.</param>
    /// <param name="output">y.</param>
    /// <param name="difficulty">T.</param>
    /// <returns>A 256-bit prime.</returns>
    public static BigInteger Challenge(ClassGroup group, in QuadraticForm input, in QuadraticForm output, long difficulty)
    {
        ArgumentNullException.ThrowIfNull(group);
        BigInteger magnitude = BigInteger.Abs(group.Discriminant);
        int dLength = magnitude.GetByteCount(isUnsigned: true);
        int prefix = ChallengeDomain.Length + 4 + dLength + 8;
        byte[] message = new byte[prefix + (2 * group.FormSize) + 4];
        ChallengeDomain.CopyTo(message);
        int offset = ChallengeDomain.Length;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(offset), dLength);
        offset += 4;
        magnitude.TryWriteBytes(message.AsSpan(offset, dLength), out _, isUnsigned: true, isBigEndian: true);
        offset += dLength;
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(offset), difficulty);
        group.Encode(input, message.AsSpan(prefix));
        group.Encode(output, message.AsSpan(prefix + group.FormSize));
        Span<byte> digest = stackalloc byte[32];
        for (uint counter = 0; ; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(message.Length - 4), counter);
            SHA256.HashData(message, digest);
            digest[0] |= 0x80;
            digest[^1] |= 1;
            var candidate = new BigInteger(digest, isUnsigned: true, isBigEndian: true);
            if (Primality.IsBailliePswPrime(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The checkpoint spacing k that minimises ⌈T/k⌉ + 2^(k+1) group operations.</summary>
    internal static int ChunkBits(long difficulty)
    {
        int best = 1;
        long bestCost = long.MaxValue;
        for (int k = 1; k <= 20; k++)
        {
            long cost = ((difficulty - 1) / k) + 1 + (1L << (k + 1));
            if (cost < bestCost)
            {
                bestCost = cost;
                best = k;
            }
        }

        return best;
    }

    /// <summary>π = x^⌊2^T/ℓ⌋ from the checkpoints <c>x^(2^(k·i))</c>.</summary>
    internal static QuadraticForm ProveFromCheckpoints(ClassGroup group, QuadraticForm[] checkpoints, int k, long difficulty, BigInteger challenge)
    {
        int bucketCount = 1 << k;
        var buckets = new QuadraticForm?[bucketCount];
        BigInteger twoToK = BigInteger.One << k;
        for (long i = 0; i < checkpoints.Length; i++)
        {
            long remaining = difficulty - (k * i);
            int digit = remaining >= k
                ? (int)(twoToK * BigInteger.ModPow(2, remaining - k, challenge) / challenge)
                : (int)((BigInteger.One << (int)remaining) / challenge);
            if (digit == 0)
            {
                continue;
            }

            buckets[digit] = buckets[digit] is { } existing ? group.Compose(existing, checkpoints[i]) : checkpoints[i];
        }

        // Π_b bucket_b^b as a running product: after adding bucket_b to the suffix product, fold the suffix into the result.
        QuadraticForm? suffix = null;
        QuadraticForm? result = null;
        for (int digit = bucketCount - 1; digit >= 1; digit--)
        {
            if (buckets[digit] is { } bucket)
            {
                suffix = suffix is { } s ? group.Compose(s, bucket) : bucket;
            }

            if (suffix is { } current)
            {
                result = result is { } r ? group.Compose(r, current) : current;
            }
        }

        return result ?? group.Identity;
    }
}
