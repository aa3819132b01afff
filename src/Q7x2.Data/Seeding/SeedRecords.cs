using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>What checking a seed-shape record needs to know about the records around it.</summary>
public interface ISeedLookup
{
    /// <summary>The kind of the entity with this id, or null when there is none.</summary>
    string? KindOf(string id);

    bool HasPredicate(string id);

    /// <summary>The stored text of a source, or null when there is none.</summary>
    string? TextOf(string sourceId);
}

/// <summary>
/// Turns curated seed-shape records into database records: checks references and their kinds against
/// <see cref="ISeedLookup"/> and locates evidence quotes in the source texts (offsets are always computed
/// here, never taken from the input). Used by the seeding job and by the write API alike.
/// Errors are reported as (JSON path, reason), the path starting with <c>prefix</c>.
/// </summary>
public sealed class SeedRecords(ISeedLookup lookup, Action<string, string> error)
{
    private static readonly string[] Any = [];
    private static readonly string[] Countries = [EntityKind.Country];
    private static readonly string[] Places = [EntityKind.Place];
    private static readonly string[] PlacesOrCountries = [EntityKind.Place, EntityKind.Country];
    private static readonly string[] Events = [EntityKind.Event];
    private static readonly string[] Actors = [EntityKind.Person, EntityKind.Country, EntityKind.Organization];

    private void Check(string? id, string[] allowed, string path)
    {
        if (id is null)
        {
            return;
        }

        if (lookup.KindOf(id) is not { } kind)
        {
            error(path, $"'{id}' does not name any entity");
        }
        else if (allowed.Length > 0 && !allowed.Contains(kind))
        {
            error(path, $"'{id}' is a {kind}; expected {string.Join(" or ", allowed)}");
        }
    }

    public Entity ToEntity(SeedEntity seed, string kind, string prefix)
    {
        var entity = new Entity
        {
            Id = seed.Id, Kind = kind, Name = seed.Name, Description = seed.Description,
            Aliases = seed.Aliases.Select((a, n) => new EntityAlias { EntityId = seed.Id, Name = a.Name, Type = a.Type, Position = n }).ToList(),
        };

        void Link(IReadOnlyList<string> targets, string role, string[] allowed, string name)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                Check(targets[i], allowed, $"{prefix}.{name}[{i}]");
            }

