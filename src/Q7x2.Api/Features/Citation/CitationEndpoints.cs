using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Citation;

/// <summary><c>Dataset:*</c>: how the curated dataset is named and licensed (the sources keep their own terms).</summary>
public sealed class DatasetOptions
{
    public string Title { get; set; } = "Q7x2 Facts: hand-curated, source-grounded facts from news articles";
    public string Publisher { get; set; } = "Q7x2";
    public string License { get; set; } = "CC-BY-4.0";
    public string LicenseUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";
}

/// <summary>A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) for the dataset.</summary>
/// <param name="Id">The citation key: q7x2-v and the dataset version.</param>
/// <param name="Type">Always `dataset`.</param>
/// <param name="Title">The dataset's title.</param>
/// <param name="Author">Its author, as a literal name.</param>
/// <param name="Publisher">Its publisher.</param>
/// <param name="Version">The dataset version cited.</param>
/// <param name="Url">Where the whole dataset is: its dump.</param>
/// <param name="Accessed">The day the citation was made (UTC).</param>
/// <param name="Note">The version and the licence in words.</param>
public sealed record CslItem(
    string Id, string Type, string Title, IReadOnlyList<CslName> Author, string Publisher, string Version,
    [property: JsonPropertyName("URL")] string Url, CslDate Accessed, string Note);

/// <summary>A CSL name given whole.</summary>
/// <param name="Literal">The name.</param>
public sealed record CslName(string Literal);

/// <summary>A CSL date: one [year, month, day].</summary>
/// <param name="DateParts">The date's parts.</param>
public sealed record CslDate([property: JsonPropertyName("date-parts")] IReadOnlyList<IReadOnlyList<int>> DateParts);

/// <summary><c>GET /v1/citation</c>: how to cite the dataset as it is now, as CSL-JSON or BibTeX.</summary>
internal static class CitationEndpoints
{
    public const string CslJson = "application/vnd.citationstyles.csl+json";

    public const string BibTex = "application/x-bibtex";

    private static readonly MediaTypeHeaderValue[] Offered = [new(CslJson), new(BibTex)];

    public static IEndpointRouteBuilder MapCitation(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/citation", GetCitation).WithTags("Citation").WithName(nameof(GetCitation))
            .WithSummary("Cite the dataset")
            .WithDescription("A citation of the curated dataset at its current version (the latest change-feed position, also sent as "
                + "`Dataset-Version` by every read), with its licence and the date it was accessed: CSL-JSON (the default, for Zotero, "
                + "citeproc and Pandoc) or BibTeX with `Accept: application/x-bibtex`. Each source keeps its own terms (`license`, `rightsHolder`, "
                + "`url` on `/v1/sources`).")
            .Produces<CslItem[]>(StatusCodes.Status200OK, CslJson);
        return routes;
    }

    /// <summary>Documents BibTeX next to CSL-JSON in the citation's 200 (a second Produces for one status would replace the first).</summary>
    public static OpenApiOptions AddCitationFormats(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId == nameof(GetCitation) && operation.Responses?.TryGetValue("200", out var ok) == true && ok?.Content is { } content)
            {
                content[BibTex] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });

    private static async Task<Results<ContentHttpResult, JsonHttpResult<CslItem[]>>> GetCitation(Q7x2Db db, IOptions<DatasetOptions> options, HttpContext http, CancellationToken ct)
    {
        var dataset = options.Value;
        var version = (await DataVersion.PositionAsync(db, ct)).ToString(CultureInfo.InvariantCulture);
        var request = http.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/v1/export";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (MediaTypes.Negotiate(request, Offered) == BibTex)
        {
            var bibtex = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"@misc{{q7x2-v{version},\n")
                .Append(CultureInfo.InvariantCulture, $"  title = {{{{{dataset.Title}}}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  author = {{{{{dataset.Publisher}}}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  publisher = {{{dataset.Publisher}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  year = {{{today.Year}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  version = {{{version}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  url = {{{url}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  urldate = {{{today:yyyy-MM-dd}}},\n")
                .Append(CultureInfo.InvariantCulture, $"  note = {{Dataset version {version}. Licence: {dataset.License} ({dataset.LicenseUrl}).}}\n")
                .Append("}\n");
            return TypedResults.Text(bibtex.ToString(), $"{BibTex}; charset=utf-8");
        }

        CslItem item = new($"q7x2-v{version}", "dataset", dataset.Title, [new CslName(dataset.Publisher)], dataset.Publisher, version, url,
            new CslDate([[today.Year, today.Month, today.Day]]), $"Dataset version {version}. Licence: {dataset.License} ({dataset.LicenseUrl}).");
        return TypedResults.Json<CslItem[]>([item], contentType: $"{CslJson}; charset=utf-8");
    }
}
