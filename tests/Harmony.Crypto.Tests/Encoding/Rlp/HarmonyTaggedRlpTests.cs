using System.Buffers;
using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

/// <summary>The taggedrlp envelope of spec/harmony.md §8: ["HmnyTgd", tag, inner] or a legacy value.</summary>
public sealed class HarmonyTaggedRlpTests
{
    private static readonly byte[] Inner = RlpHex.Parse("c3010203");

    [Fact]
    public void An_envelope_is_the_list_of_marker_tag_and_raw_inner_item()
    {
        byte[] encoded = WriteEnvelope("v3"u8, Inner);

        // c0+15, "HmnyTgd" (87 + 7 bytes), "v3" (82 + 2 bytes), then the inner list verbatim.
        RlpHex.Format(encoded).ShouldBe("cf" + "87486d6e79546764" + "827633" + "c3010203");
        HarmonyTaggedRlp.LengthOfEnvelope("v3"u8, Inner.Length).ShouldBe(encoded.Length);
        RlpTestNode expected = RlpTestNode.List(
            RlpTestNode.String("HmnyTgd"u8.ToArray()),
            RlpTestNode.String("v3"u8.ToArray()),
            RlpTestNode.List(RlpTestNode.String([1]), RlpTestNode.String([2]), RlpTestNode.String([3])));
        encoded.ShouldBe(expected.ReferenceEncode());
    }

    [Fact]
    public void A_tagged_value_reads_back_its_tag_and_inner_item()
    {
        byte[] encoded = WriteEnvelope("v1"u8, Inner);

        HarmonyTaggedRlp.TryReadEnvelope(encoded, out ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> inner, out RlpError error)
            .ShouldBeTrue();

        tag.SequenceEqual("v1"u8).ShouldBeTrue();
        inner.ToArray().ShouldBe(Inner);
        error.IsError.ShouldBeFalse();
    }

    [Fact]
    public void Large_inner_items_round_trip()
    {
        byte[] big = RlpTestNode.List(RlpTestNode.String(new byte[5000]), RlpTestNode.String([9])).Encode();

        byte[] encoded = WriteEnvelope("v2"u8, big);

        HarmonyTaggedRlp.LengthOfEnvelope("v2"u8, big.Length).ShouldBe(encoded.Length);
        HarmonyTaggedRlp.TryReadEnvelope(encoded, out ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> inner, out _).ShouldBeTrue();
        tag.SequenceEqual("v2"u8).ShouldBeTrue();
        inner.SequenceEqual(big).ShouldBeTrue();
    }

    [Theory]
    [InlineData("c3010203")]
    [InlineData("83646f67")]
    [InlineData("05")]
    [InlineData("c0")]
    [InlineData("c9" + "87486d6e79546764" + "80")]
    [InlineData("cb" + "87486d6e79546764" + "827631")]
    [InlineData("ce" + "87486d6e79546764" + "827631" + "c101" + "80")]
    [InlineData("cf" + "87486d6e79546765" + "827631" + "c3010203")]
    [InlineData("ce" + "87486d6e79546764" + "c180" + "c3010203")]
    [InlineData("c5" + "c0" + "827631" + "01")]
    public void Values_that_are_not_exactly_marker_tag_inner_are_legacy(string hex)
    {
        byte[] encoded = RlpHex.Parse(hex);

        HarmonyTaggedRlp.TryReadEnvelope(encoded, out ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> inner, out RlpError error)
            .ShouldBeTrue(error.ToString());

        tag.IsEmpty.ShouldBeTrue();
        inner.ToArray().ShouldBe(encoded);
        error.IsError.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", 0, RlpErrorKind.UnexpectedEnd)]
    [InlineData("c3010203" + "00", 4, RlpErrorKind.TrailingBytes)]
    [InlineData("83646f", 0, RlpErrorKind.UnexpectedEnd)]
    [InlineData("d1" + "87486d6e79546764" + "827633" + "c401020304", 0, RlpErrorKind.UnexpectedEnd)]
    [InlineData("cc" + "87486d6e79546764" + "8176" + "c10a", 9, RlpErrorKind.NonCanonicalSingleByte)]
    [InlineData("cd" + "87486d6e79546764" + "827633" + "c201", 12, RlpErrorKind.UnexpectedEnd)]
    public void Malformed_values_are_rejected_with_the_error(string hex, int offset, RlpErrorKind kind)
    {
        HarmonyTaggedRlp.TryReadEnvelope(RlpHex.Parse(hex), out ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> inner, out RlpError error)
            .ShouldBeFalse();

        error.ShouldBe(new RlpError(offset, kind));
        tag.IsEmpty.ShouldBeTrue();
        inner.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void The_marker_constant_matches_the_bytes_written()
    {
        byte[] encoded = WriteEnvelope("x"u8, [0x80]);
        var reader = new RlpReader(encoded);
        RlpReader list = reader.ReadList();

        System.Text.Encoding.ASCII.GetString(list.ReadBytes()).ShouldBe(HarmonyTaggedRlp.EnvelopeMarker);
    }

    [Fact]
    public void Writing_an_envelope_checks_its_arguments()
    {
        Should.Throw<ArgumentException>(() => WriteEnvelope([], Inner)).ParamName.ShouldBe("tag");
        Should.Throw<ArgumentException>(() => WriteEnvelope("v1"u8.ToArray(), RlpHex.Parse("0102"))).ParamName.ShouldBe("innerEncoded");
        Should.Throw<ArgumentException>(() => WriteEnvelope("v1"u8.ToArray(), [])).ParamName.ShouldBe("innerEncoded");
        Should.Throw<ArgumentException>(() => WriteEnvelope("v1"u8.ToArray(), RlpHex.Parse("8105"))).ParamName.ShouldBe("innerEncoded");
        Should.Throw<ArgumentOutOfRangeException>(() => HarmonyTaggedRlp.LengthOfEnvelope("v1"u8, -1));
    }

    private static byte[] WriteEnvelope(ReadOnlySpan<byte> tag, byte[] inner)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(buffer);
        HarmonyTaggedRlp.WriteEnvelope(ref writer, tag, inner);
        return buffer.WrittenSpan.ToArray();
    }
}
