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
/// The proof is computed from checkpoints <c>x^(2^(k·l·i))</c> stored during evaluation (Wesolowski §4.1): the base-2^k
/// digits of ⌊2^T/ℓ⌋ come from <c>2^(T−k(m+1)) mod ℓ</c>; for each of the l digit offsets the checkpoints are multiplied
/// into 2^k buckets by digit and <c>Π_b bucket_b^b</c> takes 2^(k+1) compositions; Horner's rule over the offsets adds
/// k·l squarings. k and l minimise the operation count under a memory cap of <see cref="MaxCheckpoints"/> forms, so for
/// T = 2^20 the proof costs about 10% of the evaluation's group operations and for T = 2^30 about 9%, with memory
/// bounded whatever T is.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class WesolowskiVdf
{
    /// <summary>Largest accepted difficulty (number of squarings).</summary>
    public const long MaxDifficulty = 1L << 36;

    /// <summary>Bit length of the challenge prime ℓ.</summary>
    public const int ChallengeBits = 256;

    /// <summary>Most forms kept in memory to build a proof (some tens of MiB at 1024 bits).</summary>
    public const long MaxCheckpoints = 1L << 16;

    private const int CancellationCheckInterval = 1024;

    private static ReadOnlySpan<byte> ChallengeDomain => "harmony-sdk/vdf/wesolowski-challenge/v1"u8;

    /// <summary>Evaluates the VDF on <paramref name="input"/> and proves the result.</summary>
    /// <param name="group">The class group (for example <see cref="DiscriminantDerivation.GroupFromSeed"/>).</param>
    /// <param name="input">x, a reduced element of the group (usually <see cref="ClassGroup.Generator"/>).</param>
    /// <param name="difficulty">T, the number of sequential squarings, 1 to <see cref="MaxDifficulty"/>.</param>
    /// <param name="cancellationToken">Checked every 1024 squarings.</param>
    /// <remarks>Memory: at most <see cref="MaxCheckpoints"/> stored forms whatever T is.</remarks>
    /// <returns>y and π.</returns>
    public static WesolowskiProof Evaluate(ClassGroup group, in QuadraticForm input, long difficulty, CancellationToken cancellationToken = default) =>
        Evaluate(group, input, difficulty, MaxCheckpoints, cancellationToken);

    /// <summary>Evaluates and proves with at most <paramref name="maxCheckpoints"/> stored forms.</summary>
    internal static WesolowskiProof Evaluate(ClassGroup group, in QuadraticForm input, long difficulty, long maxCheckpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, MaxDifficulty);
        if (!group.IsElement(input))
        {
            throw new ArgumentException("The VDF input must be a reduced form of the group.", nameof(input));
        }

        var plan = PlanProof(difficulty, maxCheckpoints);
        long spacing = (long)plan.K * plan.L;
        var checkpoints = new QuadraticForm[((difficulty - 1) / spacing) + 1];
        QuadraticForm y = input;
        for (long t = 0; t < difficulty; t++)
        {
            if (t % spacing == 0)
            {
                checkpoints[t / spacing] = y;
            }

            if (t % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            y = group.Square(y);
        }

        BigInteger challenge = Challenge(group, input, y, difficulty);
        QuadraticForm pi = ProveFromCheckpoints(group, checkpoints, plan, difficulty, challenge);
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

    /// <summary>
    /// The proof's parameters: digits of k bits, checkpoints every k·l squarings, with k and l minimising
    /// <c>⌈T/k⌉ + l·2^(k+1) + k·l</c> group operations under at most <paramref name="maxCheckpoints"/> stored forms.
    /// </summary>
    internal static ProofPlan PlanProof(long difficulty, long maxCheckpoints = MaxCheckpoints)
    {
        var best = new ProofPlan(1, (int)Math.Min(int.MaxValue, ((difficulty - 1) / maxCheckpoints) + 1));
        long bestCost = long.MaxValue;
        for (int k = 1; k <= 20; k++)
        {
            long l = Math.Max(1, ((difficulty - 1) / (k * maxCheckpoints)) + 1);
            long cost = ((difficulty - 1) / k) + 1 + (l << (k + 1)) + (k * l);
            if (l <= int.MaxValue && cost < bestCost)
            {
                bestCost = cost;
                best = new ProofPlan(k, (int)l);
            }
        }

        return best;
    }

    /// <summary>
    /// π = x^⌊2^T/ℓ⌋ from the checkpoints <c>C_i = x^(2^(k·l·i))</c> (Wesolowski §4.1): with <c>d_m</c> the base-2^k digits
    /// of ⌊2^T/ℓ⌋, <c>π = Π_j (Π_i C_i^(d_(i·l+j)))^(2^(k·j))</c>; each inner product is formed by multiplying checkpoints
    /// into 2^k buckets by digit and taking <c>Π_b bucket_b^b</c>, and the outer product by Horner's rule over j.
    /// </summary>
    internal static QuadraticForm ProveFromCheckpoints(ClassGroup group, QuadraticForm[] checkpoints, ProofPlan plan, long difficulty, BigInteger challenge)
    {
        int k = plan.K;
        int bucketCount = 1 << k;
        long digitCount = ((difficulty - 1) / k) + 1;
        BigInteger twoToK = BigInteger.One << k;
        QuadraticForm? result = null;
        var buckets = new QuadraticForm?[bucketCount];
        for (int j = plan.L - 1; j >= 0; j--)
        {
            if (result is { } soFar)
            {
                result = group.RepeatedSquare(soFar, k);
            }

            Array.Clear(buckets);
            for (long i = 0; i < checkpoints.Length; i++)
            {
                long m = (i * plan.L) + j;
                if (m >= digitCount)
                {
                    continue;
                }

                long remaining = difficulty - (k * m);
                int digit = remaining >= k
                    ? (int)(twoToK * BigInteger.ModPow(2, remaining - k, challenge) / challenge)
                    : (int)((BigInteger.One << (int)remaining) / challenge);
                if (digit != 0)
                {
                    buckets[digit] = buckets[digit] is { } existing ? group.Compose(existing, checkpoints[i]) : checkpoints[i];
                }
            }

            // Π_b bucket_b^b as a running product: after adding bucket_b to the suffix product, fold the suffix in.
            QuadraticForm? suffix = null;
            for (int digit = bucketCount - 1; digit >= 1; digit--)
            {
                if (buckets[digit] is { } bucket)
                {
                    suffix = suffix is { } sf ? group.Compose(sf, bucket) : bucket;
                }

                if (suffix is { } current)
                {
                    result = result is { } r ? group.Compose(r, current) : current;
                }
            }
        }

        return result ?? group.Identity;
    }

    /// <summary>Digit size k and checkpoint stride l (in digits) of a proof computation.</summary>
    internal readonly record struct ProofPlan(int K, int L);
}
