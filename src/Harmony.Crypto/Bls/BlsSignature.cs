using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// A BLS signature: a point of G2. Signatures from <see cref="IBlsSignatureScheme.TryDecodeSignature"/> are
/// subgroup-checked; those from <see cref="IBlsSignatureScheme.TryDecodeSignatureForAggregation"/> are only known to be
/// on the curve, and every verification method checks their subgroup (or their aggregate's) before pairing.
/// </summary>
public readonly struct BlsSignature : IEquatable<BlsSignature>
{
    private readonly bool _subgroupUnchecked;

    /// <summary>Wraps a point (which the caller has validated, including the subgroup check).</summary>
    public BlsSignature(G2Point point)
    {
        Point = point;
    }

    internal BlsSignature(G2Point point, bool subgroupChecked)
    {
        Point = point;
        _subgroupUnchecked = !subgroupChecked;
    }

    /// <summary>The G2 point.</summary>
    public G2Point Point { get; }

    /// <summary>
    /// Whether the point is known to be in the prime-order subgroup. False only for signatures decoded for aggregation
    /// and for aggregates that include one; verification checks those itself.
    /// </summary>
    public bool IsSubgroupChecked => !_subgroupUnchecked;

    /// <summary>
    /// Aggregates signatures by adding their points; false for an empty list (the IETF Aggregate fails there).
    /// </summary>
    public static bool TryAggregate(ReadOnlySpan<BlsSignature> signatures, out BlsSignature aggregate)
    {
        if (signatures.IsEmpty)
        {
            aggregate = default;
            return false;
        }

        var acc = G2Jacobian.Infinity;
        bool allChecked = true;
        foreach (var signature in signatures)
        {
            acc = acc.Add(signature.Point.Affine);
            allChecked &= signature.IsSubgroupChecked;
        }

        aggregate = new BlsSignature(new G2Point(acc.ToAffine()), allChecked);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(BlsSignature other) => Point.Equals(other.Point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BlsSignature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Point.GetHashCode();

    /// <summary>Equality of signatures.</summary>
    public static bool operator ==(BlsSignature left, BlsSignature right) => left.Equals(right);

    /// <summary>Inequality of signatures.</summary>
    public static bool operator !=(BlsSignature left, BlsSignature right) => !left.Equals(right);
}
