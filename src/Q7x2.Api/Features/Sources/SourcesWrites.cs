using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Sources;

/// <summary>Create, replace, patch and delete sources, and list their revisions.</summary>
internal static class SourceWrites
{
    private static readonly SourceStore Store = new();

    public static RouteGroupBuilder MapSourceWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Sources");
        var example = SeedExamples.Source("kyrgyz-president-visits-tajikistan");
        writes.MapPost("/", CreateSource).WithName(nameof(CreateSource)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceSource).WithName(nameof(ReplaceSource)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchSource).WithName(nameof(PatchSource)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteSource).WithName(nameof(DeleteSource)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListSourceRevisions).WithName(nameof(ListSourceRevisions)).DocumentRevisions(Store, "kyrgyz-president-visits-tajikistan");
        return group;
    }

    private static Task<Results<Created<SourceDetail>, ProblemHttpResult>> CreateSource(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<SourceDetail>, ProblemHttpResult>> ReplaceSource(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<SourceDetail>, ProblemHttpResult>> PatchSource(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteSource(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListSourceRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
