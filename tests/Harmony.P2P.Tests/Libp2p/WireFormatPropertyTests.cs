using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Harmony.Crypto.Encoding.Protobuf;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Protocols;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>Round trips and robustness of the wire encodings over generated inputs.</summary>
public sealed class WireFormatPropertyTests
{
    [Fact]
    public void Varints_round_trip_with_their_predicted_size()
    {
        Prop.ForAll<ulong>(value =>
        {
            var buffer = new byte[Varint.MaxProtobufVarintLength];
            int written = Varint.Write(buffer, value);
            return written == Varint.Size(value) &&
                Varint.TryReadMinimal(buffer.AsSpan(0, written), out ulong read, out int consumed) && read == value && consumed == written &&
                !Varint.TryReadMinimal(buffer.AsSpan(0, written - 1), out _, out _);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Yamux_headers_round_trip()
    {
        Prop.ForAll<uint, uint, uint>((typeAndFlags, id, length) =>
        {
            var header = new YamuxHeader((YamuxFrameType)(typeAndFlags % 4), (YamuxFlags)(typeAndFlags >> 16), id, length);
            var bytes = new byte[YamuxHeader.Size];
            header.Write(bytes);
            return YamuxHeader.TryRead(bytes, out var read, out _) && read == header;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Tcp_multiaddrs_round_trip_through_text_and_bytes()
    {
        Prop.ForAll<uint, ushort, bool>((ip, port, v6) =>
        {
            var address = v6
                ? new IPAddress([.. BitConverter.GetBytes(ip), .. new byte[8], .. BitConverter.GetBytes(~ip)])
                : new IPAddress(BitConverter.GetBytes(ip));
            var multiaddr = Multiaddress.FromTcpEndPoint(new IPEndPoint(address, port));
            return Multiaddress.Parse(multiaddr.ToString()).Equals(multiaddr) &&
                Multiaddress.TryFromBytes(multiaddr.Bytes, out var decoded) && decoded.Equals(multiaddr);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Arbitrary_bytes_never_crash_the_multiaddr_and_identify_decoders()
    {
        Prop.ForAll<byte[]>(bytes =>
        {
            _ = Multiaddress.TryFromBytes(bytes, out _);
            _ = IdentifyMessage.TryDecode(bytes, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Identify_messages_round_trip()
    {
        Prop.ForAll<string[], string, ushort>((protocols, agent, port) =>
        {
            var clean = protocols.Where(p => p is not null).Select(p => "/" + p.Replace("\0", string.Empty, StringComparison.Ordinal)).ToList();
            var message = new IdentifyMessage
            {
                Protocols = clean,
                AgentVersion = agent ?? "a",
                ProtocolVersion = "ipfs/0.1.0",
                ListenAddresses = [Multiaddress.FromTcpEndPoint(new IPEndPoint(IPAddress.Loopback, port))],
            };
            return IdentifyMessage.TryDecode(message.Encode(), out var read) &&
                read.Protocols.SequenceEqual(clean.Take(IdentifyMessage.MaxEntries)) &&
                read.AgentVersion == message.AgentVersion &&
                read.ListenAddresses.SequenceEqual(message.ListenAddresses);
        }).QuickCheckThrowOnFailure();
    }
}
