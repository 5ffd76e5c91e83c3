using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>A BLS signature: a point of G2 (decoded signatures are subgroup-checked).</summary>
public readonly struct BlsSignature : IEquatable<BlsSignature>
{
    /// <summary>Wraps a point (which the caller has validated).</summary>
    public BlsSignature(G2Point point)
    {
        Point = point;
    }

    /// <summary>The G2 point.</summary>
    public G2Point Point { get; }

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
        foreach (var signature in signatures)
        {
            acc = acc.Add(signature.Point.Affine);
        }

        aggregate = new BlsSignature(new G2Point(acc.ToAffine()));
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
