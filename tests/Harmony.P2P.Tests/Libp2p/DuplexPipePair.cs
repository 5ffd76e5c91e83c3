using System.IO.Pipelines;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>Two in-memory duplex pipes wired back to back, standing in for a connection.</summary>
internal static class DuplexPipePair
{
    public static (IDuplexPipe Left, IDuplexPipe Right) Create()
    {
        var leftToRight = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var rightToLeft = new Pipe(new PipeOptions(useSynchronizationContext: false));
        return (new Duplex(rightToLeft.Reader, leftToRight.Writer), new Duplex(leftToRight.Reader, rightToLeft.Writer));
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
