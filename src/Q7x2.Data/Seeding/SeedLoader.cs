using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Reads a seed folder and checks everything — shapes, ids, references, kinds, quotes against the source texts — handing
/// each record on as soon as it is checked, and throws <see cref="SeedValidationException"/> listing every error found.
/// Facts and observations, nearly all of a large seed, are read one at a time; the texts, entities and ids are held.
/// </summary>
public static class SeedLoader
{
    /// <summary>The whole seed, in memory: for tests and tools that look at a seed rather than store it.</summary>
    public static SeedSet Load(string root)
    {
        var sink = new Collected();
        var notFacts = Read(root, sink);
        return new SeedSet(sink.SourceList, sink.PredicateList, [.. sink.EntityList.Select(e => e.Record)], sink.FactList,
            sink.ObservationList, notFacts, sink.QualifierList, sink.ClaimList, sink.NoteList);
    }

    /// <summary>
    /// Reads and checks the seed in <paramref name="root"/>, handing its records to <paramref name="sink"/>. Returns the
    /// not-facts (which are checked, never stored).
    /// </summary>
    public static IReadOnlyList<SeedNotFact> Read(string root, ISeedSink sink)
    {
        var errors = new List<SeedError>();
        var unreadable = false;
        var sources = SeedFileReader.ReadList(root, SeedFiles.SourcesFile, "sources", new SeedSourceValidator(), errors, ref unreadable);
        var predicates = SeedFileReader.ReadList(root, SeedFiles.PredicatesFile, "predicates", new SeedPredicateValidator(), errors, ref unreadable);
        var entities = ReadEntities(root, errors, ref unreadable);

        // A file that could not be read is reported alone: the absence of its records is not reported again as dangling
        // references. The other files are still read for their shapes.
        var ids = new Ids(errors);
        var texts = unreadable ? [] : ReadSourceTexts(root, sources, errors);
        var notes = ReadCoverageNotes(root, texts, errors, ref unreadable);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entity, kind, file, member, index) in entities)
        {
            ids.Claim(entity.Id, file, member, index);
            kinds.TryAdd(entity.Id, kind);
        }

        var current = "";
        var lookup = new Lookup(kinds, predicates.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), texts);
        var records = new SeedRecords(lookup, (path, reason) => errors.Add(new SeedError(current, path, reason)));
        var located = new List<SeedLocated<Entity>>(entities.Count);
        foreach (var (entity, kind, file, member, index) in unreadable ? [] : entities)
        {
            current = file;
            var path = $"$.{member}[{index}]";
            located.Add(new SeedLocated<Entity>(records.ToEntity(entity, kind, path), file, path));
        }

        if (errors.Count == 0)
        {
            sink.Sources([.. sources.Select(s => new Source
            {
                Id = s.Id, Title = s.Title, Publisher = s.Publisher, Language = s.Language, Published = SeedRecords.ToDate(s.Published),
                Text = texts[s.Id].Text, Sha256 = texts[s.Id].Sha256, CharCount = CodePoints.Count(texts[s.Id].Text),
                License = s.License, RightsHolder = s.RightsHolder, Url = s.Url, TextRedistributable = s.TextRedistributable,
            })], notes);
            sink.Predicates([.. predicates.Select(p => new Predicate
            {
                Id = p.Id, Label = p.Label, InverseLabel = p.InverseLabel, Description = p.Description,
            })]);
            sink.Entities(located);
        }

        current = SeedFiles.FactsFile;
        unreadable |= !SeedFileReader.Read(root, SeedFiles.FactsFile, "facts", new SeedFactValidator(), errors, (f, i) =>
        {
            if (!unreadable)
            {
                ids.Claim(f.Id, SeedFiles.FactsFile, "facts", i);
                var fact = records.ToFact(f, $"$.facts[{i}]");
                if (errors.Count == 0)
                {
                    sink.Fact(fact, i);
                }
            }
        }, SeedQuickChecks.Fact);
        current = SeedFiles.ObservationsFile;
        unreadable |= !SeedFileReader.Read(root, SeedFiles.ObservationsFile, "observations", new SeedObservationValidator(), errors, (o, i) =>
        {
            if (!unreadable)
            {
                ids.Claim(o.Id, SeedFiles.ObservationsFile, "observations", i);
                var observation = records.ToObservation(o, $"$.observations[{i}]");
                if (errors.Count == 0)
                {
                    sink.Observation(observation, i);
                }
            }
        }, SeedQuickChecks.Observation);
        var notFacts = SeedFileReader.ReadList(root, SeedFiles.NotFactsFile, "notFacts", new SeedNotFactValidator(), errors, ref unreadable);
        ReadClaims(root, sink, ids, records, errors, ref unreadable, file => current = file);
        if (!unreadable)
        {
            for (var i = 0; i < predicates.Count; i++)
            {
                ids.Claim(predicates[i].Id, SeedFiles.PredicatesFile, "predicates", i);
            }

            for (var i = 0; i < notFacts.Count; i++)
            {
                if (!texts.ContainsKey(notFacts[i].Source))
                {
                    errors.Add(new SeedError(SeedFiles.NotFactsFile, $"$.notFacts[{i}].source", $"'{notFacts[i].Source}' is not in {SeedFiles.SourcesFile}"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }

        return notFacts;
    }

    /// <summary>The coverage notes (the file is optional), each quote located in its source; numbered in file order per source.</summary>
    private static List<CoverageNote> ReadCoverageNotes(string root, Dictionary<string, SourceText> texts, List<SeedError> errors, ref bool unreadable)
    {
        if (!File.Exists(Path.Combine(root, SeedFiles.CoverageFile)))
        {
            return [];
        }

        var seedNotes = SeedFileReader.ReadList(root, SeedFiles.CoverageFile, "notes", new SeedCoverageNoteValidator(), errors, ref unreadable);
        var records = new SeedRecords(new Lookup([], [], texts), (path, reason) => errors.Add(new SeedError(SeedFiles.CoverageFile, path, reason)));
        var notes = new List<CoverageNote>(seedNotes.Count);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < seedNotes.Count; i++)
        {
            var position = positions.GetValueOrDefault(seedNotes[i].Source ?? "");
            if (records.ToCoverageNote(seedNotes[i], position, $"$.notes[{i}]") is { } note)
            {
                positions[note.SourceId] = position + 1;
                notes.Add(note);
            }
        }

        return notes;
    }

    /// <summary>
    /// The claims and their qualifiers, when the seed has them (both files are optional): read after every other record, which
    /// their operands may name.
    /// </summary>
    private static void ReadClaims(
        string root, ISeedSink sink, Ids ids, SeedRecords records, List<SeedError> errors, ref bool unreadable, Action<string> reading)
    {
        List<SeedClaimQualifier> qualifiers = File.Exists(Path.Combine(root, SeedFiles.QualifiersFile))
            ? SeedFileReader.ReadList(root, SeedFiles.QualifiersFile, "qualifiers", new SeedClaimQualifierValidator(), errors, ref unreadable)
            : [];
        List<SeedClaim> seedClaims = File.Exists(Path.Combine(root, SeedFiles.ClaimsFile))
            ? SeedFileReader.ReadList(root, SeedFiles.ClaimsFile, "claims", new SeedClaimValidator(), errors, ref unreadable)
            : [];
        if (unreadable)
        {
            return;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < qualifiers.Count; i++)
        {
            if (!known.Add(qualifiers[i].Id))
            {
                errors.Add(new SeedError(SeedFiles.QualifiersFile, $"$.qualifiers[{i}].id", $"'{qualifiers[i].Id}' is used twice"));
            }
        }

        reading(SeedFiles.ClaimsFile);
        var claims = new List<Claim>(seedClaims.Count);
        for (var i = 0; i < seedClaims.Count; i++)
        {
            ids.Claim(seedClaims[i].Id, SeedFiles.ClaimsFile, "claims", i);
            claims.Add(records.ToClaim(seedClaims[i], $"$.claims[{i}]", id => ids.IsRecord(id), known));
        }

        if (errors.Count == 0)
        {
            sink.Claims([.. qualifiers.Select(q => new ClaimQualifier
            {
                Id = q.Id, Label = q.Label, Description = q.Description, LowerFactor = Quantity.Normalize(q.LowerFactor),
                LowerInclusive = q.LowerInclusive, UpperFactor = q.UpperFactor is { } upper ? Quantity.Normalize(upper) : null,
                UpperInclusive = q.UpperInclusive,
            })], claims);
        }
    }

    /// <summary>Every entity of every kind's file, with the file, its root member and its index there.</summary>
    private static List<(SeedEntity Entity, string Kind, string File, string Root, int Index)> ReadEntities(
        string root, List<SeedError> errors, ref bool unreadable)
    {
        var entities = new List<(SeedEntity, string, string, string, int)>();
        void Add<T>(string kind, IValidator<T> validator, ref bool unreadable)
            where T : SeedEntity
        {
            var (file, member) = SeedFiles.EntityFiles[kind];
            var items = SeedFileReader.ReadList(root, file, member, validator, errors, ref unreadable, SeedQuickChecks.Entity);
            entities.AddRange(items.Select((e, i) => ((SeedEntity)e, kind, file, member, i)));
        }

        Add(EntityKind.Person, new SeedPersonValidator(), ref unreadable);
        Add(EntityKind.Country, new SeedCountryValidator(), ref unreadable);
        Add(EntityKind.Place, new SeedPlaceValidator(), ref unreadable);
        Add(EntityKind.Organization, new SeedOrganizationValidator(), ref unreadable);
        Add(EntityKind.Event, new SeedEventValidator(), ref unreadable);
        Add(EntityKind.Agreement, new SeedAgreementValidator(), ref unreadable);
        Add(EntityKind.BorderCrossing, new SeedBorderCrossingValidator(), ref unreadable);
        return entities;
    }

    private sealed class Lookup(
        Dictionary<string, string> kinds, HashSet<string> predicates, Dictionary<string, SourceText> texts) : ISeedLookup
    {
        public string? KindOf(string id) => kinds.GetValueOrDefault(id);

        public bool HasPredicate(string id) => predicates.Contains(id);

        public string? TextOf(string sourceId) => texts.GetValueOrDefault(sourceId)?.Text;
    }

    private sealed record SourceText(string Text, string Sha256);

    private static Dictionary<string, SourceText> ReadSourceTexts(string root, List<SeedSource> sources, List<SeedError> errors)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var path = Path.Combine(root, source.File);
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

    /// <summary>
    /// Every id of the seed and where it is first used; an id used twice anywhere (entities, facts, observations,
    /// predicates) is an error. Where is kept as two numbers: a million ids are a million entries.
    /// </summary>
    private sealed class Ids(List<SeedError> errors)
    {
        private readonly Dictionary<string, (int File, int Index)> _seen = new(StringComparer.Ordinal);
        private readonly List<(string File, string Root)> _files = [];

        public void Claim(string id, string file, string root, int index)
        {
            var at = _files.IndexOf((file, root));
            if (at < 0)
            {
                _files.Add((file, root));
                at = _files.Count - 1;
            }

            if (!_seen.TryAdd(id, (at, index)))
            {
                var (first, firstIndex) = _seen[id];
                errors.Add(new SeedError(file, $"$.{root}[{index}].id",
                    $"'{id}' is already used by {_files[first].File} $.{_files[first].Root}[{firstIndex}]"));
            }
        }

        /// <summary>Whether the id is an entity's, a fact's or an observation's (not a predicate's or a claim's).</summary>
        public bool IsRecord(string id) =>
            _seen.TryGetValue(id, out var at) && _files[at.File].Root is not ("predicates" or "claims");
    }

    /// <summary>Holds everything it is handed.</summary>
    private sealed class Collected : ISeedSink
    {
        public List<Source> SourceList { get; } = [];
        public List<Predicate> PredicateList { get; } = [];
        public List<SeedLocated<Entity>> EntityList { get; } = [];
        public List<Fact> FactList { get; } = [];
        public List<Observation> ObservationList { get; } = [];
        public List<ClaimQualifier> QualifierList { get; } = [];
        public List<Claim> ClaimList { get; } = [];
        public List<CoverageNote> NoteList { get; } = [];

        public void Sources(IReadOnlyList<Source> sources, IReadOnlyList<CoverageNote> notes)
        {
            SourceList.AddRange(sources);
            NoteList.AddRange(notes);
        }

        public void Predicates(IReadOnlyList<Predicate> predicates) => PredicateList.AddRange(predicates);

        public void Entities(IReadOnlyList<SeedLocated<Entity>> entities) => EntityList.AddRange(entities);

        public void Fact(Fact fact, int index) => FactList.Add(fact);

        public void Observation(Observation observation, int index) => ObservationList.Add(observation);

        public void Claims(IReadOnlyList<ClaimQualifier> qualifiers, IReadOnlyList<Claim> claims)
        {
            QualifierList.AddRange(qualifiers);
            ClaimList.AddRange(claims);
        }
    }
}
