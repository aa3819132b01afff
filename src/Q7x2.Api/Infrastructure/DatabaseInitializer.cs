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
    private Task? _preparing;

    /// <summary>
    /// Begins migrating (and seeding) on the thread pool now, before the host starts its services, so that the endpoints are
    /// mapped and the port opened meanwhile (the program calls it right after building the app); <see cref="StartAsync"/> waits
    /// for it, and begins it if nothing did.
    /// </summary>
    public Task Begin(CancellationToken stopping) =>
        // SQLite's async methods complete synchronously: run on the pool so the server starts meanwhile.
        _preparing ??= Task.Run(() => PrepareAsync(stopping), stopping);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Begin(cancellationToken).WaitAsync(cancellationToken);
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
        var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
        var path = DataSetup.SeedPath(configuration);
        if (await DatabaseCommands.MigrateAndSeedIfEmptyAsync(db, seeder, path, dryRun: false, cancellationToken) is { } result)
        {
            LogSeeded(path, result.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database seeded from {Path}: {Result}")]
    private partial void LogSeeded(string path, string result);
}
