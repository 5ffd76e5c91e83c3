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
        string folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@chainsafe", "blst")))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --ignore-scripts") { WorkingDirectory = folder })
                ?? throw new InvalidOperationException("Could not start npm.");
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci' in {folder} failed with exit code {npm.ExitCode}.");
            }
        }

        var start = new ProcessStartInfo("node", "blst-bench.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node blst-bench.js.");
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

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static JsonObject ReadLine(Process process) =>
        process.StandardOutput.ReadLine() is { } line && JsonNode.Parse(line) is JsonObject message
            ? message
            : throw new InvalidOperationException("blst-bench.js exited.");

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "blst-bench.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/interop/blst-bench.js not found above the benchmark's folder.");
    }
}
