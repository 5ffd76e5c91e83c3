using System.Buffers;
using System.IO.Pipelines;

namespace Harmony.P2P.Yamux;

/// <summary>
/// The read side of a yamux stream: the buffered inbound pipe, counting the bytes the application consumes so the
/// stream can return them to the sender as window updates.
/// </summary>
internal sealed class YamuxChannelReader : PipeReader
{
    private readonly PipeReader _inner;
    private readonly YamuxChannel _stream;
    private ReadOnlySequence<byte> _last;

    public YamuxChannelReader(PipeReader inner, YamuxChannel stream)
    {
        _inner = inner;
        _stream = stream;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        long used = _last.Slice(_last.Start, consumed).Length;
        _last = default;
        _inner.AdvanceTo(consumed, examined);
        if (used > 0)
        {
            _stream.OnConsumed(used);
        }
    }

    public override void CancelPendingRead() => _inner.CancelPendingRead();

    public override void Complete(Exception? exception = null)
    {
        _inner.Complete(exception);
        _stream.OnReaderCompleted();
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await _inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        _last = result.Buffer;
        return result;
    }

    public override bool TryRead(out ReadResult result)
    {
        if (_inner.TryRead(out result))
        {
            _last = result.Buffer;
            return true;
        }

        return false;
    }
}
