using System.Security.Cryptography;

namespace Harmony.P2P.PubSub;

/// <summary>Computes the id of a message; ids decide duplicates, gossip and IWANT.</summary>
/// <param name="message">The message.</param>
/// <returns>Its id.</returns>
public delegate MessageId MessageIdFunction(PubSubMessage message);

/// <summary>The standard message-id functions.</summary>
public static class MessageIdFunctions
{
    /// <summary>The libp2p default: the author's peer id bytes followed by the seqno bytes.</summary>
    public static MessageIdFunction FromAndSeqno { get; } = static message =>
    {
        Span<byte> id = stackalloc byte[message.From.Length + message.Seqno.Length];
        message.From.Span.CopyTo(id);
        message.Seqno.Span.CopyTo(id[message.From.Length..]);
        return new MessageId(id);
    };

    /// <summary>For unsigned (StrictNoSign) topics: SHA-256 of the topic and the payload.</summary>
    public static MessageIdFunction ContentHash { get; } = static message =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(message.Topic));
        hash.AppendData([0]);
        hash.AppendData(message.Data.Span);
        return new MessageId(hash.GetHashAndReset());
    };
}
