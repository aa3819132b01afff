using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// On start: applies migrations, then seeds when the database holds no source yet; <see cref="DatabaseReady"/> says when it is
/// done. A failure still fails the host's start.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes, IConfiguration configuration, DatabaseReady ready, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // SQLite's async methods complete synchronously: run on the pool so the server starts meanwhile.
            await Task.Run(() => PrepareAsync(cancellationToken), cancellationToken);
            ready.Succeeded();
        }
        catch (Exception e)
        {
            ready.Failed(e);
            throw;
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
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
