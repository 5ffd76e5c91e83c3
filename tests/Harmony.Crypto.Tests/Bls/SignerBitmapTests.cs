using Harmony.Crypto.Bls;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>Harmony's mask layout (spec/harmony.md §1.6).</summary>
public class SignerBitmapTests
{
    [Fact]
    public void Spec_example_signers_0_2_9_of_ten_is_05_02()
    {
        var bitmap = new SignerBitmap(10);
        bitmap.Set(0).ShouldBeTrue();
        bitmap.Set(2).ShouldBeTrue();
        bitmap.Set(9).ShouldBeTrue();
        bitmap.Set(9).ShouldBeFalse();
        Convert.ToHexStringLower(bitmap.Bytes).ShouldBe("0502");
        bitmap.Count.ShouldBe(3);
        ToList(bitmap).ShouldBe([0, 2, 9]);
    }

    [Fact]
    public void Length_is_ceil_n_over_8_and_other_lengths_are_rejected()
    {
        SignerBitmap.ByteLength(1).ShouldBe(1);
        SignerBitmap.ByteLength(8).ShouldBe(1);
        SignerBitmap.ByteLength(9).ShouldBe(2);
        SignerBitmap.ByteLength(250).ShouldBe(32);
        SignerBitmap.TryParse(new byte[3], 10, out _, out var error).ShouldBeFalse();
        error.ShouldContain("2 bytes");
        SignerBitmap.TryParse([], 10, out _, out _).ShouldBeFalse();
        SignerBitmap.TryParse([1], 0, out _, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => SignerBitmap.Parse(new byte[1], 10));
    }

    [Fact]
    public void Bits_above_n_are_ignored_on_parse()
    {
        SignerBitmap.TryParse([0xFF, 0xFF], 10, out var bitmap, out _).ShouldBeTrue();
        bitmap.Count.ShouldBe(10);
        Convert.ToHexStringLower(bitmap.Bytes).ShouldBe("ff03");
    }

    [Fact]
    public void Random_bit_sets_round_trip_and_agree_with_a_bool_array()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(1, 300);
            var expected = new bool[n];
            var bitmap = new SignerBitmap(n);
            for (int k = 0; k < n; k++)
            {
                int i = random.Next(n);
                if (random.Next(3) == 0)
                {
                    bitmap.Clear(i).ShouldBe(expected[i]);
                    expected[i] = false;
                }
                else
                {
                    bitmap.Set(i).ShouldBe(!expected[i]);
                    expected[i] = true;
                }
            }

            for (int i = 0; i < n; i++)
            {
                bitmap.IsSet(i).ShouldBe(expected[i]);
                ((bitmap.Bytes[i >> 3] >> (i & 7)) & 1).ShouldBe(expected[i] ? 1 : 0);
            }

            bitmap.Count.ShouldBe(expected.Count(b => b));
            ToList(bitmap).ShouldBe(Enumerable.Range(0, n).Where(i => expected[i]).ToList());
            SignerBitmap.Parse(bitmap.Bytes, n).ShouldBe(bitmap);
        }
    }

    [Fact]
    public void Union_overlap_clone_and_bounds()
    {
        var a = new SignerBitmap(12);
        var b = new SignerBitmap(12);
        a.Set(1);
        b.Set(11);
        a.Overlaps(b).ShouldBeFalse();
        var c = a.Clone();
        c.UnionWith(b);
        c.Count.ShouldBe(2);
        a.Count.ShouldBe(1);
        c.Overlaps(b).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => a.Set(12));
        Should.Throw<ArgumentOutOfRangeException>(() => a.IsSet(-1));
        Should.Throw<ArgumentException>(() => a.UnionWith(new SignerBitmap(13)));
    }

    private static List<int> ToList(SignerBitmap bitmap)
    {
        var list = new List<int>();
        foreach (int i in bitmap.GetSetIndices())
        {
            list.Add(i);
        }

        return list;
    }
}
