using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Observations;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.TradeFigures;

internal static class TradeFiguresEndpoints
{
    public static RouteGroupBuilder MapTradeFigures(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/trade-figures").WithTags("Trade figures");
        group.MapGet("/", ListTradeFigures).ProducesCsv().SelectsFields().ReadsAsOf().WithName(nameof(ListTradeFigures))
            .WithSummary("List trade figures")
            .WithDescription("Trade observations with comparisons derived from the stored values: Kyrgyz-Tajik trade of $6.35 million in January-May 2025 "
                + "against $405,100 in the first five months of 2024 gives a derived ratio of 15.68 and a change of 5944900, shown next to the article's "
                + "own claim of approx 15 (\"15 times more\"). Filter by `country`, `metric` and a period range (overlap).")
            .WithParameterExamples(("country", "kyrgyzstan"), ("metric", "bilateral-trade-value"), ("from", "2024-01-01"), ("to", "2025-12-31"),
                ("sort", "period"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetTradeFigure).SelectsFields().ReadsAsOf().WithName(nameof(GetTradeFigure))
            .WithSummary("Get a trade figure")
            .WithDescription("One trade figure (e.g. `kyrgyz-tajik-trade-jan-may-2025`, $6.35 million) with its derived comparisons and the quotes that support it.")
            .WithParameterExamples(("id", "kyrgyz-tajik-trade-jan-may-2025"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<Page<TradeFigureResponse>>> ListTradeFigures(
        [AsParameters] TradeFiguresQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var figures = db.Trade()
            .WhereGiven(query.Metric, metric => o => o.Metric == metric)
            .Overlapping(query.FromDate, query.ToDate);
        figures = query.Country is { } country ? figures.AboutSubject(db, country) : figures;
        var page = await figures.PageAsync(TradeFiguresQuery.Sorts, query.Sort, query, http, ct);
        return TypedResults.Ok(page.With(await TradeComparisons.FiguresAsync(db, page.Items, ct)));
    }

    private static async Task<Results<Ok<TradeFigureResponse>, ProblemHttpResult>> GetTradeFigure(string id, Q7x2Db db, CancellationToken ct)
    {
        var rows = await db.Trade().Where(o => o.Id == id).ToListAsync(ct);
        return rows.Count == 0
            ? ProblemSetup.NotFound("trade figure", id)
            : TypedResults.Ok((await TradeComparisons.FiguresAsync(db, rows, ct))[0]);
    }
}
