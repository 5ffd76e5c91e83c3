namespace Harmony.P2P.Kademlia;

/// <summary>
/// One iterative lookup, driven by responses (no timers of its own): it keeps up to α queries in flight to the closest
/// unqueried candidates among the k closest known, merges the closer peers each answer brings, and stops when the β
/// closest have answered (and, with <see cref="KadOptions.CompleteClosestSet"/>, when all k closest have). With d &gt; 1
/// the seeds are dealt round-robin to d paths that never share a peer (S/Kademlia disjoint paths), each with its own
/// α/d queries in flight; their answers are merged at the end.
/// </summary>
internal sealed class KadLookup
{
    private readonly KadNode _node;
    private readonly KadMessage _request;
    private readonly Func<KadPeer, KadMessage, bool>? _onResponse;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<KadKey, Candidate> _known = [];
    private readonly PathState[] _paths;
    private readonly TaskCompletionSource<KadLookupResult> _completion = new();
    private readonly int _k;
    private readonly int _beta;
    private readonly bool _completeSet;
    private readonly object _gate = new();
    private int _messages;
    private int _failures;
    private bool _finished;
    private bool _stoppedEarly;

    public KadLookup(KadNode node, KadKey target, KadMessage request, Func<KadPeer, KadMessage, bool>? onResponse, int disjointPaths, CancellationToken cancellationToken)
    {
        _node = node;
        Target = target;
        _request = request;
        _onResponse = onResponse;
        _cancellationToken = cancellationToken;
        var options = node.Options;
        _k = options.BucketSize;
        _beta = options.Resiliency;
        _completeSet = options.CompleteClosestSet;
        var d = disjointPaths;
        var perPath = Math.Max(1, (options.Concurrency + d - 1) / d);
        _paths = new PathState[d];
        for (var i = 0; i < d; i++)
        {
            _paths[i] = new PathState(perPath);
        }
    }

    public KadKey Target { get; }

    public Task<KadLookupResult> RunAsync(IReadOnlyList<KadPeer> seeds)
    {
        List<Candidate>? launch;
        lock (_gate)
        {
            for (var i = 0; i < seeds.Count; i++)
            {
                AddCandidate(seeds[i], i % _paths.Length, 0);
            }

            launch = Pump();
        }

        Launch(launch);
        FinishIfDone();
        return _completion.Task;
    }

    private void AddCandidate(KadPeer peer, int path, int depth)
    {
        if (peer.Key == _node.Self.Key || _known.ContainsKey(peer.Key))
        {
            return;
        }

        var candidate = new Candidate(peer, peer.Key.Xor(Target), path, depth);
        _known.Add(peer.Key, candidate);
        _paths[path].Insert(candidate);
    }

    private void Launch(List<Candidate>? launch)
    {
        if (launch is null)
        {
            return;
        }

        foreach (var candidate in launch)
        {
            _ = QueryAsync(candidate);
        }
    }

    /// <summary>Marks the queries to send (returned, sent by the caller outside the lock) and applies the stop rule.</summary>
    private List<Candidate>? Pump()
    {
        if (_finished)
        {
            return null;
        }

        if (_cancellationToken.IsCancellationRequested)
        {
            _finished = true;
            return null;
        }

        List<Candidate>? launch = null;

        var allDone = true;
        for (var p = 0; p < _paths.Length; p++)
        {
            var path = _paths[p];
            if (path.Done)
            {
                continue;
            }

            // Walk the k closest live candidates of the path: launch queries to unqueried ones while slots are free,
            // and check the stop rule.
            var live = 0;
            var answeredPrefix = true;
            var betaAnswered = false;
            var allAnswered = true;
            var anyHeard = false;
            for (var i = 0; i < path.Candidates.Count && live < _k; i++)
            {
                var c = path.Candidates[i];
                if (c.State == CandidateState.Failed)
                {
                    continue;
                }

                live++;
                if (c.State == CandidateState.Heard && path.InFlight < path.Concurrency)
                {
                    c.State = CandidateState.Waiting;
                    path.InFlight++;
                    _messages++;
                    (launch ??= []).Add(c);
                }

                anyHeard |= c.State == CandidateState.Heard;
                allAnswered &= c.State == CandidateState.Succeeded;
                answeredPrefix &= c.State == CandidateState.Succeeded;
                if (live == _beta && answeredPrefix)
                {
                    betaAnswered = true;
                }
            }

            if (live < _beta && answeredPrefix && live > 0)
            {
                betaAnswered = true;
            }

            var converged = _completeSet ? allAnswered && live > 0 : betaAnswered;
            var starved = !anyHeard && path.InFlight == 0;
            if (converged || starved)
            {
                path.Done = true;
            }
            else
            {
                allDone = false;
            }
        }

        if (allDone)
        {
            _finished = true;
        }

        return launch;
    }

