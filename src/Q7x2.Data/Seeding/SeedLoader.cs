using System.Security.Cryptography;
using System.Text;
using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Reads a seed folder and checks everything — shapes, ids, references, kinds, quotes against the
/// source texts — before anything is written. Throws <see cref="SeedValidationException"/> listing
/// every error found.
/// </summary>
public static class SeedLoader
{
    private static readonly string[] Any = [];
    private static readonly string[] Countries = [EntityKind.Country];
    private static readonly string[] Places = [EntityKind.Place];
    private static readonly string[] PlacesOrCountries = [EntityKind.Place, EntityKind.Country];
    private static readonly string[] Events = [EntityKind.Event];
    private static readonly string[] Actors = [EntityKind.Person, EntityKind.Country, EntityKind.Organization];

    public static SeedSet Load(string root)
    {
        var errors = new List<SeedError>();
        var files = SeedFileReader.Read(root, errors, out var unreadable);
        if (unreadable)
        {
            throw new SeedValidationException(errors);
        }

        var texts = ReadSourceTexts(files, errors);
        var kinds = CollectIds(files, errors);
        var predicates = files.Predicates.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        Reference Ref(string file, string path) => (id, allowed, name) =>
        {
            if (id is null)
            {
                return;
            }

            if (!kinds.TryGetValue(id, out var kind))
            {
                errors.Add(new SeedError(file, $"{path}.{name}", $"'{id}' does not name any entity"));
            }
            else if (allowed.Length > 0 && !allowed.Contains(kind))
            {
                errors.Add(new SeedError(file, $"{path}.{name}", $"'{id}' is a {kind}; expected {string.Join(" or ", allowed)}"));
            }
        };

        var entities = new List<Entity>();
        foreach (var (seed, kind, file, path) in files.Entities())
        {
            var check = Ref(file, path);
            var entity = ToEntity(seed, kind, check);
            entity.Evidence = ToEvidence(seed.Evidence, texts, file, path, errors, e => e.EntityId = seed.Id);
            entities.Add(entity);
        }

        var facts = files.Facts.Select((f, i) =>
        {
            var path = $"$.facts[{i}]";
            var check = Ref(SeedFiles.FactsFile, path);
            check(f.Subject, Any, "subject");
            check(f.Object, Any, "object");
            check(f.Attribution, Actors, "attribution");
            if (!predicates.Contains(f.Predicate))
            {
                errors.Add(new SeedError(SeedFiles.FactsFile, $"{path}.predicate", $"'{f.Predicate}' is not in {SeedFiles.PredicatesFile}"));
            }

            return new Fact
            {
                Id = f.Id, SubjectId = f.Subject, PredicateId = f.Predicate, ObjectId = f.Object, Value = f.Value,
                Date = ToDate(f.Date), Modality = f.Modality, AttributionId = f.Attribution, Note = f.Note,
                Evidence = ToEvidence(f.Evidence, texts, SeedFiles.FactsFile, path, errors, e => e.FactId = f.Id),
            };
        }).ToList();

        var observations = files.Observations.Select((o, i) =>
        {
            var path = $"$.observations[{i}]";
            var check = Ref(SeedFiles.ObservationsFile, path);
            for (var s = 0; s < o.Subjects.Count; s++)
            {
                check(o.Subjects[s], Any, $"subjects[{s}]");
            }

            check(o.Attribution, Actors, "attribution");
            return new Observation
            {
                Id = o.Id, Metric = o.Metric, Value = Quantity.Normalize(o.Value), Unit = o.Unit, Comparator = o.Comparator,
                Period = ToDate(o.Period), Modality = o.Modality, AttributionId = o.Attribution, Note = o.Note,
                Subjects = o.Subjects.Distinct().Select((s, n) => new ObservationSubject { ObservationId = o.Id, EntityId = s, Position = n }).ToList(),
                Evidence = ToEvidence(o.Evidence, texts, SeedFiles.ObservationsFile, path, errors, e => e.ObservationId = o.Id),
            };
        }).ToList();

        for (var i = 0; i < files.NotFacts.Count; i++)
        {
            if (!texts.ContainsKey(files.NotFacts[i].Source))
            {
                errors.Add(new SeedError(SeedFiles.NotFactsFile, $"$.notFacts[{i}].source", $"'{files.NotFacts[i].Source}' is not in {SeedFiles.SourcesFile}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }

        var sources = files.Sources.Select(s => new Source
        {
            Id = s.Id, Title = s.Title, Publisher = s.Publisher, Language = s.Language, Published = ToDate(s.Published),
            Text = texts[s.Id].Text, Sha256 = texts[s.Id].Sha256, CharCount = CodePoints.Count(texts[s.Id].Text),
        }).ToList();
        var vocabulary = files.Predicates.Select(p => new Predicate
        {
            Id = p.Id, Label = p.Label, InverseLabel = p.InverseLabel, Description = p.Description,
        }).ToList();
        return new SeedSet(sources, vocabulary, entities, facts, observations, files.NotFacts);
    }

    private delegate void Reference(string? id, string[] allowedKinds, string name);

    private static Entity ToEntity(SeedEntity seed, string kind, Reference check)
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
                check(targets[i], allowed, $"{name}[{i}]");
            }

            entity.Links.AddRange(targets.Distinct().Select((t, n) =>
                new EntityLink { EntityId = seed.Id, Role = role, TargetId = t, Position = n }));
        }

        switch (seed)
        {
            case SeedPerson p:
                (entity.CountryId, entity.Role) = (p.Country, p.Role);
                check(p.Country, Countries, "country");
                break;
            case SeedCountry c:
                entity.IsoCode = c.IsoCode;
                break;
            case SeedPlace p:
                (entity.Subtype, entity.CountryId, entity.PartOfId) = (p.PlaceType, p.Country, p.PartOf);
                check(p.Country, Countries, "country");
                check(p.PartOf, Places, "partOf");
                break;
            case SeedOrganization o:
                (entity.Subtype, entity.CountryId) = (o.OrgType, o.Country);
                check(o.Country, Countries, "country");
                break;
            case SeedEvent e:
                (entity.Subtype, entity.Date, entity.PlaceId, entity.PartOfId) = (e.EventType, ToDate(e.Date), e.Place, e.PartOf);
                check(e.Place, PlacesOrCountries, "place");
                check(e.PartOf, Events, "partOf");
                Link(e.Participants, LinkRole.Participant, Actors, "participants");
                break;
            case SeedAgreement a:
                (entity.Subtype, entity.Date, entity.EventId, entity.Areas) = (a.AgreementType, ToDate(a.Date), a.Event, [.. a.Areas]);
                check(a.Event, Events, "event");
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

        return entity;
    }

    private static FuzzyDate? ToDate(SeedFuzzyDate? d) => d is null ? null : new FuzzyDate
    {
        Text = d.Text, From = d.From, To = d.To, Precision = d.Precision, Qualifier = d.Qualifier, Basis = d.Basis, Note = d.Note,
    };

    private static List<Evidence> ToEvidence(
        IReadOnlyList<SeedEvidence> quotes, IReadOnlyDictionary<string, SourceText> texts,
        string file, string path, List<SeedError> errors, Action<Evidence> own)
    {
        var result = new List<Evidence>();
        for (var i = 0; i < quotes.Count; i++)
        {
            var quote = quotes[i];
            var at = $"{path}.evidence[{i}]";
            if (!texts.TryGetValue(quote.Source, out var source))
            {
                errors.Add(new SeedError(file, $"{at}.source", $"'{quote.Source}' is not in {SeedFiles.SourcesFile}"));
                continue;
            }

            var (span, error) = QuoteLocator.Locate(source.Text, quote.Exact, quote.Occurrence);
            if (span is null)
            {
                errors.Add(new SeedError(file, $"{at}.exact", $"{error} ('{quote.Source}'): \"{quote.Exact}\""));
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

    private sealed record SourceText(string Text, string Sha256);

    private static Dictionary<string, SourceText> ReadSourceTexts(SeedFiles files, List<SeedError> errors)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        for (var i = 0; i < files.Sources.Count; i++)
        {
            var source = files.Sources[i];
            var path = Path.Combine(files.Root, source.File);
            if (!File.Exists(path))
            {
                errors.Add(new SeedError(SeedFiles.SourcesFile, $"$.sources[{i}].file", $"'{source.File}' not found"));
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            string text;
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new SeedError(SeedFiles.SourcesFile, $"$.sources[{i}].file", $"'{source.File}' is not valid UTF-8"));
                continue;
            }

            if (!texts.TryAdd(source.Id, new SourceText(text, Convert.ToHexStringLower(SHA256.HashData(bytes)))))
            {
                errors.Add(new SeedError(SeedFiles.SourcesFile, $"$.sources[{i}].id", $"'{source.Id}' is used twice"));
            }
        }

        return texts;
    }

    /// <summary>Entity ids with their kinds; an id used twice anywhere (entities, facts, observations, predicates) is an error.</summary>
    private static Dictionary<string, string> CollectIds(SeedFiles files, List<SeedError> errors)
    {
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);

        void Claim(string id, string file, string path)
        {
            if (!seen.TryAdd(id, $"{file} {path}"))
            {
                errors.Add(new SeedError(file, $"{path}.id", $"'{id}' is already used by {seen[id]}"));
            }
        }

        foreach (var (entity, kind, file, path) in files.Entities())
        {
            Claim(entity.Id, file, path);
            kinds.TryAdd(entity.Id, kind);
        }

        for (var i = 0; i < files.Facts.Count; i++)
        {
            Claim(files.Facts[i].Id, SeedFiles.FactsFile, $"$.facts[{i}]");
        }

        for (var i = 0; i < files.Observations.Count; i++)
        {
            Claim(files.Observations[i].Id, SeedFiles.ObservationsFile, $"$.observations[{i}]");
        }

        for (var i = 0; i < files.Predicates.Count; i++)
        {
            Claim(files.Predicates[i].Id, SeedFiles.PredicatesFile, $"$.predicates[{i}]");
        }

        return kinds;
    }
}
