using Microsoft.Extensions.Options;

namespace Harmony.RaptorQ;

/// <summary>The default <see cref="IRaptorQCodec"/>: RFC 6330 §4.3 parameter selection from <see cref="RaptorQOptions"/>.</summary>
public sealed class RaptorQCodec : IRaptorQCodec
{
    private readonly RaptorQOptions _options;

    /// <summary>Creates a codec from DI-bound options.</summary>
    /// <param name="options">The configured options.</param>
    public RaptorQCodec(IOptions<RaptorQOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates a codec without DI.</summary>
    /// <param name="options">Maximum payload, decoder memory, alignment and smallest sub-symbol.</param>
    /// <exception cref="RaptorQException">The options break an RFC 6330 limit.</exception>
    public RaptorQCodec(RaptorQOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new RaptorQOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new RaptorQException(result.FailureMessage);
        }

        _options = options;
    }

    /// <inheritdoc />
    public ObjectTransmissionInformation SelectParameters(long transferLength) => ObjectTransmissionInformation.Select(transferLength, _options);

    /// <inheritdoc />
    public RaptorQEncoder CreateEncoder(ReadOnlyMemory<byte> data) => new(data, SelectParameters(data.Length));

    /// <inheritdoc />
    public RaptorQDecoder CreateDecoder(ObjectTransmissionInformation transmissionInformation) => new(transmissionInformation);

    /// <inheritdoc />
    public IAsyncEnumerable<EncodingPacket> EncodeAsync(Stream source, long transferLength, int repairPacketsPerBlock, CancellationToken cancellationToken = default) =>
        RaptorQStreaming.EncodeAsync(source, SelectParameters(transferLength), repairPacketsPerBlock, cancellationToken);
}
