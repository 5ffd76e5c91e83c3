namespace Harmony.P2P.Yamux;

/// <summary>The session-wide budget that receive-window growth draws from.</summary>
public sealed partial class YamuxSession
{
    private readonly Lock _budgetGate = new();
    private long _windowGrowth;
    private int _largestWindow = YamuxOptions.InitialWindowSize;

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

    /// <summary>
    /// The largest receive window any stream of this session was granted: the most a frame for a stream that is
    /// already gone may carry (in-flight data after a reset), so a session whose windows never grew keeps 256 KiB.
    /// </summary>
    private int LargestWindow
    {
        get
        {
            lock (_budgetGate)
            {
                return _largestWindow;
            }
        }
    }

    /// <summary>
    /// Takes the growth of a stream's window to <paramref name="newWindow"/> bytes from
    /// <see cref="YamuxOptions.SessionWindowGrowthBudget"/>; false when it does not fit.
    /// </summary>
    internal bool TryReserveWindowGrowth(long bytes, int newWindow)
    {
        lock (_budgetGate)
        {
            if (_windowGrowth + bytes > _options.SessionWindowGrowthBudget)
            {
                return false;
            }

            _windowGrowth += bytes;
            _largestWindow = Math.Max(_largestWindow, newWindow);
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
