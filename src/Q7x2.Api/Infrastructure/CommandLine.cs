using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// <c>migrate</c> and <c>seed [--dry-run]</c> subcommands. Everything after them that is not one of their
/// own flags goes to the host as configuration (<c>--ConnectionStrings:Sqlite=…</c>, <c>--Seed:Path=…</c>).
/// </summary>
internal sealed record CommandLine(string? Command, bool DryRun, string[] HostArgs)
{
    private static readonly string[] Commands = ["migrate", "seed"];

    public static CommandLine Parse(string[] args)
    {
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
