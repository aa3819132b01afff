using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Q7x2.Api.Features.Common;

/// <summary>A reference to an entity, with enough to show it without a second call.</summary>
/// <param name="Id">The entity's id (a slug).</param>
/// <param name="Kind">person, country, place, organization, event, agreement or border-crossing.</param>
/// <param name="Name">Its name.</param>
public sealed record EntityRef(string Id, string Kind, string Name);

/// <summary>A quote in a source that supports a record (W3C TextQuoteSelector + TextPositionSelector).</summary>
/// <param name="SourceId">The source the quote is in.</param>
/// <param name="Start">First code point of the quote in the source text (0-based).</param>
/// <param name="End">Code point after the quote: text[start:end] == exact.</param>
/// <param name="Exact">The quote, character for character.</param>
/// <param name="Prefix">Up to 32 code points before the quote.</param>
/// <param name="Suffix">Up to 32 code points after the quote.</param>
public sealed record EvidenceResponse(string SourceId, int Start, int End, string Exact, string Prefix, string Suffix);

/// <summary>A name an entity is also known by.</summary>
/// <param name="Name">The alias as the source writes it.</param>
/// <param name="Type">alias, former-name or demonym.</param>
public sealed record AliasResponse(string Name, string Type);

/// <summary>A predicate of the controlled vocabulary, as used in a fact.</summary>
/// <param name="Id">The predicate's id.</param>
/// <param name="Label">How it reads from subject to object ("son of").</param>
/// <param name="InverseLabel">How it reads from object to subject ("parent"), when the vocabulary has one.</param>
public sealed record PredicateRef(string Id, string Label, string? InverseLabel);

/// <summary>A statement: subject – predicate – object entity or literal value, with time, modality, attribution and evidence.</summary>
/// <param name="Id">The fact's id.</param>
/// <param name="Subject">What the fact is about.</param>
/// <param name="Predicate">The relation, from the vocabulary.</param>
/// <param name="Object">The entity it relates the subject to, if any.</param>
/// <param name="Value">
/// The literal value, in the source's words, if any. A fact has an object, a value or both: an assessment of the relations between
/// two countries names the other country as object and the judgement as value.
/// </param>
/// <param name="Date">When it holds or happened, if the source says.</param>
/// <param name="Modality">stated, reported, proposed, discussed, hoped or assessed (the author's judgement).</param>
/// <param name="Attribution">Who the source attributes it to, if anyone.</param>
/// <param name="Note">A curator's note, e.g. how an inferred part was inferred.</param>
/// <param name="Evidence">The quotes that support it.</param>
public sealed record FactResponse(
    string Id, EntityRef Subject, PredicateRef Predicate, EntityRef? Object, string? Value, FuzzyDateResponse? Date,
    string Modality, EntityRef? Attribution, string? Note, IReadOnlyList<EvidenceResponse> Evidence);

/// <summary>A fact as seen from one entity: the entity is its subject or its object.</summary>
/// <param name="Role">subject or object.</param>
/// <param name="Label">The predicate as it reads from this entity: its label when subject, its inverse label when object.</param>
/// <param name="Fact">The fact.</param>
public sealed record EntityFactResponse(string Role, string Label, FactResponse Fact);

/// <summary>What every entity has; each kind adds its own fields.</summary>
public record EntityResponse
{
    /// <summary>Stable slug, unique across kinds.</summary>
    [Required]
    public string Id { get; init; } = "";

    /// <summary>person, country, place, organization, event, agreement or border-crossing.</summary>
    [Required]
    public string Kind { get; init; } = "";

    /// <summary>Its name.</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>Other names the sources use: aliases, former names, demonyms.</summary>
    [Required]
    public IReadOnlyList<AliasResponse> Aliases { get; init; } = [];

    /// <summary>A one-sentence description grounded in the sources.</summary>
    [Required]
    public string Description { get; init; } = "";

    /// <summary>
    /// Detail responses only: the facts in which the entity is subject or object, in id order — all of them up to 20, else
    /// the first 20 (the first page of `/v1/facts?entity={id}`; `moreFacts` links to the rest).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public IReadOnlyList<EntityFactResponse>? Facts { get; init; }

    /// <summary>Detail responses only: how many facts have the entity as subject or object.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public int? FactCount { get; init; }

    /// <summary>
    /// Detail responses only, when the entity has more facts than `facts` embeds: the list of all of them
    /// (`/v1/facts?entity={id}`, keyset-paged).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public string? MoreFacts { get; init; }

    /// <summary>Details, and list items with `embed=evidence`: the quotes that support the entity itself.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public IReadOnlyList<EvidenceResponse>? Evidence { get; init; }

    /// <summary>
    /// Details, and list items with `embed=backlinks`: every record that points at the entity (events it took part in, agreements it is party to,
    /// observations about it, places within it…), grouped by how it does, each group in time order (undated last) with its
    /// size; a group of more than 20 embeds its first 20 and links to the rest (`more`). Groups without records are left out.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyOrder(2)]
    public IReadOnlyList<Entities.BacklinkGroupResponse>? Backlinks { get; init; }
}
