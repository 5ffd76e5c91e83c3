namespace Harmony.P2P.Yamux;

/// <summary>The session-wide budget that receive-window growth draws from.</summary>
public sealed partial class YamuxSession
{
    private readonly Lock _budgetGate = new();
    private long _windowGrowth;

    /// <summary>The bytes the session's streams currently hold in receive windows beyond the initial 256 KiB each.</summary>
    public long WindowGrowth
    {
        get
        {
            lock (_budgetGate)
            {
                return _windowGrowth;
            }
        }
    }

    /// <summary>Takes <paramref name="bytes"/> from <see cref="YamuxOptions.SessionWindowGrowthBudget"/>; false when they do not fit.</summary>
    internal bool TryReserveWindowGrowth(long bytes)
    {
        lock (_budgetGate)
        {
            if (_windowGrowth + bytes > _options.SessionWindowGrowthBudget)
            {
                return false;
            }

            _windowGrowth += bytes;
            return true;
        }
    }

    private void ReleaseWindowGrowth(long bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        lock (_budgetGate)
        {
            _windowGrowth -= bytes;
        }
    }
}
