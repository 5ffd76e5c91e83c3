using System.Buffers;
using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

/// <summary>The worked examples of the Ethereum yellow paper appendix B and the Ethereum RLP documentation.</summary>
public sealed class RlpCanonicalExamplesTests
{
    private const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";

    [Theory]
    [InlineData("dog", "83 64 6f 67")]
    [InlineData("", "80")]
    [InlineData("a", "61")]
    public void Strings_encode_as_documented(string text, string expectedHex)
    {
        byte[] value = System.Text.Encoding.ASCII.GetBytes(text);

        Rlp.EncodeBytes(value).ShouldBe(RlpHex.Parse(expectedHex));
        Rlp.LengthOfBytes(value).ShouldBe(RlpHex.Parse(expectedHex).Length);
        var reader = new RlpReader(RlpHex.Parse(expectedHex));
        reader.ReadBytes().ToArray().ShouldBe(value);
        reader.EnsureEnd();
    }

    [Fact]
    public void A_56_byte_string_uses_the_long_form()
    {
        byte[] value = System.Text.Encoding.ASCII.GetBytes(Lorem);
        value.Length.ShouldBe(56);

        byte[] encoded = Rlp.EncodeBytes(value);

        encoded.ShouldBe([0xb8, 0x38, .. value]);
        new RlpReader(encoded).ReadBytes().ToArray().ShouldBe(value);
    }

    [Fact]
    public void The_list_of_cat_and_dog_encodes_as_documented()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RlpWriter(buffer);

        writer.WriteListHeader(Rlp.LengthOfBytes("cat"u8) + Rlp.LengthOfBytes("dog"u8));
        writer.WriteBytes("cat"u8);
        writer.WriteBytes("dog"u8);

        RlpHex.Format(buffer.WrittenSpan).ShouldBe("c88363617483646f67");
        var reader = new RlpReader(buffer.WrittenSpan);
        RlpReader list = reader.ReadList();
        list.ReadBytes().SequenceEqual("cat"u8).ShouldBeTrue();
        list.ReadBytes().SequenceEqual("dog"u8).ShouldBeTrue();
        list.EnsureEnd();
        reader.EnsureEnd();
    }

    [Fact]
    public void The_empty_list_is_c0()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new RlpWriter(buffer).WriteListHeader(0);

        RlpHex.Format(buffer.WrittenSpan).ShouldBe("c0");
        var reader = new RlpReader(buffer.WrittenSpan);
        reader.ReadList().HasMore.ShouldBeFalse();
        reader.EnsureEnd();
    }

    [Theory]
    [InlineData(0UL, "80")]
    [InlineData(15UL, "0f")]
    [InlineData(1024UL, "820400")]
    public void Integers_encode_as_documented(ulong value, string expectedHex)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new RlpWriter(buffer).WriteUInt64(value);

        RlpHex.Format(buffer.WrittenSpan).ShouldBe(expectedHex);
        new RlpReader(buffer.WrittenSpan).ReadUInt64().ShouldBe(value);
    }

    [Fact]
    public void The_set_theoretic_representation_of_three_encodes_as_documented()
    {
        // [ [], [[]], [ [], [[]] ] ]
        RlpTestNode three = RlpTestNode.List(
            RlpTestNode.List(),
            RlpTestNode.List(RlpTestNode.List()),
            RlpTestNode.List(RlpTestNode.List(), RlpTestNode.List(RlpTestNode.List())));

        byte[] encoded = three.Encode();

        RlpHex.Format(encoded).ShouldBe("c7c0c1c0c3c0c1c0");
        var reader = new RlpReader(encoded);
        RlpTestNode.Read(ref reader).SameAs(three).ShouldBeTrue();
        reader.EnsureEnd();
    }

    [Fact]
    public void A_list_whose_payload_is_longer_than_55_bytes_uses_the_long_form()
    {
        // ["Lorem ipsum dolor sit amet, consectetur adipisicing elit"]: payload 58 bytes.
        byte[] lorem = System.Text.Encoding.ASCII.GetBytes(Lorem);
        RlpTestNode list = RlpTestNode.List(RlpTestNode.String(lorem));

        byte[] encoded = list.Encode();

        encoded.ShouldBe([0xf8, 0x3a, 0xb8, 0x38, .. lorem]);
        Rlp.LengthOfList(58).ShouldBe(60);
    }
}
