using Q7x2.Api.Tests.Infrastructure;
using ApiCommandLine = Q7x2.Api.Infrastructure.CommandLine;

namespace Q7x2.Api.Tests.Features.CommandLine;

/// <summary>The command line is as strict as the HTTP API: parsed in-process, plus one run of the executable.</summary>
public sealed class CommandLineTests
{
    private static (ApiCommandLine Parsed, string Output, string Error) Parse(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parsed = ApiCommandLine.Parse(args, output, error);
        return (parsed, output.ToString(), error.ToString());
    }

    [Fact]
    public void NoCommandServesTheApiWithTheOverridesAsConfiguration()
    {
        var (parsed, _, error) = Parse("--urls=http://127.0.0.1:6000", "--ConnectionStrings:Sqlite=Data Source=/tmp/x.db");

        Assert.Null(parsed.Command);
        Assert.Null(parsed.ExitCode);
        Assert.Equal(["--urls=http://127.0.0.1:6000", "--ConnectionStrings:Sqlite=Data Source=/tmp/x.db"], parsed.HostArgs);
        Assert.Empty(error);
    }

    [Fact]
    public void TheDesignTimeToolsApplicationNameIsAHostSetting()
    {
        var (parsed, _, error) = Parse("--applicationName", "Q7x2.Api");

        Assert.Null(parsed.Command);
        Assert.Null(parsed.ExitCode);
        Assert.Equal(["--applicationName=Q7x2.Api"], parsed.HostArgs);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("migrate", false, false)]
    [InlineData("seed", false, false)]
    [InlineData("seed --dry-run", true, false)]
    [InlineData("seed --if-empty", false, true)]
    [InlineData("seed --if-empty --dry-run", true, true)]
    public void SubcommandsAreRecognizedWithTheirOptions(string args, bool dryRun, bool ifEmpty)
    {
        var (parsed, _, _) = Parse([.. args.Split(' '), "--Seed:Path=/tmp/seed"]);

        Assert.Equal(args.Split(' ')[0], parsed.Command);
        Assert.Equal(dryRun, parsed.DryRun);
        Assert.Equal(ifEmpty, parsed.IfEmpty);
        Assert.Null(parsed.ExitCode);
        Assert.Equal(["--Seed:Path=/tmp/seed"], parsed.HostArgs);
    }

    [Fact]
    public void GenerateTakesSourcesSeedAndOutAndTheSeedDefaultsToOne()
    {
        var (parsed, _, error) = Parse("generate", "--sources", "20", "--seed", "7", "--out", "/tmp/q7x2-corpus-that-does-not-exist");
        var (defaulted, _, _) = Parse("generate", "--sources=3", "--out=/tmp/q7x2-corpus-that-does-not-exist");

        Assert.Empty(error);
        Assert.Equal("generate", parsed.Command);
        Assert.Equal((20, 7UL, "/tmp/q7x2-corpus-that-does-not-exist"), parsed.Corpus);
        Assert.Equal((3, 1UL, "/tmp/q7x2-corpus-that-does-not-exist"), defaulted.Corpus);
    }

    [Theory]
    [InlineData("generate --out /tmp/q7x2-none", "--sources")]
    [InlineData("generate --sources 10", "--out")]
    [InlineData("generate --sources 0 --out /tmp/q7x2-none", "between 1 and")]
    [InlineData("generate --sources 1000001 --out /tmp/q7x2-none", "between 1 and")]
    [InlineData("generate --sources ten --out /tmp/q7x2-none", "ten")]
    [InlineData("generate --sources 10 --seed -1 --out /tmp/q7x2-none", "-1")]
    public void GenerateWithoutValidSourcesOrOutIsAUsageError(string args, string named)
    {
        var (parsed, output, error) = Parse(args.Split(' '));

        Assert.Equal(ApiCommandLine.UsageError, parsed.ExitCode);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(Directory.Exists("/tmp/q7x2-none"));
    }

    [Fact]
    public void GenerateRefusesAFolderThatIsNotEmpty()
    {
        using var temp = Repository.TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "keep.txt"), "not to be overwritten");

        var (parsed, _, error) = Parse("generate", "--sources", "1", "--out", temp.Path);
        var (empty, _, _) = Parse("generate", "--sources", "1", "--out", Directory.CreateDirectory(Path.Combine(temp.Path, "empty")).FullName);

        Assert.Equal(ApiCommandLine.UsageError, parsed.ExitCode);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Null(empty.ExitCode);
    }

    [Fact]
    public void KeysNewTakesANameAndARole()
    {
        var (parsed, _, _) = Parse("keys", "new", "--name", "ci", "--role", "admin", "--Auth:Keys:0:Name=x");

        Assert.Equal("keys", parsed.Command);
        Assert.Equal(("ci", "admin"), parsed.NewKey);
        Assert.Equal(["--Auth:Keys:0:Name=x"], parsed.HostArgs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("migrate")]
    [InlineData("seed")]
    [InlineData("keys")]
    [InlineData("keys new")]
    [InlineData("generate")]
    public void HelpDescribesEachCommandAndExitsZero(string command)
    {
        var (parsed, output, error) = Parse([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, parsed.ExitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Empty(error);
        if (command == "seed")
        {
            Assert.Contains("--dry-run", output, StringComparison.Ordinal);
            Assert.Contains("--if-empty", output, StringComparison.Ordinal);
        }

        if (command == "generate")
        {
            Assert.Contains("--sources", output, StringComparison.Ordinal);
            Assert.Contains("--out", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("reindex")]
    [InlineData("migrat")]
    [InlineData("seed --dryrun")]
    [InlineData("--verbose")]
    [InlineData("migrate --force")]
    [InlineData("migrate --if-empty")]
    [InlineData("keys")]
    [InlineData("keys new --name ci")]
    [InlineData("keys new --name ci --role reader")]
    [InlineData("--urls http://127.0.0.1:6000")]
    [InlineData("--ConnectionStrings:Sqlite Data")]
    [InlineData("--Seed=seed")]
    public void AnUnknownCommandOrOptionPrintsTheUsageAndExitsTwo(string args)
    {
        var (parsed, output, error) = Parse(args.Split(' '));

        Assert.Equal(ApiCommandLine.UsageError, parsed.ExitCode);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--Section:Key=value", true)]
    [InlineData("--Auth:Keys:0:Sha256=ab", true)]
    [InlineData("--urls=http://127.0.0.1:1", true)]
    [InlineData("--environment=Testing", true)]
    [InlineData("--Section:Key", false)]
    [InlineData("--Section=value", false)]
    [InlineData("--Section=", true)]
    [InlineData("--dry-run", false)]
    [InlineData("Section:Key=value", false)]
    public void ConfigurationOverridesHaveOneForm(string arg, bool isOverride) => Assert.Equal(isOverride, ApiCommandLine.IsOverride(arg));

    [Fact]
    public async Task TheExecutableExitsTwoOnAnUnknownCommandInsteadOfServing()
    {
        using var temp = Repository.TempDirectory();

        var result = await ApiProcess.RunAsync(temp.Path, "reindex", $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(temp.Path, "q7x2.db")}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reindex", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "q7x2.db")));
    }
}
