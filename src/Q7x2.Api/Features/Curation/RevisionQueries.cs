using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Curation;

/// <summary>Revisions of one record, and the change feed of every write in commit order.</summary>
internal static class RevisionQueries
{
    public static RouteGroupBuilder MapChanges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/changes").WithTags("Changes");
        group.MapGet("/", ListChanges).WithName(nameof(ListChanges))
            .WithSummary("Follow every change")
            .WithDescription("Every write through the API in commit order, oldest first, with the record before and after, and every record a "
                + "seed run added, changed or removed (actor `seed`, without the record: read it from its collection). A service mirrors "
                + "the data by polling with `after` set to the `cursor` of the last change it applied: no change is ever skipped or repeated, "
                + "deletes included. `next` is null once the feed is caught up; poll again later with the last change's cursor. "
                + "A source's `text` appears here as `textSha256` and `textLength` (code points); its full text at each revision is in "
                + "`GET /v1/sources/{id}/revisions`.")
            .WithParameterExamples(("limit", 100))
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<RevisionResponse>>> ListChanges([AsParameters] ChangesQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var after = ChangeCursor.Decode(query.Since ?? query.Cursor) ?? 0;
        return TypedResults.Ok(await PageAsync(db.Revisions.AsNoTracking(), after, query, http, RevisionResponse.InFeed, ct));
    }

    public static async Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListAsync(
        Q7x2Db db, string resource, string what, string id, RevisionsQuery query, HttpContext http, CancellationToken ct)
    {
        var revisions = db.Revisions.AsNoTracking().Where(r => r.Resource == resource && r.ResourceId == id);
        // A source whose text may no longer be redistributed shows its history as the change feed does: each text as its digest.
        var withheld = resource == "sources" && await db.Sources.AnyAsync(s => s.Id == id && !s.TextRedistributable, ct);
        var page = await PageAsync(revisions, ChangeCursor.Decode(query.Cursor) ?? 0, query, http, withheld ? RevisionResponse.InFeed : RevisionResponse.Of, ct);
        if (page.Items.Count == 0 && query.Cursor is null && !await ExistsAsync(db, resource, id, ct))
        {
            return ProblemSetup.NotFound(what, id);
        }

        return TypedResults.Ok(page);
    }

    private static async Task<Page<RevisionResponse>> PageAsync(
        IQueryable<Revision> revisions, long after, IPageQuery query, HttpContext http, Func<Revision, RevisionResponse> map, CancellationToken ct)
    {
        int? total = query.Count == true ? await revisions.CountAsync(ct) : null;
        var rows = await revisions.Where(r => r.Id > after).OrderBy(r => r.Id).Take(query.Take() + 1).ToListAsync(ct);
        return rows.ToPage(query, r => new PageCursor("change", null, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), http, total)
            .Map(map);
    }

    private static Task<bool> ExistsAsync(Q7x2Db db, string resource, string id, CancellationToken ct) => resource switch
    {
        "sources" => db.Sources.AnyAsync(s => s.Id == id, ct),
        "facts" => db.Facts.AnyAsync(f => f.Id == id, ct),
        "observations" => db.Observations.AnyAsync(o => o.Id == id, ct),
        _ => db.Entities.AnyAsync(e => e.Id == id, ct),
    };
}
