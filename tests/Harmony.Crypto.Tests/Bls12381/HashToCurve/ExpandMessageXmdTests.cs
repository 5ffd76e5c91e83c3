using System.Security.Cryptography;
using System.Text.Json;
using Harmony.Crypto.Bls12381;
using Harmony.Testing;
using H2C = Harmony.Crypto.Bls12381.HashToCurve;

namespace Harmony.Crypto.Tests.Bls12381.HashToCurve;

/// <summary>expand_message_xmd (SHA-256) against every RFC 9380 file in <c>hash-to-curve/expand_message_xmd_*.json</c>.</summary>
public class ExpandMessageXmdTests
{
    private const string Folder = "hash-to-curve";

    public static TheoryData<string> Files => Vectors.Files(Folder, "expand_message_xmd_*.json");

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Uniform_bytes_match_the_vectors(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Vectors.Resolve(file, Folder)));
        var root = document.RootElement;
        root.GetProperty("hash").GetString().ShouldBe("SHA256", StringCompareShould.IgnoreCase);
        byte[] dst = System.Text.Encoding.ASCII.GetBytes(root.GetProperty("DST").GetString()!);
        int count = 0;
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            byte[] message = System.Text.Encoding.ASCII.GetBytes(test.GetProperty("msg").GetString()!);
            int length = Convert.ToInt32(test.GetProperty("len_in_bytes").GetString(), 16);
            byte[] output = new byte[length];
            H2C.ExpandMessageXmd(message, dst, output);
            Convert.ToHexStringLower(output).ShouldBe(test.GetProperty("uniform_bytes").GetString(), $"{file} msg '{test.GetProperty("msg").GetString()}' len {length}");
            count++;
        }

        count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Oversize_dst_is_hashed_first()
    {
        byte[] longDst = new byte[300];
        new Random(3).NextBytes(longDst);
        byte[] shortDst = SHA256.HashData([.. "H2C-OVERSIZE-DST-"u8, .. longDst]);
        byte[] a = new byte[96];
        byte[] b = new byte[96];
        H2C.ExpandMessageXmd("msg"u8, longDst, a);
        H2C.ExpandMessageXmd("msg"u8, shortDst, b);
        a.ShouldBe(b);
    }

    [Fact]
    public void Large_messages_use_the_pooled_path_and_agree_with_a_reference()
    {
        byte[] dst = "QUUX-V01-CS02-with-expander-SHA256-128"u8.ToArray();
        foreach (int size in new[] { 0, 1, 500, 1024, 5000 })
        {
            byte[] message = new byte[size];
            new Random(size).NextBytes(message);
            foreach (int length in new[] { 1, 31, 32, 33, 256, 8160 })
            {
                byte[] output = new byte[length];
                H2C.ExpandMessageXmd(message, dst, output);
                output.ShouldBe(Reference(message, dst, length));
            }
        }
    }

    [Fact]
    public void Length_limits_are_enforced()
    {
        Should.Throw<ArgumentException>(() => H2C.ExpandMessageXmd("m"u8, "DST"u8, new byte[8161]));
        Should.Throw<ArgumentException>(() => H2C.ExpandMessageXmd("m"u8, [], new byte[32]));
        Should.Throw<ArgumentException>(() => H2C.HashToFieldFp2("m"u8, "DST"u8, new Fp2[64]));
    }

    /// <summary>A direct transcription of RFC 9380 §5.3.1 with heap arrays.</summary>
    private static byte[] Reference(byte[] message, byte[] dst, int length)
    {
        byte[] dstPrime = [.. dst, (byte)dst.Length];
        byte[] b0 = SHA256.HashData([.. new byte[64], .. message, (byte)(length >> 8), (byte)length, 0, .. dstPrime]);
        var output = new List<byte>();
        byte[] previous = SHA256.HashData([.. b0, 1, .. dstPrime]);
        output.AddRange(previous);
        for (int i = 2; output.Count < length; i++)
        {
            byte[] mixed = b0.Zip(previous, (x, y) => (byte)(x ^ y)).ToArray();
            previous = SHA256.HashData([.. mixed, (byte)i, .. dstPrime]);
            output.AddRange(previous);
        }

        return output.Take(length).ToArray();
    }
}
