namespace Harmony.P2P.Transport;

/// <summary>
/// A remote peer broke a libp2p protocol (multistream-select, Noise, yamux, identify, ping) or a configured limit.
/// The message names the layer and the problem; the connection or stream concerned is closed.
/// </summary>
public sealed class Libp2pProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public Libp2pProtocolException()
    {
    }

    /// <summary>Creates the exception with a message naming the problem.</summary>
    /// <param name="message">The problem.</param>
    public Libp2pProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public Libp2pProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
