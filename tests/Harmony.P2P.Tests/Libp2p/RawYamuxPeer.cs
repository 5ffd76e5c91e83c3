using System.Buffers;
using System.IO.Pipelines;
using Harmony.P2P.Yamux;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>The far end of a yamux session driven frame by frame by a test, on one side of an in-memory pipe pair.</summary>
internal sealed class RawYamuxPeer(IDuplexPipe pipe)
{
    public IDuplexPipe Pipe { get; } = pipe;

    public async Task WriteAsync(YamuxFrameType type, YamuxFlags flags, uint streamId, uint length, int payloadBytes = 0)
    {
        var frame = new byte[YamuxHeader.Size + payloadBytes];
        new YamuxHeader(type, flags, streamId, length).Write(frame);
        await Pipe.Output.WriteAsync(frame);
    }

    /// <summary>Reads frames (dropping data payloads) until one matches; fails after 10 s or at the end of the session.</summary>
    public async Task<YamuxHeader> ReadUntilAsync(Func<YamuxHeader, bool> match)
    {
        while (true)
        {
            var header = await ReadAsync();
            if (match(header))
            {
                return header;
            }
        }
    }

    public async Task<YamuxHeader> ReadAsync()
    {
        while (true)
        {
            var result = await Pipe.Input.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (result.Buffer.Length >= YamuxHeader.Size)
            {
                var bytes = result.Buffer.Slice(0, YamuxHeader.Size).ToArray();
                YamuxHeader.TryRead(bytes, out var header, out _).ShouldBeTrue();
                long skip = header.Type == YamuxFrameType.Data ? header.Length : 0;
                if (result.Buffer.Length >= YamuxHeader.Size + skip)
                {
                    Pipe.Input.AdvanceTo(result.Buffer.GetPosition(YamuxHeader.Size + skip));
                    return header;
                }
            }

            Pipe.Input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result.IsCompleted.ShouldBeFalse("the session ended before sending the expected frame");
        }
    }

    public static bool IsPingRequest(YamuxHeader header) => header.Type == YamuxFrameType.Ping && (header.Flags & YamuxFlags.Syn) != 0;
}
