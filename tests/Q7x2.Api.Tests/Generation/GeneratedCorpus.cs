using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>Runs <c>generate</c> in-process, as the command line parses and runs it, into a folder of a temp directory.</summary>
internal static class GeneratedCorpus
{
    public static string Generate(TempDirectory temp, string name, int sources, ulong seed)
    {
        var folder = Path.Combine(temp.Path, name);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parsed = CommandLine.Parse(["generate", "--sources", $"{sources}", "--seed", $"{seed}", "--out", folder], output, error);
        Assert.Null(parsed.ExitCode);
        Assert.Empty(error.ToString());
        var corpus = parsed.Corpus!.Value;
        Assert.Equal(0, CorpusCommand.Run(corpus.Sources, corpus.Seed, corpus.Out, output));
        Assert.Contains($"Generated {sources} sources", output.ToString(), StringComparison.Ordinal);
        return folder;
    }

    /// <summary>Every file under <paramref name="folder"/>: its path relative to the folder ('/' separated) and its bytes.</summary>
    public static SortedDictionary<string, byte[]> Files(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes),
        StringComparer.Ordinal);
}
