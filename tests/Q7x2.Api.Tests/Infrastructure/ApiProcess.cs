using System.Diagnostics;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>Runs the built API executable as a separate process, as README's commands do.</summary>
internal static class ApiProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    private static string Dll => Path.Combine(AppContext.BaseDirectory, "Q7x2.Api.dll");

    /// <summary>The arguments that point the API at a database: PostgreSQL's when <paramref name="postgres"/> is given, else SQLite's.</summary>
    public static string[] DatabaseArguments(string? postgres, string sqlite) => postgres is not null
        ? ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={postgres}"]
        : [$"--ConnectionStrings:Sqlite={sqlite}"];

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment.Remove("ASPNETCORE_URLS");
        return info;
    }

    public static async Task<Outcome> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await output, await error);
    }
}
