using System.CommandLine;
using System.Globalization;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Curation;
using Q7x2.Data;
using Q7x2.Data.Generation;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The command line, parsed by System.CommandLine: no subcommand serves the API; <c>migrate</c>, <c>seed [--dry-run] [--if-empty]</c>,
/// <c>keys new --name NAME --role curator|admin</c> and <c>generate --sources N [--seed S] --out DIR</c> run and exit. Configuration overrides take one form, <c>--Section:Key=value</c>
/// (a colon in the name), plus the host's own <c>--urls=…</c>, <c>--environment=…</c>, <c>--contentRoot=…</c> and
/// <c>--applicationName=…</c>; they go to the host's configuration, everything else to the parser. An unknown command or
/// option prints the usage and exits 2.
/// </summary>
internal sealed partial record CommandLine(string? Command, bool DryRun, string[] HostArgs)
{
    public const int UsageError = 2;

    /// <summary><c>keys new</c>: the key's name and role.</summary>
    public (string Name, string Role)? NewKey { get; private init; }

    /// <summary><c>generate</c>: how many sources, the seed of its random numbers, and the folder to write.</summary>
    public (int Sources, ulong Seed, string Out)? Corpus { get; private init; }

    /// <summary><c>seed --if-empty</c>: seed only a database that holds no source; leave any other as it is.</summary>
    public bool IfEmpty { get; private init; }

    /// <summary>Set when parsing alone answered the command line: 0 after <c>--help</c>, 2 after a usage error.</summary>
    public int? ExitCode { get; private init; }

    /// <summary>The dump that <c>import</c> loads.</summary>
    public string? ImportPath { get; private init; }

    private static readonly Option<bool> DryRunOption = new("--dry-run") { Description = "Say what would change, write nothing." };

    private static readonly Option<bool> IfEmptyOption = new("--if-empty")
    {
        Description = "Seed only when the database holds no source; otherwise say so and exit 0 without touching it (a one-off seed step that is safe to re-run).",
    };

    private static readonly Option<string> NameOption = new("--name")
    {
        Description = "The key's name, recorded as the actor of its writes (letters, digits, '.', '_' or '-').",
        Required = true,
    };

    private static readonly Option<string> RoleOption = new Option<string>("--role")
    {
        Description = "What the key may do.",
        Required = true,
    }.AcceptOnlyFromAmong([.. ApiKeys.WriteRoles]);

