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
    [InlineData("migrate", false)]
    [InlineData("seed", false)]
    [InlineData("seed --dry-run", true)]
    public void SubcommandsAreRecognizedWithTheirOptions(string args, bool dryRun)
    {
        var (parsed, _, _) = Parse([.. args.Split(' '), "--Seed:Path=/tmp/seed"]);

        Assert.Equal(args.Split(' ')[0], parsed.Command);
        Assert.Equal(dryRun, parsed.DryRun);
        Assert.Null(parsed.ExitCode);
        Assert.Equal(["--Seed:Path=/tmp/seed"], parsed.HostArgs);
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
    public void HelpDescribesEachCommandAndExitsZero(string command)
    {
        var (parsed, output, error) = Parse([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, parsed.ExitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Empty(error);
        if (command == "seed")
        {
            Assert.Contains("--dry-run", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("migrat")]
    [InlineData("seed --dryrun")]
    [InlineData("--verbose")]
    [InlineData("migrate --force")]
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

        var result = await ApiProcess.RunAsync(temp.Path, "generate", $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(temp.Path, "q7x2.db")}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("generate", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "q7x2.db")));
    }
}
