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
        group.MapGet("/", ListClaims).SelectsFields().ReadsAsOf().WithName(nameof(ListClaims))
            .WithSummary("List claims with their computed status")
            .WithDescription("The quantitative and temporal claims of the sources, ordered by id, each checked against the records it rests on "
                + "as they stand now: “15 times more” is 6,350,000 / 405,100 = 15.68, within the 10% that “n times” allows. A claim whose only "
                + "support is its own quote is `unverifiable` and says what is missing. What each qualifier allows is in `tolerance` "
                + "(and README). Keyset paging: follow `next` until it is null.")
            .WithParameterExamples(("status", "unverifiable"), ("subject", "tajikistan"))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetClaim).SelectsFields().ReadsAsOf().WithName(nameof(GetClaim))
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

        if (query.Status is null)
        {
            var page = await claims.PageAsync(ClaimsQuery.Sorts, null, query, http, WithRecords, ct);
            return TypedResults.Ok(page.With(await ClaimReader.CheckAsync(db, page.Items, ct)));
        }

        return TypedResults.Ok(await PageByStatusAsync(db, claims, query, query.Status, http, ct));
    }

    /// <summary>
    /// A page of the claims with this status. The status is computed, not stored: the claims are read in id order a batch at a
    /// time and checked until the page (and the one claim that says there is a next page) is full. A total counts every match
    /// of the other filters, so with <c>count=true</c> the scan starts at the first claim and reads them all.
    /// </summary>
    private static async Task<Page<ClaimResponse>> PageByStatusAsync(
        Q7x2Db db, IQueryable<Claim> claims, ClaimsQuery query, string status, HttpContext http, CancellationToken ct)
    {
        var after = query.After();
        var cursorOf = ClaimsQuery.Sorts.Apply(claims, null, null).CursorOf;
        var from = query.Count == true ? null : after;
        var matches = new List<(Claim Row, ClaimResponse Response)>();
        var counted = 0;
        while (true)
        {
            var rows = await WithRecords(ClaimsQuery.Sorts.Apply(claims, null, from).Query).Take(Batch).ToListAsync(ct);
            foreach (var (row, response) in rows.Zip(await ClaimReader.CheckAsync(db, rows, ct)))
            {
                if (response.Status != status)
                {
                    continue;
                }

                counted++;
                if (matches.Count <= query.Take() && (after is null || string.CompareOrdinal(row.Id, after.Id) > 0))
                {
                    matches.Add((row, response));
                }
            }

            if (rows.Count < Batch || (matches.Count > query.Take() && query.Count != true))
            {
                break;
            }

            from = cursorOf(rows[^1]);
        }

        return matches.ToPage(query, m => cursorOf(m.Row), http, query.Count == true ? counted : null).Map(m => m.Response);
    }

    private static IQueryable<Claim> WithRecords(IQueryable<Claim> claims) => claims.Include(c => c.Operands).Include(c => c.Subjects).AsSplitQuery();

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> GetClaim(string id, Q7x2Db db, CancellationToken ct)
    {
        var claim = await WithRecords(db.Claims.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        return claim is null ? ProblemSetup.NotFound("claim", id) : TypedResults.Ok((await ClaimReader.CheckAsync(db, [claim], ct))[0]);
    }
}
