using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

/// <summary>Every canonical-form rule the reader enforces, with the reported kind and absolute offset.</summary>
public sealed class RlpMalformedInputTests
{
    [Theory]
    [InlineData("8105", RlpErrorKind.NonCanonicalSingleByte)]
    [InlineData("817f", RlpErrorKind.NonCanonicalSingleByte)]
    [InlineData("8100", RlpErrorKind.NonCanonicalSingleByte)]
    [InlineData("b80501020304", RlpErrorKind.NonCanonicalShortLength)]
    [InlineData("b800", RlpErrorKind.LeadingZeroInLength)]
    [InlineData("b90038", RlpErrorKind.LeadingZeroInLength)]
    [InlineData("bb80000000", RlpErrorKind.LengthOverflow)]
    [InlineData("bc8000000000", RlpErrorKind.LengthOverflow)]
    [InlineData("bc80000000", RlpErrorKind.UnexpectedEnd)]
    [InlineData("bfffffffffffffffff", RlpErrorKind.LengthOverflow)]
    [InlineData("b9ffff", RlpErrorKind.UnexpectedEnd)]
    [InlineData("bb7fffffff00", RlpErrorKind.UnexpectedEnd)]
    [InlineData("b901", RlpErrorKind.UnexpectedEnd)]
    [InlineData("b8", RlpErrorKind.UnexpectedEnd)]
    [InlineData("836162", RlpErrorKind.UnexpectedEnd)]
    [InlineData("", RlpErrorKind.UnexpectedEnd)]
    [InlineData("c0", RlpErrorKind.ExpectedString)]
    public void Malformed_string_items_are_rejected_at_offset_zero(string hex, RlpErrorKind expected)
    {
        var reader = new RlpReader(RlpHex.Parse(hex));

        reader.TryReadBytes(out ReadOnlySpan<byte> value).ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(0, expected));
        value.IsEmpty.ShouldBeTrue();
        reader.Position.ShouldBe(0, "a failed read does not move the reader");
    }

    [Fact]
    public void Fifty_five_bytes_in_long_form_are_non_canonical()
    {
        byte[] input = [0xb8, 55, .. new byte[55]];

        var reader = new RlpReader(input);

        reader.TryReadBytes(out _).ShouldBeFalse();
        reader.LastError.Kind.ShouldBe(RlpErrorKind.NonCanonicalShortLength);
    }

    [Theory]
    [InlineData("f80401020304", RlpErrorKind.NonCanonicalShortLength)]
    [InlineData("f90038", RlpErrorKind.LeadingZeroInLength)]
    [InlineData("fbffffffff", RlpErrorKind.LengthOverflow)]
    [InlineData("ffffffffffffffffff", RlpErrorKind.LengthOverflow)]
    [InlineData("f9ffff", RlpErrorKind.UnexpectedEnd)]
    [InlineData("c30102", RlpErrorKind.UnexpectedEnd)]
    [InlineData("80", RlpErrorKind.ExpectedList)]
    [InlineData("05", RlpErrorKind.ExpectedList)]
    public void Malformed_list_headers_are_rejected_at_offset_zero(string hex, RlpErrorKind expected)
    {
        var reader = new RlpReader(RlpHex.Parse(hex));

        reader.TryReadList(out RlpReader list).ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(0, expected));
        list.HasMore.ShouldBeFalse();
    }

    [Theory]
    [InlineData("00", RlpErrorKind.LeadingZeroInInteger)]
    [InlineData("820001", RlpErrorKind.LeadingZeroInInteger)]
    [InlineData("8800ffffffffffffff", RlpErrorKind.LeadingZeroInInteger)]
    [InlineData("89010000000000000000", RlpErrorKind.IntegerTooLarge)]
    [InlineData("8105", RlpErrorKind.NonCanonicalSingleByte)]
    [InlineData("c0", RlpErrorKind.ExpectedString)]
    public void Non_canonical_integers_are_rejected(string hex, RlpErrorKind expected)
    {
        var reader = new RlpReader(RlpHex.Parse(hex));

        reader.TryReadUInt64(out ulong value).ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(0, expected));
        value.ShouldBe(0UL);
        new RlpReader(RlpHex.Parse(hex)).TryReadBigInteger(out _, maxBytes: 8).ShouldBeFalse();
    }

    [Fact]
    public void BigIntegers_longer_than_the_limit_are_rejected()
    {
        byte[] thirtyThree = [0xa1, .. Enumerable.Repeat((byte)0x01, 33)];
        byte[] nine = RlpHex.Parse("89010000000000000000");

        var reader = new RlpReader(thirtyThree);
        reader.TryReadBigInteger(out _).ShouldBeFalse();
        reader.LastError.Kind.ShouldBe(RlpErrorKind.IntegerTooLarge);
        new RlpReader(thirtyThree).TryReadBigInteger(out _, maxBytes: 33).ShouldBeTrue();
        var small = new RlpReader(nine);
        small.TryReadBigInteger(out _, maxBytes: 8).ShouldBeFalse();
        small.LastError.Kind.ShouldBe(RlpErrorKind.IntegerTooLarge);
        new RlpReader(nine).ReadBigInteger(maxBytes: 9).ShouldBe(System.Numerics.BigInteger.One << 64);
    }

    [Theory]
    [InlineData("80", 0)]
    [InlineData("05", 1)]
    [InlineData("8180", 1)]
    [InlineData("83010203", 3)]
    public void Fixed_strings_of_the_right_length_are_read(string hex, int length)
    {
        var reader = new RlpReader(RlpHex.Parse(hex));

        reader.TryReadFixedBytes(length, out ReadOnlySpan<byte> value).ShouldBeTrue();

        value.Length.ShouldBe(length);
        reader.TryEnsureEnd().ShouldBeTrue();
    }

    [Theory]
    [InlineData("83010203", 2)]
    [InlineData("83010203", 4)]
    [InlineData("80", 1)]
    public void Fixed_strings_of_another_length_are_rejected(string hex, int length)
    {
        var reader = new RlpReader(RlpHex.Parse(hex));

        reader.TryReadFixedBytes(length, out _).ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(0, RlpErrorKind.WrongLength));
    }

    [Fact]
    public void Trailing_bytes_at_the_top_level_are_reported_at_the_first_extra_byte()
    {
        var reader = new RlpReader(RlpHex.Parse("83646f6780"));
        reader.ReadBytes();

        reader.TryEnsureEnd().ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(4, RlpErrorKind.TrailingBytes));
    }

    [Fact]
    public void Unconsumed_list_items_are_reported_with_their_absolute_offset()
    {
        var reader = new RlpReader(RlpHex.Parse("80c3010203"));
        reader.ReadBytes();
        RlpReader list = reader.ReadList();
        list.ReadUInt64().ShouldBe(1UL);

        list.TryEnsureEnd().ShouldBeFalse();

        list.LastError.ShouldBe(new RlpError(3, RlpErrorKind.TrailingBytes));
    }

    [Fact]
    public void Errors_inside_nested_lists_carry_absolute_offsets()
    {
        // [ 1, [ 2, 0x81 0x05 ] ]: the inner list's payload starts at offset 3, the non-canonical byte string at 4.
        var reader = new RlpReader(RlpHex.Parse("c501c3028105"));
        RlpReader outer = reader.ReadList();
        outer.ReadUInt64();
        RlpReader inner = outer.ReadList();
        inner.Position.ShouldBe(3);
        inner.ReadUInt64().ShouldBe(2UL);

        inner.TryReadBytes(out _).ShouldBeFalse();

        inner.LastError.ShouldBe(new RlpError(4, RlpErrorKind.NonCanonicalSingleByte));
    }

    [Fact]
    public void An_item_may_not_run_past_the_end_of_its_list()
    {
        // c1 declares a one-byte payload holding 0x82, whose two bytes lie outside the list.
        var reader = new RlpReader(RlpHex.Parse("c1826162"));
        RlpReader list = reader.ReadList();

        list.TryReadBytes(out _).ShouldBeFalse();

        list.LastError.ShouldBe(new RlpError(1, RlpErrorKind.UnexpectedEnd));
        reader.TryEnsureEnd().ShouldBeFalse();
        reader.LastError.ShouldBe(new RlpError(2, RlpErrorKind.TrailingBytes));
    }

    [Fact]
    public void Reading_past_the_end_reports_the_end_offset()
    {
        var reader = new RlpReader(RlpHex.Parse("0102"));
        reader.ReadUInt64();
        reader.ReadUInt64();

        reader.TryReadRaw(out _).ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(2, RlpErrorKind.UnexpectedEnd));
    }

    [Fact]
    public void Raw_reads_check_the_header_and_return_the_whole_item()
    {
        var reader = new RlpReader(RlpHex.Parse("c88363617483646f67" + "8105"));

        reader.ReadRaw().ToArray().ShouldBe(RlpHex.Parse("c88363617483646f67"));
        reader.TryReadRaw(out _).ShouldBeFalse();
        reader.LastError.ShouldBe(new RlpError(9, RlpErrorKind.NonCanonicalSingleByte));
    }

    [Fact]
    public void Peeking_does_not_validate_or_move()
    {
        var reader = new RlpReader(RlpHex.Parse("f800"));

        reader.HasMore.ShouldBeTrue();
        reader.NextIsList.ShouldBeTrue();
        reader.Position.ShouldBe(0);
        reader.LastError.IsError.ShouldBeFalse();
    }

    [Fact]
    public void The_last_error_stays_until_the_next_failure()
    {
        var reader = new RlpReader(RlpHex.Parse("c0" + "8105"));
        reader.TryReadBytes(out _).ShouldBeFalse();
        reader.LastError.Kind.ShouldBe(RlpErrorKind.ExpectedString);

        reader.ReadList();
        reader.TryReadBytes(out _).ShouldBeFalse();

        reader.LastError.ShouldBe(new RlpError(1, RlpErrorKind.NonCanonicalSingleByte));
    }
}
