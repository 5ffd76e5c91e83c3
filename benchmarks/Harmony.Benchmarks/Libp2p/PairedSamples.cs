namespace Harmony.Benchmarks.Libp2p;

/// <summary>
/// Timings of the same work done by the C# stack and by js-libp2p, taken alternately in one loop so that both sides
/// see the same machine load; summarised as medians and the ratio of the medians (C# speed / js speed).
/// </summary>
/// <param name="work">What one sample moves, e.g. "messages" or "MB".</param>
/// <param name="amount">How much of it one sample moves.</param>
internal sealed class PairedSamples(string work, double amount)
{
    private readonly List<double> _csharpMs = [];
    private readonly List<double> _jsMs = [];

    public int Count => Math.Min(_csharpMs.Count, _jsMs.Count);

    public void AddCSharp(double milliseconds) => _csharpMs.Add(milliseconds);

    public void AddJs(double milliseconds) => _jsMs.Add(milliseconds);

    /// <summary>One line: median time and rate of each side, and the ratio of the medians.</summary>
    public string Summary()
    {
        double csharp = Median(_csharpMs), js = Median(_jsMs);
        return FormattableString.Invariant(
            $"{Count} alternating pairs: C# median {csharp:F1} ms = {amount * 1000 / csharp:F0} {work}/s; js-libp2p median {js:F1} ms = {amount * 1000 / js:F0} {work}/s; C# / js = {js / csharp:F2}x");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
