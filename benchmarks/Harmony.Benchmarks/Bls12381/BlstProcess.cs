using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Harmony.Benchmarks.Bls12381;

/// <summary>
/// supranational's blst (native, through @chainsafe/blst) as a same-run reference: <c>tests/interop/blst-bench.js</c>
/// started once per benchmark class (npm packages installed from the lockfile if missing), asked to run an operation
/// a number of times per request.
/// </summary>
internal sealed class BlstProcess : IDisposable
{
    private readonly Process _process;

    private BlstProcess(Process process) => _process = process;

    public static BlstProcess Start()
    {
        string folder = NodeScripts.Prepare(Path.Combine("tests", "interop"), "blst-bench.js", Path.Combine("@chainsafe", "blst"));
        var process = NodeScripts.Start(folder, "blst-bench.js");
        var ready = ReadLine(process);
        if (ready["ready"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"blst-bench.js did not start: {ready.ToJsonString()}");
        }

        return new BlstProcess(process);
    }

    /// <summary>Runs <paramref name="operation"/> <paramref name="iterations"/> times in blst and waits for it.</summary>
    public void Run(string operation, int iterations)
    {
        _process.StandardInput.WriteLine(new JsonObject { ["op"] = operation, ["iterations"] = iterations }.ToJsonString());
        _process.StandardInput.Flush();
        var answer = ReadLine(_process);
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"blst-bench.js {operation} failed: {answer["error"]}");
        }
    }

    public void Dispose() => NodeScripts.Stop(_process);

    private static JsonObject ReadLine(Process process) =>
        process.StandardOutput.ReadLine() is { } line && JsonNode.Parse(line) is JsonObject message
            ? message
            : throw new InvalidOperationException("blst-bench.js exited.");
}
