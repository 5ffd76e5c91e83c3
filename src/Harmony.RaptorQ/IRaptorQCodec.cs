namespace Harmony.RaptorQ;

/// <summary>
/// Factory for RaptorQ encoders and decoders with parameters chosen from the configured <see cref="RaptorQOptions"/>
/// (RFC 6330 §4.3). Registered in DI by <see cref="RaptorQServiceCollectionExtensions.AddHarmonyRaptorQ"/>.
/// </summary>
public interface IRaptorQCodec
{
    /// <summary>Chooses F, T, Z, N and Al for an object of <paramref name="transferLength"/> bytes.</summary>
    /// <param name="transferLength">Object size in bytes.</param>
    /// <exception cref="RaptorQException">No valid parameters exist.</exception>
    ObjectTransmissionInformation SelectParameters(long transferLength);

    /// <summary>An encoder for <paramref name="data"/> with selected parameters.</summary>
    /// <param name="data">The object.</param>
    RaptorQEncoder CreateEncoder(ReadOnlyMemory<byte> data);

    /// <summary>A decoder for an object described by the sender's OTI.</summary>
    /// <param name="transmissionInformation">The sender's OTI.</param>
    RaptorQDecoder CreateDecoder(ObjectTransmissionInformation transmissionInformation);

    /// <summary>Streams the packets of an object read from <paramref name="source"/>, one block in memory at a time.</summary>
    /// <param name="source">The object's bytes.</param>
    /// <param name="transferLength">Bytes to read from <paramref name="source"/>.</param>
    /// <param name="repairPacketsPerBlock">Repair packets per block.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    IAsyncEnumerable<EncodingPacket> EncodeAsync(Stream source, long transferLength, int repairPacketsPerBlock, CancellationToken cancellationToken = default);
}
