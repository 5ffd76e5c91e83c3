using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Bls12381;
using Harmony.Crypto.Hashing;

namespace Harmony.Consensus.Tests.Infrastructure;

/// <summary>
/// TEST ONLY — an insecure, cheap, deterministic stand-in for a BLS suite, so thousands of simulated rounds run in
/// seconds. It keeps the algebra the engine relies on (keys in G1, signatures in G2, aggregation by point addition,
/// verification of an aggregate against the sum of keys) but replaces the pairing with arithmetic on known discrete
/// logarithms: secret key i is the scalar 2^i (i &lt; 16), a public key is s·G1, and the signature of m is
/// (s + h(m))·G2 with a 32-bit h. Verification recovers Σs from the aggregate key through a table of all 2^16 subset
/// sums and compares (Σs + n·h(m))·G2. Anyone can forge with it. It is never registered by any DI entry point.
/// </summary>
internal sealed class InsecureTestBlsScheme : IBlsSignatureScheme
{
    public const int MaxKeys = 16;

    private const int CacheLimit = 100_000;

    private static readonly Lazy<(Dictionary<G1Point, int> Logs, G1Point[] Points)> Table = new(BuildTable);
    private readonly ConcurrentDictionary<string, G2Point> _signatureCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ulong, G2Point> _multiples = new();

    private InsecureTestBlsScheme()
    {
    }

    public static InsecureTestBlsScheme Instance { get; } = new();

    public BlsSuite Suite => BlsSuite.Ietf;

    public int PublicKeySize => 48;

    public int SignatureSize => 96;