    private async Task QueryAsync(Candidate candidate)
    {
        var response = await _node.QueryAsync(candidate.Peer, _request, _cancellationToken).ConfigureAwait(false);
        List<Candidate>? launch;
        lock (_gate)
        {
            var stop = response is not null && _onResponse is not null && !_finished && _onResponse(candidate.Peer, response);
            var path = _paths[candidate.Path];
            path.InFlight--;
            if (response is null)
            {
                candidate.State = CandidateState.Failed;
                _failures++;
            }
            else
            {
                candidate.State = CandidateState.Succeeded;
                if (!_finished)
                {
                    foreach (var peer in response.CloserPeers)
                    {
                        AddCandidate(peer, candidate.Path, candidate.Depth + 1);
                    }
                }
            }

            if (stop && !_finished)
            {
                _finished = true;
                _stoppedEarly = true;
            }

            launch = Pump();
        }

        Launch(launch);
        FinishIfDone();
    }

    private void FinishIfDone()
    {
        KadLookupResult result;
        lock (_gate)
        {
            if (!_finished || _completion.Task.IsCompleted)
            {
                return;
            }

            result = BuildResult();
        }

        if (_completion.TrySetResult(result))
        {
            KadMetrics.LookupRounds.Record(result.Rounds);
            KadMetrics.LookupMessages.Record(result.Messages);
        }
    }

    private KadLookupResult BuildResult()
    {
        var answered = new List<Candidate>();
        var maxDepth = -1;
        foreach (var c in _known.Values)
        {
            if (c.State == CandidateState.Succeeded)
            {
                answered.Add(c);
                maxDepth = Math.Max(maxDepth, c.Depth);
            }
        }

        answered.Sort(static (a, b) => a.Distance.CompareTo(b.Distance));
        var responders = new KadPeer[answered.Count];
        for (var i = 0; i < responders.Length; i++)
        {
            responders[i] = answered[i].Peer;
        }

        var peers = responders.Length <= _k ? responders : responders[.._k];
        var hops = peers.Length == 0 ? 0 : answered[0].Depth + 1;
        return new KadLookupResult(Target, peers, responders, maxDepth + 1, hops, _messages, _failures, _stoppedEarly);
    }

    private enum CandidateState : byte
    {
        Heard,
        Waiting,
        Succeeded,
        Failed,
    }

    private sealed class Candidate(KadPeer peer, KadKey distance, int path, int depth)
    {
        public KadPeer Peer { get; } = peer;

        public KadKey Distance { get; } = distance;

        public int Path { get; } = path;

        public int Depth { get; } = depth;

        public CandidateState State { get; set; }
    }

    private sealed class PathState(int concurrency)
    {
        public List<Candidate> Candidates { get; } = [];

        public int Concurrency { get; } = concurrency;

        public int InFlight { get; set; }

        public bool Done { get; set; }

        public void Insert(Candidate candidate)
        {
            int lo = 0, hi = Candidates.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Candidates[mid].Distance.CompareTo(candidate.Distance) < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            Candidates.Insert(lo, candidate);
        }
    }
}
