namespace Harmony.Testing;

/// <summary>Finds the repository root (the folder holding <c>Harmony.sln</c>) from the test assembly's location.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Harmony.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find Harmony.sln above '{AppContext.BaseDirectory}'; run the tests from a clone of the repository.");
    }
}
