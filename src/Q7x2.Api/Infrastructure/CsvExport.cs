using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Q7x2.Data;

namespace Q7x2.Api.Infrastructure;

/// <summary>The query of a list that can be exported as CSV: the page parameters and <c>format</c>.</summary>
public interface ICsvListQuery : IPageQuery
{
    public const string FormatDescription =
        "`json` (the default) or `csv`: the whole filtered, sorted list as one CSV file (RFC 4180, UTF-8, a header row; nested "
        + "references as dotted columns such as `subject.id`, `subject.name`; a list's values joined with `; `), streamed; "
        + "`limit`, `cursor` and `count` do not apply to it. `Accept: text/csv` asks for the same.";

    public static readonly IReadOnlyList<string> Formats = ["json", "csv"];

    /// <summary>
    /// json (the default) or csv: the whole filtered, sorted list as one CSV file (RFC 4180, UTF-8, a header row; nested references as
    /// dotted columns such as subject.id, subject.name; a list's values joined with "; "), streamed; limit, cursor and count do not
    /// apply to it. Accept: text/csv asks for the same.
    /// </summary>
    string? Format { get; }

    /// <summary>This query for the page after <paramref name="cursor"/> (the first page when null), as long as a page may be.</summary>
    ICsvListQuery Page(string? cursor);
}

/// <summary>
/// Lists as CSV (<c>format=csv</c>, or <c>Accept: text/csv</c> preferred to JSON): the handler runs page after page with the
/// request's filters and sort, each page written as rows as soon as it is read, in one read transaction, so that the file is
/// the list as it stood at one moment however long it takes (<see cref="Streaming"/>).
/// </summary>
internal static class CsvExport
{
    public const string MediaType = "text/csv";

    public const string ContentType = "text/csv; charset=utf-8; header=present";

    private static readonly MediaTypeHeaderValue[] Offered = [new("application/json"), new(MediaType)];

    /// <summary>RFC 4180 (CRLF, quotes where needed), UTF-8 without a byte order mark, every field as text the API formatted.</summary>
    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with { NewLine = "\r\n", FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>Whether a read asks for CSV: <c>format=csv</c>, or, without <c>format</c>, an <c>Accept</c> that prefers text/csv.</summary>
    public static bool IsRequested(HttpRequest request) =>
        request.Query.TryGetValue("format", out var format) ? format == "csv" : MediaTypes.Negotiate(request, Offered) == MediaType;

    /// <summary>Serves the list as CSV when asked; documents <c>text/csv</c> as the 200's other representation.</summary>
    public static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new CsvList())
        .AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            var query = Array.FindIndex(parameters, p => p.ParameterType.IsAssignableTo(typeof(ICsvListQuery)));
            var db = Array.FindIndex(parameters, p => p.ParameterType == typeof(Q7x2Db));
            var item = ItemType(factory.MethodInfo.ReturnType)
                ?? throw new InvalidOperationException($"{factory.MethodInfo.Name} does not return a page of a list.");
            if (query < 0 || db < 0)
            {
                throw new InvalidOperationException($"{factory.MethodInfo.Name} needs an {nameof(ICsvListQuery)} and the database to be exported.");
            }

