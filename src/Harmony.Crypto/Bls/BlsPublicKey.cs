using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// A BLS public key: a point of G1. Keys made by a scheme's decoder or from a secret key have passed KeyValidate
/// (in the subgroup, not infinity) and can be reused without checking again — decode each committee key once.
/// </summary>
public readonly struct BlsPublicKey : IEquatable<BlsPublicKey>
{
    /// <summary>Wraps a point (which the caller has validated).</summary>
    public BlsPublicKey(G1Point point)
    {
        Point = point;
    }

    /// <summary>The G1 point.</summary>
    public G1Point Point { get; }

    /// <summary>True for the identity, which is never a valid key (default values are this).</summary>
    public bool IsInfinity => Point.IsInfinity;

    /// <summary>
    /// The sum of keys, used to verify an aggregate signature over one message. False (and the identity) for an
    /// empty list.
    /// </summary>
    public static bool TryAggregate(ReadOnlySpan<BlsPublicKey> keys, out BlsPublicKey aggregate)
    {
        if (keys.IsEmpty)
        {
            aggregate = default;
            return false;
        }

        var acc = G1Jacobian.Infinity;
        foreach (var key in keys)
        {
            acc = acc.Add(key.Point.Affine);
        }

        aggregate = new BlsPublicKey(new G1Point(acc.ToAffine()));
        return true;
    }

    /// <inheritdoc />
    public bool Equals(BlsPublicKey other) => Point.Equals(other.Point);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BlsPublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Point.GetHashCode();

    /// <summary>Equality of keys.</summary>
    public static bool operator ==(BlsPublicKey left, BlsPublicKey right) => left.Equals(right);

    /// <summary>Inequality of keys.</summary>
    public static bool operator !=(BlsPublicKey left, BlsPublicKey right) => !left.Equals(right);
}
