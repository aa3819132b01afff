using Microsoft.Net.Http.Headers;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Exports;

/// <summary><c>GET /v1/export</c>: every record as NDJSON, for a mirror, a backup or the <c>import</c> subcommand.</summary>
internal static class ExportEndpoints
{
    public const string VersionHeader = "Dataset-Version";

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Streaming.DumpPath, ExportDataset).WithTags("Exports").WithName(nameof(ExportDataset))
            .WithSummary("Export every record")
            .WithDescription("The whole dataset as NDJSON (`application/x-ndjson`), one record per line in its curated shape (the shape "
                + "of the seed files and of the write API's bodies): `{\"type\":\"source\",\"record\":{…},\"text\":\"…\"}` for each source "
                + "with its full text, then the predicates, the entities of each kind (person, country, place, organization, event, "
                + "agreement, border-crossing), the facts and the observations, each type in id order. The last line is "
                + "`{\"type\":\"end\",\"records\":N,\"sha256\":\"…\"}`: the number of records and the SHA-256 of every byte before it. "
                + "The dump is one snapshot of the data, streamed; the same data always gives the same bytes. The `Dataset-Version` "
                + "header is the change-feed position it was read at. Load it into an empty database with the `import` subcommand. "
                + "Not cached, no request timeout, one request of the `exports` rate-limit budget.")
            .Produces(StatusCodes.Status200OK, typeof(string), SeedDump.MediaType);
        return routes;
    }

    private static DatasetDump ExportDataset(Q7x2Db db) => new(db);
}

/// <summary>Streams the dump inside one read snapshot.</summary>
internal sealed class DatasetDump(Q7x2Db db) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => Streaming.InSnapshotAsync(httpContext, db, async () =>
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{SeedDump.MediaType}; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers[ExportEndpoints.VersionHeader] = (await DataVersion.PositionAsync(db, httpContext.RequestAborted)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "q7x2-dump.ndjson" }.ToString();
        return await SeedDump.WriteAsync(db, Streaming.Body(httpContext), httpContext.RequestAborted);
    });
}
