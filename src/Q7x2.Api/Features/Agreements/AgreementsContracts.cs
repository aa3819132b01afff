using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Agreements;

/// <summary>An agreement the sources speak of, signed or celebrated.</summary>
public sealed record AgreementResponse : EntityResponse
{
    /// <summary>border-delimitation, border, cooperation or package (several agreements signed together).</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? AgreementType { get; init; }

    /// <summary>When it was signed, as the sources say it and the interval that means; null when they do not date it.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public FuzzyDateResponse? Date { get; init; }

    /// <summary>The countries or bodies that are party to it, in the sources' order; empty when the sources do not say who concluded it (what it concerns is then in its facts, predicate `concerns`).</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<EntityRef> Parties { get; init; } = [];

    /// <summary>The event during which it was signed, when the sources say.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? Event { get; init; }

    /// <summary>The areas it covers, in the sources' words, e.g. "tourism".</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<string> Areas { get; init; } = [];

    internal static AgreementResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<AgreementResponse>(e) with
        {
            AgreementType = e.Subtype, Date = FuzzyDateResponse.Of(e.Date), Parties = c.Links(e, LinkRole.Party),
            Event = c.Ref(e.EventId), Areas = e.Areas,
        };
}
