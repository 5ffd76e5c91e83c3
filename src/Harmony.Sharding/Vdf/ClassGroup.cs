using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// The class group of primitive positive-definite binary quadratic forms of one negative discriminant
/// <c>D ≡ 1 (mod 8)</c>: reduction, composition, NUDUPL squaring with partial reduction, exponentiation and the
/// fixed-size byte encoding of reduced forms. The group order is unknown without computing the class number, which is
/// what makes it a group of unknown order with no trusted setup.
/// </summary>
/// <remarks>Immutable and thread-safe. Every operation returns a reduced form.</remarks>
public sealed partial class ClassGroup
{
    /// <summary>Smallest accepted discriminant size in bits (small groups are useful for tests only).</summary>
    public const int MinDiscriminantBits = 4;

    /// <summary>Largest accepted discriminant size in bits.</summary>
    public const int MaxDiscriminantBits = 4096;

    private readonly BigInteger _partialReductionBound;

    private ClassGroup(BigInteger discriminant)
    {
        Discriminant = discriminant;
        DiscriminantBits = (int)BigInteger.Abs(discriminant).GetBitLength();
        _partialReductionBound = BigMath.IntegerSquareRoot(BigMath.IntegerSquareRoot(BigInteger.Abs(discriminant) >> 2));
        if (_partialReductionBound.IsZero)
        {
            _partialReductionBound = BigInteger.One;
        }

        FormSize = 2 * CoefficientSize(DiscriminantBits);
        Identity = new QuadraticForm(BigInteger.One, BigInteger.One, (BigInteger.One - discriminant) >> 2);
        Generator = new QuadraticForm(2, BigInteger.One, (BigInteger.One - discriminant) >> 3);
    }

    /// <summary>D, negative and ≡ 1 (mod 8).</summary>
    public BigInteger Discriminant { get; }

    /// <summary>The bit length of |D|.</summary>
    public int DiscriminantBits { get; }

    /// <summary>The neutral element <c>(1, 1, (1 − D)/4)</c>.</summary>
    public QuadraticForm Identity { get; }

    /// <summary>The element <c>(2, 1, (1 − D)/8)</c>, the VDF's default input (it exists because D ≡ 1 mod 8).</summary>
    public QuadraticForm Generator { get; }

    /// <summary>Bytes of one encoded reduced form: a and b, each big-endian in a fixed width set by the discriminant.</summary>
    public int FormSize { get; }

    /// <summary>
    /// Creates the group of discriminant <paramref name="discriminant"/>, which must be negative, ≡ 1 (mod 8) and between
    /// <see cref="MinDiscriminantBits"/> and <see cref="MaxDiscriminantBits"/> bits.
    /// </summary>
    /// <param name="discriminant">D.</param>
    /// <param name="group">The group, or <see langword="null"/>.</param>
    /// <param name="error">Why D was refused, or <see langword="null"/>.</param>
    /// <returns>Whether D is acceptable.</returns>
    public static bool TryCreate(BigInteger discriminant, [NotNullWhen(true)] out ClassGroup? group, [NotNullWhen(false)] out string? error)
    {
        group = null;
        if (discriminant.Sign >= 0)
        {
            error = "The discriminant must be negative.";
            return false;
        }

        if (!BigMath.Mod(discriminant, 8).IsOne)
        {
            error = "The discriminant must be congruent to 1 modulo 8.";
            return false;
        }

        long bits = BigInteger.Abs(discriminant).GetBitLength();
        if (bits < MinDiscriminantBits || bits > MaxDiscriminantBits)
        {
            error = $"The discriminant has {bits} bits; between {MinDiscriminantBits} and {MaxDiscriminantBits} are accepted.";
            return false;
        }

        group = new ClassGroup(discriminant);
        error = null;
        return true;
    }

    /// <summary>Creates the group of <paramref name="discriminant"/>, throwing <see cref="ArgumentException"/> when it is refused.</summary>
    /// <param name="discriminant">D: negative, ≡ 1 (mod 8), of an accepted size.</param>
    /// <returns>The group.</returns>
    public static ClassGroup Create(BigInteger discriminant) =>
        TryCreate(discriminant, out var group, out var error) ? group : throw new ArgumentException(error, nameof(discriminant));

    /// <summary>Whether <paramref name="form"/> is a reduced, primitive, positive-definite form of this discriminant.</summary>
    /// <param name="form">The form.</param>
    /// <returns>True for a canonical element of this group.</returns>
    public bool IsElement(in QuadraticForm form) => form.IsReduced && form.Discriminant == Discriminant && IsPrimitive(form);

    private static bool IsPrimitive(in QuadraticForm form) =>
        BigInteger.GreatestCommonDivisor(BigInteger.GreatestCommonDivisor(form.A, form.B), form.C).IsOne;

