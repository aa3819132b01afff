using System.Text.Json.Serialization;

namespace Q7x2.Data.Entities;

/// <summary>
/// Any named thing a source speaks of. One table for every kind: the kind-specific columns are
/// nullable and only the ones of the record's <see cref="Kind"/> are set.
/// </summary>
public sealed class Entity : ICuratedRecord
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    /// <summary>Place type, organisation type, event type or agreement type, by kind.</summary>
    public string? Subtype { get; set; }

    /// <summary>Person: role in the source's words.</summary>
    public string? Role { get; set; }

    /// <summary>Country: ISO 3166-1 alpha-2 code.</summary>
    public string? IsoCode { get; set; }

    /// <summary>Border crossing: open, reopened or closed.</summary>
    public string? Status { get; set; }

    /// <summary>Person, place, organisation: the country it belongs to.</summary>
    public string? CountryId { get; set; }

    /// <summary>Place: the enclosing place; event: the enclosing event.</summary>
    public string? PartOfId { get; set; }

    /// <summary>Event: where it happened (a place or a country).</summary>
    public string? PlaceId { get; set; }

    /// <summary>Agreement: the event during which it was signed.</summary>
    public string? EventId { get; set; }

    /// <summary>Event or agreement: when; border crossing: when it opened.</summary>
    public FuzzyDate? Date { get; set; }

    /// <summary>
    /// The sort key of <see cref="Date"/>: its first day, or 9999-12-31 without one, so undated rows sort after dated ones.
    /// A column the database computes (see <c>FuzzyDateMapping.MapKey</c>), so that indexes can hold it; derived, so no part of the
    /// record's content (the seeder's fingerprint of a record leaves it out).
    /// </summary>
    [JsonIgnore]
    public DateOnly DateKey { get; private set; }

    /// <summary>Agreement: the areas it covers, in the source's words.</summary>
    public List<string> Areas { get; set; } = [];

    public List<EntityAlias> Aliases { get; set; } = [];
    public List<EntityLink> Links { get; set; } = [];
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Who owns the record: <c>seed</c> (the seeding job) or <c>curator</c> (written through the API; the seeder leaves it alone).</summary>
    public string Origin { get; set; } = RecordOrigin.Seed;
}
