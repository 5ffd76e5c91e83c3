using System.Numerics;
using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Tests.Vdf;

public class WesolowskiVdfTests
{
    private static readonly ClassGroup SmallGroup = DiscriminantDerivation.GroupFromSeed("vdf tests"u8, 256);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(5003)]
    public void The_output_is_the_repeated_square_and_the_proof_is_the_quotient_power(long difficulty)
    {
        var x = SmallGroup.Generator;
        var result = WesolowskiVdf.Evaluate(SmallGroup, x, difficulty);

        result.Output.ShouldBe(SmallGroup.RepeatedSquare(x, difficulty));
        BigInteger challenge = WesolowskiVdf.Challenge(SmallGroup, x, result.Output, difficulty);
        challenge.GetBitLength().ShouldBe(WesolowskiVdf.ChallengeBits);
        result.Proof.ShouldBe(SmallGroup.Pow(x, (BigInteger.One << (int)difficulty) / challenge));
        WesolowskiVdf.Verify(SmallGroup, x, difficulty, result).ShouldBeTrue();
    }

    [Fact]
    public void A_proof_at_the_production_discriminant_size_verifies()
    {
        var group = DiscriminantDerivation.GroupFromSeed("epoch 42 seed"u8, 1024);
        var result = WesolowskiVdf.Evaluate(group, group.Generator, 300);
        WesolowskiVdf.Verify(group, group.Generator, 300, result).ShouldBeTrue();
        byte[] encoded = result.Encode(group);
        encoded.Length.ShouldBe(4 * 65);
        WesolowskiProof.TryDecode(group, encoded, out var decoded, out _).ShouldBeTrue();
        decoded.ShouldBe(result);
    }

    [Fact]
    public void Every_tampered_field_fails_verification()
    {
        var group = SmallGroup;
        var x = group.Generator;
        const long T = 600;
        var good = WesolowskiVdf.Evaluate(group, x, T);
        WesolowskiVdf.Verify(group, x, T, good).ShouldBeTrue();

        WesolowskiVdf.Verify(group, x, T, good with { Output = group.Compose(good.Output, x) }).ShouldBeFalse();
        WesolowskiVdf.Verify(group, x, T, good with { Proof = group.Compose(good.Proof, x) }).ShouldBeFalse();
        WesolowskiVdf.Verify(group, x, T, good with { Output = good.Proof, Proof = good.Output }).ShouldBeFalse();
        WesolowskiVdf.Verify(group, x, T - 1, good).ShouldBeFalse();
        WesolowskiVdf.Verify(group, x, T + 1, good).ShouldBeFalse();
        WesolowskiVdf.Verify(group, group.Square(x), T, good).ShouldBeFalse();
        var other = DiscriminantDerivation.GroupFromSeed("another seed"u8, 256);
        WesolowskiVdf.Verify(other, other.Generator, T, good).ShouldBeFalse();

        // A non-reduced or wrong-discriminant form is rejected before any group operation.
        var unreduced = new QuadraticForm(good.Proof.A, good.Proof.B + (2 * good.Proof.A), good.Proof.A + good.Proof.B + good.Proof.C);
        WesolowskiVdf.Verify(group, x, T, good with { Proof = unreduced }).ShouldBeFalse();
    }

    [Fact]
    public void Every_flipped_bit_of_the_encoding_is_refused_or_fails_verification()
    {
        var group = SmallGroup;
        var x = group.Generator;
        const long T = 300;
        byte[] encoded = WesolowskiVdf.Evaluate(group, x, T).Encode(group);
        for (int i = 0; i < encoded.Length * 8; i++)
        {
            byte[] tampered = (byte[])encoded.Clone();
            tampered[i / 8] ^= (byte)(1 << (i % 8));
            bool accepted = WesolowskiProof.TryDecode(group, tampered, out var proof, out _) &&
                WesolowskiVdf.Verify(group, x, T, proof);
            accepted.ShouldBeFalse($"bit {i} flipped");
        }
    }

    [Fact]
    public void Malformed_encodings_are_refused_with_a_reason()
    {
        var group = SmallGroup;
        byte[] encoded = WesolowskiVdf.Evaluate(group, group.Generator, 10).Encode(group);

        WesolowskiProof.TryDecode(group, encoded.AsSpan(1), out _, out var error).ShouldBeFalse();
        error.ShouldContain("bytes");
        WesolowskiProof.TryDecode(group, [.. encoded, 0], out _, out error).ShouldBeFalse();
        error.ShouldContain("bytes");

        byte[] zeroA = (byte[])encoded.Clone();
        zeroA.AsSpan(0, group.FormSize / 2).Clear();
        WesolowskiProof.TryDecode(group, zeroA, out _, out error).ShouldBeFalse();
        error.ShouldContain("not positive");

        var g = group.Generator;
        var unreducedForm = new QuadraticForm(g.A, g.B + (2 * g.A), g.A + g.B + g.C);
        byte[] unreduced = (byte[])encoded.Clone();
        WriteForm(group, unreducedForm, unreduced);
        WesolowskiProof.TryDecode(group, unreduced, out _, out error).ShouldBeFalse();
        error.ShouldContain("not reduced");
    }

    [Fact]
    public void Out_of_range_difficulties_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WesolowskiVdf.Evaluate(SmallGroup, SmallGroup.Generator, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => WesolowskiVdf.Evaluate(SmallGroup, SmallGroup.Generator, WesolowskiVdf.MaxDifficulty + 1));
        var proof = new WesolowskiProof(SmallGroup.Identity, SmallGroup.Identity);
        WesolowskiVdf.Verify(SmallGroup, SmallGroup.Generator, 0, proof).ShouldBeFalse();
    }

    [Fact]
    public void Evaluation_honours_cancellation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => WesolowskiVdf.Evaluate(SmallGroup, SmallGroup.Generator, 100, cts.Token));
    }

    [Theory]
    [InlineData(1L, 1, 1)]
    [InlineData(1L << 20, 11, 2)]
    public void The_proof_plan_minimises_the_work_under_the_memory_cap(long difficulty, int k, int l) =>
        WesolowskiVdf.PlanProof(difficulty).ShouldBe(new WesolowskiVdf.ProofPlan(k, l));

    [Theory]
    [InlineData(1000L, 4L)]
    [InlineData(1000L, 1L)]
    [InlineData(4097L, 16L)]
    public void A_small_memory_cap_gives_the_same_proof(long difficulty, long maxCheckpoints)
    {
        var x = SmallGroup.Generator;
        var capped = WesolowskiVdf.Evaluate(SmallGroup, x, difficulty, maxCheckpoints, CancellationToken.None);
        WesolowskiVdf.PlanProof(difficulty, maxCheckpoints).L.ShouldBeGreaterThan(1);
        capped.ShouldBe(WesolowskiVdf.Evaluate(SmallGroup, x, difficulty));
        BigInteger challenge = WesolowskiVdf.Challenge(SmallGroup, x, capped.Output, difficulty);
        capped.Proof.ShouldBe(SmallGroup.Pow(x, (BigInteger.One << (int)difficulty) / challenge));
    }

    private static void WriteForm(ClassGroup group, QuadraticForm form, byte[] destination)
    {
        int half = group.FormSize / 2;
        destination.AsSpan(0, group.FormSize).Clear();
        form.A.TryWriteBytes(destination.AsSpan(half - form.A.GetByteCount(), form.A.GetByteCount()), out _, isUnsigned: false, isBigEndian: true);
        byte[] b = form.B.ToByteArray(isUnsigned: false, isBigEndian: true);
        destination.AsSpan(half, half).Fill(form.B.Sign < 0 ? (byte)0xFF : (byte)0);
        b.CopyTo(destination.AsSpan((2 * half) - b.Length));
    }
}
