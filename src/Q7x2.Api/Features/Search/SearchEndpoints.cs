using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Search;

internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/search").WithTags("Search");
        group.MapGet("/", Search).WithName(nameof(Search))
            .WithSummary("Search entities, facts and observations")
            .WithDescription(SearchExamples.SearchDescription)
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer(SearchExamples.DescribeSearch);
        group.MapGet("/suggest", Suggest).WithName(nameof(Suggest))
            .WithSummary("Suggest entities as the user types")
            .WithDescription(SearchExamples.SuggestDescription)
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer(SearchExamples.DescribeSuggest);
        return group;
    }

    private static async Task<Ok<Page<SearchHitResponse>>> Search(
        [AsParameters] SearchParameters search, ISearchIndex index, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var page = new PageQuery(search.Limit, search.Cursor);
        var after = search.Cursor is null ? null : SearchCursor.Read(search.Cursor)?.After;
        var hits = await index.SearchAsync(db, SearchQuery.Parse(search.Q), search.Kind, after, page.Take() + 1, ct);
        var result = hits.ToList().ToPage(page, hit => SearchCursor.Key(search, hit), http);
        return TypedResults.Ok(new Page<SearchHitResponse>([.. result.Items.Select(SearchHitResponse.Of)], result.Next));
    }

    private static async Task<Ok<SuggestionList>> Suggest(
        [AsParameters] SuggestParameters suggest, ISearchIndex index, Q7x2Db db, CancellationToken ct)
    {
        var suggestions = await index.SuggestAsync(db, suggest.Prefix!, suggest.Kind, suggest.Limit ?? SuggestParameters.DefaultLimit, ct);
        return TypedResults.Ok(new SuggestionList([.. suggestions.Select(SuggestionResponse.Of)]));
    }
}
