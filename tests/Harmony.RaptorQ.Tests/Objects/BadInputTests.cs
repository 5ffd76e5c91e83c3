namespace Harmony.RaptorQ.Tests.Objects;

/// <summary>Untrusted packets and OTIs produce clear statuses or errors, never a crash or a wrong decode.</summary>
public class BadInputTests
{
    private static readonly ObjectTransmissionInformation Oti = ObjectTransmissionInformation.Create(1000, 64, 2, 1, 4);

    [Fact]
    public void Packets_with_bad_fields_are_rejected_with_a_reason()
    {
        var decoder = new RaptorQDecoder(Oti);
        byte[] symbol = new byte[64];
        decoder.AddSymbol(new PayloadId(2, 0), symbol).ShouldBe(DecodeStatus.RejectedUnknownSourceBlock);
        decoder.AddSymbol(new PayloadId(0, 0), new byte[63]).ShouldBe(DecodeStatus.RejectedWrongSymbolSize);
        decoder.AddPacket(new byte[4]).ShouldBe(DecodeStatus.RejectedMalformedPacket);
        decoder.AddPacket([]).ShouldBe(DecodeStatus.RejectedMalformedPacket);
        decoder.GetBlockDecoder(0).AddSymbol(-1, symbol).ShouldBe(DecodeStatus.RejectedSymbolIdOutOfRange);
        decoder.GetBlockDecoder(0).AddSymbol(1 << 24, symbol).ShouldBe(DecodeStatus.RejectedSymbolIdOutOfRange);
        decoder.GetBlockDecoder(0).AddPacket(new EncodingPacket(new PayloadId(1, 0), symbol)).ShouldBe(DecodeStatus.RejectedUnknownSourceBlock);
    }

    [Fact]
    public void Duplicates_do_not_count_and_conflicts_keep_the_first_symbol()
    {
        byte[] data = new byte[1000];
        new Random(3).NextBytes(data);
        var encoder = new RaptorQEncoder(data, Oti);
        var decoder = new RaptorQDecoder(Oti);
        SourceBlockDecoder block = decoder.GetBlockDecoder(0);
        int k = block.SourceSymbolCount;
        EncodingPacket first = encoder.GetBlockEncoder(0).CreatePacket(0);
        decoder.AddPacket(first).ShouldBe(DecodeStatus.NeedMoreSymbols);
        decoder.AddPacket(first).ShouldBe(DecodeStatus.Duplicate);
        byte[] forged = first.Symbol.ToArray();
        forged[0] ^= 1;
        decoder.AddSymbol(first.Id, forged).ShouldBe(DecodeStatus.RejectedConflictingSymbol);
        block.ReceivedCount.ShouldBe(1);
        for (int esi = 1; esi < k; esi++)
        {
            decoder.AddPacket(encoder.GetBlockEncoder(0).CreatePacket(esi));
        }

        block.IsDecoded.ShouldBeTrue();
        block.ToArray().ShouldBe(data.AsSpan(0, block.BlockLength).ToArray());
    }

    [Fact]
    public void A_block_keeps_a_bounded_number_of_symbols()
    {
        // Find a rank-deficient set of K = 10 repair symbols (about 1 in 100), then show that a decoder allowing no
        // surplus refuses further symbols instead of growing, and reports the set as undecodable, not as decoded.
        byte[] data = new byte[640];
        new Random(8).NextBytes(data);
        var encoder = new SourceBlockEncoder(0, data, 64);
        byte[] symbol = new byte[64];
        for (int start = 10; ; start += 10)
        {
            var block = new SourceBlockDecoder(0, data.Length, 64, 1, 1, maxSurplusSymbols: 0);
            DecodeStatus status = DecodeStatus.NeedMoreSymbols;
            for (int esi = start; esi < start + 10; esi++)
            {
                encoder.WriteSymbol(esi, symbol);
                status = block.AddSymbol(esi, symbol);
            }

            if (status == DecodeStatus.Decoded)
            {
                block.ToArray().ShouldBe(data);
                continue;
            }

            status.ShouldBe(DecodeStatus.NeedMoreSymbols);
            block.IsDecoded.ShouldBeFalse();
            encoder.WriteSymbol(start + 10, symbol);
            block.AddSymbol(start + 10, symbol).ShouldBe(DecodeStatus.RejectedCapacityExceeded);
            block.ReceivedCount.ShouldBe(10);
            return;
        }
    }

