using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Q7x2.Api.Features.Citation;
using Q7x2.Api.Features.Curation;

namespace Q7x2.Api.Infrastructure;

internal static class OpenApiSetup
{
    /// <summary>Every tag an operation may carry, with the description the document gives it.</summary>
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Sources"] = "Source documents (news articles) with their full text; every evidence offset indexes into it.",
        ["Entities"] = "Every entity of any kind: people, countries, places, organisations, events, agreements, border crossings.",
        ["People"] = "People the sources name, such as Sadyr Japarov and Emomali Rahmon.",
        ["Countries"] = "Countries with their ISO 3166-1 alpha-2 codes (KG, TJ, UZ).",
        ["Places"] = "Cities, districts, regions and other places, such as Dushanbe, Khujand and Lakhsh district (formerly Jirgatal).",
        ["Organizations"] = "Organisations such as The Times of Central Asia and Tajikistan’s upper house of parliament.",
        ["Events"] = "Dated events: state visits, summits, clashes, ceremonies.",
        ["Agreements"] = "Agreements such as the March 2025 border delimitation and the 14 agreements of July 2025.",
        ["Border crossings"] = "Border crossings such as the Tajvaron-Karamyk post, with the places they connect.",
        ["Facts"] = "Statements: subject – predicate – object or value, with time, modality, attribution and evidence.",
        ["Observations"] = "Quantities: metric, subjects, value, unit, comparator and period.",
        ["Trade figures"] = "Trade observations with comparisons derived from the stored values.",
        ["Claims"] = "A source's quantitative and temporal claims (“15 times more”, “nearly two months after”), each checked against the records it rests on: consistent, inconsistent or unverifiable.",
        ["Timeline"] = "Events and dated facts in time order.",
        ["Predicates"] = "The controlled vocabulary of fact predicates.",
        ["Search"] = "Ranked full-text search over names, aliases, descriptions and evidence quotes.",
        ["Health"] = "Liveness and readiness probes.",
        ["Changes"] = "The change feed: every write through the API in commit order, for services that mirror the data.",
        ["Linked data"] = "The JSON-LD context of the linked-data answers (`Accept: application/ld+json` on entities, facts and observations).",
        ["Citation"] = "How to cite the curated dataset at its current version (CSL-JSON or BibTeX), with its licence.",
        ["Exports"] = "The whole dataset as one NDJSON dump (every record in its curated shape, with its count and SHA-256), which the `import` subcommand loads into another database.",
    };

    public static IServiceCollection AddQ7x2OpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddContract().AddParameterExamples().AddResponseExamples().AddCsvExports().AddFieldSelection().AddAsOf().AddJsonLd().AddCitationFormats().AddRequestExamples().AddProblemTraceId().AddApiKeySecurity().AddHttpHeaders().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Q7x2 Facts API",
                Version = "v1",
                Description = "Hand-curated, source-grounded facts from news articles. Every entity, fact and observation "
                    + "carries evidence: the exact quote and its position (Unicode code points, end exclusive) in the stored source text. "
                    + "Lists use keyset paging (`limit`, `cursor`, `next`, `Link: rel=\"next\"`); every error is an RFC 9457 problem; "
                    + "reads send an ETag and answer `If-None-Match` with 304. Reads need no authentication; writes (POST, PUT, PATCH, DELETE) need "
                    + "an API key with the curator or admin role in `X-Api-Key`, and `If-Match` with the current ETag to change an existing record.",
                Contact = new OpenApiContact { Name = "Q7x2 Facts API team" },
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            };
            // The framework lists the origin the document was asked from (scheme, host and path base, after forwarded headers):
            // absolute, so that generated clients (Kiota) get a base URL and Swagger UI calls the server that served it.
            document.Servers = [.. (document.Servers ?? []).Select(server => new OpenApiServer
            {
                Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/",
                Description = "This server",
            })];

            // Reads are anonymous: one empty requirement says so explicitly.
            document.Security = [new OpenApiSecurityRequirement()];
            var used = document.Paths.Values
                .SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
            {
                Name = name,
                Description = Tags.TryGetValue(name, out var description) ? description : null,
            }));
            return Task.CompletedTask;
        }));

    /// <summary>
    /// Operations whose endpoint carries authorization metadata (<see cref="IAuthorizeData"/>, from <c>RequireAuthorization</c>) require the
    /// <c>ApiKey</c> scheme (header <c>X-Api-Key</c>); anonymous reads keep the document's empty requirement.
    /// </summary>
    private static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeys.Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.Header,
                Description = "An API key with the curator or admin role (`dotnet run --project src/Q7x2.Api -- keys new --name NAME --role curator`).",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeys.Scheme, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });

    /// <summary>Every problem response carries <c>traceId</c> (see ProblemSetup); the schemas say so.</summary>
    private static OpenApiOptions AddProblemTraceId(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "W3C trace id of the request, to quote when reporting a problem.",
                };
            }

            return Task.CompletedTask;
        });

    public static WebApplication MapQ7x2OpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "swagger";
            options.SwaggerEndpoint("/openapi/v1.json", "Q7x2 Facts API v1");
            options.DocumentTitle = "Q7x2 Facts API";
        });
        return app;
    }
}
