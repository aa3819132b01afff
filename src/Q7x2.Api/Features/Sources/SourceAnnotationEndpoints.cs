using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Sources;

internal static class SourceAnnotationEndpoints
{
    /// <summary>The Web Annotation protocol's media type: JSON-LD with the annotation profile.</summary>
    public const string MediaType = "application/ld+json";

    public const string Profile = "http://www.w3.org/ns/anno.jsonld";

    private const string ContentType = $"{MediaType}; profile=\"{Profile}\"";

    private const string Model = "one annotation per evidence span (the same spans as `/v1/sources/{id}/evidence`), in text order: its target the source "
        + "with a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` (start and end in Unicode code points of the source's "
        + "text, end exclusive), its body the entity, fact or observation the quote supports (the URL of its detail).";

    public static IEndpointRouteBuilder MapSourceAnnotations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/sources/{id}/annotations", GetSourceAnnotations).ReadsAsOf().WithTags("Sources").WithName(nameof(GetSourceAnnotations))
            .WithSummary("Get the evidence of a source as W3C Web Annotations")
            .WithDescription($"The evidence of a source as a W3C Web Annotation `AnnotationCollection` (`{ContentType}`), for annotation tools and "
                + $"readers that highlight a text: {Model} The collection embeds its first page (`limit` annotations); each page's `next` is the "
                + "IRI of the page after it.")
            .WithParameterExamples(("id", "kyrgyz-president-visits-tajikistan"), ("limit", 2))
            .Produces<AnnotationCollection>(StatusCodes.Status200OK, MediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/v1/sources/{id}/annotations/pages", GetSourceAnnotationPage).ReadsAsOf().WithTags("Sources").WithName(nameof(GetSourceAnnotationPage))
            .WithSummary("Get a page of a source's W3C Web Annotations")
            .WithDescription($"A page of a source's annotation collection as a W3C `AnnotationPage` (`{ContentType}`): {Model} Follow `next` "
                + "from the collection's first page; without `cursor`, the first page.")
            .WithParameterExamples(("id", "kyrgyz-president-visits-tajikistan"), ("limit", 2))
            .Produces<AnnotationPageDocument>(StatusCodes.Status200OK, MediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<JsonHttpResult<AnnotationCollection>, ProblemHttpResult>> GetSourceAnnotations(
        string id, [AsParameters] SourceAnnotationCollectionQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        if (await db.Sources.AsNoTracking().Where(s => s.Id == id).Select(s => s.Title).FirstOrDefaultAsync(ct) is not { } title)
        {
            return ProblemSetup.NotFound("source", id);
        }

        var total = await db.Evidence.CountAsync(v => v.SourceId == id, ct);
        var page = await PageAsync(db, id, query, null, http, ct);
        return TypedResults.Json(
            new AnnotationCollection(Profile, page.PartOf, "AnnotationCollection", $"Evidence quoted from “{title}”", total, page),
            contentType: ContentType);
    }

    private static async Task<Results<JsonHttpResult<AnnotationPageDocument>, ProblemHttpResult>> GetSourceAnnotationPage(
        string id, [AsParameters] SourceAnnotationsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        if (!await db.Sources.AnyAsync(s => s.Id == id, ct))
        {
            return ProblemSetup.NotFound("source", id);
        }

        var after = query.After() is { Value: { } start } cursor ? (Start: int.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            Id: int.Parse(cursor.Id, System.Globalization.CultureInfo.InvariantCulture)) : ((int Start, int Id)?)null;
        var page = await PageAsync(db, id, query, after, http, ct);
        if (page.Next is { } next)
        {
            http.Response.Headers.Link = $"<{next}>; rel=\"next\""; // as every other page of a list
        }

        return TypedResults.Json(AnnotationPageDocument.Of(Profile, page), contentType: ContentType);
    }

    /// <summary>The spans after <paramref name="after"/> (start, evidence id) in text order, as an annotation page.</summary>
    private static async Task<AnnotationPage> PageAsync(
        Q7x2Db db, string id, IPageQuery query, (int Start, int Id)? after, HttpContext http, CancellationToken ct)
    {
        var spans = db.Evidence.AsNoTracking().Where(v => v.SourceId == id);
        var startIndex = 0;
        if (after is var (start, last))
        {
            startIndex = await spans.CountAsync(v => v.Start < start || (v.Start == start && v.Id <= last), ct);
            spans = spans.Where(v => v.Start > start || (v.Start == start && v.Id > last));
        }

        var take = query.Take();
        var rows = await spans.OrderBy(v => v.Start).ThenBy(v => v.Id).Take(take + 1).ToListAsync(ct);
        var more = rows.Count > take;
        rows = rows[..Math.Min(rows.Count, take)];
        var ownerOf = await EvidenceOwners.OfAsync(db, rows, ct);

        var root = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var source = $"{root}/v1/sources/{Uri.EscapeDataString(id)}";
        var collection = $"{source}/annotations";
        var pages = $"{collection}/pages?limit={take}";
        var self = after is null ? pages : $"{pages}&cursor={query.Cursor}";
        var next = more ? $"{pages}&cursor={SourceEvidenceQuery.CursorOf(rows[^1]).Encode()}" : null;
        var items = rows.Select(v => Annotate(v, ownerOf(v), root, source, collection)).ToList();
        return new AnnotationPage(self, "AnnotationPage", collection, startIndex, next, items);
    }

    private static Annotation Annotate(Evidence v, EvidenceOwner owner, string root, string source, string collection)
    {
        var detail = owner.Type switch
        {
            "entity" => "entities",
            "fact" => "facts",
            _ => "observations",
        };

        // Named by what it says, not by the evidence row's number, which a later seed may renumber: the same owner and span keep
        // the same IRI.
        return new Annotation(
            $"{collection}#{owner.Type}-{owner.Id}-{v.Start}-{v.End}",
            "Annotation",
            "linking",
            new AnnotationBody($"{root}/v1/{detail}/{Uri.EscapeDataString(owner.Id)}", "Dataset", "application/json", owner.Name),
            new AnnotationTarget(source, [new TextQuoteSelector(v.Exact, v.Prefix, v.Suffix), new TextPositionSelector(v.Start, v.End)]));
    }
}