            var json = factory.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var columns = new Lazy<CsvColumns>(() => CsvColumns.For(item, json));
            return context => IsRequested(context.HttpContext.Request)
                ? ExportAsync(context, next, query, context.GetArgument<Q7x2Db>(db), columns.Value)
                : next(context);

        });

    private static async ValueTask<object?> ExportAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, int index, Q7x2Db db, CsvColumns columns)
    {
        var query = (ICsvListQuery)context.Arguments[index]!;
        if (Refusal(query, context.HttpContext.Request) is { } refusal)
        {
            return refusal;
        }

        var (fields, error) = FieldSelection.Parse(context.HttpContext.Request, columns.Members);
        if (error is not null)
        {
            return FieldSelection.Refusal(error);
        }

        columns = fields is null ? columns : columns.Of(fields);

        var http = context.HttpContext;
        var ct = http.RequestAborted;
        return await Streaming.InSnapshotAsync<object?>(http, db, async () =>
        {
            var body = Streaming.Body(http);
            string? cursor = null;
            do
            {
                context.Arguments[index] = query.Page(cursor);
                var result = await next(context);
                if (EndpointResults.ValueOf(result) is not IPage page)
                {
                    // Only the first page can answer otherwise (an unknown id: 404), before the response has started.
                    return cursor is null ? result : throw new InvalidOperationException("A list answered a later page with no page.");
                }

                if (cursor is null)
                {
                    Start(http);
                }

                await body.WriteAsync(await RowsAsync(columns, page, header: cursor is null, ct), ct);
                cursor = page.Next;
            }
            while (cursor is not null);

            return TypedResults.Empty;
        });
    }

    /// <summary>
    /// Documents <c>text/csv</c> next to JSON in the 200 of every list that serves it, with the CSV of the JSON example (the same
    /// items through the same columns as a live export).
    /// </summary>
    public static OpenApiOptions AddCsvExports(this OpenApiOptions options) =>
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<CsvList>().Any()
                || operation.Responses?.TryGetValue("200", out var ok) != true || ok?.Content is not { } content
                || context.Description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == StatusCodes.Status200OK)?.Type is not { } page
                || ItemType(page) is not { } item)
            {
                return;
            }

            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var csv = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            if (content.TryGetValue("application/json", out var media) && media.Example is { } example
                && example.Deserialize(page, json) is IPage examplePage)
            {
                var bytes = await RowsAsync(CsvColumns.For(item, json), examplePage, header: true, ct);
                csv.Example = JsonValue.Create(System.Text.Encoding.UTF8.GetString(bytes.Span));
            }

            content[MediaType] = csv;
        });

    /// <summary>What a CSV export does not take: page parameters (it is the whole list), embeds (its columns are fixed) and facets.</summary>
    private static ValidationProblem? Refusal(ICsvListQuery query, HttpRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Query.ContainsKey("facet"))
        {
            errors["facet"] = ["A CSV export has rows, not counts: ask for facets as JSON."];
        }

        foreach (var (name, given) in new[] { ("limit", query.Limit is not null), ("cursor", query.Cursor is not null), ("count", query.Count is not null) })
        {
            if (given)
            {
                errors[name] = [$"A CSV export is the whole list: leave out '{name}'."];
            }
        }

        if (query is Features.Entities.IEntityListQuery { ListParts: not Features.Entities.Embed.None })
        {
            errors["embed"] = ["A CSV export has the record's own fields as its columns: leave out 'embed' (JSON embeds)."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.");
    }

    private static void Start(HttpContext http)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.Remove(HeaderNames.Link);
        response.Headers.CacheControl = "no-store";
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = FileName(http.Request.Path) }.ToString();
    }

    /// <summary>The file's name from the path: <c>/v1/facts</c> → facts.csv, <c>/v1/entities/tajikistan/backlinks</c> → entities-tajikistan-backlinks.csv.</summary>
    private static string FileName(PathString path)
    {
        var name = string.Join('-', path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        return new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? char.ToLowerInvariant(c) : '-')]) + ".csv";
    }

    /// <summary>A page's rows (after the header row on the first page) as CSV bytes, written whole to the response when ready.</summary>
    private static async Task<ReadOnlyMemory<byte>> RowsAsync(CsvColumns columns, IPage page, bool header, CancellationToken ct)
    {
        var bytes = new MemoryStream();
        await using (var csv = CsvWriter.Create(bytes, Csv, leaveOpen: true))
        {
            if (header)
            {
                foreach (var column in columns.Columns)
                {
                    csv.WriteField(column.Name);
                }

                await csv.EndRecordAsync(ct);
            }

            foreach (var item in page.Rows)
            {
                foreach (var cell in columns.Cells(item!))
                {
                    csv.WriteField(cell);
                }

                await csv.EndRecordAsync(ct);
            }
        }

        return bytes.GetBuffer().AsMemory(0, (int)bytes.Length);
    }

    /// <summary>T of a handler answering (a task of) <c>Ok&lt;Page&lt;T&gt;&gt;</c>, alone or in <c>Results&lt;…&gt;</c>.</summary>
    private static Type? ItemType(Type type) =>
        EndpointResults.OkValue(type) is { IsGenericType: true } page && page.GetGenericTypeDefinition() == typeof(Page<>) ? page.GetGenericArguments()[0] : null;

}

/// <summary>What the filters of a read see of its handler's answer.</summary>
internal static class EndpointResults
{
    /// <summary>The value of a 200 (alone or inside <c>Results&lt;…&gt;</c>); null for anything else, such as a problem.</summary>
    public static object? ValueOf(object? result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IValueHttpResult { Value: { } value } ? value : null;

    /// <summary>The type of a handler's 200 answer: T of (a task of) <c>Ok&lt;T&gt;</c>, alone or in <c>Results&lt;…&gt;</c>.</summary>
    public static Type Answered(Type returned) => OkValue(returned) ?? throw new InvalidOperationException($"{returned} answers no Ok<T>.");

    public static Type? OkValue(Type type) => !type.IsGenericType ? null
        : type.GetGenericTypeDefinition() == typeof(Ok<>) ? type.GetGenericArguments()[0]
        : type.GetGenericArguments().Select(OkValue).FirstOrDefault(t => t is not null);
}

/// <summary>Marks a list that <see cref="CsvExport.ProducesCsv"/> serves as CSV too.</summary>
internal sealed record CsvList;

/// <summary>The response's own body stream, while <see cref="RepresentationMiddleware"/> buffers what the endpoint writes: a streamed export writes here.</summary>
internal sealed record StreamedBody(Stream Original);

/// <summary>A page whatever its item type: its items and the next cursor.</summary>
public interface IPage
{
    System.Collections.IEnumerable Rows { get; }

    string? Next { get; }
}
