using Harmony.Crypto.Encoding;

namespace Harmony.Crypto.Tests.Encoding;

public sealed class RlpExceptionTests
{
    [Fact]
    public void Throwing_reads_name_the_offset_and_the_rule()
    {
        var reader = new RlpReader(RlpHex.Parse("c3" + "01" + "b800"));
        RlpReader list = reader.ReadList();
        list.ReadUInt64();

        RlpException exception = Throws(list, static r => r.ReadBytes());

        exception.Offset.ShouldBe(2);
        exception.Kind.ShouldBe(RlpErrorKind.LeadingZeroInLength);
        exception.Message.ShouldContain("offset 2");
        exception.Message.ShouldContain("must not start with a zero byte");
        exception.ShouldBeAssignableTo<FormatException>();
    }

    [Fact]
    public void Every_throwing_form_throws_RlpException_with_the_reported_error()
    {
        byte[] list = RlpHex.Parse("c0");
        byte[] text = RlpHex.Parse("83646f67");

        Throws(new RlpReader(list), static r => r.ReadBytes()).Kind.ShouldBe(RlpErrorKind.ExpectedString);
        Throws(new RlpReader(text), static r => r.ReadList()).Kind.ShouldBe(RlpErrorKind.ExpectedList);
        Throws(new RlpReader(RlpHex.Parse("00")), static r => r.ReadUInt64()).Kind.ShouldBe(RlpErrorKind.LeadingZeroInInteger);
        Throws(new RlpReader(text), static r => r.ReadBigInteger(2)).Kind.ShouldBe(RlpErrorKind.IntegerTooLarge);
        Throws(new RlpReader(text), static r => r.ReadFixedBytes(4)).Kind.ShouldBe(RlpErrorKind.WrongLength);
        Throws(new RlpReader([]), static r => r.ReadRaw()).Kind.ShouldBe(RlpErrorKind.UnexpectedEnd);
        Throws(new RlpReader(text), static r => r.EnsureEnd()).Kind.ShouldBe(RlpErrorKind.TrailingBytes);
    }

    [Fact]
    public void Errors_print_offset_rule_and_kind()
    {
        new RlpError(12, RlpErrorKind.NonCanonicalShortLength).ToString()
            .ShouldBe("RLP error at offset 12: a payload of at most 55 bytes must use the short form (NonCanonicalShortLength)");
        default(RlpError).IsError.ShouldBeFalse();
        default(RlpError).ToString().ShouldBe("No RLP error");
    }

    [Fact]
    public void Exceptions_built_from_a_message_have_no_offset()
    {
        var exception = new RlpException("custom");

        exception.Offset.ShouldBe(-1);
        exception.Kind.ShouldBe(RlpErrorKind.None);
        new RlpException().Message.ShouldNotBeNullOrEmpty();
        new RlpException("outer", new InvalidOperationException()).InnerException.ShouldBeOfType<InvalidOperationException>();
    }

    private delegate void ReaderAction(RlpReader reader);

    private static RlpException Throws(RlpReader reader, ReaderAction action)
    {
        try
        {
            action(reader);
        }
        catch (RlpException exception)
        {
            return exception;
        }

        throw new Xunit.Sdk.XunitException("Expected an RlpException.");
    }
}
