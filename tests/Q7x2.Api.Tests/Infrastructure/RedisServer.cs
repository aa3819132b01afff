using System.Diagnostics;
using StackExchange.Redis;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> (Debian's package) listening only on a unix socket in a temporary folder, without
/// persistence, stopped with the handle. Without <c>redis-server</c> on the PATH the test asking for one is skipped with
/// the reason (CI installs it and fails on any skipped test).
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly TempDirectory _directory = Repository.TempDirectory();
    private readonly Process _process;

    private RedisServer(string executable)
    {
        var socket = Path.Combine(_directory.Path, "redis.sock");
        Configuration = "!" + socket;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--save", "", "--appendonly", "no", "--dir", _directory.Path })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The StackExchange.Redis configuration string of this server: its socket (<c>!</c> marks a unix socket path).</summary>
    public string Configuration { get; }

    /// <summary>Starts a server and waits until it answers PING; skips the calling test when redis-server is not installed.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);
        Skip.If(executable is null, "No redis-server on the PATH (apt-get install redis-server): the shared output cache is not tested.");

        var server = new RedisServer(executable!);
        try
        {
            await server.WaitUntilItAnswersAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private async Task WaitUntilItAnswersAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await ConnectAsync();
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (clock.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>A connection of the test's own, to look into the server.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Configuration);

    /// <summary>The keys whose names start with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        await using var connection = await ConnectAsync();
        var server = connection.GetServer(connection.GetEndPoints().Single());
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    /// <summary>Stops the server (as a crash would: no shutdown, no save).</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        _directory.Dispose();
    }
}
