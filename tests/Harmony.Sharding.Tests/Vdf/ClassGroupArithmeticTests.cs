using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Tests.Vdf;

public class ClassGroupArithmeticTests
{
    // Discriminants ≡ 1 (mod 8) with known class numbers h(D).
    [Theory]
    [InlineData(-23, 3)]
    [InlineData(-47, 5)]
    [InlineData(-71, 7)]
    [InlineData(-199, 9)]
    [InlineData(-167, 11)]
    [InlineData(-1151, 41)]
    public void Small_groups_satisfy_the_group_laws_exhaustively(int discriminant, int classNumber)
    {
        var group = ClassGroup.Create(discriminant);
        var elements = NaiveForms.ReducedForms(discriminant);
        elements.Count.ShouldBe(classNumber);
        elements.ShouldContain(group.Identity);
        elements.ShouldContain(group.Generator);

        foreach (var f in elements)
        {
            group.IsElement(f).ShouldBeTrue();
            group.Compose(f, group.Identity).ShouldBe(f);
            group.Compose(f, group.Inverse(f)).ShouldBe(group.Identity);
            group.Square(f).ShouldBe(NaiveForms.Compose(f, f));
            group.Pow(f, classNumber).ShouldBe(group.Identity);
            foreach (var g in elements)
            {
                var fg = group.Compose(f, g);
                fg.ShouldBe(NaiveForms.Compose(f, g));
                fg.ShouldBe(group.Compose(g, f));
                foreach (var h in elements)
                {
                    group.Compose(fg, h).ShouldBe(group.Compose(f, group.Compose(g, h)));
                }
            }
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    [InlineData(1024)]
    public void Nudupl_squaring_matches_textbook_composition_on_random_elements(int bits)
    {
        var group = DiscriminantDerivation.GroupFromSeed(BitConverter.GetBytes(bits), bits);
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), e =>
        {
            var f = group.Pow(group.Generator, e);
            var square = group.Square(f);
            group.IsElement(square).ShouldBeTrue();
            square.ShouldBe(NaiveForms.Compose(f, f));
            square.ShouldBe(group.Compose(f, f));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(96)]
    [InlineData(512)]
    public void Composition_is_associative_with_identity_and_matches_dirichlet_composition(int bits)
    {
        var group = DiscriminantDerivation.GroupFromSeed([1, 2, 3], bits);
        var exponents = Gen.Choose(0, int.MaxValue).Three();
        Prop.ForAll(exponents.ToArbitrary(), t =>
        {
            var (x, y, z) = t;
            var f = group.Pow(group.Generator, x);
            var g = group.Pow(group.Compose(group.Generator, group.Generator), y);
            var h = group.Pow(group.Square(group.Square(group.Generator)), z);
            group.Compose(group.Compose(f, g), h).ShouldBe(group.Compose(f, group.Compose(g, h)));
            group.Compose(f, g).ShouldBe(NaiveForms.Compose(f, g));
            group.Compose(f, group.Identity).ShouldBe(f);
            group.Compose(group.Identity, f).ShouldBe(f);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Exponentiation_respects_the_exponent_laws()
    {
        var group = DiscriminantDerivation.GroupFromSeed("laws"u8, 256);
        Prop.ForAll(Gen.Choose(0, 1 << 20).Two().ToArbitrary(), t =>
        {
            var (x, y) = t;
            var g = group.Generator;
            group.Pow(g, x + y).ShouldBe(group.Compose(group.Pow(g, x), group.Pow(g, y)));
            group.Pow(group.Pow(g, x), y).ShouldBe(group.Pow(g, (BigInteger)x * y));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_product_of_powers_equals_the_powers_composed()
    {
        var group = DiscriminantDerivation.GroupFromSeed("product"u8, 256);
        var f = group.Pow(group.Generator, 12345);
        Prop.ForAll(Gen.Choose(0, int.MaxValue).Two().ToArbitrary(), t =>
        {
            var (e, h) = t;
            BigInteger bigE = (BigInteger)e * e * e;
            group.PowProduct(f, bigE, group.Generator, h).ShouldBe(group.Compose(group.Pow(f, bigE), group.Pow(group.Generator, h)));
        }).QuickCheckThrowOnFailure();
        group.PowProduct(f, 0, group.Generator, 0).ShouldBe(group.Identity);
    }

    [Fact]
    public void Repeated_squaring_equals_a_power_of_two_exponent()
    {
        var group = DiscriminantDerivation.GroupFromSeed("squarings"u8, 512);
        group.RepeatedSquare(group.Generator, 200).ShouldBe(group.Pow(group.Generator, BigInteger.One << 200));
    }

    [Fact]
    public void Non_primitive_forms_are_not_elements_and_do_not_decode()
    {
        var group = ClassGroup.Create(-63); // 63 = 9 · 7 is not squarefree: (3, 3, 6) has discriminant −63 but gcd 3
        var form = new QuadraticForm(3, 3, 6);
        form.IsReduced.ShouldBeTrue();
        group.IsElement(form).ShouldBeFalse();
        byte[] encoded = new byte[group.FormSize];
        encoded[(group.FormSize / 2) - 1] = 3;
        encoded[^1] = 3;
        group.TryDecode(encoded, out _, out var error).ShouldBeFalse();
        error.ShouldContain("primitive");
    }

    [Theory]
    [InlineData(0, "negative")]
    [InlineData(23, "negative")]
    [InlineData(-19, "1 modulo 8")]
    [InlineData(-7, "bits")]
    public void Unsuitable_discriminants_are_refused_with_a_reason(int discriminant, string reason)
    {
        ClassGroup.TryCreate(discriminant, out var group, out var error).ShouldBeFalse();
        group.ShouldBeNull();
        error.ShouldContain(reason);
    }
}
