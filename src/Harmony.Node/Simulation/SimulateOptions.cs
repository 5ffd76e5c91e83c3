using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Harmony.Node.Simulation;

/// <summary>A fault injected into one validator of the simulation.</summary>
internal enum SimulatedFault
{
    /// <summary>Down from 10 s to 70 s of virtual time, then restarted over its committed-block store.</summary>
    Crash,

    /// <summary>Sends nothing while it leads.</summary>
    Silent,

    /// <summary>Signs a second, conflicting COMMIT at every height.</summary>
    DoubleSign,

    /// <summary>Sends votes whose signatures do not verify.</summary>
    InvalidSignature,
}

/// <summary>The options of <c>simulate</c>, parsed from plain arguments.</summary>
internal sealed record SimulateOptions
{
    public const string Usage =
        "usage: simulate [--validators N] [--blocks B] [--seed S] [--faults kind:index,...] [--delay-ms D] [--loss P] [--suite harmony|ietf]\n"
        + "  faults: crash, silent, double-sign, invalid-signature (e.g. --faults silent:0,double-sign:2)";

    public int Validators { get; init; } = 4;

    public int Blocks { get; init; } = 10;

    public int Seed { get; init; } = 1;

    public IReadOnlyList<(SimulatedFault Kind, int Node)> Faults { get; init; } = [];

    public int DelayMilliseconds { get; init; } = 50;

    public double Loss { get; init; }

    public bool IetfSuite { get; init; }

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out SimulateOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        var result = new SimulateOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            string value = args[++i];
            switch (name)
            {
                case "--validators" when int.TryParse(value, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 1024:
                    result = result with { Validators = n };
                    break;
                case "--blocks" when int.TryParse(value, CultureInfo.InvariantCulture, out int b) && b is >= 1 and <= 100_000:
                    result = result with { Blocks = b };
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out int s):
                    result = result with { Seed = s };
                    break;
                case "--delay-ms" when int.TryParse(value, CultureInfo.InvariantCulture, out int d) && d is >= 0 and <= 60_000:
                    result = result with { DelayMilliseconds = d };
                    break;
                case "--loss" when double.TryParse(value, CultureInfo.InvariantCulture, out double p) && p is >= 0 and < 1:
                    result = result with { Loss = p };
                    break;
                case "--suite" when value is "harmony" or "ietf":
                    result = result with { IetfSuite = value == "ietf" };
                    break;
                case "--faults" when TryParseFaults(value, out var faults):
                    result = result with { Faults = faults };
                    break;
                default:
                    error = $"'{name} {value}' is not a valid option.";
                    return false;
            }
        }

        if (result.Faults.Any(f => f.Node >= result.Validators))
        {
            error = "A fault names a validator index outside the committee.";
            return false;
        }

        options = result;
        error = null;
        return true;
    }

    private static bool TryParseFaults(string text, out IReadOnlyList<(SimulatedFault, int)> faults)
    {
        var list = new List<(SimulatedFault, int)>();
        faults = list;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':');
            if (pieces.Length != 2 || !int.TryParse(pieces[1], CultureInfo.InvariantCulture, out int node) || node < 0)
            {
                return false;
            }

            SimulatedFault? kind = pieces[0] switch
            {
                "crash" => SimulatedFault.Crash,
                "silent" => SimulatedFault.Silent,
                "double-sign" => SimulatedFault.DoubleSign,
                "invalid-signature" => SimulatedFault.InvalidSignature,
                _ => null,
            };
            if (kind is null || list.Any(f => f.Item2 == node))
            {
                return false;
            }

            list.Add((kind.Value, node));
        }

        return true;
    }
}
