namespace Harmony.RaptorQ.Tests.Objects;

/// <summary>The whole-object example of src/Harmony.RaptorQ/README.md, kept compiling and passing.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Encode_drop_packets_decode()
    {
        byte[] data = new byte[1_000_000];
        new Random(1).NextBytes(data);

        // Sender: parameters per RFC 6330 §4.3, then every block's source packets plus 5% repair packets.
        var options = new RaptorQOptions { MaxPayloadSize = 1280 };
        using var encoder = RaptorQEncoder.Create(data, options);
        byte[] oti = encoder.TransmissionInformation.ToArray(); // 12 bytes, sent once
        var wire = new List<byte[]>();
        for (int sbn = 0; sbn < encoder.SourceBlockCount; sbn++)
        {
            SourceBlockEncoder block = encoder.GetBlockEncoder(sbn);
            foreach (EncodingPacket packet in block.Packets(repairCount: (block.SourceSymbolCount / 20) + 2))
            {
                wire.Add(packet.ToArray()); // 4-byte payload ID + symbol
            }
        }

        // Receiver: the network lost every 25th packet.
        using var decoder = new RaptorQDecoder(ObjectTransmissionInformation.Read(oti));
        DecodeStatus status = DecodeStatus.NeedMoreSymbols;
        for (int i = 0; i < wire.Count && status != DecodeStatus.Decoded; i++)
        {
            if (i % 25 != 7)
            {
                status = decoder.AddPacket(wire[i]);
            }
        }

        status.ShouldBe(DecodeStatus.Decoded);
        decoder.ToArray().ShouldBe(data);
    }
}
