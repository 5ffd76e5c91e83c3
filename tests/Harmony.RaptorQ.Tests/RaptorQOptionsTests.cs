using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harmony.RaptorQ.Tests;

public class RaptorQOptionsTests
{
    private readonly RaptorQOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid() => _validator.Validate(null, new RaptorQOptions()).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData(1022, 4, "MaxPayloadSize")]
    [InlineData(65_536, 4, "MaxPayloadSize")]
    [InlineData(1024, 3, "Alignment")]
    public void Payload_size_must_be_an_aligned_16_bit_length(int payload, int alignment, string named)
    {
        var result = _validator.Validate(null, new RaptorQOptions { MaxPayloadSize = payload, Alignment = alignment });
        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotBeNull().ShouldContain(named);
    }

    [Fact]
    public void Decoder_memory_must_hold_a_symbol()
    {
        var result = _validator.Validate(null, new RaptorQOptions { DecoderMemory = 100 });
        result.FailureMessage.ShouldNotBeNull().ShouldContain(nameof(RaptorQOptions.DecoderMemory));
    }

    [Fact]
    public void Registration_validates_at_resolution()
    {
        using var provider = new ServiceCollection().AddHarmonyRaptorQ(o => o.MinSubSymbolSize = 0).BuildServiceProvider();
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RaptorQOptions>>().Value);
    }
}
