using System.Text.Json.Serialization;
using FluentValidation;
using Q7x2.Api.Features.Agreements;
using Q7x2.Api.Features.BorderCrossings;
using Q7x2.Api.Features.Citation;
using Q7x2.Api.Features.Claims;
using Q7x2.Api.Features.Countries;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Features.Events;
using Q7x2.Api.Features.Exports;
using Q7x2.Api.Features.Facts;
using Q7x2.Api.Features.Health;
using Q7x2.Api.Features.Observations;
using Q7x2.Api.Features.Organizations;
using Q7x2.Api.Features.People;
using Q7x2.Api.Features.Places;
using Q7x2.Api.Features.Predicates;
using Q7x2.Api.Features.Search;
using Q7x2.Api.Features.Sources;
using Q7x2.Api.Features.Timeline;
using Q7x2.Api.Features.TradeFigures;
using Q7x2.Api.Infrastructure;

Q7x2.Data.SqliteEngine.Configure();
var commandLine = CommandLine.Parse(args);
if (commandLine.ExitCode is { } answered)
{
    return answered;
}

// generate needs no host: it writes files and touches no database (building the host would create data/).
if (commandLine.Corpus is { } corpus)
{
    return CorpusCommand.Run(corpus.Sources, corpus.Seed, corpus.Out, Console.Out);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = commandLine.HostArgs,

    // appsettings.json sits beside the binary; relative paths in settings (data/, seed/) resolve against the working directory.
    ContentRootPath = AppContext.BaseDirectory,
});
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.Services.AddQ7x2Data(builder.Configuration);
builder.Services.AddQ7x2Problems();
builder.Services.AddQ7x2OpenApi();
builder.Services.AddQ7x2Curation(builder.Configuration);
builder.Services.AddQ7x2Caching(builder.Configuration);
builder.Services.AddQ7x2HttpPosture(builder.Configuration);
builder.Services.AddQ7x2RateLimiting(builder.Configuration);
builder.Services.AddQ7x2Telemetry(builder.Configuration);
builder.Services.AddEntityGraph(builder.Configuration);
builder.Services.Configure<DatasetOptions>(builder.Configuration.GetSection("Dataset"));
// Singletons: a validator holds no request state, and building one (its rules are expression trees) costs more than a read.
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
});

var app = builder.Build();
if (commandLine.Command is not null)
{
    return await commandLine.RunAsync(app);
}

// The database is migrated (or seeded) on the pool while the rest of this file maps the endpoints and the host starts.
_ = app.Services.GetRequiredService<DatabaseInitializer>().Begin(app.Lifetime.ApplicationStopping);

app.UseQ7x2StartedGate();
app.UseQ7x2Headers();
app.UseQ7x2Problems();

// Every request counts against its client's budget, cache hits included, so the limiter comes before the cache.
app.UseQ7x2Access();
app.UseQ7x2DatasetVersion();
app.UseQ7x2Caching();

// Routing after the conditional-GET step, so that HEAD finds the GET endpoints (and cache hits skip routing).
app.UseRouting();
app.UseQ7x2EndpointGuards();
app.MapQ7x2OpenApi();
app.MapQ7x2Metrics();
app.MapHealth().RejectUnknownQueryParameters();
// Unknown parameters are reported first: a misspelt filter explains more than the errors it causes.
var v1 = app.MapGroup("").RejectUnknownQueryParameters().ValidateArguments().OpenConnectionOncePerRead();
v1.EvictCachedReadsAfterWrites();
v1.MapSources();
v1.MapPeople();
v1.MapFacts();
v1.MapObservations();
v1.MapTradeFigures();
v1.MapClaims();
v1.MapPredicates();
v1.MapSourceEvidence();
v1.MapSourceCoverage();
v1.MapSourceAnnotations();
v1.MapEvents();
v1.MapAgreements();
v1.MapTimeline();
v1.MapEntities();
v1.MapEntityGraph();
v1.MapCountries();
v1.MapPlaces();
v1.MapOrganizations();
v1.MapBorderCrossings();
v1.MapSearch();
v1.MapCuration();
v1.MapChanges();
v1.MapExport();
v1.MapJsonLdContext();
v1.MapCitation();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        app.Logger.LogInformation("Q7x2 Facts API on {Url}; Swagger UI at {Url}/swagger", url, url.TrimEnd('/'));
    }
});
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