    /// <summary>The reduced form equivalent to <paramref name="form"/>.</summary>
    /// <param name="form">A positive-definite form (a &gt; 0) of discriminant D.</param>
    /// <returns>The reduced representative of its class.</returns>
    /// <exception cref="ArgumentException">The form has another discriminant or a ≤ 0.</exception>
    public QuadraticForm Reduce(in QuadraticForm form)
    {
        if (form.A.Sign <= 0 || form.Discriminant != Discriminant)
        {
            throw new ArgumentException("Only positive-definite forms of this discriminant can be reduced.", nameof(form));
        }

        BigInteger a = form.A, b = form.B, c = form.C;
        Reduce(ref a, ref b, ref c);
        return new QuadraticForm(a, b, c);
    }

    /// <summary>The inverse class <c>(a, −b, c)</c>, reduced.</summary>
    /// <param name="form">A reduced form.</param>
    /// <returns>Its inverse.</returns>
    public QuadraticForm Inverse(in QuadraticForm form) => Reduce(new QuadraticForm(form.A, -form.B, form.C));

    /// <summary>
    /// Composes two classes (NUCOMP): Gauss composition in Cohen's form, with the product built directly in a partially
    /// reduced shape by a partial extended Euclid stopped at <c>|D|^¼</c>, so the final reduction takes only a few steps.
    /// </summary>
    /// <param name="left">A reduced form.</param>
    /// <param name="right">A reduced form.</param>
    /// <returns>The reduced product.</returns>
    public QuadraticForm Compose(in QuadraticForm left, in QuadraticForm right)
    {
        bool swap = left.A > right.A;
        BigInteger a1 = swap ? right.A : left.A, b1 = swap ? right.B : left.B;
        BigInteger a2 = swap ? left.A : right.A, b2 = swap ? left.B : right.B, c2 = swap ? left.C : right.C;

        BigInteger s = (b1 + b2) >> 1;
        BigInteger n = b2 - s;

        BigInteger d = LehmerEuclid.GcdWithCofactor(a2, a1, out BigInteger y1);
        BigInteger d1 = LehmerEuclid.GcdWithCofactor(s, d, out BigInteger x2);
        BigInteger y2 = ((x2 * s) - d1) / d;

        BigInteger v1 = a1 / d1;
        BigInteger v2 = a2 / d1;
        BigInteger r = BigMath.Mod((y1 * y2 * n) - (x2 * c2), v1);

        // The unreduced product is F = (v1·v2, b2 + 2·v2·r, c3) with v1·c3 = d1·c2 + r·(b2 + v2·r), which rewrites as
        // F(x, y) = (v2·R² + b2·R·y + d1·c2·y²) / v1 with R = v1·x + r·y. A partial Euclid on (v1, r) finds two
        // consecutive (R, y) with R ≈ y ≈ |D|^¼; F on them has coefficients of size √|D|.
        BigInteger ra, rb, rc;
        if (v1 <= _partialReductionBound)
        {
            ra = v1 * v2;
            rb = b2 + (2 * v2 * r);
            rc = ((rb * rb) - Discriminant) / (ra << 2);
        }
        else
        {
            BigInteger rPrev = v1, rCur = r, yPrev = BigInteger.Zero, yCur = BigInteger.One;
            int steps = LehmerEuclid.Run(ref rPrev, ref rCur, ref yPrev, ref yCur, _partialReductionBound);
            BigInteger dc = d1 * c2;
            BigInteger dcY = dc * yCur;
            BigInteger dcYPrev = dc * yPrev;
            BigInteger v2R = v2 * rCur;
            ra = ((v2R * rCur) + (b2 * rCur * yCur) + (dcY * yCur)) / v1;
            rc = ((v2 * rPrev * rPrev) + (b2 * rPrev * yPrev) + (dcYPrev * yPrev)) / v1;
            rb = ((2 * v2R * rPrev) + (b2 * ((rCur * yPrev) + (rPrev * yCur))) + (2 * dcY * yPrev)) / v1;

            // As in Square: an even number of steps leaves an improper transformation, undone by negating b.
            if ((steps & 1) == 0)
            {
                rb = -rb;
            }
        }

        Reduce(ref ra, ref rb, ref rc);
        return new QuadraticForm(ra, rb, rc);
    }

