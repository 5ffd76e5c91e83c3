using Harmony.Node.Simulation;

// The node's command line. Today it has one command, `simulate`, which runs a committee in-process with real BLS.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("Harmony .NET node");
    Console.WriteLine(SimulateOptions.Usage);
    return 0;
}

if (args[0] != "simulate")
{
    Console.Error.WriteLine($"unknown command '{args[0]}'");
    Console.Error.WriteLine(SimulateOptions.Usage);
    return 2;
}

if (!SimulateOptions.TryParse(args[1..], out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(SimulateOptions.Usage);
    return 2;
}

return new LocalCommitteeSimulator(options, Console.Out).Run();
