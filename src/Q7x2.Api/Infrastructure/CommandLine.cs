using Q7x2.Api.Features.Curation;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// <c>migrate</c>, <c>seed [--dry-run]</c> and <c>keys new --name NAME --role curator|admin</c> subcommands. Everything
/// after them that is not one of their own flags goes to the host as configuration (<c>--ConnectionStrings:Sqlite=…</c>, <c>--Seed:Path=…</c>).
/// </summary>
internal sealed record CommandLine(string? Command, bool DryRun, string[] HostArgs)
{
    private static readonly string[] Commands = ["migrate", "seed"];

    /// <summary><c>keys new</c>: the key's name and role.</summary>
    public (string Name, string Role)? NewKey { get; private init; }

    public static CommandLine Parse(string[] args)
    {
        if (args is ["keys", "new", .. var options])
        {
            string? Option(string name) => Array.IndexOf(options, name) is var i and >= 0 && i + 1 < options.Length ? options[i + 1] : null;
            var hostArgs = options.Where((o, i) => o is not ("--name" or "--role") && (i == 0 || options[i - 1] is not ("--name" or "--role")));
            return new CommandLine("keys", false, [.. hostArgs]) { NewKey = (Option("--name") ?? "", Option("--role") ?? "") };
        }

        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            return new CommandLine(null, false, args);
        }

        var rest = args[1..];
        var dryRun = args[0] == "seed" && rest.Contains("--dry-run");
        return new CommandLine(args[0], dryRun, [.. rest.Where(a => a != "--dry-run")]);
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
            await DatabaseCommands.MigrateAsync(db, ct);
            if (Command == "migrate")
            {
                Console.WriteLine("Migrations applied.");
                return 0;
            }

            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            var result = await DatabaseCommands.SeedAsync(seeder, DataSetup.SeedPath(app.Configuration), DryRun, ct);
            Console.WriteLine(result);
            return 0;
        }
        catch (SeedValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
