namespace Harmony.Consensus.Engine;

/// <summary>
/// Leader selection (spec §2.2 and §2.6): the base is the leader of the last committed block (slot 0 before the
/// first); each view past <c>head view + 1</c> moves <c>gap</c> slots on, skipping slots run by the base's operator
/// (Harmony's <c>NthNextValidatorV2</c>). With <see cref="ConsensusOptions.LeaderRotationRunLength"/> set, a leader
/// that has committed that many blocks in a row hands the base to the next operator's slot.
/// </summary>
public sealed partial class FbftEngine
{
    private int LeaderForView(ulong viewId)
    {
        ulong headView = _head?.CommitViewId ?? 0;
        ulong gap = viewId > headView + 1 ? viewId - (headView + 1) : 0;
        return NthNext(BaseLeader(), gap);
    }

    private int BaseLeader()
    {
        if (_head is null)
        {
            return 0;
        }

        int leader = _head.LeaderIndex;
        int run = _options.LeaderRotationRunLength;
        if (run <= 0)
        {
            return leader;
        }

        int count = 0;
        for (ulong height = _head.Height; height > 0 && count < run; height--)
        {
            if (!_store.TryGet(height, out var block) || block.LeaderIndex != leader)
            {
                break;
            }

            count++;
        }

        return count >= run ? NthNext(leader, 1) : leader;
    }

    private int NthNext(int baseIndex, ulong gap)
    {
        if (gap == 0)
        {
            return baseIndex;
        }

        int n = _committee.Count;
        var owner = _committee.Address(baseIndex).Span;
        for (int attempt = 0; attempt < n; attempt++)
        {
            int index = (int)(((ulong)baseIndex + gap + (ulong)attempt) % (ulong)n);
            if (!_committee.Address(index).Span.SequenceEqual(owner))
            {
                return index;
            }
        }

        return baseIndex;
    }

    /// <summary>
    /// The view to ask for (spec §2.1): <c>headView + 1 + (now − headTime)/slot + 1</c> from the wall clock, so nodes that
    /// time out in the same slot agree. A node whose view-change timer expires inside the same slot asks for the same
    /// view again rather than running ahead of the others.
    /// </summary>
    private ulong NextViewId(DateTimeOffset now)
    {
        ulong headView = _head?.CommitViewId ?? 0;
        var headTime = _head?.Timestamp ?? _startTime;
        ulong next = now > headTime
            ? headView + 1 + (ulong)((now - headTime).Ticks / _options.ViewChangeSlot.Ticks) + 1
            : ViewChangingId + 1;
        return Math.Max(next, ViewId + 1);
    }
}
