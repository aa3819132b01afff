using System.Data.Common;
using Microsoft.Extensions.Options;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Notices changes made by other processes (the <c>seed</c> subcommand, another API process on the same database):
/// reads the <see cref="DataVersion"/> every <see cref="CachingOptions.PollInterval"/>, moves the read cache's keys to it
/// and drops the cached reads when it moved. A change committed elsewhere is served here at most one interval plus one poll later.
/// </summary>
internal sealed partial class DataVersionWatcher(
    IServiceScopeFactory scopes, ReadCache cache, DatasetVersion dataset, DatabaseReady ready, IOptions<CachingOptions> options, ILogger<DataVersionWatcher> logger)
    : BackgroundService
{
    private long _seen;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Read before the server takes requests (StartedGate holds them until every hosted service has started), so that no
        // cached entry is older than the version it is compared with; the database is migrated first.
        await ready.Task.WaitAsync(cancellationToken);
        _seen = await cache.FollowAsync(ReadAsync, cancellationToken);

        // A shared store may hold entries of an earlier life of the database (reset, or restored to an earlier version)
        // under the version it now has: each process drops them as it starts.
        await cache.DropAllAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Also when the version did not move: after a detachment (CacheGeneration) this read joins it again.
                var version = await cache.FollowAsync(ReadAsync, stoppingToken);
                if (version != _seen)
                {
                    await cache.DropAllAsync(stoppingToken);
                    await RefreshAsync(stoppingToken);
                    LogChanged(_seen, version);
                    _seen = version;
                }
            }
            // On PostgreSQL a transient failure (the server restarted, a connection was ended) comes wrapped by Npgsql's
            // execution strategy in an InvalidOperationException: uncaught, it would stop the host.
            catch (Exception e) when (e is DbException || e.InnerException is DbException)
            {
                LogPollFailed(e);
            }
        }
    }

    private async Task<long> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DataVersion.ReadAsync(scope.ServiceProvider.GetRequiredService<Q7x2Db>(), ct);
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await dataset.RefreshAsync(scope.ServiceProvider.GetRequiredService<Q7x2Db>(), ct, poll: true);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Data version moved from {Seen} to {Version}: cached reads evicted")]
    private partial void LogChanged(long seen, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the data version failed; cached reads may be stale until it succeeds")]
    private partial void LogPollFailed(Exception exception);
}