    private static readonly Option<int> SourcesOption = new Option<int>("--sources")
    {
        Description = $"How many sources (articles) to write, 1 to {CorpusGenerator.MaxSources:N0}.",
        Required = true,
    }.Validate(r => r.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var n) && n is < 1 or > CorpusGenerator.MaxSources
        ? $"--sources must be between 1 and {CorpusGenerator.MaxSources}." : null); // a value that is no number is the parser's own error

    private static readonly Option<ulong> CorpusSeedOption = new("--seed")
    {
        Description = "The seed of the generator's random numbers: the same arguments give byte-identical files.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string> OutOption = new Option<string>("--out")
    {
        Description = "The folder to write the corpus to; it must not exist or be empty (nothing is overwritten).",
        Required = true,
    }.Validate(r => r.GetValueOrDefault<string>() is { } path && (File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any()))
        ? $"--out '{path}' is not empty: give a new or empty folder." : null);

    private static readonly Argument<string> DumpArgument = new("dump") { Description = "The NDJSON dump to load, as GET /v1/export sends it." };

    private static readonly string[] HostKeys = ["urls", "environment", "contentRoot", "applicationName"];

    /// <summary>
    /// <c>--Section:Key=value</c> (a colon in the name), one of the host's own keys (<c>--urls=…</c>), or a section with no
    /// value (<c>--Seed=</c>: test hosts pass their whole configuration, sections included, in this form).
    /// </summary>
    [GeneratedRegex(@"^--(?<name>[A-Za-z0-9_.]+(:[A-Za-z0-9_.]+)*)=(?<value>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Override();

    public static bool IsOverride(string arg) => Override().Match(arg) is { Success: true } match
        && (match.Groups["name"].Value.Contains(':', StringComparison.Ordinal) || match.Groups["value"].Length == 0
            || HostKeys.Contains(match.Groups["name"].Value, StringComparer.OrdinalIgnoreCase));

    private static readonly RootCommand Root = Commands();

    private static RootCommand Commands()
    {
        var root = new RootCommand(
            "Q7x2 Facts API. Without a command it serves the API (http://localhost:5080 unless --urls=URL says otherwise). "
            + "Configuration overrides: --Section:Key=value (e.g. --ConnectionStrings:Sqlite=\"Data Source=data/q7x2.db\", --Seed:Path=seed), "
            + "--urls=URL, or the environment (Section__Key).");
        root.SetAction(_ => 0);
        var migrate = new Command("migrate", "Apply the database migrations, then exit.");
        migrate.SetAction(_ => 0);
        var seed = new Command("seed", "Apply the migrations, then bring the data to what the seed folder says (Seed:Path); prints N added, N changed, N removed, N kept.")
        {
            DryRunOption, IfEmptyOption,
        };
        seed.SetAction(_ => 0);
        var create = new Command("new", "Print a new API key once, and the configuration that holds its hash.") { NameOption, RoleOption };
        create.SetAction(_ => 0);
        var generate = new Command("generate",
            "Write a synthetic corpus in the seed format (about 5 KB of text and 100 facts and observations per source) for scale "
            + "tests; seed it with: seed --Seed:Path=DIR.")
        {
            SourcesOption, CorpusSeedOption, OutOption,
        };
        generate.SetAction(_ => 0);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(generate);
        var import = new Command("import",
            "Apply the migrations, then load a dump made by GET /v1/export into an empty database, through the seeder's checks "
            + "(all or nothing); prints N added. The dump's count and SHA-256 are checked first.")
        {
            DumpArgument,
        };
        import.SetAction(_ => 0);
        root.Subcommands.Add(import);
        root.Subcommands.Add(new Command("keys", "Manage API keys.") { create });
        return root;
    }

    public static CommandLine Parse(string[] args) => Parse(args, Console.Out, Console.Error);

    /// <summary>Parses <paramref name="args"/>; help goes to <paramref name="output"/>, usage errors to <paramref name="error"/>.</summary>
    public static CommandLine Parse(string[] args, TextWriter output, TextWriter error)
    {
        args = DesignTimeForm(args);
        var hostArgs = args.Where(IsOverride).ToArray();
        var result = Root.Parse([.. args.Where(a => !IsOverride(a))]);
        if (result.Errors.Count > 0)
        {
            foreach (var parseError in result.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            // The usage of the command as far as it was recognized: `keys` shows `keys new`, a typo shows every command.
            error.WriteLine();
            var recognized = result.Tokens.TakeWhile(t => t.Type == TokenType.Command).Select(t => t.Value);
            Root.Parse([.. recognized, "--help"]).Invoke(new InvocationConfiguration { Output = error, Error = error });
            return new CommandLine(null, false, hostArgs) { ExitCode = UsageError };
        }

        if (result.Action is HelpAction)
        {
            result.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return new CommandLine(null, false, hostArgs) { ExitCode = 0 };
        }

        return result.CommandResult.Command.Name switch
        {
            "new" => new CommandLine("keys", false, hostArgs) { NewKey = (result.GetValue(NameOption)!, result.GetValue(RoleOption)!) },
            "migrate" => new CommandLine("migrate", false, hostArgs),
            "seed" => new CommandLine("seed", result.GetValue(DryRunOption), hostArgs) { IfEmpty = result.GetValue(IfEmptyOption) },
            "import" => new CommandLine("import", false, hostArgs) { ImportPath = result.GetValue(DumpArgument) },
            "generate" => new CommandLine("generate", false, hostArgs)
            {
                Corpus = (result.GetValue(SourcesOption), result.GetValue(CorpusSeedOption), result.GetValue(OutOption)!),
            },
            _ => new CommandLine(null, false, hostArgs),
        };
    }

    /// <summary>
    /// EF Core's design-time tools (<c>dotnet ef</c>) start the entry point with <c>--applicationName NAME</c>: that pair is
    /// read as <c>--applicationName=NAME</c>, so the tools find the host. No other option is taken in two words.
    /// </summary>
    private static string[] DesignTimeForm(string[] args)
    {
        var i = Array.IndexOf(args, "--applicationName");
        return i < 0 || i + 1 >= args.Length ? args : [.. args[..i], $"--applicationName={args[i + 1]}", .. args[(i + 2)..]];
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        if (NewKey is { } key)
        {
            return NewApiKey.Print(key.Name, key.Role, app.Configuration);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        var ct = app.Lifetime.ApplicationStopping;
        try
        {
            if (Command == "seed" && IfEmpty)
            {
                return await SeedIfEmptyAsync(app, db, scope.ServiceProvider.GetRequiredService<Seeder>(), ct);
            }

            await DatabaseCommands.MigrateAsync(db, ct);
            if (Command == "migrate")
            {
                Console.WriteLine("Migrations applied.");
                return 0;
            }

            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            if (Command == "import")
            {
                return await ImportAsync(db, seeder, ImportPath!, ct);
            }

            var result = await DatabaseCommands.SeedAsync(seeder, DataSetup.SeedPath(app.Configuration), DryRun, ct);
            Console.WriteLine(result);
            return 0;
        }
        catch (SeedValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (SeedRefusedException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message} (seed --if-empty leaves a database that holds data as it is.)");
            return 1;
        }
    }

    /// <summary>Migrates, then seeds an empty database as start-up does; a database that holds data is left as it is (exit 0).</summary>
    private async Task<int> SeedIfEmptyAsync(WebApplication app, Q7x2Db db, Seeder seeder, CancellationToken ct)
    {
        if (await DatabaseCommands.MigrateAndSeedIfEmptyAsync(db, seeder, DataSetup.SeedPath(app.Configuration), DryRun, ct) is { } result)
        {
            Console.WriteLine(result);
        }
        else
        {
            Console.WriteLine("Migrations applied; the database already holds data, so nothing was seeded.");
        }

        return 0;
    }

    /// <summary>
    /// Loads a dump into an empty database: the dump becomes a seed folder (in a temporary folder, after its count and
    /// SHA-256 are checked), which the seeder checks and writes in one transaction like any other.
    /// </summary>
    private static async Task<int> ImportAsync(Q7x2Db db, Seeder seeder, string dump, CancellationToken ct)
    {
        if (!File.Exists(dump))
        {
            await Console.Error.WriteLineAsync($"'{dump}' is not a file; nothing was written.");
            return 1;
        }

        if (await db.Sources.AnyAsync(ct) || await db.Predicates.AnyAsync(ct) || await db.Entities.AnyAsync(ct)
            || await db.Facts.AnyAsync(ct) || await db.Observations.AnyAsync(ct))
        {
            await Console.Error.WriteLineAsync("import loads a dump into an empty database, and this one holds records; nothing was written.");
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("q7x2-import-").FullName;
        try
        {
            var firstLines = SeedDump.ToSeedFolder(dump, folder);
            try
            {
                Console.WriteLine(await DatabaseCommands.SeedAsync(seeder, folder, dryRun: false, ct));
            }
            catch (SeedValidationException e)
            {
                throw SeedDump.InDumpTerms(e, firstLines, Path.GetFileName(dump));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

internal static class OptionValidation
{
    /// <summary>Adds a check to an option: <paramref name="error"/> gives the message, or null when the value is fine.</summary>
    public static Option<T> Validate<T>(this Option<T> option, Func<OptionResult, string?> error)
    {
        option.Validators.Add(result =>
        {
            if (error(result) is { } message)
            {
                result.AddError(message);
            }
        });
        return option;
    }
}
