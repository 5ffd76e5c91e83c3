using System.Buffers;
using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

public sealed class RlpRoundTripTests
{
    [Fact]
    public void Random_nested_structures_match_the_reference_encoding_and_read_back()
    {
        var random = new Random(20260101);
        for (int trial = 0; trial < 400; trial++)
        {
            RlpTestNode node = RlpTestNode.Random(random, maxDepth: 6);

            byte[] encoded = node.Encode();

            encoded.ShouldBe(node.ReferenceEncode(), $"trial {trial}");
            encoded.Length.ShouldBe(node.EncodedLength());
            var reader = new RlpReader(encoded);
            RlpTestNode decoded = RlpTestNode.Read(ref reader);
            reader.EnsureEnd();
            decoded.SameAs(node).ShouldBeTrue($"trial {trial}");
        }
    }

    [Fact]
    public void Large_strings_and_lists_round_trip_through_the_three_and_four_byte_long_forms()
    {
        byte[] big = new byte[70_000];
        new Random(3).NextBytes(big);
        RlpTestNode node = RlpTestNode.List(
            RlpTestNode.String(big),
            RlpTestNode.List(RlpTestNode.String(big), RlpTestNode.String([0x7f])));

        byte[] encoded = node.Encode();

        encoded.ShouldBe(node.ReferenceEncode());
        var reader = new RlpReader(encoded);
        RlpTestNode.Read(ref reader).SameAs(node).ShouldBeTrue();
        reader.EnsureEnd();
    }

    [Fact]
    public void Random_integers_round_trip_through_both_integer_readers()
    {
        var random = new Random(11);
        var buffer = new ArrayBufferWriter<byte>();
        for (int i = 0; i < 5000; i++)
        {
            ulong value = (ulong)random.NextInt64() << 1 >> random.Next(64);
            buffer.ResetWrittenCount();
            new RlpWriter(buffer).WriteUInt64(value);

            var reader = new RlpReader(buffer.WrittenSpan);
            reader.ReadUInt64().ShouldBe(value);
            reader.EnsureEnd();
            new RlpReader(buffer.WrittenSpan).ReadBigInteger().ShouldBe(value);
        }
    }

    [Fact]
    public void Random_byte_strings_decode_or_fail_cleanly()
    {
        // Arbitrary bytes must never throw from the Try methods, hang, or read outside the input.
        var random = new Random(5);
        for (int trial = 0; trial < 20_000; trial++)
        {
            byte[] input = new byte[random.Next(0, 40)];
            random.NextBytes(input);

            var reader = new RlpReader(input, maxDepth: 8);
            Walk(ref reader).ShouldBeLessThanOrEqualTo(input.Length + 1);
        }
    }

    private static int Walk(ref RlpReader reader)
    {
        int items = 0;
        while (reader.HasMore)
        {
            items++;
            if (reader.NextIsList)
            {
                if (!reader.TryReadList(out RlpReader inner))
                {
                    reader.LastError.IsError.ShouldBeTrue();
                    return items;
                }

                items += Walk(ref inner);
            }
            else if (!reader.TryReadBytes(out _))
            {
                reader.LastError.IsError.ShouldBeTrue();
                return items;
            }
        }

        reader.TryEnsureEnd().ShouldBeTrue();
        return items;
    }
}
