using System.Buffers;
using Harmony.P2P.Libp2p;
using Microsoft.Extensions.Logging;

namespace Harmony.P2P.PubSub;

public sealed partial class GossipSubRouter
{
    /// <summary>Most topics one peer may be subscribed to, as far as this router keeps track.</summary>
    private const int MaxTopicsPerPeer = 1024;

    /// <summary>The message whose <see cref="IGossipSubSink.Validate"/> call is in progress, if any.</summary>
    private MessageId? _validating;

    /// <summary>A verdict for <see cref="_validating"/> reported through <see cref="CompleteValidation"/> during that call.</summary>
    private ValidationResult? _earlyVerdict;

    /// <summary>
    /// Handles one RPC from a peer: subscription changes, messages (checked against the size limit and the signing
    /// policy, de-duplicated, then validated), and control messages. RPCs from graylisted peers are dropped whole.
    /// </summary>
    /// <param name="from">The peer the RPC came from.</param>
    /// <param name="rpc">The decoded RPC (untrusted).</param>
    public void HandleRpc(PeerId from, PubSubRpc rpc)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(rpc);
        if (!_peers.TryGetValue(from, out var state))
        {
            return;
        }

        if (_score is not null && !IsDirect(from) && Score(from) < _options.Thresholds.Graylist)
        {
            Statistics.GraylistedRpcs++;
            return;
        }

        foreach (var sub in rpc.Subscriptions)
        {
            HandleSubscription(from, state, sub);
        }

        foreach (var message in rpc.Messages)
        {
            HandleMessage(from, message);
        }

        if (state.Kind != PubSubPeerKind.FloodSub && rpc.HasControl)
        {
            HandleIHave(from, state, rpc.IHave);
            HandleIWant(from, rpc.IWant);
            HandleGraft(from, state, rpc.Graft);
            HandlePrune(from, rpc.Prune);
            HandleIDontWant(state, rpc.IDontWant);
        }

