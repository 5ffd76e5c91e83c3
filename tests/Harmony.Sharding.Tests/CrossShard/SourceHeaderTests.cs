using Harmony.Sharding.CrossShard;

namespace Harmony.Sharding.Tests.CrossShard;

public class SourceHeaderTests
{
    [Fact]
    public void The_empty_v3_header_has_the_hash_in_the_spec_and_its_fields_read_back()
    {
        byte[] empty = HeaderBuilder.V3();
        SourceHeader.TryParse(empty, out var header, out string? error).ShouldBeTrue(error);
        Convert.ToHexStringLower(header.Hash.Span).ShouldBe("9f4eeb162c7986a483277efe1ea6b85dd01bcb3232cdc79af6d93aaca858cce4");
        header.Version.ShouldBe("v3");

        byte[] outgoing = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        SourceHeader.TryParse(HeaderBuilder.V3(number: 1000, viewId: 1005, epoch: 700, shardId: 3, outgoingReceiptHash: outgoing), out header, out error).ShouldBeTrue(error);
        (header.Number, header.ViewId, header.Epoch, header.ShardId).ShouldBe((1000UL, 1005UL, 700UL, 3U));
        header.OutgoingReceiptHash.ToArray().ShouldBe(outgoing);
    }

    [Fact]
    public void Legacy_truncated_and_oversized_headers_are_refused()
    {
        SourceHeader.TryParse(HeaderBuilder.List([HeaderBuilder.Str(new byte[32])]), out _, out string? error).ShouldBeFalse();
        error.ShouldContain("v0");
        byte[] full = HeaderBuilder.V3();
        SourceHeader.TryParse(full.AsSpan(0, full.Length - 1), out _, out _).ShouldBeFalse();
        SourceHeader.TryParse(new byte[SourceHeader.MaxEncodedSize + 1], out _, out error).ShouldBeFalse();
        error.ShouldContain("more than");
    }
}
