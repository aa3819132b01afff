using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Health;

/// <summary>README's run command on a fresh folder: the default database under data/ is created, migrated and seeded.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AFirstStartCreatesMigratesAndSeedsTheDefaultDatabaseAndServes()
    {
        _temp.CopyFrom(Repository.Seed, "seed");
        var port = FreePort();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Process.Start(ApiProcess.StartInfo(_temp.Path, $"--urls=http://127.0.0.1:{port}"))!;
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await WaitForAsync(client, "/health/ready", process, log);

            Assert.Equal(HttpStatusCode.OK, ready);
            Assert.True(File.Exists(Path.Combine(_temp.Path, "data", "q7x2.db")));
            var sources = await client.GetStringAsync("/v1/sources");
            Assert.Contains(Repository.ArticleId, sources, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HttpStatusCode> WaitForAsync(HttpClient client, string path, Process process, IEnumerable<string> log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the API exited early: {string.Join('\n', log)}");
            try
            {
                return (await client.GetAsync(path)).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"{path} did not answer within 60 s");
    }
}
