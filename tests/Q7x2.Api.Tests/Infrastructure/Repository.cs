namespace Q7x2.Api.Tests.Infrastructure;

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seed => Path.Combine(Root, "seed");

    public static string ArticlePath => Path.Combine(Seed, "sources", "kyrgyz-president-visits-tajikistan.txt");

    public const string ArticleId = "kyrgyz-president-visits-tajikistan";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Q7x2.Api.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Q7x2.Api.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh temporary folder, removed with the returned handle.</summary>
    public static TempDirectory TempDirectory() => new();

    /// <summary>How many records a seed file holds (e.g. <c>facts.json</c>, <c>facts</c>): counts that follow the curated data.</summary>
    public static int SeedCount(string file, string member) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Seed, file))).RootElement.GetProperty(member).GetArrayLength();
}

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "q7x2-tests", Guid.NewGuid().ToString("n"))).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file must not fail the test that owned the folder.
        }
    }

    /// <summary>Copies a folder tree into this one and returns the copy's path.</summary>
    public string CopyFrom(string source, string name)
    {
        var target = System.IO.Path.Combine(Path, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
