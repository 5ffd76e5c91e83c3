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
        string folder = NodeScripts.Prepare(Path.Combine("tests", "interop", "libp2p"), "peer.js", "libp2p");
        var process = NodeScripts.Start(folder, "peer.js");
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

    public void Dispose() => NodeScripts.Stop(_process);

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
}
