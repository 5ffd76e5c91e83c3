using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Harmony.Consensus.Quorum;

/// <summary>
/// A signed fixed-point number with exactly 18 decimal places: an integer scaled by 10^18, with the rounding rules of
/// Harmony's <c>numeric.Dec</c> (spec/harmony.md §1.7). <see cref="Multiply"/> and <see cref="Divide"/> round the digits
/// past the 18th half to even (banker's rounding); <see cref="DivideTruncate"/>, <see cref="MultiplyTruncate"/> and
/// <see cref="DivideByInteger"/> truncate toward zero. Vote power computed with it is bit-identical to the Go node's.
/// </summary>
/// <remarks>
/// Values are bounded like the Go type: a result whose scaled integer needs more than <see cref="MaxBits"/> bits throws
/// <see cref="OverflowException"/>. The default value is zero.
/// </remarks>
public readonly struct Decimal18 : IEquatable<Decimal18>, IComparable<Decimal18>
{
    /// <summary>The number of decimal places.</summary>
    public const int Precision = 18;

    /// <summary>The largest bit length of the scaled integer (255 integer bits + 60 bits of precision, as in Go).</summary>
    public const int MaxBits = 255 + 60;

    /// <summary>The longest text <see cref="TryParse"/> reads.</summary>
    public const int MaxTextLength = 120;

    private static readonly BigInteger Scale = BigInteger.Pow(10, Precision);
    private static readonly BigInteger HalfScale = Scale / 2;

    private readonly BigInteger _raw;

    private Decimal18(BigInteger raw)
    {
        if (raw.GetBitLength() > MaxBits)
        {
            throw new OverflowException($"A Decimal18 holds at most {MaxBits} bits of scaled value; this result needs {raw.GetBitLength()}.");
        }

        _raw = raw;
    }

    /// <summary>0.</summary>
    public static Decimal18 Zero => default;

    /// <summary>1.</summary>
    public static Decimal18 One { get; } = new(Scale);

    /// <summary>2/3 rounded half to even: <c>0.666666666666666667</c>, the staked quorum threshold.</summary>
    public static Decimal18 TwoThirds { get; } = FromInteger(2).Divide(FromInteger(3));

    /// <summary>The scaled integer: the value times 10^18.</summary>
    public BigInteger RawValue => _raw;

    /// <summary>Whether the value is 0.</summary>
    public bool IsZero => _raw.IsZero;

    /// <summary>Whether the value is below 0.</summary>
    public bool IsNegative => _raw.Sign < 0;

    /// <summary>A value from its scaled integer (value × 10^18).</summary>
    /// <param name="raw">The scaled integer.</param>
    /// <returns>The value.</returns>
    public static Decimal18 FromRaw(BigInteger raw) => new(raw);

    /// <summary>An integral value.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The value with 18 zero decimals.</returns>
    public static Decimal18 FromInteger(BigInteger value) => new(value * Scale);

    /// <summary>
    /// Parses decimal text such as <c>0.01</c>, <c>-3</c> or <c>100.5</c> (invariant culture, at most 18 fractional
    /// digits, no exponent, at most <see cref="MaxTextLength"/> characters).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, or zero.</param>
    /// <returns>False for anything else.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Decimal18 value)
    {
        value = Zero;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        ReadOnlySpan<char> span = text;
        bool negative = span[0] == '-';
        if (negative)
        {
            span = span[1..];
        }

        int dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? [] : span[(dot + 1)..];
        if (whole.IsEmpty || fraction.Length > Precision || (dot >= 0 && fraction.IsEmpty) || !AllDigits(whole) || !AllDigits(fraction))
        {
            return false;
        }

        var raw = BigInteger.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * Scale;
        if (!fraction.IsEmpty)
        {
            raw += BigInteger.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) * BigInteger.Pow(10, Precision - fraction.Length);
        }

        if (raw.GetBitLength() > MaxBits)
        {
            return false;
        }

        value = new Decimal18(negative ? -raw : raw);
        return true;
    }

    /// <summary>Parses decimal text, throwing <see cref="FormatException"/> when <see cref="TryParse"/> would fail.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value.</returns>
    public static Decimal18 Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a decimal with at most {Precision} fractional digits.");

    /// <summary>Exact sum.</summary>
    /// <param name="other">The addend.</param>
    /// <returns>this + other.</returns>
    public Decimal18 Add(Decimal18 other) => new(_raw + other._raw);

    /// <summary>Exact difference.</summary>
    /// <param name="other">The subtrahend.</param>
    /// <returns>this − other.</returns>
    public Decimal18 Subtract(Decimal18 other) => new(_raw - other._raw);

    /// <summary>Product rounded half to even at the 18th decimal (Go <c>Dec.Mul</c>).</summary>
    /// <param name="other">The factor.</param>
    /// <returns>this × other.</returns>
    public Decimal18 Multiply(Decimal18 other) => new(ChopRoundHalfEven(_raw * other._raw));

    /// <summary>Product truncated toward zero at the 18th decimal (Go <c>Dec.MulTruncate</c>).</summary>
    /// <param name="other">The factor.</param>
    /// <returns>this × other.</returns>
    public Decimal18 MultiplyTruncate(Decimal18 other) => new(BigInteger.Divide(_raw * other._raw, Scale));

    /// <summary>
    /// Quotient as Go <c>Dec.Quo</c>: <c>raw·10^18·10^18 / other.raw</c> truncated toward zero, then the extra 18 digits
    /// removed with half-to-even rounding.
    /// </summary>
    /// <param name="divisor">A non-zero divisor.</param>
    /// <returns>this / divisor.</returns>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public Decimal18 Divide(Decimal18 divisor) => new(ChopRoundHalfEven(BigInteger.Divide(_raw * Scale * Scale, divisor._raw)));

    /// <summary>Quotient with the digits past the 18th truncated toward zero (Go <c>Dec.QuoTruncate</c>).</summary>
    /// <param name="divisor">A non-zero divisor.</param>
    /// <returns>this / divisor.</returns>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public Decimal18 DivideTruncate(Decimal18 divisor) => new(BigInteger.Divide(_raw * Scale, divisor._raw));

    /// <summary>Quotient by an integer, truncated toward zero (Go <c>Dec.QuoInt64</c>).</summary>
    /// <param name="divisor">A non-zero integer.</param>
    /// <returns>this / divisor.</returns>
    /// <exception cref="DivideByZeroException">The divisor is zero.</exception>
    public Decimal18 DivideByInteger(long divisor) => new(BigInteger.Divide(_raw, divisor));

    /// <summary>The value times <paramref name="factor"/>, exactly (Go <c>Dec.MulInt64</c>).</summary>
    /// <param name="factor">The integer factor.</param>
    /// <returns>this × factor.</returns>
    public Decimal18 MultiplyByInteger(long factor) => new(_raw * factor);

    /// <summary>The integer part, truncated toward zero (Go <c>Dec.TruncateInt64</c>).</summary>
    /// <returns>The truncated value.</returns>
    /// <exception cref="OverflowException">The integer part does not fit in 64 bits.</exception>
    public long TruncateToInt64() => (long)BigInteger.Divide(_raw, Scale);

    /// <inheritdoc />
    public bool Equals(Decimal18 other) => _raw.Equals(other._raw);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Decimal18 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _raw.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Decimal18 other) => _raw.CompareTo(other._raw);

    /// <summary>The value with all 18 decimals, as Go prints a <c>Dec</c>: <c>0.666666666666666667</c>, <c>-1.500000000000000000</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var magnitude = BigInteger.Abs(_raw);
        var whole = BigInteger.DivRem(magnitude, Scale, out var fraction);
        string sign = _raw.Sign < 0 ? "-" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{fraction.ToString("D18", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Sum.</summary>
    public static Decimal18 operator +(Decimal18 left, Decimal18 right) => left.Add(right);

    /// <summary>Difference.</summary>
    public static Decimal18 operator -(Decimal18 left, Decimal18 right) => left.Subtract(right);

    /// <summary>Product with half-to-even rounding.</summary>
    public static Decimal18 operator *(Decimal18 left, Decimal18 right) => left.Multiply(right);

    /// <summary>Quotient with half-to-even rounding.</summary>
    public static Decimal18 operator /(Decimal18 left, Decimal18 right) => left.Divide(right);

    /// <summary>Equality.</summary>
    public static bool operator ==(Decimal18 left, Decimal18 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Decimal18 left, Decimal18 right) => !left.Equals(right);

    /// <summary>Less than.</summary>
    public static bool operator <(Decimal18 left, Decimal18 right) => left._raw < right._raw;

    /// <summary>Greater than.</summary>
    public static bool operator >(Decimal18 left, Decimal18 right) => left._raw > right._raw;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Decimal18 left, Decimal18 right) => left._raw <= right._raw;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Decimal18 left, Decimal18 right) => left._raw >= right._raw;

    /// <summary>Removes 18 decimal digits, rounding the removed part half to even (sign handled on the magnitude).</summary>
    private static BigInteger ChopRoundHalfEven(BigInteger value)
    {
        if (value.Sign < 0)
        {
            return -ChopRoundHalfEven(-value);
        }

        var quotient = BigInteger.DivRem(value, Scale, out var remainder);
        int compare = remainder.CompareTo(HalfScale);
        if (compare > 0 || (compare == 0 && !quotient.IsEven))
        {
            quotient += BigInteger.One;
        }

        return quotient;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
