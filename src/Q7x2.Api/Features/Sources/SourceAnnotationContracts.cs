using System.ComponentModel;
using System.Text.Json.Serialization;
using Q7x2.Api.Infrastructure;

namespace Q7x2.Api.Features.Sources;

/// <summary>
/// Every evidence span of a source as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): a collection that
/// embeds its first page; <c>next</c> links the pages after it, in text order.
/// </summary>
/// <param name="Context">The Web Annotation JSON-LD context.</param>
/// <param name="Id">This collection's IRI.</param>
/// <param name="Type">Always AnnotationCollection.</param>
/// <param name="Label">What the collection holds.</param>
/// <param name="Total">How many annotations it holds across its pages.</param>
/// <param name="First">Its first page.</param>
public sealed record AnnotationCollection(
    [property: JsonPropertyName("@context")] string Context, string Id, string Type, string Label, int Total, AnnotationPage First);

/// <summary>A page of annotations inside its collection, in text order (start, then evidence id).</summary>
/// <param name="Id">The page's IRI.</param>
/// <param name="Type">Always AnnotationPage.</param>
/// <param name="PartOf">The collection's IRI.</param>
/// <param name="StartIndex">The position of the page's first annotation in the collection (0-based).</param>
/// <param name="Next">The next page's IRI; null on the last page.</param>
/// <param name="Items">The annotations.</param>
public sealed record AnnotationPage(string Id, string Type, string PartOf, int StartIndex, string? Next, IReadOnlyList<Annotation> Items);

/// <summary>A page of annotations fetched on its own: the page with the Web Annotation context.</summary>
/// <param name="Context">The Web Annotation JSON-LD context.</param>
/// <param name="Id">The page's IRI.</param>
/// <param name="Type">Always AnnotationPage.</param>
/// <param name="PartOf">The collection's IRI.</param>
/// <param name="StartIndex">The position of the page's first annotation in the collection (0-based).</param>
/// <param name="Next">The next page's IRI; null on the last page.</param>
/// <param name="Items">The annotations, in text order (start, then evidence id).</param>
public sealed record AnnotationPageDocument(
    [property: JsonPropertyName("@context")] string Context, string Id, string Type, string PartOf, int StartIndex, string? Next,
    IReadOnlyList<Annotation> Items)
{
    internal static AnnotationPageDocument Of(string context, AnnotationPage page) =>
        new(context, page.Id, page.Type, page.PartOf, page.StartIndex, page.Next, page.Items);
}

/// <summary>One evidence span: the quote in the source (the target) supports a record (the body).</summary>
/// <param name="Id">The annotation's IRI: the collection's, with the owner and the span as fragment (type-id-start-end).</param>
/// <param name="Type">Always Annotation.</param>
/// <param name="Motivation">Always linking: the body is the record the quoted words support.</param>
/// <param name="Body">The entity, fact or observation the quote supports.</param>
/// <param name="Target">Where the quote is in the source.</param>
public sealed record Annotation(string Id, string Type, string Motivation, AnnotationBody Body, AnnotationTarget Target);

/// <summary>The record an annotation links to: its detail in this API.</summary>
/// <param name="Id">The record's IRI (its detail's URL).</param>
/// <param name="Type">Always Dataset (a JSON record).</param>
/// <param name="Format">The detail's media type.</param>
/// <param name="Label">The entity's name, the fact's id or the observation's metric.</param>
public sealed record AnnotationBody(string Id, string Type, string Format, string Label);

/// <summary>The quoted words: the source and two selectors of the same span.</summary>
/// <param name="Source">The source's IRI (its detail, whose text the offsets count in).</param>
/// <param name="Selector">The span by its words and by its position; either alone finds it.</param>
public sealed record AnnotationTarget(string Source, IReadOnlyList<AnnotationSelector> Selector);

/// <summary>A W3C selector of a span of the source text.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextQuoteSelector), nameof(TextQuoteSelector))]
[JsonDerivedType(typeof(TextPositionSelector), nameof(TextPositionSelector))]
public abstract record AnnotationSelector;

/// <summary>The span by its words and the words around it.</summary>
/// <param name="Exact">The quote, character for character.</param>
/// <param name="Prefix">Up to 32 code points before it.</param>
/// <param name="Suffix">Up to 32 code points after it.</param>
public sealed record TextQuoteSelector(string Exact, string Prefix, string Suffix) : AnnotationSelector;

/// <summary>The span by its position in the source text, in Unicode code points (end exclusive), as the model requires.</summary>
/// <param name="Start">First code point of the quote (0-based).</param>
/// <param name="End">Code point after the quote.</param>
public sealed record TextPositionSelector(int Start, int End) : AnnotationSelector;

/// <summary>Query parameters of the annotation pages: their size and, after the first, where the previous one ended.</summary>
public sealed record SourceAnnotationsQuery : IPageQuery
{
    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description("Where the previous page ended: the cursor in its `next` IRI. Without it, the first page.")]
    public string? Cursor { get; init; }

    bool? IPageQuery.Count => null;
}

/// <summary>Query parameters of the annotation collection: the size of the first page it embeds.</summary>
public sealed record SourceAnnotationCollectionQuery : IPageQuery
{
    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    string? IPageQuery.Cursor => null;

    bool? IPageQuery.Count => null;
}

internal sealed class SourceAnnotationCollectionQueryValidator : PageQueryValidator<SourceAnnotationCollectionQuery>;

internal sealed class SourceAnnotationsQueryValidator : TextOrderQueryValidator<SourceAnnotationsQuery>;
