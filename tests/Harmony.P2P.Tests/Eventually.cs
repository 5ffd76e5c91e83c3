namespace Harmony.P2P.Tests;

/// <summary>Polls a condition that background work (streams, heartbeats, handlers) makes true.</summary>
internal static class Eventually
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming it otherwise.</summary>
    /// <param name="condition">The condition to poll.</param>
    /// <param name="what">What the condition means, for the failure message.</param>
    /// <param name="patience">How long to wait (20 s when omitted).</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public static async Task HoldsAsync(Func<bool> condition, string what = "the condition held", TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}
