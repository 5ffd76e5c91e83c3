using Harmony.RaptorQ.Tests.Support;

namespace Harmony.RaptorQ.Tests.Blocks;

/// <summary>Single source blocks: encode, lose symbols, decode, compare.</summary>
public class BlockRoundTripTests
{
    [Theory]
    [InlineData(80, 128, 1, 2)]
    [InlineData(80, 128, 10, 2)]
    [InlineData(80, 128, 40, 0)]
    [InlineData(10, 64, 10, 0)]
    [InlineData(1, 16, 1, 0)]
    [InlineData(100, 32, 50, 2)]
    [InlineData(1000, 16, 500, 2)]
    [InlineData(10, 16, 3, 2)]
    [InlineData(80, 16, 80, 2)]
    [InlineData(84, 16, 3, 2)]
    [InlineData(84, 16, 84, 2)]
    public void Decodes_after_losing_source_symbols(int k, int t, int lost, int overhead)
    {
        byte[] block = SplitMix64.Bytes((ulong)(k * 31 + lost), k * t);
        var encoder = new SourceBlockEncoder(3, block, t);
        var decoder = new SourceBlockDecoder(3, block.Length, t);
        byte[] symbol = new byte[t];
        DecodeStatus status = DecodeStatus.NeedMoreSymbols;
        for (int esi = lost; esi < k + lost + overhead; esi++)
        {
            encoder.WriteSymbol(esi, symbol);
            status = decoder.AddSymbol(esi, symbol);
        }

        if (status == DecodeStatus.Decoded)
        {
            Convert.ToHexString(decoder.ToArray()).ShouldBe(Convert.ToHexString(block));
        }
        else
        {
            overhead.ShouldBe(0, "K+2 symbols should decode");
            status.ShouldBe(DecodeStatus.NeedMoreSymbols);
        }
    }
}
