using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>On start: applies migrations, then seeds when the database holds no source yet.</summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        await DatabaseCommands.MigrateAsync(db, cancellationToken);
        if (await db.Sources.AnyAsync(cancellationToken))
        {
            return;
        }

        var path = DataSetup.SeedPath(configuration);
        var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
        var result = await DatabaseCommands.SeedAsync(seeder, path, dryRun: false, cancellationToken);
        LogSeeded(path, result.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database seeded from {Path}: {Result}")]
    private partial void LogSeeded(string path, string result);
}
