using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Claims;

internal static class ClaimsEndpoints
{
    /// <summary>How many claims a list reads at a time while it looks for those of the status asked for.</summary>
    private const int Batch = 100;

    public static RouteGroupBuilder MapClaims(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/claims").WithTags("Claims");
        group.MapGet("/", ListClaims).SelectsFields().WithName(nameof(ListClaims))
            .WithSummary("List claims with their computed status")
            .WithDescription("The quantitative and temporal claims of the sources, ordered by id, each checked against the records it rests on "
                + "as they stand now: “15 times more” is 6,350,000 / 405,100 = 15.68, within the 10% that “n times” allows. A claim whose only "
                + "support is its own quote is `unverifiable` and says what is missing. What each qualifier allows is in `tolerance` "
                + "(and README). Keyset paging: follow `next` until it is null.")
            .WithParameterExamples(("status", "unverifiable"), ("subject", "tajikistan"))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetClaim).SelectsFields().WithName(nameof(GetClaim))
            .WithSummary("Get a claim with its computed status")
            .WithDescription("One claim, e.g. `kyrgyz-tajik-trade-15-times-more`: the figure stated, the range its qualifier allows, the figure "
                + "computed from the records it rests on, and whether they agree.")
            .WithParameterExamples(("id", "kyrgyz-tajik-trade-15-times-more"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<Page<ClaimResponse>>> ListClaims([AsParameters] ClaimsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var claims = db.Claims.AsNoTracking();
        if (query.Source is { } source)
        {
            claims = claims.Where(c => c.SourceId == source);
        }

        if (query.Subject is { } subject)
        {
            claims = claims.Where(c => db.ClaimSubjects.Any(s => s.ClaimId == c.Id && s.EntityId == subject));
        }

        // The status is computed, not stored: read in id order, a batch at a time, until the page (and the one item that says
        // there is a next page) is full. Without a status filter the first batch is the page.
        var wanted = query.Take() + 1;
        var found = new List<(Claim Row, ClaimResponse Response)>();
        var after = query.After();
        int? total = query.Count == true && query.Status is null ? await claims.CountAsync(ct) : null;
        var counted = 0;
        var cursorOf = ClaimsQuery.Sorts.Apply(claims, null, null).CursorOf;
        while (true)
        {
            var ordered = ClaimsQuery.Sorts.Apply(claims, null, after).Query;
            var rows = await ordered.Include(c => c.Operands).Include(c => c.Subjects).AsSplitQuery()
                .Take(query.Status is null ? wanted : Batch).ToListAsync(ct);
            var checkedRows = await ClaimReader.CheckAsync(db, rows, ct);
            for (var i = 0; i < rows.Count; i++)
            {
                if (query.Status is null || checkedRows[i].Status == query.Status)
                {
                    counted++;
                    if (found.Count < wanted)
                    {
                        found.Add((rows[i], checkedRows[i]));
                    }
                }
            }

            // A total of a status filter counts every match: the scan goes on past the page when it was asked for.
            var more = rows.Count == (query.Status is null ? wanted : Batch);
            if (!more || (found.Count == wanted && !(query.Count == true && query.Status is not null)))
            {
                break;
            }

            after = cursorOf(rows[^1]);
        }

        total ??= query.Count == true ? counted : null;
        var page = found.ToPage(query, f => cursorOf(f.Row), http, total);
        return TypedResults.Ok(page.Map(f => f.Response));
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> GetClaim(string id, Q7x2Db db, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Operands).Include(c => c.Subjects).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        return claim is null ? ProblemSetup.NotFound("claim", id) : TypedResults.Ok((await ClaimReader.CheckAsync(db, [claim], ct))[0]);
    }
}