    /// <summary>
    /// Squares a class with NUDUPL: the square is formed directly in a partially reduced shape (a partial extended
    /// Euclid on numbers of size √|D| stopped at |D|^¼), so the final reduction takes only a few steps.
    /// </summary>
    /// <param name="form">A reduced form.</param>
    /// <returns>The reduced square.</returns>
    public QuadraticForm Square(in QuadraticForm form)
    {
        BigInteger a = form.A, b = form.B, c = form.C;

        // d = gcd(a, b) with y·b ≡ d (mod a); with A = a/d, B = b/d the unreduced square is
        // F = (A², b + 2AK, K² + d·e) where K = −c·y mod A and e = (B·K + c)/A, i.e. F(x, y) = (Ax + Ky)² + b·xy + d·e·y².
        BigInteger d = LehmerEuclid.GcdWithCofactor(b, a, out BigInteger y);
        BigInteger bigA = a, bigB = b;
        if (!d.IsOne)
        {
            bigA = a / d;
            bigB = b / d;
        }

        BigInteger k = BigMath.Mod(-c * y, bigA);
        BigInteger de = ((bigB * k) + c) / bigA;
        if (!d.IsOne)
        {
            de *= d;
        }

        BigInteger ra, rb, rc;
        if (bigA <= _partialReductionBound)
        {
            ra = bigA * bigA;
            rb = b + (2 * bigA * k);
            rc = (k * k) + de;
        }
        else
        {
            // Partial Euclid on (A, K): r_i = α_i·A + γ_i·K with consecutive cofactor columns forming a unimodular matrix.
            // Stop at the first remainder ≤ |D|^¼ and evaluate F on the two columns; both values are O(√|D|).
            BigInteger rPrev = bigA, r = k, gammaPrev = BigInteger.Zero, gamma = BigInteger.One;
            int steps = LehmerEuclid.Run(ref rPrev, ref r, ref gammaPrev, ref gamma, _partialReductionBound);

            BigInteger alpha = (r - (k * gamma)) / bigA;
            BigInteger alphaPrev = (rPrev - (k * gammaPrev)) / bigA;
            BigInteger deGamma = de * gamma;
            BigInteger deGammaPrev = de * gammaPrev;
            ra = (r * r) + (b * alpha * gamma) + (deGamma * gamma);
            rc = (rPrev * rPrev) + (b * alphaPrev * gammaPrev) + (deGammaPrev * gammaPrev);
            rb = (2 * r * rPrev) + (b * ((alpha * gammaPrev) + (alphaPrev * gamma))) + (2 * deGamma * gammaPrev);

            // The matrix [[α, α'], [γ, γ']] has determinant (−1)^(steps+1); an improper one flips the class, so negate the
            // second column (which negates b) to keep the transformation proper.
            if ((steps & 1) == 0)
            {
                rb = -rb;
            }
        }

        Reduce(ref ra, ref rb, ref rc);
        return new QuadraticForm(ra, rb, rc);
    }

    /// <summary>Raises a class to a non-negative power by square-and-multiply.</summary>
    /// <param name="form">A reduced form.</param>
    /// <param name="exponent">The exponent, at least 0.</param>
    /// <returns>The reduced power.</returns>
    public QuadraticForm Pow(in QuadraticForm form, BigInteger exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent.Sign, nameof(exponent));
        QuadraticForm result = Identity;
        bool started = false;
        for (long bit = exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            if (started)
            {
                result = Square(result);
            }

            if (!(exponent >> (int)bit).IsEven)
            {
                result = started ? Compose(result, form) : form;
                started = true;
            }
        }

        return result;
    }

    /// <summary>
    /// <c>f^e · g^h</c> with one shared chain of squarings (Shamir's trick): about max(bits) squarings and ¾ as many
    /// compositions, instead of twice that for two separate powers.
    /// </summary>
    /// <param name="f">A reduced form.</param>
    /// <param name="e">Its exponent, at least 0.</param>
    /// <param name="g">A reduced form.</param>
    /// <param name="h">Its exponent, at least 0.</param>
    /// <returns>The reduced product of the powers.</returns>
    public QuadraticForm PowProduct(in QuadraticForm f, BigInteger e, in QuadraticForm g, BigInteger h)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(e.Sign, nameof(e));
        ArgumentOutOfRangeException.ThrowIfNegative(h.Sign, nameof(h));
        QuadraticForm both = Compose(f, g);
        QuadraticForm result = Identity;
        bool started = false;
        for (long bit = Math.Max(e.GetBitLength(), h.GetBitLength()) - 1; bit >= 0; bit--)
        {
            if (started)
            {
                result = Square(result);
            }

            bool eBit = !(e >> (int)bit).IsEven, hBit = !(h >> (int)bit).IsEven;
            if (!eBit && !hBit)
            {
                continue;
            }

            QuadraticForm factor = eBit && hBit ? both : eBit ? f : g;
            result = started ? Compose(result, factor) : factor;
            started = true;
        }

        return result;
    }

    /// <summary>Squares a class <paramref name="count"/> times: <c>form^(2^count)</c>.</summary>
    /// <param name="form">A reduced form.</param>
    /// <param name="count">How many squarings.</param>
    /// <returns>The reduced result.</returns>
    public QuadraticForm RepeatedSquare(in QuadraticForm form, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        QuadraticForm x = form;
        for (long i = 0; i < count; i++)
        {
            x = Square(x);
        }

        return x;
    }

    private static void Reduce(ref BigInteger a, ref BigInteger b, ref BigInteger c)
    {
        Normalize(ref a, ref b, ref c);
        while (a > c || (a == c && b.Sign < 0))
        {
            // ρ step: (a, b, c) → (c, −b, a) followed by normalization.
            BigInteger twoC = c << 1;
            BigInteger s = BigMath.FloorDivide(c + b, twoC);
            BigInteger nextB = (twoC * s) - b;
            BigInteger nextC = (((c * s) - b) * s) + a;
            a = c;
            b = nextB;
            c = nextC;
        }
    }

    private static void Normalize(ref BigInteger a, ref BigInteger b, ref BigInteger c)
    {
        if (b <= a && b > -a)
        {
            return;
        }

        BigInteger r = BigMath.FloorDivide(a - b, a << 1);
        c += r * (b + (a * r));
        b += (a * r) << 1;
    }
}
