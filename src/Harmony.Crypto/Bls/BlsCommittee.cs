using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// An ordered committee of BLS public keys, decoded and subgroup-checked once, that aggregates the keys named by a
/// <see cref="SignerBitmap"/>. Build one per committee (for example per shard and epoch) and reuse it for every block:
/// <see cref="BlsCommitteeCache"/> does that keyed by the encoded keys.
/// </summary>
/// <remarks>Immutable after construction and safe to share between threads.</remarks>
public sealed class BlsCommittee
{
    private readonly BlsPublicKey[] _keys;
    private readonly BlsPublicKey _total;

    /// <summary>Creates a committee from keys that are already validated.</summary>
    /// <param name="scheme">The suite the keys belong to.</param>
    /// <param name="keys">The members in committee order; none may be the identity.</param>
    public BlsCommittee(IBlsSignatureScheme scheme, ReadOnlySpan<BlsPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (keys.IsEmpty)
        {
            throw new ArgumentException("A committee has at least one member.", nameof(keys));
        }

        foreach (var key in keys)
        {
            if (key.IsInfinity)
            {
                throw new ArgumentException("A committee key is the identity, which is never a valid key.", nameof(keys));
            }
        }

        Scheme = scheme;
        _keys = keys.ToArray();
        BlsPublicKey.TryAggregate(_keys, out _total);
    }

    /// <summary>The suite the keys belong to.</summary>
    public IBlsSignatureScheme Scheme { get; }

    /// <summary>N, the number of members.</summary>
    public int Count => _keys.Length;

    /// <summary>The members in committee order.</summary>
    public ReadOnlySpan<BlsPublicKey> Keys => _keys;

    /// <summary>The sum of every member's key.</summary>
    public BlsPublicKey TotalKey => _total;

    /// <summary>
    /// Decodes and validates (on the curve, in the subgroup, not the identity) each encoded key in committee order.
    /// </summary>
    /// <param name="scheme">The suite whose encoding the keys use.</param>
    /// <param name="encodedKeys">The encoded keys in committee order.</param>
    /// <param name="committee">The committee, or <see langword="null"/>.</param>
    /// <param name="error">Which key failed and why, or <see langword="null"/>.</param>
    /// <returns>Whether every key is valid.</returns>
    public static bool TryCreate(IBlsSignatureScheme scheme, IReadOnlyList<ReadOnlyMemory<byte>> encodedKeys, [NotNullWhen(true)] out BlsCommittee? committee, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(encodedKeys);
        committee = null;
        if (encodedKeys.Count == 0)
        {
            error = "A committee has at least one member.";
            return false;
        }

        var keys = new BlsPublicKey[encodedKeys.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            if (!scheme.TryDecodePublicKey(encodedKeys[i].Span, out keys[i], out var reason))
            {
                error = $"Committee key {i} is invalid: {reason}.";
                return false;
            }
        }

        committee = new BlsCommittee(scheme, keys);
        error = null;
        return true;
    }

    /// <summary>
    /// The aggregate of the keys whose bits are set. When more than half the committee signed it subtracts the
    /// non-signers from <see cref="TotalKey"/>, so the cost is bounded by N/2 point additions.
    /// </summary>
    /// <param name="signers">A bitmap over this committee.</param>
    /// <param name="aggregate">The aggregate key, or the identity.</param>
    /// <returns>False when the bitmap is for another committee size or no bit is set.</returns>
    public bool TryAggregate(SignerBitmap signers, out BlsPublicKey aggregate)
    {
        ArgumentNullException.ThrowIfNull(signers);
        aggregate = default;
        if (signers.CommitteeSize != _keys.Length)
        {
            return false;
        }

        int count = signers.Count;
        if (count == 0)
        {
            return false;
        }

        if (count == _keys.Length)
        {
            aggregate = _total;
            return true;
        }

        aggregate = count * 2 > _keys.Length ? Subtract(signers) : Add(signers);
        return true;
    }

    /// <summary>
    /// Verifies one aggregate signature by the members named in <paramref name="signers"/> over one message.
    /// </summary>
    /// <param name="signers">Who signed.</param>
    /// <param name="message">The signed message.</param>
    /// <param name="signature">The aggregate signature.</param>
    /// <returns>False for a malformed bitmap, no signers, or a signature that does not verify.</returns>
    public bool VerifyAggregate(SignerBitmap signers, ReadOnlySpan<byte> message, in BlsSignature signature) =>
        TryAggregate(signers, out var key) && Scheme.Verify(key, message, signature);

    private BlsPublicKey Add(SignerBitmap signers)
    {
        var acc = G1Jacobian.Infinity;
        foreach (int i in signers.GetSetIndices())
        {
            acc = acc.Add(_keys[i].Point.Affine);
        }

        return new BlsPublicKey(new G1Point(acc.ToAffine()));
    }

    private BlsPublicKey Subtract(SignerBitmap signers)
    {
        var acc = _total.Point.Affine.ToJacobian();
        for (int i = 0; i < _keys.Length; i++)
        {
            if (!signers.IsSet(i))
            {
                acc = acc.Add(_keys[i].Point.Affine.Negate());
            }
        }

        return new BlsPublicKey(new G1Point(acc.ToAffine()));
    }
}
