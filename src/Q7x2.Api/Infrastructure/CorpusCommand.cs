using System.Diagnostics;
using Q7x2.Data.Generation;

namespace Q7x2.Api.Infrastructure;

/// <summary><c>generate</c>: writes a synthetic corpus in the seed format and says what it wrote and how long it took.</summary>
internal static class CorpusCommand
{
    public static int Run(int sources, ulong seed, string directory, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var summary = CorpusGenerator.Generate(sources, seed, directory);
        output.WriteLine($"Generated {summary} in {Path.GetFullPath(directory)} ({clock.Elapsed.TotalSeconds:0.0} s).");
        output.WriteLine($"Seed it with: dotnet run --project src/Q7x2.Api -- seed --Seed:Path={directory}");
        return 0;
    }
}
