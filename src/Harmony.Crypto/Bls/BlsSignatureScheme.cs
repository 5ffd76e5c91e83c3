using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// The algorithms shared by every suite with keys in G1 and signatures in G2. A suite supplies its generator, its
/// hash to G2 and its byte formats; verification, aggregation and batching are written once here.
/// </summary>
public abstract class BlsSignatureScheme : IBlsSignatureScheme
{
    /// <inheritdoc />
    public abstract BlsSuite Suite { get; }

    /// <summary>The managed implementation of a suite (<see cref="IetfBlsScheme"/> or <see cref="HarmonyBlsScheme"/>).</summary>
    /// <param name="suite">The suite.</param>
    /// <returns>Its shared, thread-safe instance.</returns>
    public static BlsSignatureScheme ForSuite(BlsSuite suite) => suite switch
    {
        BlsSuite.Ietf => IetfBlsScheme.Instance,
        BlsSuite.Harmony => HarmonyBlsScheme.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Unknown BLS suite."),
    };

    /// <inheritdoc />
    public abstract int PublicKeySize { get; }

    /// <inheritdoc />
    public abstract int SignatureSize { get; }

    /// <summary>The suite's G1 generator g: pk = sk·g and verification pairs the signature with −g.</summary>
    internal abstract G1Affine Generator { get; }

    /// <summary>Hashes a message to G2 with the suite's signing rule; false when the suite cannot sign the message.</summary>
    internal abstract bool TryHashToG2(ReadOnlySpan<byte> message, out G2Jacobian hash);

    /// <summary>The suite's secret-key encoding: 32 bytes in the suite's byte order.</summary>
    internal abstract bool SecretKeyIsLittleEndian { get; }

    /// <summary>The point signed by a proof of possession for a public key.</summary>
    internal abstract G2Jacobian PossessionPoint(in BlsPublicKey publicKey);

    /// <summary>Decodes a G1 point in the suite's format without the subgroup check.</summary>
    internal abstract PointDecodeError DecodeG1(ReadOnlySpan<byte> encoded, out G1Affine point);

    /// <summary>Decodes a G2 point in the suite's format without the subgroup check.</summary>
    internal abstract PointDecodeError DecodeG2(ReadOnlySpan<byte> encoded, out G2Affine point);

    /// <inheritdoc />
    public abstract void EncodePublicKey(in BlsPublicKey publicKey, Span<byte> destination);

    /// <inheritdoc />
    public abstract void EncodeSignature(in BlsSignature signature, Span<byte> destination);

    /// <summary>The encoded public key as a new array.</summary>
    public byte[] EncodePublicKey(in BlsPublicKey publicKey)
    {
        var bytes = new byte[PublicKeySize];
        EncodePublicKey(publicKey, bytes);
        return bytes;
    }

    /// <summary>The encoded signature as a new array.</summary>
    public byte[] EncodeSignature(in BlsSignature signature)
    {
        var bytes = new byte[SignatureSize];
        EncodeSignature(signature, bytes);
        return bytes;
    }

    /// <summary>Decodes and validates a public key, throwing <see cref="BlsFormatException"/> with the reason.</summary>
    public BlsPublicKey DecodePublicKey(ReadOnlySpan<byte> encoded) =>
        TryDecodePublicKey(encoded, out var key, out var error) ? key : throw new BlsFormatException("BLS public key", error);

    /// <summary>Decodes and subgroup-checks a signature, throwing <see cref="BlsFormatException"/> with the reason.</summary>
    public BlsSignature DecodeSignature(ReadOnlySpan<byte> encoded) =>
        TryDecodeSignature(encoded, out var signature, out var error) ? signature : throw new BlsFormatException("BLS signature", error);

    /// <inheritdoc />
    public bool TryDecodePublicKey(ReadOnlySpan<byte> encoded, out BlsPublicKey publicKey, out PointDecodeError reason)
    {
        publicKey = default;
        reason = DecodeG1(encoded, out var point);
        if (reason != PointDecodeError.None)
        {
            return false;
        }

        if (point.IsInfinity)
        {
            reason = PointDecodeError.Infinity;
            return false;
        }

        if (!G1.IsInSubgroup(point))
        {
            reason = PointDecodeError.NotInSubgroup;
            return false;
        }

        publicKey = new BlsPublicKey(new G1Point(point));
        return true;
    }

