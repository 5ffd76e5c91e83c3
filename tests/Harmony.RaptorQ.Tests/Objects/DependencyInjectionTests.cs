using Microsoft.Extensions.DependencyInjection;

namespace Harmony.RaptorQ.Tests.Objects;

public class DependencyInjectionTests
{
    [Fact]
    public void Codec_is_registered_and_uses_the_options()
    {
        using var provider = new ServiceCollection().AddHarmonyRaptorQ(o => o.MaxPayloadSize = 512).BuildServiceProvider();
        var codec = provider.GetRequiredService<IRaptorQCodec>();
        codec.SelectParameters(100_000).SymbolSize.ShouldBe(512);
        byte[] data = new byte[3000];
        new Random(1).NextBytes(data);
        RaptorQEncoder encoder = codec.CreateEncoder(data);
        RaptorQDecoder decoder = codec.CreateDecoder(encoder.TransmissionInformation);
        foreach (EncodingPacket packet in encoder.GetPackets(0))
        {
            decoder.AddPacket(packet);
        }

        decoder.ToArray().ShouldBe(data);
    }

    [Fact]
    public void A_codec_registered_first_is_kept()
    {
        var mine = new RaptorQCodec(new RaptorQOptions { MaxPayloadSize = 64 });
        using var provider = new ServiceCollection().AddSingleton<IRaptorQCodec>(mine).AddHarmonyRaptorQ().BuildServiceProvider();
        provider.GetRequiredService<IRaptorQCodec>().ShouldBeSameAs(mine);
    }
}
