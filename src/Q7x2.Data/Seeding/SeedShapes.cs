using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Database records back in their curated seed shape: what the write API patches, stores in revisions
/// and compares. The inverse of <see cref="SeedRecords"/>; <c>textOf</c> gives the source texts, so that a
/// quote that repeats gets its occurrence back.
/// </summary>
public static class SeedShapes
{
    public static SeedEntity ToSeed(Entity e, Func<string, string?> textOf)
    {
        var aliases = e.Aliases.OrderBy(a => a.Position).Select(a => new SeedAlias(a.Name, a.Type)).ToList();
        var evidence = ToSeed(e.Evidence, textOf);
        List<string> Links(string role) => [.. e.Links.Where(l => l.Role == role).OrderBy(l => l.Position).Select(l => l.TargetId)];
        return e.Kind switch
        {
            EntityKind.Person => new SeedPerson(e.Id, e.Name, aliases, e.Description, evidence, e.CountryId, e.Role),
            EntityKind.Country => new SeedCountry(e.Id, e.Name, aliases, e.Description, evidence, e.IsoCode!),
            EntityKind.Place => new SeedPlace(e.Id, e.Name, aliases, e.Description, evidence, e.Subtype!, e.CountryId, e.PartOfId),
            EntityKind.Organization => new SeedOrganization(e.Id, e.Name, aliases, e.Description, evidence, e.Subtype!, e.CountryId),
            EntityKind.Event => new SeedEvent(e.Id, e.Name, aliases, e.Description, evidence, e.Subtype!, ToSeed(e.Date), e.PlaceId,
                Links(LinkRole.Participant), e.PartOfId),
            EntityKind.Agreement => new SeedAgreement(e.Id, e.Name, aliases, e.Description, evidence, e.Subtype!, ToSeed(e.Date),
                Links(LinkRole.Party), e.EventId, [.. e.Areas]),
            EntityKind.BorderCrossing => new SeedBorderCrossing(e.Id, e.Name, aliases, e.Description, evidence, e.Status!,
                Links(LinkRole.Country), Links(LinkRole.Connects), ToSeed(e.Date)),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown entity kind"),
        };
    }

    public static SeedFact ToSeed(Fact f, Func<string, string?> textOf) => new(
        f.Id, f.SubjectId, f.PredicateId, f.ObjectId, f.Value, ToSeed(f.Date), f.Modality, f.AttributionId, f.Note,
        ToSeed(f.Evidence, textOf));

    public static SeedObservation ToSeed(Observation o, Func<string, string?> textOf) => new(
        o.Id, o.Metric, [.. o.Subjects.OrderBy(s => s.Position).Select(s => s.EntityId)], Quantity.Normalize(o.Value), o.Unit,
        o.Comparator, ToSeed(o.Period), o.Modality, o.AttributionId, o.Note, ToSeed(o.Evidence, textOf));

    public static SeedClaimQualifier ToSeed(ClaimQualifier q) => new(
        q.Id, q.Label, q.Description, Quantity.Normalize(q.LowerFactor), q.LowerInclusive,
        q.UpperFactor is { } upper ? Quantity.Normalize(upper) : null, q.UpperInclusive);

    public static SeedClaim ToSeed(Claim c, Func<string, string?> textOf) => new(
        c.Id, c.SourceId, c.Exact, [.. c.Subjects.OrderBy(s => s.Position).Select(s => s.EntityId)], c.Rule, c.Unit, Quantity.Normalize(c.StatedValue),
        c.QualifierId, [.. c.Operands.OrderBy(o => o.Position).Select(o => new SeedClaimOperand(o.Role, o.RecordId))], c.Missing, c.Note,
        textOf(c.SourceId) is { } text ? QuoteLocator.OccurrenceAt(text, c.Exact, c.Start) : null);

    public static SeedCoverageNote ToSeed(CoverageNote n, string text) =>
        new(n.SourceId, n.Exact, n.Kind, n.Reason, n.Note, QuoteLocator.OccurrenceAt(text, n.Exact, n.Start));

    public static SeedFuzzyDate? ToSeed(FuzzyDate? d) =>
        d is null ? null : new SeedFuzzyDate(d.Text, d.From, d.To, d.Precision, d.Qualifier, d.Basis, d.Note);

    private static List<SeedEvidence> ToSeed(IEnumerable<Evidence> evidence, Func<string, string?> textOf) =>
        [.. evidence.OrderBy(v => v.Position).Select(v => new SeedEvidence(v.SourceId, v.Exact, Occurrence(v, textOf(v.SourceId))))];

    /// <summary>Null when the quote occurs once; otherwise which occurrence the stored span is.</summary>
    private static int? Occurrence(Evidence v, string? text) => text is null ? null : QuoteLocator.OccurrenceAt(text, v.Exact, v.Start);
}
