namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// A class fixture: the built API as its own process on a free loopback port (<see cref="ApiServer"/>), over a copy of the
/// template database, for clients that need a real socket (a generated client with its own HTTP stack, a browser).
/// </summary>
public sealed class RunningApi : IAsyncLifetime
{
    private readonly TempDirectory _temp = Repository.TempDirectory();
    private ApiServer? _server;

    public Uri Address => (_server ?? throw new InvalidOperationException("The API has not started.")).Address;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(_temp.Path, "q7x2.db");
        TemplateDatabase.CopyTo(database);
        _server = await ApiServer.StartAsync(_temp.Path, database, Repository.Seed);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _temp.Dispose();
    }
}