    /// <summary>Key number <paramref name="index"/> (its scalar is 2^index).</summary>
    public static BlsSecretKey Key(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxKeys);
        var bytes = new byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(24), 1UL << index);
        return BlsSecretKey.FromBytes(bytes);
    }

    public BlsPublicKey GetPublicKey(BlsSecretKey secretKey) => new(Table.Value.Points[Scalar(secretKey)]);

    public bool TryDecodePublicKey(ReadOnlySpan<byte> encoded, out BlsPublicKey publicKey, out PointDecodeError reason)
    {
        publicKey = default;
        if (encoded.Length != PublicKeySize || !G1Point.TryDecode(encoded, out var point, out reason))
        {
            reason = encoded.Length != PublicKeySize ? PointDecodeError.WrongLength : PointDecodeError.NotOnCurve;
            return false;
        }

        if (point.IsInfinity || !Table.Value.Logs.ContainsKey(point))
        {
            reason = PointDecodeError.NotInSubgroup;
            return false;
        }

        publicKey = new BlsPublicKey(point);
        return true;
    }

    public bool TryDecodeSignature(ReadOnlySpan<byte> encoded, out BlsSignature signature, out PointDecodeError reason)
    {
        signature = default;
        reason = default;
        if (encoded.Length != SignatureSize)
        {
            reason = PointDecodeError.WrongLength;
            return false;
        }

        if (_signatureCache.TryGetValue(Convert.ToHexStringLower(encoded), out var cached))
        {
            signature = new BlsSignature(cached);
            return true;
        }

        if (!G2Point.TryDecode(encoded, out var point, out reason))
        {
            return false;
        }

        signature = new BlsSignature(point);
        return true;
    }

    public void EncodePublicKey(in BlsPublicKey publicKey, Span<byte> destination) => publicKey.Point.WriteCompressed(destination);

    public void EncodeSignature(in BlsSignature signature, Span<byte> destination)
    {
        signature.Point.WriteCompressed(destination);
        if (_signatureCache.Count > CacheLimit)
        {
            _signatureCache.Clear();
        }

        {
            _signatureCache.TryAdd(Convert.ToHexStringLower(destination[..SignatureSize]), signature.Point);
        }
    }

    public bool TryDecodeSecretKey(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out BlsSecretKey? secretKey) => BlsSecretKey.TryFromBytes(encoded, out secretKey);

    public void EncodeSecretKey(BlsSecretKey secretKey, Span<byte> destination) => secretKey.WriteBytes(destination);

    public BlsSignature Sign(BlsSecretKey secretKey, ReadOnlySpan<byte> message) =>
        TrySign(secretKey, message, out var signature) ? signature : throw new ArgumentException("The test scheme cannot sign an empty message.", nameof(message));

    public bool TrySign(BlsSecretKey secretKey, ReadOnlySpan<byte> message, out BlsSignature signature)
    {
        signature = default;
        if (message.IsEmpty)
        {
            return false;
        }

        signature = new BlsSignature(Multiple((ulong)Scalar(secretKey) + MessageScalar(message)));
        return true;
    }

    public bool Verify(in BlsPublicKey publicKey, ReadOnlySpan<byte> message, in BlsSignature signature)
    {
        if (message.IsEmpty || !Table.Value.Logs.TryGetValue(publicKey.Point, out int sum) || sum == 0)
        {
            return false;
        }

        ulong expected = (ulong)sum + ((ulong)BitOperations.PopCount((uint)sum) * MessageScalar(message));
        return Multiple(expected) == signature.Point;
    }

    public bool FastAggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<byte> message, in BlsSignature signature) =>
        BlsPublicKey.TryAggregate(publicKeys, out var aggregate) && Verify(aggregate, message, signature);

    public bool AggregateVerify(ReadOnlySpan<BlsPublicKey> publicKeys, ReadOnlySpan<ReadOnlyMemory<byte>> messages, in BlsSignature signature)
    {
        if (publicKeys.IsEmpty || publicKeys.Length != messages.Length)
        {
            return false;
        }

        var expected = G2Point.Infinity;
        for (int i = 0; i < publicKeys.Length; i++)
        {
            if (!Table.Value.Logs.TryGetValue(publicKeys[i].Point, out int sum) || messages[i].IsEmpty)
            {
                return false;
            }

            expected += Multiple((ulong)sum + ((ulong)BitOperations.PopCount((uint)sum) * MessageScalar(messages[i].Span)));
        }

        return expected == signature.Point;
    }

    public BatchVerificationResult VerifyBatch(ReadOnlySpan<BlsSignatureSet> sets)
    {
        var invalid = new List<int>();
        for (int i = 0; i < sets.Length; i++)
        {
            if (!Verify(sets[i].PublicKey, sets[i].Message.Span, sets[i].Signature))
            {
                invalid.Add(i);
            }
        }

        return new BatchVerificationResult(sets.Length > 0 && invalid.Count == 0, invalid);
    }

    public BlsSignature ProvePossession(BlsSecretKey secretKey) => Sign(secretKey, "test-scheme-pop"u8);

    public bool VerifyPossession(in BlsPublicKey publicKey, in BlsSignature proof) => Verify(publicKey, "test-scheme-pop"u8, proof);

    private static int Scalar(BlsSecretKey secretKey)
    {
        var bytes = secretKey.ToBytes();
        ulong value = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(24));
        if (bytes.AsSpan(0, 24).ContainsAnyExcept((byte)0) || value == 0 || value >= 1UL << MaxKeys || !BitOperations.IsPow2(value))
        {
            throw new ArgumentException("Not a key of the test scheme (use InsecureTestBlsScheme.Key).", nameof(secretKey));
        }

        return (int)value;
    }

    private static uint MessageScalar(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt32LittleEndian(Keccak256.HashData(message)) | 1;

    private G2Point Multiple(ulong scalar)
    {
        if (_multiples.Count > CacheLimit)
        {
            _multiples.Clear();
        }

        return _multiples.GetOrAdd(scalar, static s =>
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, s);
            return G2Point.Generator.Multiply(bytes);
        });
    }

    private static (Dictionary<G1Point, int>, G1Point[]) BuildTable()
    {
        int size = 1 << MaxKeys;
        var points = new G1Point[size];
        var logs = new Dictionary<G1Point, int>(size);
        var current = G1Point.Infinity;
        for (int s = 1; s < size; s++)
        {
            current += G1Point.Generator;
            points[s] = current;
            logs[current] = s;
        }

        return (logs, points);
    }
}
