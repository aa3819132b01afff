using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

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

    /// <summary>A context of its own on the database at <paramref name="connectionString"/>, as each run of the <c>seed</c> subcommand has.</summary>
    public static Q7x2Db Database(string connectionString) => new(new DbContextOptionsBuilder<Q7x2Db>()
        .UseQ7x2Sqlite(connectionString).Options);

    /// <summary>Migrates the database, then seeds it from <paramref name="folder"/>, as the <c>seed</c> subcommand does.</summary>
    public static async Task<SeedResult> SeedAsync(string connectionString, string folder)
    {
        await using var db = Database(connectionString);
        await DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        return await DatabaseCommands.SeedAsync(new Seeder(db, new SqliteSearchIndex()), folder, dryRun: false, CancellationToken.None);
    }
}

/// <summary>
/// A corpus of <paramref name="sources"/> generated sources (seed 7) seeded into the API's database, and the API over it with the read
/// cache off: a class fixture. <see cref="ConfigureServices"/> adds to the API's services (e.g. a command recorder).
/// </summary>
public abstract class SeededCorpus(int sources) : IAsyncLifetime
{
    private readonly TempDirectory _temp = Repository.TempDirectory();
    private readonly Q7x2ApiFactory _factory = new();
    private WebApplicationFactory<Program>? _host;

    public string DatabasePath => _factory.DatabasePath;

    /// <summary>The API over the corpus, once initialised.</summary>
    protected WebApplicationFactory<Program> Host => _host ?? throw new InvalidOperationException("The corpus is not initialised yet.");

    public async Task InitializeAsync()
    {
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources, seed: 7);
        await _factory.SeedAsync(folder);
        _host = _factory.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false").ConfigureServices(ConfigureServices));
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        _factory.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client of the API over the corpus (read cache off).</summary>
    public HttpClient CreateClient() => Host.CreateClient();

    /// <summary>An open connection to the corpus's database (SQLite or PostgreSQL), for the tests' oracles.</summary>
    public System.Data.Common.DbConnection OpenConnection() => _factory.OpenConnection();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}

/// <summary>The oracles' SQL on either engine: both take <c>@name</c> parameters.</summary>
internal static class Oracle
{
    public static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
