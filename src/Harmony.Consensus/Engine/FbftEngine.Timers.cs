namespace Harmony.Consensus.Engine;

/// <summary>Timers (spec §1.10): proposal, re-sends, consensus and view-change timeouts.</summary>
public sealed partial class FbftEngine
{
    private void OnTick(DateTimeOffset now)
    {
        for (int i = _retries.Count - 1; i >= 0; i--)
        {
            var retry = _retries[i];
            if (retry.Next > now)
            {
                continue;
            }

            _output.Add(new OutboundMessage(retry.Type, retry.Frame, IsRetry: true));
            retry.Remaining--;
            retry.Next = now + _options.RetryInterval;
            if (retry.Remaining <= 0)
            {
                _retries.RemoveAt(i);
            }
        }

        switch (Mode)
        {
            case ConsensusMode.Normal:
                if (IsLeader)
                {
                    TryPropose(now);
                }

                if (now >= _consensusDeadline)
                {
                    StartViewChange(now);
                }

                break;
            case ConsensusMode.ViewChanging when now >= _viewChangeDeadline:
                StartViewChange(now);
                break;
            default:
                break;
        }
    }
}
