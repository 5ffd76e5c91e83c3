using System.Buffers;
using System.Numerics;
using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

public sealed class RlpWriterTests
{
    [Theory]
    [InlineData(0, "80")]
    [InlineData(2, "82")]
    [InlineData(55, "b7")]
    [InlineData(56, "b838")]
    [InlineData(255, "b8ff")]
    [InlineData(256, "b90100")]
    [InlineData(65535, "b9ffff")]
    [InlineData(65536, "ba010000")]
    public void String_headers_switch_form_and_grow_at_the_boundaries(int length, string expectedHeaderHex)
    {
        byte[] value = new byte[length];
        Array.Fill(value, (byte)0xaa);

        byte[] encoded = Write(w => w.WriteBytes(value));

        RlpHex.Format(encoded.AsSpan(0, encoded.Length - length)).ShouldBe(expectedHeaderHex);
        encoded.AsSpan(encoded.Length - length).SequenceEqual(value).ShouldBeTrue();
        Rlp.LengthOfBytes(value).ShouldBe(encoded.Length);
    }

    [Theory]
    [InlineData(0x00, "00")]
    [InlineData(0x7f, "7f")]
    [InlineData(0x80, "8180")]
    [InlineData(0xff, "81ff")]
    public void A_single_byte_is_itself_below_0x80_and_wrapped_from_0x80(byte value, string expectedHex)
    {
        RlpHex.Format(Write(w => w.WriteBytes([value]))).ShouldBe(expectedHex);
        Rlp.LengthOfBytes([value]).ShouldBe(expectedHex.Length / 2);
    }

    [Theory]
    [InlineData(0, "c0")]
    [InlineData(55, "f7")]
    [InlineData(56, "f838")]
    [InlineData(1024, "f90400")]
    [InlineData(70000, "fa011170")]
    [InlineData(int.MaxValue, "fb7fffffff")]
    public void List_headers_switch_form_and_grow_at_the_boundaries(int payloadLength, string expectedHex)
    {
        byte[] header = Write(w => w.WriteListHeader(payloadLength));

        RlpHex.Format(header).ShouldBe(expectedHex);
        if (payloadLength < int.MaxValue - 5)
        {
            Rlp.LengthOfList(payloadLength).ShouldBe(header.Length + payloadLength);
        }
    }

    [Fact]
    public void Integers_are_minimal_big_endian_and_their_lengths_match()
    {
        ulong[] values = [0, 1, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, uint.MaxValue, 1UL << 32, ulong.MaxValue - 1, ulong.MaxValue];
        foreach (ulong value in values)
        {
            byte[] encoded = Write(w => w.WriteUInt64(value));

            encoded.Length.ShouldBe(Rlp.LengthOfUInt64(value), $"value {value}");
            if (value >= 0x80)
            {
                encoded[0].ShouldBe((byte)(0x80 + encoded.Length - 1));
                encoded[1].ShouldNotBe((byte)0);
            }

            new RlpReader(encoded).ReadUInt64().ShouldBe(value);
        }
    }

    [Fact]
    public void BigIntegers_encode_like_the_same_UInt64_values()
    {
        var random = new Random(77);
        for (int i = 0; i < 2000; i++)
        {
            ulong value = (ulong)random.NextInt64() >> random.Next(64);

            byte[] viaBig = Write(w => w.WriteBigInteger(value));

            viaBig.ShouldBe(Write(w => w.WriteUInt64(value)), $"value {value}");
            Rlp.LengthOfBigInteger(value).ShouldBe(viaBig.Length);
        }
    }

    [Fact]
    public void Large_BigIntegers_are_minimal_big_endian()
    {
        BigInteger hundredEther = BigInteger.Parse("100000000000000000000", System.Globalization.CultureInfo.InvariantCulture);
        BigInteger max256 = (BigInteger.One << 256) - 1;

        RlpHex.Format(Write(w => w.WriteBigInteger(hundredEther))).ShouldBe("89056bc75e2d63100000");
        byte[] encoded = Write(w => w.WriteBigInteger(max256));
        RlpHex.Format(encoded).ShouldBe("a0" + new string('f', 64));
        Rlp.LengthOfBigInteger(max256).ShouldBe(33);
        new RlpReader(encoded).ReadBigInteger().ShouldBe(max256);
        RlpHex.Format(Write(w => w.WriteBigInteger(BigInteger.Zero))).ShouldBe("80");
        RlpHex.Format(Write(w => w.WriteBigInteger(128))).ShouldBe("8180");
    }

    [Fact]
    public void Negative_BigIntegers_are_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Rlp.LengthOfBigInteger(BigInteger.MinusOne));
        Should.Throw<ArgumentOutOfRangeException>(() => Write(w => w.WriteBigInteger(-5)));
    }

    [Fact]
    public void Negative_list_lengths_are_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Rlp.LengthOfList(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => Write(w => w.WriteListHeader(-1)));
    }

    [Fact]
    public void Raw_items_are_copied_verbatim()
    {
        byte[] item = RlpHex.Parse("c88363617483646f67");

        byte[] encoded = Write(w =>
        {
            w.WriteListHeader(item.Length + 1);
            w.WriteRaw(item);
            w.WriteUInt64(5);
        });

        RlpHex.Format(encoded).ShouldBe("ca" + "c88363617483646f67" + "05");
    }

    [Fact]
    public void The_writer_requires_an_output()
    {
        Should.Throw<ArgumentNullException>(() => new RlpWriter(null!));
    }

    private delegate void WriteAction(RlpWriter writer);

    private static byte[] Write(WriteAction write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new RlpWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }
}
