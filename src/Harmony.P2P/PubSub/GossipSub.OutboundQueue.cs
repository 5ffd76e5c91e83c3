namespace Harmony.P2P.PubSub;

/// <summary>
/// One peer's outbound RPCs: a bounded FIFO that coalesces. An RPC that can join the newest queued one without
/// changing what the receiver sees is merged into it, so a burst of publishes becomes a few large RPCs (one
/// length-prefixed frame, one yamux frame and one Noise record each) instead of one of each per message, and the bound
/// counts frames waiting to be written rather than messages. Thread-safe: the router enqueues under its lock, one
/// writer task dequeues.
/// </summary>
/// <remarks>
/// A receiver handles an RPC's subscriptions, then its messages, then its control entries. Only an RPC of messages
/// alone (no subscriptions, no control of any kind) is appended, and only to a queued RPC without control: that keeps
/// the order exactly, whatever control kinds a version of the protocol adds, and the merged RPC's encoding is the
/// concatenation of both encodings, so its size is the sum.
/// </remarks>
internal sealed class GossipSubOutboundQueue
{
    private readonly object _lock = new();
    private readonly Queue<Entry> _entries = new();
    private readonly int _capacity;
    private readonly int _coalesceBytes;
    private readonly int _maxMessages;
    private Entry? _tail;
    private TaskCompletionSource<bool>? _waiter;
    private bool _completed;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="capacity">Most RPCs (after merging) waiting to be written; more are refused.</param>
    /// <param name="coalesceBytes">Most encoded bytes of a merged RPC; larger RPCs are queued on their own.</param>
    /// <param name="maxMessages">Most messages in a merged RPC.</param>
    public GossipSubOutboundQueue(int capacity, int coalesceBytes, int maxMessages)
    {
        _capacity = capacity;
        _coalesceBytes = coalesceBytes;
        _maxMessages = maxMessages;
    }

    /// <summary>RPCs (after merging) waiting to be written.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Queues an RPC, merging it into the newest queued one when that keeps the receiver's view.</summary>
    /// <param name="rpc">The RPC; owned by the queue from now on.</param>
    /// <returns>False when the queue is full or completed (the RPC is dropped).</returns>
    public bool TryEnqueue(PubSubRpc rpc)
    {
        var size = PubSubRpcCodec.GetSize(rpc);
        TaskCompletionSource<bool>? wake;
        lock (_lock)
        {
            if (_completed)
            {
                return false;
            }

            if (_tail is { } tail && CanMerge(tail, rpc, size))
            {
                Merge(tail.Rpc, rpc);
                tail.Size += size;
                return true;
            }

            if (_entries.Count >= _capacity)
            {
                return false;
            }

            _tail = new Entry(rpc, size);
            _entries.Enqueue(_tail);
            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult(true);
        return true;
    }

    /// <summary>Takes the oldest RPC; it is no longer merged into.</summary>
    /// <param name="rpc">The RPC.</param>
    /// <param name="size">Its encoded size.</param>
    /// <returns>Whether there was one.</returns>
    public bool TryDequeue(out PubSubRpc rpc, out int size)
    {
        lock (_lock)
        {
            if (!_entries.TryDequeue(out var entry))
            {
                rpc = null!;
                size = 0;
                return false;
            }

            if (ReferenceEquals(entry, _tail))
            {
                _tail = null;
            }

            rpc = entry.Rpc;
            size = entry.Size;
            return true;
        }
    }

    /// <summary>Waits until an RPC is queued (true) or the queue is completed and empty (false).</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>Whether there is something to read.</returns>
    public async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        Task<bool> wait;
        lock (_lock)
        {
            if (_entries.Count > 0)
            {
                return true;
            }

            if (_completed)
            {
                return false;
            }

            _waiter ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _waiter.Task;
        }

        return await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses further RPCs; the reader drains what is queued, then sees the end.</summary>
    public void Complete()
    {
        TaskCompletionSource<bool>? wake;
        lock (_lock)
        {
            _completed = true;
            _tail = null;
            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult(false);
    }

    private bool CanMerge(Entry tail, PubSubRpc rpc, int size) =>
        rpc.Subscriptions.Count == 0
        && !rpc.HasControl
        && !tail.Rpc.HasControl
        && tail.Size + size <= _coalesceBytes
        && tail.Rpc.Messages.Count + rpc.Messages.Count <= _maxMessages;

    private static void Merge(PubSubRpc into, PubSubRpc from)
    {
        foreach (var message in from.Messages)
        {
            into.Messages.Add(message);
        }
    }

    private sealed class Entry(PubSubRpc rpc, int size)
    {
        public PubSubRpc Rpc { get; } = rpc;

        public int Size { get; set; } = size;
    }
}