    [Fact]
    public void Results_are_not_available_before_decoding()
    {
        var decoder = new RaptorQDecoder(Oti);
        Should.Throw<RaptorQException>(() => decoder.ToArray());
        decoder.AddSymbol(new PayloadId(0, 0), new byte[64]);
        Should.Throw<RaptorQException>(() => decoder.GetBlockDecoder(0).ToArray()).Message.ShouldContain("not decoded");
    }

    [Theory]
    [InlineData("000000000000008001000104", "Transfer length")]
    [InlineData("000000280001008001000104", "reserved")]
    [InlineData("000000280000000001000104", "Symbol size")]
    [InlineData("000000280000008201000104", "Symbol size")]
    [InlineData("000000280000008000000104", "Source block count")]
    [InlineData("000000280000008001000004", "Sub-block count")]
    [InlineData("000000280000008001002104", "Sub-block count")]
    [InlineData("000000280000008001000100", "Alignment")]
    [InlineData("0000002800000080ff000104", "exceeds")]
    [InlineData("ff00000000000001010001", "12 bytes")]
    [InlineData("ffffffffff00000401000104", "Transfer length")]
    [InlineData("00dc000000000004010001", "12 bytes")]
    public void Malformed_oti_bytes_are_refused_with_the_field_named(string hex, string named)
    {
        ObjectTransmissionInformation.TryRead(Convert.FromHexString(hex), out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(named);
        Should.Throw<RaptorQException>(() => ObjectTransmissionInformation.Read(Convert.FromHexString(hex))).Message.ShouldContain(named);
    }

    [Fact]
    public void Blocks_beyond_the_largest_k_prime_are_refused()
    {
        // 56404 symbols in one block is one too many.
        ObjectTransmissionInformation.TryCreate(56_404L * 16, 16, 1, 1, 4, out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("56403");
        ObjectTransmissionInformation.TryCreate(56_403L * 16, 16, 1, 1, 4, out _, out _).ShouldBeTrue();
        ObjectTransmissionInformation.TryCreate(ObjectTransmissionInformation.MaxTransferLength + 1, 65_535, 255, 1, 1, out _, out error).ShouldBeFalse();
        ObjectTransmissionInformation.TryCreate(ObjectTransmissionInformation.MaxTransferLength, 65_535, 255, 1, 1, out _, out _).ShouldBeTrue();
        ObjectTransmissionInformation.TrySelect(ObjectTransmissionInformation.MaxTransferLength, new RaptorQOptions { MaxPayloadSize = 64 }, out _, out error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("255");
    }

    [Fact]
    public void Payload_ids_and_packets_serialize_big_endian()
    {
        var id = new PayloadId(3, 0xABCDEF);
        byte[] bytes = new byte[4];
        id.WriteTo(bytes);
        Convert.ToHexStringLower(bytes).ShouldBe("03abcdef");
        PayloadId.TryRead(bytes.AsSpan(0, 3), out _).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => new PayloadId(0, 1 << 24));
        var packet = new EncodingPacket(id, new byte[] { 1, 2 });
        EncodingPacket.Parse(packet.ToArray()).Id.ShouldBe(id);
        EncodingPacket.TryParse(new byte[4], out _).ShouldBeFalse();
        Should.Throw<RaptorQException>(() => EncodingPacket.Parse(new byte[2]));
    }

    [Fact]
    public void An_rfc_valid_oti_too_large_to_decode_in_memory_is_refused_up_front()
    {
        // K = 56403 symbols of 65532 bytes is legal (3.7 GB per block) but exceeds one .NET array.
        var oti = ObjectTransmissionInformation.Create(56_403L * 65_532, 65_532, 1, 1, 4);
        Should.Throw<RaptorQException>(() => new RaptorQDecoder(oti)).Message.ShouldContain("one .NET array");
    }
}
