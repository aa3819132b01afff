using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// A read opens its database connection at most once, however many SQL commands it sends (EF would otherwise open and close
/// the connection around every command), and a repeated read reuses the statements its connection has prepared.
/// </summary>
public sealed class ReadConnectionTests(ReadConnectionTests.Host host) : IClassFixture<ReadConnectionTests.Host>
{
    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/countries/kyrgyzstan")]
    [InlineData("/v1/facts?modality=stated&limit=20")]
    [InlineData("/v1/observations?limit=20")]
    [InlineData("/v1/timeline")]
    [InlineData("/v1/search?q=japarov")]
    public async Task AReadOpensItsConnectionOnce(string url)
    {
        host.Uses.Reset();
        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The request's context is the one that sent several commands. Its connection comes from the pool already open (no
        // open at all) or is opened once when the pool had none.
        var request = Assert.Single(host.Uses.Snapshot(), u => u.Commands >= 2);
        Assert.InRange(request.Opens, 0, 1);
    }

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/facts?modality=stated&limit=20")]
    [InlineData("/v1/timeline")]
    [InlineData("/v1/search?q=japarov")]
    [InlineData("/v1/observations?limit=20")]
    public async Task ARepeatedReadPreparesNoStatement(string url)
    {
        var prepared = host.Services.GetRequiredService<PreparedConnections>();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(url)).StatusCode);
        var warm = prepared.Prepared;
        Assert.True(warm > 0, "the read's connection came from the prepared-connection pool");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(url)).StatusCode);
        }

        // One request at a time: each one takes back the connection the previous one used, with its statements.
        Assert.Equal(warm, prepared.Prepared);
    }

    /// <summary>Connection opens and reader commands, per context instance.</summary>
    public sealed class UseCounter : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        private readonly ConcurrentDictionary<DbContext, int[]> _uses = new(ReferenceEqualityComparer.Instance);

        public void Reset() => _uses.Clear();

        public IReadOnlyList<(int Opens, int Commands)> Snapshot() => [.. _uses.Values.Select(u => (Volatile.Read(ref u[0]), Volatile.Read(ref u[1])))];

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Count(eventData.Context, 0);
            return Task.CompletedTask;
        }

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Count(eventData.Context, 0);

        public ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count(eventData.Context, 1);
            return ValueTask.FromResult(result);
        }

        public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Count(eventData.Context, 1);
            return result;
        }

        private void Count(DbContext? context, int slot)
        {
            if (context is not null)
            {
                Interlocked.Increment(ref _uses.GetOrAdd(context, _ => new int[2])[slot]);
            }
        }
    }

    /// <summary>The API without the output cache (every read reaches the database), with the counter.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            var api = Factory.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false")
                .ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(Uses))));
            Client = api.CreateClient();
            Services = api.Services;
        }

        public Q7x2ApiFactory Factory { get; } = new();

        public UseCounter Uses { get; } = new();

        public HttpClient Client { get; }

        /// <summary>The services of the API that <see cref="Client"/> calls.</summary>
        public IServiceProvider Services { get; }

        public void Dispose() => Factory.Dispose();
    }
}
