using BenchmarkDotNet.Attributes;
using Harmony.RaptorQ;

namespace Harmony.Benchmarks.RaptorQ;

/// <summary>
/// A 10 MiB object end to end with RFC 6330 §4.3 parameters for 1280-byte payloads: encode every block and write
/// its source packets plus 5% repair packets, then decode after losing 5% of the source packets of every block.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RaptorQObjectBenchmarks
{
    private const int ObjectSize = 10 * 1024 * 1024;
    private readonly RaptorQOptions _options = new() { MaxPayloadSize = 1280, DecoderMemory = 16 * 1024 * 1024 };
    private byte[] _data = [];
    private byte[] _output = [];
    private byte[] _packet = [];
    private EncodingPacket[] _received = [];
    private ObjectTransmissionInformation _oti;

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[ObjectSize];
        _output = new byte[ObjectSize];
        new Random(10).NextBytes(_data);
        var encoder = RaptorQEncoder.Create(_data, _options);
        _oti = encoder.TransmissionInformation;
        _packet = new byte[_oti.SymbolSize];
        var received = new List<EncodingPacket>();
        for (int sbn = 0; sbn < encoder.SourceBlockCount; sbn++)
        {
            SourceBlockEncoder block = encoder.GetBlockEncoder(sbn);
            int k = block.SourceSymbolCount;
            int lost = k / 20;
            foreach (EncodingPacket packet in block.Packets(lost + 2))
            {
                if (packet.Id.EncodingSymbolId % 20 != 7 || packet.Id.EncodingSymbolId >= k)
                {
                    received.Add(packet);
                }
            }
        }

        _received = received.ToArray();
        DecodeCore();
        if (!_output.AsSpan().SequenceEqual(_data))
        {
            throw new InvalidOperationException("10 MiB round trip failed.");
        }
    }

    [Benchmark]
    public int EncodeTenMiB()
    {
        using var encoder = RaptorQEncoder.Create(_data, _options);
        int written = 0;
        for (int sbn = 0; sbn < encoder.SourceBlockCount; sbn++)
        {
            SourceBlockEncoder block = encoder.GetBlockEncoder(sbn);
            int total = block.SourceSymbolCount + (block.SourceSymbolCount / 20) + 2;
            for (int esi = 0; esi < total; esi++)
            {
                block.WriteSymbol(esi, _packet);
                written++;
            }
        }

        return written;
    }

    [Benchmark]
    public int DecodeTenMiBFivePercentLost() => DecodeCore();

    private int DecodeCore()
    {
        using var decoder = new RaptorQDecoder(_oti);
        foreach (EncodingPacket packet in _received)
        {
            decoder.AddPacket(packet);
        }

        decoder.CopyTo(_output);
        return decoder.DecodedBlockCount;
    }
}