        Flush();
    }

    /// <summary>Completes an asynchronous validation started by <see cref="IGossipSubSink.Validate"/>.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="result">The validators' verdict.</param>
    public void CompleteValidation(MessageId id, ValidationResult result)
    {
        // The validation finished (on another thread) before the sink's Validate call for it returned: the verdict is
        // taken as that call's result instead of being lost.
        if (_validating is { } validating && validating.Equals(id))
        {
            _earlyVerdict = result;
            return;
        }

        if (_pending.Remove(id, out var pending))
        {
            Complete(pending.From, id, pending.Message, result);
            Flush();
        }
    }

    private void HandleSubscription(PeerId from, PeerState state, SubscriptionChange sub)
    {
        if (sub.Subscribe)
        {
            if (state.Topics.Count >= MaxTopicsPerPeer || !state.Topics.Add(sub.Topic))
            {
                return;
            }

            if (!_topicPeers.TryGetValue(sub.Topic, out var set))
            {
                _topicPeers[sub.Topic] = set = [];
            }

            set.Add(from);
            return;
        }

        if (!state.Topics.Remove(sub.Topic))
        {
            return;
        }

        if (_topicPeers.TryGetValue(sub.Topic, out var peers))
        {
            peers.Remove(from);
            if (peers.Count == 0)
            {
                _topicPeers.Remove(sub.Topic);
            }
        }

        if (_mesh.TryGetValue(sub.Topic, out var mesh) && mesh.Remove(from))
        {
            _score?.Prune(from, sub.Topic, _time.GetUtcNow());
        }

        if (_fanout.TryGetValue(sub.Topic, out var fanout))
        {
            fanout.Remove(from);
        }
    }

    private void HandleMessage(PeerId from, PubSubMessage message)
    {
        if (!_joined.Contains(message.Topic))
        {
            Statistics.Ignored++;
            return;
        }

        if (message.Data.Length > _options.Limits.MaxMessageSize)
        {
            LogOversized(_logger, from, message.Topic, message.Data.Length, _options.Limits.MaxMessageSize);
            RejectWithoutRecord(from, message.Topic);
            return;
        }

        // Duplicates are recognized before the (costly) signature check; an id is only marked seen once the message
        // passed that check, so a forgery that reuses a genuine message's id cannot shadow it.
        var id = _messageId(message);
        var now = _time.GetUtcNow();
        if (_seen.Contains(id, now))
        {
            Statistics.Duplicates++;
            _score?.Duplicate(from, id, message.Topic, now);
            return;
        }

        if (!CheckSignaturePolicy(message, out var reason))
        {
            LogRejected(_logger, from, message.Topic, reason);
            RejectWithoutRecord(from, message.Topic);
            return;
        }

        _seen.Add(id, now);
        _promises.Remove(id);
        _score?.FirstSeen(from, id, now);
        if (_pending.Count >= _options.MaxPendingValidations)
        {
            Statistics.Ignored++;
            _score?.Rejected(id, message.Topic, ignored: true);
            AnnounceIfLarge(from, id, message);
            return;
        }

        _validating = id;
        _earlyVerdict = null;
        ValidationResult? result;
        try
        {
            result = _sink.Validate(from, id, message) ?? _earlyVerdict;
        }
        finally
        {
            _validating = null;
        }

        if (result is { } decided)
        {
            Complete(from, id, message, decided);
        }
        else
        {
            _pending[id] = (from, message);
        }

        // A message accepted at once is forwarded in this same flush, which tells the mesh as much as an IDONTWANT
        // would; otherwise (validation pending, ignored or rejected) the IDONTWANT saves the mesh sending it to us.
        if (result != ValidationResult.Accept)
        {
            AnnounceIfLarge(from, id, message);
        }
    }

    private void RejectWithoutRecord(PeerId from, string topic)
    {
        Statistics.Rejected++;
        _score?.InvalidWithoutRecord(from, topic);
    }

    /// <summary>Checks the message signature, building the signed bytes in a pooled buffer instead of a new array.</summary>
    private bool VerifySignature(ReadOnlySpan<byte> key, PubSubMessage message)
    {
        int size = PubSubRpcCodec.SigningPayloadSize(message);
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var payload = rented.AsSpan(0, size);
            PubSubRpcCodec.WriteSigningPayload(message, payload);
            return _verifier!.Verify(key, payload, message.Signature.Span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool CheckSignaturePolicy(PubSubMessage message, out string reason)
    {
        if (_options.SignaturePolicy == SignaturePolicy.StrictNoSign)
        {
            reason = "StrictNoSign message carries from, seqno, signature or key";
            return message.From.IsEmpty && message.Seqno.IsEmpty && message.Signature.IsEmpty && message.Key.IsEmpty;
        }

        if (message.Signature.IsEmpty || message.Seqno.Length != 8 || !PeerId.TryFromBytes(message.From.Span, out var author))
        {
            reason = "unsigned, or seqno is not 8 bytes, or from is not a peer id";
            return false;
        }

        ReadOnlySpan<byte> key;
        if (!message.Key.IsEmpty)
        {
            key = message.Key.Span;
            if (!PeerId.FromEncodedPublicKey(key).Equals(author))
            {
                reason = "the key does not belong to the author";
                return false;
            }
        }
        else if (!author.TryGetInlinedPublicKey(out key))
        {
            reason = "no key and the author's peer id does not inline one";
            return false;
        }

        if (!VerifySignature(key, message))
        {
            reason = "invalid signature";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private void Complete(PeerId from, MessageId id, PubSubMessage message, ValidationResult result)
    {
        var now = _time.GetUtcNow();
        switch (result)
        {
            case ValidationResult.Accept:
                _score?.Accepted(id, message.Topic, now);
                _cache.Put(id, message);
                Statistics.Delivered++;
                _sink.Deliver(from, id, message);
                Forward(from, id, message);
                break;
            case ValidationResult.Ignore:
                _score?.Rejected(id, message.Topic, ignored: true);
                Statistics.Ignored++;
                break;
            default:
                _score?.Rejected(id, message.Topic, ignored: false);
                Statistics.Rejected++;
                LogRejected(_logger, from, message.Topic, "the topic validator rejected it");
                break;
        }
    }

    private void Forward(PeerId from, MessageId id, PubSubMessage message)
    {
        PeerId.TryFromBytes(message.From.Span, out var author);
        if (_topicPeers.TryGetValue(message.Topic, out var subscribed))
        {
            // Direct peers always get the topic's messages; floodsub peers get them above the publish threshold.
            foreach (var peer in subscribed)
            {
                if (IsDirect(peer) || (_peers[peer].Kind == PubSubPeerKind.FloodSub && Score(peer) >= _options.Thresholds.Publish))
                {
                    ForwardTo(peer, from, author, id, message);
                }
            }
        }

        if (_mesh.TryGetValue(message.Topic, out var mesh))
        {
            foreach (var peer in mesh)
            {
                ForwardTo(peer, from, author, id, message);
            }
        }
    }

    private void ForwardTo(PeerId peer, PeerId from, PeerId? author, MessageId id, PubSubMessage message)
    {
        if (peer.Equals(from) || peer.Equals(author))
        {
            return;
        }

        if (_peers[peer].DontWant.ContainsKey(id))
        {
            Statistics.ForwardsSkippedByIDontWant++;
            return;
        }

        Outbox(peer).Messages.Add(message);
    }

    private void HandleIHave(PeerId from, PeerState state, IList<ControlIHave> ihaves)
    {
        if (ihaves.Count == 0 || Score(from) < _options.Thresholds.Gossip)
        {
            return;
        }

        state.IHaveMessages++;
        if (state.IHaveMessages > _options.MaxIHaveMessages || state.IAsked >= _options.MaxIHaveLength)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var wanted = new List<MessageId>();
        var unique = new HashSet<MessageId>();
        foreach (var ihave in ihaves)
        {
            if (!_mesh.ContainsKey(ihave.Topic))
            {
                continue;
            }

            foreach (var id in ihave.MessageIds)
            {
                if (!_seen.Contains(id, now) && unique.Add(id))
                {
                    wanted.Add(id);
                }
            }
        }

        if (wanted.Count == 0)
        {
            return;
        }

        var ask = Math.Min(wanted.Count, _options.MaxIHaveLength - state.IAsked);
        Shuffle(wanted);
        if (ask < wanted.Count)
        {
            wanted.RemoveRange(ask, wanted.Count - ask);
        }

        state.IAsked += ask;

        // Track one of the asked ids: if the peer never delivers it, that is a broken promise (P₇).
        var tracked = wanted[_random.Next(wanted.Count)];
        if (!_promises.TryGetValue(tracked, out var promised))
        {
            _promises[tracked] = promised = [];
        }

        promised.TryAdd(from, now + _options.IWantFollowupTime);
        Outbox(from).IWant.Add(new ControlIWant(wanted));
        Statistics.IWantRequested += ask;
    }

    private void HandleIWant(PeerId from, IList<ControlIWant> iwants)
    {
        if (iwants.Count == 0 || Score(from) < _options.Thresholds.Gossip)
        {
            return;
        }

        var served = 0;
        foreach (var iwant in iwants)
        {
            foreach (var id in iwant.MessageIds)
            {
                if (served >= _options.MaxIHaveLength)
                {
                    return;
                }

                if (_cache.GetForPeer(id, from, _options.GossipRetransmission) is { } message)
                {
                    Outbox(from).Messages.Add(message);
                    served++;
                    Statistics.IWantServed++;
                }
            }
        }
    }

    private void HandleGraft(PeerId from, PeerState state, IList<ControlGraft> grafts)
    {
        var now = _time.GetUtcNow();
        foreach (var graft in grafts)
        {
            // Spam hardening: GRAFTs for topics this node has not joined are ignored, without PX.
            if (!_mesh.TryGetValue(graft.Topic, out var mesh) || mesh.Contains(from))
            {
                continue;
            }

            // Direct peers are never in a mesh: their GRAFT is a misconfiguration on their side, answered with PRUNE.
            if (IsDirect(from))
            {
                LogGraftFromDirectPeer(_logger, from, graft.Topic);
                QueuePrune(from, graft.Topic, peerExchange: false, _options.PruneBackoff);
                continue;
            }

            if (_backoff.TryGetValue(graft.Topic, out var backedOff) && backedOff.TryGetValue(from, out var until) && until > now)
            {
                _score?.AddPenalty(from, 1);
                if (now < until - _options.PruneBackoff + _options.GraftFloodThreshold)
                {
                    _score?.AddPenalty(from, 1);
                }

                LogGraftDuringBackoff(_logger, from, graft.Topic);
                QueuePrune(from, graft.Topic, peerExchange: false, _options.PruneBackoff);
                continue;
            }

            if (Score(from) < 0)
            {
                QueuePrune(from, graft.Topic, peerExchange: false, _options.PruneBackoff);
                continue;
            }

            if (mesh.Count >= _options.DHigh && !state.Outbound)
            {
                QueuePrune(from, graft.Topic, peerExchange: true, _options.PruneBackoff);
                continue;
            }

            mesh.Add(from);
            _score?.Graft(from, graft.Topic, now);
        }
    }

    private void HandlePrune(PeerId from, IList<ControlPrune> prunes)
    {
        var now = _time.GetUtcNow();
        foreach (var prune in prunes)
        {
            if (_mesh.TryGetValue(prune.Topic, out var mesh) && mesh.Remove(from))
            {
                _score?.Prune(from, prune.Topic, now);
            }

            var backoff = prune.BackoffSeconds is { } seconds and > 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, 24 * 3600))
                : _options.PruneBackoff;
            AddBackoff(from, prune.Topic, backoff);

            if (prune.Peers.Count > 0 && _options.PeerExchange && Score(from) >= _options.Thresholds.AcceptPeerExchange)
            {
                var offered = prune.Peers.Count > _options.PrunePeers ? prune.Peers.Take(_options.PrunePeers).ToList() : prune.Peers;
                _sink.PeerExchange(from, prune.Topic, offered);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected an oversized message from {Peer} on {Topic}: {Size} bytes > MaxMessageSize {Max}")]
    private static partial void LogOversized(ILogger logger, PeerId peer, string topic, int size, int max);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a message from {Peer} on {Topic}: {Reason}")]
    private static partial void LogRejected(ILogger logger, PeerId peer, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct peer {Peer} sent a GRAFT for {Topic}; direct peers are never in a mesh, so it is pruned")]
    private static partial void LogGraftFromDirectPeer(ILogger logger, PeerId peer, string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Peer} grafted {Topic} during its backoff; penalized and pruned again")]
    private static partial void LogGraftDuringBackoff(ILogger logger, PeerId peer, string topic);
}
