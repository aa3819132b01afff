using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Events;

/// <summary>An event the sources speak of: a visit, a summit, a conflict, a ceremony.</summary>
public sealed record EventResponse : EntityResponse
{
    /// <summary>state-visit, meeting, summit, armed-conflict, ceremony, talks, announcement, border-closure and so on.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? EventType { get; init; }

    /// <summary>When it happened, as the sources say it and the interval that means; null when they do not date it.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public FuzzyDateResponse? Date { get; init; }

    /// <summary>Where it happened: a place or a country; null when the sources do not say.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? Place { get; init; }

    /// <summary>The people, countries and organisations that took part, in the sources' order.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<EntityRef> Participants { get; init; } = [];

    /// <summary>The larger event it was part of, e.g. the state visit a welcome ceremony belonged to.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? PartOf { get; init; }

    internal static EventResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<EventResponse>(e) with
        {
            EventType = e.Subtype, Date = FuzzyDateResponse.Of(e.Date), Place = c.Ref(e.PlaceId),
            Participants = c.Links(e, LinkRole.Participant), PartOf = c.Ref(e.PartOfId),
        };
}