            entity.Links.AddRange(targets.Distinct().Select((t, n) =>
                new EntityLink { EntityId = seed.Id, Role = role, TargetId = t, Position = n }));
        }

        switch (seed)
        {
            case SeedPerson p:
                (entity.CountryId, entity.Role) = (p.Country, p.Role);
                Check(p.Country, Countries, $"{prefix}.country");
                break;
            case SeedCountry c:
                entity.IsoCode = c.IsoCode;
                break;
            case SeedPlace p:
                (entity.Subtype, entity.CountryId, entity.PartOfId) = (p.PlaceType, p.Country, p.PartOf);
                Check(p.Country, Countries, $"{prefix}.country");
                Check(p.PartOf, Places, $"{prefix}.partOf");
                break;
            case SeedOrganization o:
                (entity.Subtype, entity.CountryId) = (o.OrgType, o.Country);
                Check(o.Country, Countries, $"{prefix}.country");
                break;
            case SeedEvent e:
                (entity.Subtype, entity.Date, entity.PlaceId, entity.PartOfId) = (e.EventType, ToDate(e.Date), e.Place, e.PartOf);
                Check(e.Place, PlacesOrCountries, $"{prefix}.place");
                Check(e.PartOf, Events, $"{prefix}.partOf");
                Link(e.Participants, LinkRole.Participant, Actors, "participants");
                break;
            case SeedAgreement a:
                (entity.Subtype, entity.Date, entity.EventId, entity.Areas) = (a.AgreementType, ToDate(a.Date), a.Event, [.. a.Areas]);
                Check(a.Event, Events, $"{prefix}.event");
                Link(a.Parties, LinkRole.Party, Actors, "parties");
                break;
            case SeedBorderCrossing b:
                (entity.Status, entity.Date) = (b.Status, ToDate(b.Opened));
                Link(b.Countries, LinkRole.Country, Countries, "countries");
                Link(b.Connects, LinkRole.Connects, Places, "connects");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(seed), seed.GetType().Name, "unknown seed entity type");
        }

        entity.Evidence = ToEvidence(seed.Evidence, prefix, e => e.EntityId = seed.Id);
        return entity;
    }

    public Fact ToFact(SeedFact f, string prefix)
    {
        Check(f.Subject, Any, $"{prefix}.subject");
        Check(f.Object, Any, $"{prefix}.object");
        Check(f.Attribution, Actors, $"{prefix}.attribution");
        if (f.Predicate is not null && !lookup.HasPredicate(f.Predicate))
        {
            error($"{prefix}.predicate", $"'{f.Predicate}' is not in the predicate vocabulary ({SeedFiles.PredicatesFile})");
        }

        return new Fact
        {
            Id = f.Id, SubjectId = f.Subject, PredicateId = f.Predicate!, ObjectId = f.Object, Value = f.Value,
            Date = ToDate(f.Date), Modality = f.Modality, AttributionId = f.Attribution, Note = f.Note,
            Evidence = ToEvidence(f.Evidence, prefix, e => e.FactId = f.Id),
        };
    }

    public Observation ToObservation(SeedObservation o, string prefix)
    {
        for (var s = 0; s < o.Subjects.Count; s++)
        {
            Check(o.Subjects[s], Any, $"{prefix}.subjects[{s}]");
        }

        Check(o.Attribution, Actors, $"{prefix}.attribution");
        return new Observation
        {
            Id = o.Id, Metric = o.Metric, Value = Quantity.Normalize(o.Value), Unit = o.Unit, Comparator = o.Comparator,
            Period = ToDate(o.Period), Modality = o.Modality, AttributionId = o.Attribution, Note = o.Note,
            Subjects = o.Subjects.Distinct().Select((s, n) => new ObservationSubject { ObservationId = o.Id, EntityId = s, Position = n }).ToList(),
            Evidence = ToEvidence(o.Evidence, prefix, e => e.ObservationId = o.Id),
        };
    }

    /// <summary>
    /// A claim: its subjects must be entities, its operands records of the seed (<paramref name="isRecord"/>: an entity, fact or
    /// observation), its qualifier one of <paramref name="qualifiers"/>, and its quote must be found in its source.
    /// </summary>
    public Claim ToClaim(SeedClaim c, string prefix, Func<string, bool> isRecord, IReadOnlySet<string> qualifiers)
    {
        for (var s = 0; s < c.Subjects.Count; s++)
        {
            Check(c.Subjects[s], Any, $"{prefix}.subjects[{s}]");
        }

        for (var o = 0; o < c.Operands.Count; o++)
        {
            if (c.Operands[o]?.Record is { } record && !isRecord(record))
            {
                error($"{prefix}.operands[{o}].record", $"'{record}' is not an entity, fact or observation of the seed");
            }
        }

        if (c.Qualifier is not null && !qualifiers.Contains(c.Qualifier))
        {
            error($"{prefix}.qualifier", $"'{c.Qualifier}' is not a qualifier of {SeedFiles.QualifiersFile}");
        }

        var claim = new Claim
        {
            Id = c.Id, SourceId = c.Source, Rule = c.Rule, Unit = c.Unit, StatedValue = Quantity.Normalize(c.Value), QualifierId = c.Qualifier ?? "",
            Missing = c.Missing, Note = c.Note, Exact = c.Quote ?? "", Prefix = "", Suffix = "",
            Operands = [.. c.Operands.Select((o, n) => new ClaimOperand { ClaimId = c.Id, Role = o.Role, RecordId = o.Record, Position = n })],
            Subjects = [.. c.Subjects.Distinct().Select((s, n) => new ClaimSubject { ClaimId = c.Id, EntityId = s, Position = n })],
        };
        if (Locate(c.Source, c.Quote, c.Occurrence, $"{prefix}.source", $"{prefix}.quote") is { } span)
        {
            (claim.Start, claim.End, claim.Prefix, claim.Suffix) = (span.Start, span.End, span.Prefix, span.Suffix);
        }

        return claim;
    }

    /// <summary>A coverage note, its quote located in its source.</summary>
    public CoverageNote? ToCoverageNote(SeedCoverageNote n, int position, string prefix) =>
        Locate(n.Source, n.Quote, n.Occurrence, $"{prefix}.source", $"{prefix}.quote") is { } span
            ? new CoverageNote
            {
                SourceId = n.Source, Position = position, Kind = n.Kind, Reason = n.Reason, Note = n.Note, Start = span.Start, End = span.End, Exact = n.Quote,
            }
            : null;

    /// <summary>
    /// Where a quote is in its source, or null after reporting why not (an unknown source at <paramref name="sourcePath"/>, a quote not
    /// found once at <paramref name="quotePath"/>); null without a report when the source or the quote is missing (the shape validator
    /// reports that).
    /// </summary>
    private QuoteSpan? Locate(string? source, string? quote, int? occurrence, string sourcePath, string quotePath)
    {
        if (source is null || quote is null)
        {
            return null;
        }

        if (lookup.TextOf(source) is not { } text)
        {
            error(sourcePath, $"'{source}' is not a known source ({SeedFiles.SourcesFile})");
            return null;
        }

        var (span, reason) = QuoteLocator.Locate(text, quote, occurrence);
        if (span is null)
        {
            error(quotePath, $"{reason} ('{source}'): \"{quote}\"");
        }

        return span;
    }

    public static FuzzyDate? ToDate(SeedFuzzyDate? d) => d is null ? null : new FuzzyDate
    {
        Text = d.Text, From = d.From, To = d.To, Precision = d.Precision, Qualifier = d.Qualifier, Basis = d.Basis, Note = d.Note,
    };

    private List<Evidence> ToEvidence(IReadOnlyList<SeedEvidence> quotes, string prefix, Action<Evidence> own)
    {
        var result = new List<Evidence>();
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            var at = $"{prefix}.evidence[{i}]";
            if (Locate(quote.Source, quote.Exact, quote.Occurrence, $"{at}.source", $"{at}.exact") is not { } span)
            {
                continue;
            }

            var evidence = new Evidence
            {
                SourceId = quote.Source, Start = span.Start, End = span.End, Exact = quote.Exact,
                Prefix = span.Prefix, Suffix = span.Suffix, Position = i,
            };
            own(evidence);
            result.Add(evidence);
        }

        return result;
    }
}