    /// <inheritdoc />
    public bool TryDecodeSignature(ReadOnlySpan<byte> encoded, out BlsSignature signature, out PointDecodeError reason)
    {
        signature = default;
        reason = DecodeG2(encoded, out var point);
        if (reason != PointDecodeError.None)
        {
            return false;
        }

        if (!G2.IsInSubgroup(point))
        {
            reason = PointDecodeError.NotInSubgroup;
            return false;
        }

        signature = new BlsSignature(new G2Point(point));
        return true;
    }

    /// <inheritdoc />
    public bool TryDecodeSignatureForAggregation(ReadOnlySpan<byte> encoded, out BlsSignature signature, out PointDecodeError reason)
    {
        signature = default;
        reason = DecodeG2(encoded, out var point);
        if (reason != PointDecodeError.None)
        {
            return false;
        }

        signature = new BlsSignature(new G2Point(point), subgroupChecked: point.IsInfinity);
        return true;
    }

    /// <inheritdoc />
    public BlsPublicKey GetPublicKey(BlsSecretKey secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var point = G1.MultiplyConstantTime(G1Projective.FromAffine(Generator), secretKey.Scalar);
        return new BlsPublicKey(new G1Point(point.ToAffine()));
    }

    /// <inheritdoc />
    public bool TryDecodeSecretKey(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out BlsSecretKey? secretKey)
    {
        if (!SecretKeyIsLittleEndian || encoded.Length != BlsSecretKey.Size)
        {
            return BlsSecretKey.TryFromBytes(encoded, out secretKey);
        }

        Span<byte> bigEndian = stackalloc byte[BlsSecretKey.Size];
        try
        {
            encoded.CopyTo(bigEndian);
            bigEndian.Reverse();
            return BlsSecretKey.TryFromBytes(bigEndian, out secretKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bigEndian);
        }
    }

    /// <inheritdoc />
    public void EncodeSecretKey(BlsSecretKey secretKey, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        secretKey.WriteBytes(destination);
        if (SecretKeyIsLittleEndian)
        {
            destination[..BlsSecretKey.Size].Reverse();
        }
    }

    /// <inheritdoc />
    public BlsSignature Sign(BlsSecretKey secretKey, ReadOnlySpan<byte> message) =>
        TrySign(secretKey, message, out var signature)
            ? signature
            : throw new ArgumentException($"The {Suite} suite cannot sign this message: it maps to no point (for the Harmony suite, the message is empty or its first 48 bytes are all zero).", nameof(message));

    /// <inheritdoc />
    public bool TrySign(BlsSecretKey secretKey, ReadOnlySpan<byte> message, out BlsSignature signature)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        if (!TryHashToG2(message, out var hash))
        {
            signature = default;
            return false;
        }

