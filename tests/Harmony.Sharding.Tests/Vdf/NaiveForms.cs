using System.Numerics;
using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Tests.Vdf;

/// <summary>
/// Independent, slow reference arithmetic for binary quadratic forms: enumeration of reduced forms, textbook reduction
/// and Dirichlet composition through united forms. Used only to check <see cref="ClassGroup"/>.
/// </summary>
internal static class NaiveForms
{
    public static List<QuadraticForm> ReducedForms(BigInteger d)
    {
        var forms = new List<QuadraticForm>();
        for (BigInteger a = 1; 3 * a * a <= -d; a++)
        {
            for (BigInteger b = -a + 1; b <= a; b++)
            {
                BigInteger numerator = (b * b) - d;
                if (!(numerator % (4 * a)).IsZero)
                {
                    continue;
                }

                BigInteger c = numerator / (4 * a);
                var form = new QuadraticForm(a, b, c);
                if (form.IsReduced && BigInteger.GreatestCommonDivisor(BigInteger.GreatestCommonDivisor(a, b), c).IsOne)
                {
                    forms.Add(form);
                }
            }
        }

        return forms;
    }

    public static QuadraticForm Reduce(QuadraticForm f)
    {
        BigInteger a = f.A, b = f.B, c = f.C;
        while (true)
        {
            while (b > a)
            {
                // x → x − y keeps the class: (a, b − 2a, a − b + c).
                (b, c) = (b - (2 * a), a - b + c);
            }

            while (b <= -a)
            {
                (b, c) = (b + (2 * a), a + b + c);
            }

            if (a > c || (a == c && b < 0))
            {
                // (x, y) → (−y, x): (c, −b, a).
                (a, b, c) = (c, -b, a);
                continue;
            }

            return new QuadraticForm(a, b, c);
        }
    }

    public static QuadraticForm Compose(QuadraticForm f1, QuadraticForm f2)
    {
        BigInteger d = f1.Discriminant;
        QuadraticForm g2 = EquivalentWithFirstCoefficientCoprimeTo(f2, f1.A);
        BigInteger a1 = f1.A, a2 = g2.A;
        BigInteger half = (g2.B - f1.B) / 2;
        BigInteger t = Mod(half * ModInverse(Mod(a1, a2), a2), a2);
        BigInteger bigB = f1.B + (2 * a1 * t);
        BigInteger a3 = a1 * a2;
        BigInteger c3 = ((bigB * bigB) - d) / (4 * a3);
        return Reduce(new QuadraticForm(a3, bigB, c3));
    }

    private static QuadraticForm EquivalentWithFirstCoefficientCoprimeTo(QuadraticForm f, BigInteger m)
    {
        for (int size = 0; ; size++)
        {
            for (int x = -size; x <= size; x++)
            {
                foreach (int y in new[] { size - Math.Abs(x), -(size - Math.Abs(x)) })
                {
                    if (BigInteger.GreatestCommonDivisor(x, y) != 1)
                    {
                        continue;
                    }

                    BigInteger value = (f.A * x * x) + (f.B * x * y) + (f.C * y * y);
                    if (!BigInteger.GreatestCommonDivisor(value, m).IsOne)
                    {
                        continue;
                    }

                    // Complete (x, y) to [[x, u], [y, v]] with xv − uy = 1.
                    (BigInteger u, BigInteger v) = Complete(x, y);
                    BigInteger b = (2 * f.A * x * u) + (f.B * ((x * v) + (u * y))) + (2 * f.C * y * v);
                    BigInteger c = (f.A * u * u) + (f.B * u * v) + (f.C * v * v);
                    return new QuadraticForm(value, b, c);
                }
            }
        }
    }

    private static (BigInteger U, BigInteger V) Complete(BigInteger x, BigInteger y)
    {
        // Find u, v with x·v − y·u = 1 by brute force over a small range (x, y are tiny here).
        for (int u = -50; u <= 50; u++)
        {
            for (int v = -50; v <= 50; v++)
            {
                if ((x * v) - (y * u) == 1)
                {
                    return (u, v);
                }
            }
        }

        throw new InvalidOperationException("No completion found.");
    }

    private static BigInteger Mod(BigInteger n, BigInteger m)
    {
        BigInteger r = n % m;
        return r < 0 ? r + m : r;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        // Iterative extended Euclid on (a, m).
        BigInteger r0 = m, r1 = a, t0 = 0, t1 = 1;
        while (!r1.IsZero)
        {
            BigInteger q = r0 / r1;
            (r0, r1) = (r1, r0 - (q * r1));
            (t0, t1) = (t1, t0 - (q * t1));
        }

        return Mod(t0, m);
    }
}
