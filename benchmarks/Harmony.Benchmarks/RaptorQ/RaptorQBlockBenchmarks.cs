using BenchmarkDotNet.Attributes;
using Harmony.RaptorQ;

namespace Harmony.Benchmarks.RaptorQ;

/// <summary>
/// One source block of K symbols of T = 1280 bytes (spec/raptorq.md §3.1 set-up). Throughput in MB/s of source data
/// is K·1280 / time. Encode is the precode (replaying the cached plan); the decodes rebuild the block from K repair
/// symbols only, and from half the source symbols plus K/2 + 2 repair symbols.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RaptorQBlockBenchmarks
{
    private const int SymbolSize = 1280;
    private byte[] _block = [];
    private byte[][] _repairOnly = [];
    private int[] _repairOnlyIds = [];
    private byte[][] _halfLost = [];
    private int[] _halfLostIds = [];
    private readonly byte[] _repair = new byte[SymbolSize];
    private SourceBlockEncoder? _encoder;

    [Params(10, 100, 1000, 10000)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _block = new byte[K * SymbolSize];
        new Random(K).NextBytes(_block);
        _encoder = new SourceBlockEncoder(0, _block, SymbolSize);
        int start = K;
        while (true)
        {
            _repairOnlyIds = Enumerable.Range(start, K).ToArray();
            _repairOnly = _repairOnlyIds.Select(esi => _encoder.CreatePacket(esi).Symbol.ToArray()).ToArray();
            if (Decode(_repairOnlyIds, _repairOnly) == DecodeStatus.Decoded)
            {
                break;
            }

            start += K;
        }

        // Every other source symbol lost, replaced by as many repair symbols plus two.
        int lost = K / 2;
        _halfLostIds = Enumerable.Range(0, K).Where(e => e % 2 == 1 || e >= 2 * lost).Concat(Enumerable.Range(K, lost + 2)).ToArray();
        _halfLost = _halfLostIds.Select(esi => _encoder.CreatePacket(esi).Symbol.ToArray()).ToArray();
        if (Decode(_halfLostIds, _halfLost) != DecodeStatus.Decoded)
        {
            throw new InvalidOperationException("The half-lost set did not decode.");
        }
    }

    [Benchmark]
    public int Encode()
    {
        using var encoder = new SourceBlockEncoder(0, _block, SymbolSize);
        return encoder.SourceSymbolCount;
    }

    [Benchmark]
    public int GenerateRepairSymbols()
    {
        for (int i = 0; i < K; i++)
        {
            _encoder!.WriteSymbol(K + i, _repair);
        }

        return _repair[0];
    }

    [Benchmark]
    public DecodeStatus DecodeRepairOnly() => Decode(_repairOnlyIds, _repairOnly);

    [Benchmark]
    public DecodeStatus DecodeHalfLostPlusTwo() => Decode(_halfLostIds, _halfLost);

    private DecodeStatus Decode(int[] ids, byte[][] symbols)
    {
        using var decoder = new SourceBlockDecoder(0, _block.Length, SymbolSize);
        DecodeStatus status = DecodeStatus.NeedMoreSymbols;
        for (int i = 0; i < ids.Length && status != DecodeStatus.Decoded; i++)
        {
            status = decoder.AddSymbol(ids[i], symbols[i]);
        }

        return status;
    }
}
