using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The built API serving as its own OS process on a free port of 127.0.0.1, over the given database, with the test keys
/// configured (hashed) and rate limits off. Disposing stops that process.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private ApiServer(Process process, Uri address)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ApiServer> StartAsync(string workingDirectory, string databasePath, string seedPath)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] keys =
        [
            "--Auth:Keys:0:Name=curator-ci", "--Auth:Keys:0:Role=curator", $"--Auth:Keys:0:Sha256={TestKeys.Hash(TestKeys.Curator)}",
        ];
        var info = ApiProcess.StartInfo(workingDirectory,
            [$"--urls={address}", $"--ConnectionStrings:Sqlite=Data Source={databasePath}", $"--Seed:Path={seedPath}",
             "--RateLimiting:Enabled=false", .. keys]);
        var server = new ApiServer(Process.Start(info)!, address);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {server._process.ExitCode}: {await server._error}");
            }

            try
            {
                if ((await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening, or not answering, yet
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"The API did not answer on {address}.");
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await Task.WhenAll(_output, _error);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
