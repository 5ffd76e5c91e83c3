using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Harmony.Benchmarks.Libp2p;

/// <summary>
/// The js-libp2p peer of <c>tests/interop/libp2p/peer.js</c> as a benchmark partner: started once per benchmark
/// class (npm packages installed from the lockfile if missing), driven by one JSON command at a time.
/// </summary>
internal sealed class JsLibp2pProcess : IDisposable
{
    private readonly Process _process;

    private JsLibp2pProcess(Process process, JsonObject ready)
    {
        _process = process;
        PeerId = ready["peerId"]!.GetValue<string>();
        Address = ready["addrs"]!.AsArray()[0]!.GetValue<string>();
    }

    public string PeerId { get; }

    /// <summary>The listen address including <c>/p2p/…</c>.</summary>
    public string Address { get; }

    public static JsLibp2pProcess Start()
    {
        string folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "libp2p")))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder })
                ?? throw new InvalidOperationException("Could not start npm.");
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"'npm ci' in {folder} failed with exit code {npm.ExitCode}.");
            }
        }

        var start = new ProcessStartInfo("node", "peer.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node peer.js.");
        var ready = ReadUntil(process, line => line["event"]?.GetValue<string>() == "ready");
        return new JsLibp2pProcess(process, ready);
    }

    /// <summary>Sends a command and waits for its answer; throws when it failed.</summary>
    public JsonObject Command(JsonObject command)
    {
        command["id"] = 1;
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();
        var answer = ReadUntil(_process, line => line["id"] is not null);
        if (answer["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"peer.js {command["cmd"]} failed: {answer["error"]}");
        }

        return answer;
    }

    /// <summary>Waits for the event line <c>{"event": name, …}</c>; throws when it does not come in time.</summary>
    public JsonObject WaitForEvent(string name, TimeSpan timeout)
    {
        var read = Task.Run(() => ReadUntil(_process, line => line["event"]?.GetValue<string>() == name));
        if (!read.Wait(timeout))
        {
            throw new TimeoutException($"peer.js sent no {name} event within {timeout}.");
        }

        return read.Result;
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

    private static JsonObject ReadUntil(Process process, Func<JsonObject, bool> match)
    {
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (JsonNode.Parse(line) is JsonObject message && match(message))
            {
                return message;
            }
        }

        throw new InvalidOperationException("peer.js exited.");
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "interop", "libp2p");
            if (File.Exists(Path.Combine(candidate, "peer.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/interop/libp2p/peer.js not found above the benchmark's folder.");
    }
}
