using Harmony.RaptorQ.Tests.Support;

namespace Harmony.RaptorQ.Tests.Objects;

/// <summary>Whole objects: partitioning into blocks and sub-blocks, padding and truncation, loss and recovery.</summary>
public class ObjectRoundTripTests
{
    [Theory]
    [InlineData(10_000, 64, 3, 1, 4)]
    [InlineData(10_240, 128, 1, 3, 4)]
    [InlineData(100_003, 96, 5, 2, 8)]
    [InlineData(5, 16, 1, 1, 4)]
    [InlineData(37, 4, 2, 1, 4)]
    [InlineData(4_000, 40, 7, 5, 8)]
    public void Object_survives_losing_a_fifth_of_every_block(long length, int t, int z, int n, int al)
    {
        byte[] data = SplitMix64.Bytes((ulong)length, (int)length);
        var oti = ObjectTransmissionInformation.Create(length, t, z, n, al);
        var encoder = new RaptorQEncoder(data, oti);
        var decoder = new RaptorQDecoder(ObjectTransmissionInformation.Read(oti.ToArray()));
        DecodeStatus status = DecodeStatus.NeedMoreSymbols;
        for (int sbn = 0; sbn < oti.SourceBlockCount; sbn++)
        {
            int k = oti.SourceSymbolsInBlock(sbn);
            int lost = (k / 5) + 1;
            foreach (EncodingPacket packet in encoder.GetBlockEncoder(sbn).Packets(lost + 2))
            {
                if (packet.Id.EncodingSymbolId % 5 == 1 && packet.Id.EncodingSymbolId < k)
                {
                    continue;
                }

                byte[] wire = packet.ToArray();
                status = decoder.AddPacket(wire);
            }
        }

        status.ShouldBe(DecodeStatus.Decoded);
        decoder.ToArray().ShouldBe(data);
    }

    [Fact]
    public void Blocks_follow_the_rfc_partition()
    {
        // Kt = 157 symbols in Z = 3 blocks: 53, 52, 52 (the first ZL blocks are the larger ones).
        var oti = ObjectTransmissionInformation.Create(10_000, 64, 3, 1, 4);
        oti.TotalSourceSymbols.ShouldBe(157);
        oti.SourceSymbolsInBlock(0).ShouldBe(53);
        oti.SourceSymbolsInBlock(1).ShouldBe(52);
        oti.SourceSymbolsInBlock(2).ShouldBe(52);
        oti.BlockOffset(1).ShouldBe(53 * 64);
        oti.BlockLength(2).ShouldBe(10_000 - (105 * 64));
    }

    [Fact]
    public void Parameter_selection_follows_section_4_3()
    {
        var options = new RaptorQOptions { MaxPayloadSize = 1280, DecoderMemory = 10 * 1024 * 1024, Alignment = 8, MinSubSymbolSize = 8 };
        var small = ObjectTransmissionInformation.Select(10_000, options);
        small.SymbolSize.ShouldBe(1280);
        small.SourceBlockCount.ShouldBe(1);
        small.SubBlockCount.ShouldBe(1);

        // 200 MB = 156250 symbols: KL(N_max = 20) is capped at 56403, so Z = 3 blocks of up to 52084 symbols, and
        // the fewest sub-blocks whose sub-symbols fit 10 MiB is N = 7 (KL(6) = 48545 < 52084 <= KL(7) = 56403).
        var large = ObjectTransmissionInformation.Select(200_000_000, options);
        large.SourceBlockCount.ShouldBe(3);
        large.SubBlockCount.ShouldBe(7);

        // A small decoder memory forces sub-blocking.
        var tight = ObjectTransmissionInformation.Select(2_000_000, new RaptorQOptions { MaxPayloadSize = 1280, DecoderMemory = 256 * 1024, Alignment = 8, MinSubSymbolSize = 8 });
        tight.SubBlockCount.ShouldBeGreaterThan(1);
        var encoder = RaptorQEncoder.Create(new byte[2_000_000], new RaptorQOptions { MaxPayloadSize = 1280, DecoderMemory = 256 * 1024, Alignment = 8, MinSubSymbolSize = 8 });
        encoder.TransmissionInformation.ShouldBe(tight);
    }

    [Fact]
    public async Task Streaming_encode_and_decode_round_trip_one_block_at_a_time()
    {
        byte[] data = SplitMix64.Bytes(99, 300_000);
        var oti = ObjectTransmissionInformation.Create(data.Length, 256, 4, 1, 4);
        var output = new MemoryStream();
        await RaptorQStreaming.DecodeAsync(Lossy(RaptorQStreaming.EncodeAsync(new MemoryStream(data), oti, 60)), oti, output);
        output.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task Streaming_decode_reports_running_out_of_packets()
    {
        byte[] data = SplitMix64.Bytes(5, 5_000);
        var oti = ObjectTransmissionInformation.Create(data.Length, 64, 2, 1, 4);
        var ex = await Should.ThrowAsync<RaptorQException>(() =>
            RaptorQStreaming.DecodeAsync(Lossy(RaptorQStreaming.EncodeAsync(new MemoryStream(data), oti, 0)), oti, new MemoryStream()));
        ex.Message.ShouldContain("source blocks recovered");
    }

    private static async IAsyncEnumerable<EncodingPacket> Lossy(IAsyncEnumerable<EncodingPacket> packets)
    {
        int n = 0;
        await foreach (EncodingPacket packet in packets)
        {
            if (n++ % 7 != 3)
            {
                yield return packet;
            }
        }
    }
}
