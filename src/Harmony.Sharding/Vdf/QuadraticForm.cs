using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// A binary quadratic form <c>a·x² + b·x·y + c·y²</c>, the representation of a class-group element. Forms produced by
/// <see cref="ClassGroup"/> are reduced (<c>|b| ≤ a ≤ c</c>, and <c>b ≥ 0</c> when <c>|b| = a</c> or <c>a = c</c>), so
/// two reduced forms are the same class exactly when their coefficients are equal.
/// </summary>
public readonly struct QuadraticForm : IEquatable<QuadraticForm>
{
    /// <summary>Creates a form from its coefficients (no check; see <see cref="ClassGroup.IsElement"/>).</summary>
    /// <param name="a">The coefficient of x².</param>
    /// <param name="b">The coefficient of x·y.</param>
    /// <param name="c">The coefficient of y².</param>
    public QuadraticForm(BigInteger a, BigInteger b, BigInteger c)
    {
        A = a;
        B = b;
        C = c;
    }

    /// <summary>The coefficient of x².</summary>
    public BigInteger A { get; }

    /// <summary>The coefficient of x·y.</summary>
    public BigInteger B { get; }

    /// <summary>The coefficient of y².</summary>
    public BigInteger C { get; }

    /// <summary>The discriminant <c>b² − 4ac</c>.</summary>
    public BigInteger Discriminant => (B * B) - (4 * A * C);

    /// <summary>Whether the form is reduced: <c>|b| ≤ a ≤ c</c>, with <c>b ≥ 0</c> when <c>|b| = a</c> or <c>a = c</c>.</summary>
    public bool IsReduced
    {
        get
        {
            BigInteger absB = BigInteger.Abs(B);
            if (A.Sign <= 0 || absB > A || A > C)
            {
                return false;
            }

            return B.Sign >= 0 || (absB != A && A != C);
        }
    }

    /// <inheritdoc />
    public bool Equals(QuadraticForm other) => A == other.A && B == other.B && C == other.C;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QuadraticForm other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(A, B, C);

    /// <inheritdoc />
    public override string ToString() => $"({A}, {B}, {C})";

    /// <summary>Whether two forms have equal coefficients.</summary>
    /// <param name="left">A form.</param>
    /// <param name="right">Another form.</param>
    /// <returns>True when a, b and c are equal.</returns>
    public static bool operator ==(QuadraticForm left, QuadraticForm right) => left.Equals(right);

    /// <summary>Whether two forms differ in some coefficient.</summary>
    /// <param name="left">A form.</param>
    /// <param name="right">Another form.</param>
    /// <returns>True when a, b or c differ.</returns>
    public static bool operator !=(QuadraticForm left, QuadraticForm right) => !left.Equals(right);
}
