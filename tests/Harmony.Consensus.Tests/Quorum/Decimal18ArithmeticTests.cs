using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Harmony.Consensus.Quorum;

namespace Harmony.Consensus.Tests.Quorum;

public class Decimal18ArithmeticTests
{
    private static readonly BigInteger Scale = BigInteger.Pow(10, 18);

    [Fact]
    public void Two_thirds_rounds_up_at_the_eighteenth_digit()
    {
        Decimal18.TwoThirds.ToString().ShouldBe("0.666666666666666667");
        Decimal18.TwoThirds.RawValue.ShouldBe(BigInteger.Parse("666666666666666667"));
    }

    [Fact]
    public void Quotients_round_half_to_even_and_integer_quotients_truncate()
    {
        (Decimal18.One / Decimal18.FromInteger(3)).ToString().ShouldBe("0.333333333333333333");
        (Decimal18.One / Decimal18.FromInteger(6)).ToString().ShouldBe("0.166666666666666667");
        Decimal18.FromInteger(2).DivideByInteger(3).ToString().ShouldBe("0.666666666666666666");
        Decimal18.FromInteger(2).DivideTruncate(Decimal18.FromInteger(3)).ToString().ShouldBe("0.666666666666666666");
        Decimal18.FromInteger(-2).Divide(Decimal18.FromInteger(3)).ToString().ShouldBe("-0.666666666666666667");
    }

    [Fact]
    public void An_exact_half_goes_to_the_even_neighbour()
    {
        var half = Decimal18.Parse("0.5");
        (Decimal18.FromRaw(1) * half).RawValue.ShouldBe(BigInteger.Zero);      // 0.5 ulp -> 0 (even)
        (Decimal18.FromRaw(3) * half).RawValue.ShouldBe(new BigInteger(2));     // 1.5 ulp -> 2
        (Decimal18.FromRaw(5) * half).RawValue.ShouldBe(new BigInteger(2));     // 2.5 ulp -> 2
        (Decimal18.FromRaw(-3) * half).RawValue.ShouldBe(new BigInteger(-2));   // sign applied to the rounded magnitude
        Decimal18.FromRaw(3).MultiplyTruncate(half).RawValue.ShouldBe(BigInteger.One);
    }

    [Theory]
    [InlineData("0.01", "0.010000000000000000")]
    [InlineData("-3", "-3.000000000000000000")]
    [InlineData("100.5", "100.500000000000000000")]
    [InlineData("0.000000000000000001", "0.000000000000000001")]
    public void Text_round_trips_with_eighteen_decimals(string text, string printed)
    {
        var value = Decimal18.Parse(text);
        value.ToString().ShouldBe(printed);
        Decimal18.Parse(printed).ShouldBe(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e5")]
    [InlineData("0.0000000000000000001")]
    [InlineData("--1")]
    [InlineData(" 1")]
    public void Malformed_text_is_refused(string text) => Decimal18.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Results_beyond_the_go_bit_bound_overflow()
    {
        var huge = Decimal18.FromRaw(BigInteger.One << (Decimal18.MaxBits - 1));
        Should.Throw<OverflowException>(() => huge + huge);
        Decimal18.TryParse(new string('9', 119), out _).ShouldBeFalse();
    }

    [Fact]
    public void Products_are_within_half_an_ulp_with_ties_to_even() =>
        Prop.ForAll<long, long>((a, b) =>
        {
            var x = Decimal18.FromRaw(a);
            var y = Decimal18.FromRaw(b);
            var exact = new BigInteger(a) * b;
            var rounded = (x * y).RawValue;
            var error = BigInteger.Abs((rounded * Scale) - exact);
            var half = Scale / 2;
            return error < half || (error == half && rounded.IsEven);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Quotients_are_within_half_an_ulp_of_the_truncated_long_division() =>
        Prop.ForAll<long, long>((a, b) =>
        {
            if (b == 0)
            {
                return true;
            }

            var truncated = BigInteger.Divide(new BigInteger(a) * Scale * Scale, b);
            var rounded = (Decimal18.FromRaw(a) / Decimal18.FromRaw(b)).RawValue;
            var error = BigInteger.Abs((rounded * Scale) - truncated);
            return error <= Scale / 2;
        }).QuickCheckThrowOnFailure();
}
