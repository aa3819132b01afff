using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The dataset version this process knows (the latest change-feed position), sent as <c>Dataset-Version</c> on every read
/// without a query of its own: read at start, after each write this process makes, and whenever <see cref="DataVersionWatcher"/>
/// sees another process change the data (so it lags another process's write by at most one poll, as cached reads do).
/// </summary>
internal sealed class DatasetVersion
{
    public const string Header = "Dataset-Version";

    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public async Task RefreshAsync(Q7x2Db db, CancellationToken ct, bool poll = false) =>
        Interlocked.Exchange(ref _current, await DataVersion.PositionAsync(db, ct, poll));
}

/// <summary>Sends <see cref="DatasetVersion.Header"/> on every successful read under /v1 (a 200 to a GET or HEAD).</summary>
internal static class DatasetVersionHeader
{
    public static WebApplication UseQ7x2DatasetVersion(this WebApplication app)
    {
        var version = app.Services.GetRequiredService<DatasetVersion>();

        // One callback for every request (the response is its state): a read allocates no closure of its own.
        Func<object, Task> send = state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(DatasetVersion.Header))
            {
                response.Headers[DatasetVersion.Header] = version.Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        };
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.StartsWithSegments("/v1"))
            {
                context.Response.OnStarting(send, context.Response);
            }

            return next(context);
        });
        return app;
    }
}
