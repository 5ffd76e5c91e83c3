namespace Harmony.Consensus.Messages;

/// <summary>Field helpers shared by the message decoders.</summary>
internal static class ProtoFields
{
    internal static bool TryReadBytes(ref ProtoReader reader, int maxLength, out byte[] value)
    {
        if (reader.TryReadLengthDelimited(maxLength, out var span))
        {
            value = span.ToArray();
            return true;
        }

        value = [];
        return false;
    }
}