        signature = SignPoint(secretKey, hash);
        return true;
    }

    /// <inheritdoc />
    public bool Verify(in BlsPublicKey publicKey, ReadOnlySpan<byte> message, in BlsSignature signature)
    {
        if (publicKey.IsInfinity || !InSubgroup(signature) || !TryHashToG2(message, out var hash))
        {
            return false;
        }

        return PairingEquals(publicKey.Point.Affine, hash.ToAffine(), signature.Point.Affine);
    }

    /// <inheritdoc />
    public bool FastAggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message, in BlsSignature signature)
    {
        if (publicKeys.IsEmpty)
        {
            return false;
        }

        foreach (var key in publicKeys)
        {
            if (key.IsInfinity)
            {
                return false;
            }
        }

        if (!InSubgroup(signature) || !TryHashToG2(message, out var hash))
        {
            return false;
        }

        BlsPublicKey.TryAggregate(publicKeys, out var aggregate);
        return PairingEquals(aggregate.Point.Affine, hash.ToAffine(), signature.Point.Affine);
    }

    /// <inheritdoc />
    public bool AggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<ReadOnlyMemory<byte>> messages, in BlsSignature signature)
    {
        if (publicKeys.IsEmpty || publicKeys.Length != messages.Length || !InSubgroup(signature))
        {
            return false;
        }

        int n = publicKeys.Length;
        var ps = ArrayPool<G1Affine>.Shared.Rent(n + 1);
        var qs = ArrayPool<G2Affine>.Shared.Rent(n + 1);
        try
        {
            for (int i = 0; i < n; i++)
            {
                if (publicKeys[i].IsInfinity)
                {
                    return false;
                }

                ps[i] = publicKeys[i].Point.Affine;
            }

            var messageArray = messages.ToArray();
            if (!HashAll(messageArray, qs, null))
            {
                return false;
            }

            ps[n] = Generator.Negate();
            qs[n] = signature.Point.Affine;
            return MultiPairingIsOne(ps.AsSpan(0, n + 1), qs.AsSpan(0, n + 1));
        }
        finally
        {
            ArrayPool<G1Affine>.Shared.Return(ps);
            ArrayPool<G2Affine>.Shared.Return(qs);
        }
    }

    /// <inheritdoc />
    public BatchVerificationResult VerifyBatch(ReadOnlySpan<BlsSignatureSet> sets)
    {
        if (sets.IsEmpty)
        {
            return new BatchVerificationResult(false, []);
        }

        int n = sets.Length;
        var ps = new G1Affine[n + 1];
        var qs = new G2Affine[n + 1];
        var messages = new ReadOnlyMemory<byte>[n];
        bool anyRejected = false;
        var coefficients = new ulong[n];
        var signatures = new G2Affine[n];
        var scaledKeys = new G1Jacobian[n];
        Span<byte> randomBytes = stackalloc byte[8];
        for (int i = 0; i < n; i++)
        {
            var set = sets[i];
            messages[i] = set.Message;
            if (set.PublicKey.IsInfinity || !InSubgroup(set.Signature))
            {
                anyRejected = true;
                continue;
            }

            // A fresh non-zero 64-bit coefficient per set: forging a batch needs guessing it (2^-64).
            ulong r;
            do
            {
                RandomNumberGenerator.Fill(randomBytes);
                r = BitConverter.ToUInt64(randomBytes);
            }
            while (r == 0);

            coefficients[i] = r;
            signatures[i] = set.Signature.Point.Affine;
            scaledKeys[i] = set.PublicKey.Point.Affine.ToJacobian().MultiplyVartime(r);
        }

        BatchNormalization.ToAffine<Fp, G1Curve>(scaledKeys, ps.AsSpan(0, n));
        var unhashable = new bool[n];
        bool allHashed = HashAll(messages, qs, unhashable);

        bool valid = false;
        if (!anyRejected && allHashed)
        {
            ps[n] = Generator.Negate();
            qs[n] = MultiScalarMultiplication.Compute<Fp2, G2Curve>(signatures, coefficients, 1).ToAffine();
            valid = MultiPairingIsOne(ps, qs);
        }

        if (valid)
        {
            return new BatchVerificationResult(true, []);
        }

        // Name the culprits by checking each set on its own, reusing the message hashes.
        var invalid = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var set = sets[i];
            if (set.PublicKey.IsInfinity || unhashable[i] || !InSubgroup(set.Signature) || !PairingEquals(set.PublicKey.Point.Affine, qs[i], set.Signature.Point.Affine))
            {
                invalid.Add(i);
            }
        }

        return new BatchVerificationResult(false, invalid);
    }

    /// <inheritdoc />
    public BlsSignature ProvePossession(BlsSecretKey secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        return SignPoint(secretKey, PossessionPoint(GetPublicKey(secretKey)));
    }

    /// <inheritdoc />
    public bool VerifyPossession(in BlsPublicKey publicKey, in BlsSignature proof)
    {
        if (publicKey.IsInfinity || !InSubgroup(proof))
        {
            return false;
        }

        return PairingEquals(publicKey.Point.Affine, PossessionPoint(publicKey).ToAffine(), proof.Point.Affine);
    }

    /// <summary>True for a signature decoded with the subgroup check, or one that passes it now.</summary>
    private static bool InSubgroup(in BlsSignature signature) => signature.IsSubgroupChecked || G2.IsInSubgroup(signature.Point.Affine);

    private static BlsSignature SignPoint(BlsSecretKey secretKey, in G2Jacobian hash)
    {
        var point = G2.MultiplyConstantTime(FromJacobian(hash), secretKey.Scalar);
        return new BlsSignature(new G2Point(point.ToAffine()));
    }

    private static G2Projective FromJacobian(in G2Jacobian p)
    {
        // (X/Z², Y/Z³) = (X·Z / Z³, Y / Z³).
        if (p.IsInfinity)
        {
            return G2Projective.Identity;
        }

        var z3 = p.Z.Square() * p.Z;
        return new G2Projective(p.X * p.Z, p.Y, z3);
    }

    /// <summary>e(pk, h) == e(g, sig), as e(pk, h)·e(−g, sig) = 1 with one two-pair Miller loop.</summary>
    private bool PairingEquals(in G1Affine publicKey, in G2Affine hash, in G2Affine signature)
    {
        Span<G1Affine> ps = stackalloc G1Affine[2];
        Span<G2Affine> qs = stackalloc G2Affine[2];
        ps[0] = publicKey;
        ps[1] = Generator.Negate();
        qs[0] = hash;
        qs[1] = signature;
        return MultiPairingIsOne(ps, qs);
    }

    /// <summary>Π e(pᵢ, qᵢ) = 1, with the Miller loops split across two threads for large inputs.</summary>
    private static bool MultiPairingIsOne(ReadOnlySpan<G1Affine> ps, ReadOnlySpan<G2Affine> qs)
    {
        const int ParallelThreshold = 16;
        if (ps.Length < ParallelThreshold || Environment.ProcessorCount < 2)
        {
            return FinalExponentiation.Run(MillerLoop.Run(ps, qs)).IsOne;
        }

        return MultiPairingIsOneInParallel(ps.ToArray(), qs.ToArray());
    }

    /// <summary>Two Miller loops on two threads, one final exponentiation (kept apart so the closure is allocated only here).</summary>
    private static bool MultiPairingIsOneInParallel(G1Affine[] p, G2Affine[] q)
    {
        int half = p.Length / 2;
        var second = Task.Run(() => MillerLoop.Run(p.AsSpan(half), q.AsSpan(half)));
        var first = MillerLoop.Run(p.AsSpan(0, half), q.AsSpan(0, half));
        return FinalExponentiation.Run(first * second.GetAwaiter().GetResult()).IsOne;
    }

    /// <summary>
    /// Hashes every message to an affine G2 point. A message the suite cannot hash becomes the identity and, when
    /// <paramref name="failed"/> is given, is marked there. Returns whether every message hashed.
    /// </summary>
    private bool HashAll(ReadOnlyMemory<byte>[] messages, G2Affine[] output, bool[]? failed)
    {
        var hashes = new G2Jacobian[messages.Length];
        var unhashable = failed ?? new bool[messages.Length];
        if (messages.Length < 8 || Environment.ProcessorCount < 2)
        {
            for (int i = 0; i < messages.Length; i++)
            {
                unhashable[i] = !TryHashToG2(messages[i].Span, out hashes[i]);
            }
        }
        else
        {
            HashAllInParallel(messages, hashes, unhashable);
        }

        BatchNormalization.ToAffine<Fp2, G2Curve>(hashes, output.AsSpan(0, messages.Length));
        return Array.IndexOf(unhashable, true) < 0;
    }

    private void HashAllInParallel(ReadOnlyMemory<byte>[] messages, G2Jacobian[] output, bool[] unhashable) =>
        Parallel.For(0, messages.Length, i => unhashable[i] = !TryHashToG2(messages[i].Span, out output[i]));
}
